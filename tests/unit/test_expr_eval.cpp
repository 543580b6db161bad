// The criterion language end to end on small in-memory data: name resolution, type errors, and
// three-valued aggregates that decide as soon as the known years decide.

#include <gtest/gtest.h>

#include "TestDataset.h"
#include "expr/Compiler.h"
#include "expr/Parser.h"

using namespace thidua;
using namespace thidua::expr;
using thidua::testing_support::TestDataset;

namespace {

class NoAwards : public Host {
public:
    Tri eligible(Subject, int, int, Trace*) override { return Tri::Unknown; }
    Tri selected(Subject, int, Trace*) override { return Tri::Unknown; }
    Value registered(Subject, Trace*) override { return Value::boolean(Tri::True); }
    bool in_group(Subject, int) override { return false; }
    std::span<const Index> members(Index unit, int) override {
        return unit == m_unit ? std::span<const Index>(m_members) : std::span<const Index>();
    }
    std::pair<double, double> unit_component(Index, int) override { return {NAN, NAN}; }
    std::pair<double, double> component(Index, int) override { return {NAN, NAN}; }
    Index m_unit = kNoIndex;
    std::vector<Index> m_members;
};

class ExprEval : public testing::Test {
protected:
    ExprEval() : m_data(2021, 5) {
        m_province = m_data.unit("KG", UnitType::Province);
        m_unit = m_data.unit("SNV", UnitType::Department, m_province);
        m_alice = m_data.person("P1", m_unit, Gender::Female);
        m_bob = m_data.person("P2", m_unit, Gender::Male);
        m_host.m_unit = m_unit;
        m_host.m_members = {m_alice, m_bob};
        static const std::string rate_src = "100 * par_score / par_max";
        m_rate = parse(rate_src).value();
        m_env.add_definition("rate", m_rate.get(), 0, Interval{0, 100});
    }

    void rating(int year, const char* id) {
        m_data.unit_years().par_rating[m_data.slot(m_unit, year)] =
            static_cast<int8_t>(par_rating_scale_code(id));
    }
    static int par_rating_scale_code(const char* id) {
        return *parse_scale_value(par_rating_scale(), id);
    }
    void score(int year, double s) {
        m_data.unit_years().par_score[m_data.slot(m_unit, year)] = s;
        m_data.unit_years().par_max[m_data.slot(m_unit, year)] = 100;
    }

    // Compiles for the unit (or a person) and evaluates in the period 2021-2025.
    Value eval(const std::string& text, SubjectKind kind = SubjectKind::Unit,
               Trace* trace = nullptr) {
        m_source = parse(text).value();
        Compiler compiler(m_env);
        m_node = compiler.compile(*m_source, kind, 1);
        if (!m_node) {
            m_error = compiler.errors().empty() ? "?" : compiler.errors().front().message;
            return Value{};
        }
        Context ctx;
        ctx.data = &m_data.data();
        ctx.host = &m_host;
        ctx.subject = kind == SubjectKind::Unit ? Subject{SubjectKind::Unit, m_unit}
                                                : Subject{SubjectKind::Person, m_alice};
        ctx.year = 2025;
        ctx.first_year = 2021;
        ctx.last_year = 2025;
        ctx.trace = trace;
        return m_node->eval(ctx);
    }
    Tri tri(const std::string& text, SubjectKind kind = SubjectKind::Unit) {
        return eval(text, kind).tri;
    }
    std::string error_of(const std::string& text, SubjectKind kind = SubjectKind::Unit) {
        m_error.clear();
        eval(text, kind);
        return m_error;
    }

    TestDataset m_data;
    NoAwards m_host;
    Environment m_env;
    SyntaxPtr m_rate, m_source;
    NodePtr m_node;
    std::string m_error;
    Index m_province, m_unit, m_alice, m_bob;
};

TEST_F(ExprEval, EveryYearFailsOnTheFirstKnownBadYearEvenWithGaps) {
    rating(2021, "tot");
    rating(2022, "kha");  // below tot: nothing later can save it
    EXPECT_EQ(tri("all(years, par_rating >= tot)"), Tri::False);
}

TEST_F(ExprEval, EveryYearIsUnknownWhileGoodSoFar) {
    rating(2021, "tot");
    rating(2022, "xuat-sac");
    EXPECT_EQ(tri("all(years, par_rating >= tot)"), Tri::Unknown);
    for (int y = 2023; y <= 2025; ++y)
        rating(y, "tot");
    EXPECT_EQ(tri("all(years, par_rating >= tot)"), Tri::True);
}

TEST_F(ExprEval, AtLeastThreePassesAsSoonAsThreeAreKnown) {
    rating(2021, "xuat-sac");
    rating(2022, "xuat-sac");
    EXPECT_EQ(tri("count(years, par_rating == xuat-sac) >= 3"), Tri::Unknown);
    rating(2024, "xuat-sac");
    EXPECT_EQ(tri("count(years, par_rating == xuat-sac) >= 3"), Tri::True);  // 2023, 2025 unknown
}

TEST_F(ExprEval, AtLeastThreeFailsWhenTooFewYearsRemainUnknown) {
    rating(2021, "tot");
    rating(2022, "tot");
    rating(2023, "xuat-sac");
    // At most 1 + 2 unknown = 3: still possible.
    EXPECT_EQ(tri("count(years, par_rating == xuat-sac) >= 3"), Tri::Unknown);
    rating(2024, "kha");
    EXPECT_EQ(tri("count(years, par_rating == xuat-sac) >= 3"), Tri::False);
}

TEST_F(ExprEval, MeanFailsWhenEvenFullMarksInUnknownYearsCannotReach) {
    score(2021, 60);
    score(2022, 60);
    score(2023, 60);
    score(2024, 60);
    // Best case (60*4 + 100) / 5 = 68 < 80.
    EXPECT_EQ(tri("mean(years, rate) >= 80"), Tri::False);
    // Worst case (60*4 + 0) / 5 = 48 < 50 and best 68 >= 50: undecided.
    EXPECT_EQ(tri("mean(years, rate) >= 50"), Tri::Unknown);
    score(2025, 90);
    const Value v = eval("mean(years, rate)");
    EXPECT_DOUBLE_EQ(v.range.lo, 66);
    EXPECT_TRUE(v.range.known());
}

TEST_F(ExprEval, RateIsClampedToItsDeclaredRangeWhenUnknown) {
    const Value v = eval("rate@2023");
    EXPECT_DOUBLE_EQ(v.range.lo, 0);
    EXPECT_DOUBLE_EQ(v.range.hi, 100);
}

TEST_F(ExprEval, PendingDisciplinaryReviewIsUnknownNotFailed) {
    m_data.unit_years().disciplined[m_data.slot(m_unit, 2025)] = kReview;
    const Value v = eval("not disciplined");
    EXPECT_EQ(v.tri, Tri::Unknown);
    EXPECT_EQ(v.why, Unknown::Pending);
    m_data.unit_years().disciplined[m_data.slot(m_unit, 2025)] = 0;
    EXPECT_EQ(tri("not disciplined"), Tri::True);
}

TEST_F(ExprEval, MembersAggregateOverThePeopleOfTheUnitThatYear) {
    auto& py = m_data.person_years();
    py.rating[m_data.slot(m_alice, 2025)] = *parse_scale_value(person_rating_scale(), "htxs");
    EXPECT_EQ(tri("all(members, rating >= htt)"), Tri::Unknown);  // Bob's rating is blank
    py.rating[m_data.slot(m_bob, 2025)] = *parse_scale_value(person_rating_scale(), "ht");
    EXPECT_EQ(tri("all(members, rating >= htt)"), Tri::False);
    const Value share = eval("share(members, gender == nu)");
    EXPECT_DOUBLE_EQ(share.range.lo, 50);
}

TEST_F(ExprEval, MissingFactsAreNamedWithFileColumnAndYear) {
    rating(2021, "xuat-sac");
    Trace trace;
    eval("all(years, par_rating >= tot)", SubjectKind::Unit, &trace);
    ASSERT_EQ(trace.missing.size(), 4u);
    EXPECT_STREQ(trace.missing[0].file, "unit_years");
    EXPECT_STREQ(trace.missing[0].column, "par_rating");
    EXPECT_EQ(trace.missing[0].year, 2022);
}

TEST_F(ExprEval, CoalesceForgetsWhatItDidNotNeed) {
    score(2025, 95);
    Trace trace;
    const Value v = eval("coalesce(par_rating, if rate >= 90 then xuat-sac else tot) == xuat-sac",
                         SubjectKind::Unit, &trace);
    EXPECT_EQ(v.tri, Tri::True);
    EXPECT_TRUE(trace.missing.empty());
}

TEST_F(ExprEval, NavigationReadsAnotherUnitsFacts) {
    m_data.unit_years().par_rank[m_data.slot(m_province, 2024)] = 20;
    m_data.unit_years().par_rank[m_data.slot(m_province, 2025)] = 12;
    EXPECT_EQ(tri("province.par_rank < province.par_rank@(year - 1)"), Tri::True);
}

TEST_F(ExprEval, TypeErrorsNameBothSides) {
    EXPECT_EQ(
        error_of("par_rating >= htt"),
        "không so sánh được xếp loại par_rating (xuat-sac, tot, kha, trung-binh, yeu) với xếp "
        "loại rating (htxs, htt, ht, kht)");
    EXPECT_EQ(error_of("all(years, rate)"),
              "biểu thức trong all() phải là đúng/sai nhưng đây là số");
    EXPECT_EQ(error_of("rating >= htt"),
              "'rating' là dữ kiện của cá nhân, không dùng được cho đơn vị ở đây");
    EXPECT_EQ(error_of("count(people, rate > 1)"),
              "đối số đầu của 'count' phải là years, members hoặc member_years");
    EXPECT_EQ(error_of("all(members, excellent_par)", SubjectKind::Person),
              "'members' là những người của một đơn vị; ở đây đang xét cá nhân");
}

TEST_F(ExprEval, UnknownNamesGetSuggestions) {
    EXPECT_EQ(error_of("satisfation > 90"),
              "không biết tên 'satisfation'; có phải 'satisfaction'?");
    EXPECT_EQ(error_of("rate@year-1"),
              "không biết tên 'year-1'; nếu là phép trừ, hãy viết có dấu cách: 'year - 1'");
}

TEST_F(ExprEval, LabelsComparedWithARatingBeatNavigationNames) {
    auto& py = m_data.person_years();
    py.initiative_level[m_data.slot(m_alice, 2025)] =
        *parse_scale_value(initiative_level_scale(), "province");
    EXPECT_EQ(tri("initiative_level >= district", SubjectKind::Person), Tri::True);
    EXPECT_EQ(tri("initiative_level >= national", SubjectKind::Person), Tri::False);
}

}  // namespace
