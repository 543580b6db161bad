// Units merged in the 2025 reorganisation: the lineage table, whose years are whose, and each
// history rule on a commune whose predecessors disagree (one rated excellent, one fair). The
// expectations follow from the rules' definitions in plan/LineageRules.h, worked out by hand.

#include <gtest/gtest.h>

#include <cmath>

#include "TestDataset.h"
#include "eval/Evaluator.h"
#include "forms/Agency.h"
#include "forms/FormBinder.h"
#include "forms/IssuerSuccession.h"
#include "io/DatasetSource.h"
#include "io/dataset/DatasetReader.h"
#include "io/plan/PlanLoader.h"
#include "model/Lineage.h"

namespace thidua {
namespace {

using testing_support::TestDataset;

Date d(int y, int m, int day) {
    return *Date::from_ymd(y, m, day);
}

const char* kUnits =
    "id,name,type,parent_id,tags,successor_of,active_from,active_to\n"
    "CT,Ủy ban nhân dân huyện Châu Thành,district,,,,,2025-06-30\n"
    "TT,Ủy ban nhân dân thị trấn Châu Thành,commune,CT,,,,\n"
    "PT,Ủy ban nhân dân xã Phú Tâm,commune,CT,,,,\n"
    "NEW,Ủy ban nhân dân xã Phú Tâm,commune,,,,,\n";

std::string messages(const Diagnostics& ds) {
    std::string out;
    for (const Diagnostic& x : ds)
        out += x.format_bilingual() + "\n";
    return out;
}

TEST(LineageTable, AddsPredecessorsWeightsTheMainOneAndFillsDates) {
    DatasetFiles f;
    f["units.csv"] = kUnits;
    f["lineage.csv"] =
        "old_id,new_id,date,weight,main\n"
        "TT,NEW,2025-07-01,\"12500,5\",x\n"
        "PT,NEW,01/07/2025,9800,\n";
    auto data = read_dataset_from_memory(f);
    ASSERT_TRUE(data) << messages(data.error());
    const Unit& n = data->units[3];
    ASSERT_EQ(n.successor_of, (std::vector<Index>{1, 2}));
    EXPECT_DOUBLE_EQ(n.predecessor_weight[0], 12500.5);
    EXPECT_DOUBLE_EQ(n.predecessor_weight[1], 9800);
    EXPECT_EQ(n.main_predecessor, 1);
    EXPECT_EQ(n.active_from, d(2025, 7, 1));
    EXPECT_EQ(data->units[1].active_to, d(2025, 6, 30));
    EXPECT_EQ(data->units[2].active_to, d(2025, 6, 30));
    EXPECT_TRUE(data->has_lineage);
}

TEST(LineageTable, ListsEveryBadRowWithItsColumnAndValue) {
    DatasetFiles f;
    f["units.csv"] = std::string(kUnits) + "OLD,Xã cũ,commune,CT,,,,2024-12-31\n";
    f["lineage.csv"] =
        "old_id,new_id,date,weight,main\n"
        "TT,NOPE,2025-07-01,1,\n"   // unknown unit
        "TT,NEW,2025-07-01,0,1\n"   // weight must be > 0
        "PT,NEW,2025-07-01,1,1\n"   // a second main predecessor
        "OLD,NEW,2025-07-01,1,\n"   // OLD ended 2024-12-31, not 2025-06-30
        "NEW,NEW,2025-07-01,1,\n";  // itself
    auto data = read_dataset_from_memory(f);
    ASSERT_FALSE(data);
    const std::string text = messages(data.error());
    EXPECT_NE(text.find("lineage.csv:2"), std::string::npos) << text;
    EXPECT_NE(text.find("\"NOPE\""), std::string::npos) << text;
    EXPECT_NE(text.find("lineage.csv:3: cột \"weight\""), std::string::npos) << text;
    EXPECT_NE(text.find("lineage.csv:4: cột \"main\""), std::string::npos) << text;
    EXPECT_NE(text.find("lineage.csv:5: cột \"date\""), std::string::npos) << text;
    EXPECT_NE(text.find("lineage.csv:6: cột \"new_id\""), std::string::npos) << text;
}

TEST(LineageTable, AppliesToStoredUnitsOnlyWhenEveryRowIsGood) {
    DatasetFiles f;
    f["units.csv"] = kUnits;
    auto data = read_dataset_from_memory(f);
    ASSERT_TRUE(data);
    Dataset units = *data;
    EXPECT_FALSE(
        apply_lineage_table(units, "old_id,new_id,date\nTT,NEW,2025-07-01\nX,NEW,2025-07-01\n"));
    EXPECT_TRUE(units.units[3].successor_of.empty()) << "nothing applied from a bad table";
    ASSERT_TRUE(apply_lineage_table(units, "old_id,new_id,date,main\nTT,NEW,2025-07-01,1\n"));
    EXPECT_EQ(units.units[3].successor_of, (std::vector<Index>{1}));
    EXPECT_EQ(units.units[3].main_predecessor, 1);
}

TEST(OwnYears, AYearIsTheUnitsWhenItWasActiveOnTheThirtyFirstOfDecember) {
    Unit closed;
    closed.active_to = d(2025, 6, 30);
    EXPECT_EQ(last_own_year(closed), 2024);
    closed.active_to = d(2024, 12, 31);
    EXPECT_EQ(last_own_year(closed), 2024);
    Unit formed;
    formed.active_from = d(2025, 7, 1);
    EXPECT_EQ(first_own_year(formed), 2025);
    EXPECT_TRUE(owns_year(formed, 2025));
    EXPECT_FALSE(owns_year(formed, 2024));
}

TEST(MainPredecessor, MarkedElseStrictlyHeaviestElseTheOnlyOne) {
    TestDataset t(2024, 1);
    const Index a = t.unit("A", UnitType::Commune), b = t.unit("B", UnitType::Commune);
    const Index n = t.unit("N", UnitType::Commune);
    Unit& u = t.data().units[n];
    u.add_predecessor(a, 5);
    u.add_predecessor(b, 5);
    EXPECT_EQ(main_predecessor(t.data(), n), kNoIndex) << "equal weights: the data does not say";
    u.predecessor_weight[1] = 6;
    EXPECT_EQ(main_predecessor(t.data(), n), b);
    u.main_predecessor = a;
    EXPECT_EQ(main_predecessor(t.data(), n), a);
}

// A commune formed on 2025-07-01 from an excellent one (A, weight 3, main) and a fair one
// (B, weight 1); one award for "rated Tốt or better every year 2023-2025", ranked by mean score.
const char* kPlan = R"yaml(
id: thu-nghiem-sap-nhap
title: Kế hoạch thử nghiệm
issuer: {name: Ủy ban nhân dân huyện Châu Thành, unit: CT}
groups:
  - {id: xa, name: Các xã, types: [commune]}
periods:
  phases:
    - {id: 2023-2025, from: 2023-01-01, to: 2025-12-31}
lineage: {history: all, closed_units: successor}
awards:
  - id: giay-khen
    name: Giấy khen
    kind: collective
    periods: phases
    groups: {xa: 3}
    criteria:
      - {id: every-year-tot, label: Hằng năm Tốt trở lên, rule: "all(years, par_rating >= tot)"}
      - {id: initiative, label: Có sáng kiến năm 2023, rule: "initiative@2023"}
    ranking:
      - {label: Điểm bình quân, key: "mean(years, par_score)"}
)yaml";

struct Merger {
    std::shared_ptr<const CompiledPlan> plan;
    TestDataset t{2023, 3};
    Index ct = 0, a = 0, b = 0, n = 0;

    Merger(double weight_a, double weight_b) {
        auto loaded = load_plan_text(kPlan, "thu-nghiem.yaml");
        EXPECT_TRUE(loaded) << (loaded ? "" : loaded.error().front().message);
        plan = *loaded;
        ct = t.unit("CT", UnitType::District);
        a = t.unit("A", UnitType::Commune, ct);
        b = t.unit("B", UnitType::Commune, ct);
        n = t.unit("N", UnitType::Commune);
        for (Index old : {a, b, ct})
            t.data().units[old].active_to = d(2025, 6, 30);
        Unit& u = t.data().units[n];
        u.active_from = d(2025, 7, 1);
        u.add_predecessor(a, weight_a);
        u.add_predecessor(b, weight_b);
        u.main_predecessor = a;
        for (int y : {2023, 2024}) {
            year(a, y, 95, 0, y == 2023);  // xuất sắc, an initiative in 2023
            year(b, y, 75, 2, false);      // khá, none
        }
        year(n, 2025, 92, 0, false);
    }

    void year(Index u, int y, double score, int8_t rating, bool initiative) {
        const size_t s = t.slot(u, y);
        t.unit_years().par_score[s] = score;
        t.unit_years().par_max[s] = 100;
        t.unit_years().par_rating[s] = rating;
        t.unit_years().initiative[s] = initiative ? 1 : 0;
        t.unit_years().present[s] = 1;
    }

    EvaluationResult run(HistoryRule rule) {
        EvaluateOptions o;
        o.history = rule;
        o.within = 0;  // CT's territory: N joins it as CT's communes' successor
        return evaluate(*plan, t.data(), *find_period(plan->spec, "2023-2025"), o);
    }
};

const CandidateOutcome& of(const EvaluationResult& r, const std::string& id) {
    for (const CandidateOutcome& c : r.awards.at(0).groups.at(0).candidates)
        if (r.data->units[c.subject.index].id == id) return c;
    throw std::logic_error("no candidate " + id);
}

std::string detail(const CandidateOutcome& c, int criterion) {
    std::string out;
    for (const expr::Observation& o : c.criteria.at(criterion).observations)
        out += std::to_string(o.subject.index) + "@" + std::to_string(o.year) + " ";
    return out;
}

TEST(HistoryRule, OwnLeavesTheYearsBeforeTheMergerUnknown) {
    Merger m(3, 1);
    const EvaluationResult r = m.run(HistoryRule::Own);
    const CandidateOutcome& n = of(r, "N");
    EXPECT_EQ(n.status, Status::Incomplete);
    EXPECT_EQ(n.criteria[0].result, expr::Tri::Unknown);
    // The old communes compete on 2023-2024 (own rule), A's award going to N.
    const CandidateOutcome& a = of(r, "A");
    ASSERT_TRUE(a.lineage);
    EXPECT_TRUE(a.lineage->competes);
    EXPECT_EQ(a.lineage->award_to, m.n);
    EXPECT_EQ(a.lineage->last_year, 2024);
    EXPECT_TRUE(a.selected);
    EXPECT_EQ(of(r, "B").status, Status::Ineligible);
}

TEST(HistoryRule, MainReadsTheMainPredecessorAndSaysWhose) {
    Merger m(3, 1);
    const EvaluationResult r = m.run(HistoryRule::Main);
    const CandidateOutcome& n = of(r, "N");
    EXPECT_EQ(n.status, Status::Eligible);
    EXPECT_TRUE(n.selected);
    // 2023 and 2024 are A's (index 1), 2025 N's own (index 3).
    EXPECT_EQ(detail(n, 0), "1@2023 1@2024 3@2025 ");
    EXPECT_NEAR(n.keys[0], (95 + 95 + 92) / 3.0, 1e-6);
    // A and B stand behind N: judged, but not competing.
    EXPECT_FALSE(of(r, "A").lineage->competes);
    EXPECT_FALSE(of(r, "A").selected);
}

TEST(HistoryRule, AllFailsWhenOnePredecessorFails) {
    Merger m(3, 1);
    const EvaluationResult r = m.run(HistoryRule::All);
    const CandidateOutcome& n = of(r, "N");
    EXPECT_EQ(n.status, Status::Ineligible);
    EXPECT_EQ(n.criteria[0].result, expr::Tri::False) << "B was khá";
    ASSERT_TRUE(n.lineage);
    EXPECT_TRUE(n.lineage->depends_on_rule);
    ASSERT_EQ(n.lineage->by_rule.size(), 4u);
    EXPECT_EQ(n.lineage->by_rule[0].second, Status::Incomplete);  // own
    EXPECT_EQ(n.lineage->by_rule[1].second, Status::Eligible);    // main
    EXPECT_EQ(n.lineage->by_rule[2].second, Status::Ineligible);  // all
    EXPECT_EQ(n.lineage->by_rule[3].second, Status::Eligible);    // weighted, 3 to 1
}

TEST(HistoryRule, WeightedTakesTheWeightedMedianRatingAndMeanScore) {
    // 3 to 1: counted from the worse end, B's khá reaches 1/4 of the weight, A's xuất sắc half:
    // the median is xuất sắc. Scores (3*95 + 75)/4 = 90 in 2023 and 2024.
    Merger heavy(3, 1);
    const EvaluationResult r = heavy.run(HistoryRule::Weighted);
    const CandidateOutcome& n = of(r, "N");
    EXPECT_EQ(n.criteria[0].result, expr::Tri::True);
    EXPECT_EQ(n.criteria[1].result, expr::Tri::True) << "initiative 2023: yes by 3 to 1";
    EXPECT_NEAR(n.keys[0], (90 + 90 + 92) / 3.0, 1e-6);
    // 1 to 1: half the weight is khá, so the (lower) median is khá: fails; the initiative is
    // split evenly: unknown, not decided for the unit.
    Merger even(1, 1);
    const EvaluationResult even_result = even.run(HistoryRule::Weighted);
    const CandidateOutcome& e = of(even_result, "N");
    EXPECT_EQ(e.criteria[0].result, expr::Tri::False);
    EXPECT_EQ(e.status, Status::Ineligible);
    // Without weights: equal ones, and the trace says so.
    Merger none(NAN, NAN);
    const EvaluationResult none_result = none.run(HistoryRule::Weighted);
    const CandidateOutcome& u = of(none_result, "N");
    ASSERT_FALSE(u.criteria[1].observations.empty());
    EXPECT_NE(u.criteria[1].observations[0].note.find("bằng nhau"), std::string::npos)
        << u.criteria[1].observations[0].note;
    EXPECT_EQ(u.criteria[1].result, expr::Tri::Unknown);
}

// N was formed after the phase's registration: A registered in 2023, B did not.
TEST(HistoryRule, ARegistrationMadeBeforeTheMergerIsReadByTheRule) {
    std::string text = kPlan;
    const std::string initiative = "rule: \"initiative@2023\"";
    text.replace(text.find(initiative), initiative.size(), "rule: registered");
    auto plan = load_plan_text(text, "thu-nghiem.yaml");
    ASSERT_TRUE(plan) << plan.error().front().message;
    Merger m(3, 1);
    m.t.data().has_registrations = true;
    m.t.data().registrations.push_back(
        {{SubjectKind::Unit, m.a}, "2023-2025", d(2023, 3, 1), false, {}});
    auto registered = [&](HistoryRule rule) {
        EvaluateOptions o;
        o.history = rule;
        const EvaluationResult r =
            evaluate(**plan, m.t.data(), *find_period((*plan)->spec, "2023-2025"), o);
        return of(r, "N").criteria.at(1).result;
    };
    EXPECT_EQ(registered(HistoryRule::Own), expr::Tri::Unknown);
    EXPECT_EQ(registered(HistoryRule::Main), expr::Tri::True);
    EXPECT_EQ(registered(HistoryRule::All), expr::Tri::False);
    EXPECT_EQ(registered(HistoryRule::Weighted), expr::Tri::True);  // 3 of 4 registered
}

TEST(HistoryRule, APlanStatesItsRuleAndABadOneIsAnErrorAtItsPlace) {
    auto plan = load_plan_text(kPlan, "thu-nghiem.yaml");
    ASSERT_TRUE(plan);
    EXPECT_TRUE((*plan)->spec.lineage.stated);
    EXPECT_EQ((*plan)->spec.lineage.history, HistoryRule::All);
    EXPECT_EQ((*plan)->spec.lineage.closed_units, ClosedAward::Successor);
    std::string bad = kPlan;
    bad.replace(bad.find("history: all"), 12, "history: al");
    auto failed = load_plan_text(bad, "thu-nghiem.yaml");
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().front().line, 10);  // `history:` is on the plan's tenth line
    EXPECT_NE(failed.error().front().message.find("own, main, all, weighted"), std::string::npos);
}

TEST(ClosedUnits, LapseWhenThePlanSaysSo) {
    std::string text = kPlan;
    text.replace(text.find("closed_units: successor"), 23, "closed_units: lapse");
    auto plan = load_plan_text(text, "thu-nghiem.yaml");
    ASSERT_TRUE(plan);
    Merger m(3, 1);
    EvaluateOptions o;
    o.history = HistoryRule::Own;
    const EvaluationResult r =
        evaluate(**plan, m.t.data(), *find_period((*plan)->spec, "2023-2025"), o);
    const CandidateOutcome& a = of(r, "A");
    EXPECT_EQ(a.status, Status::Eligible);
    EXPECT_FALSE(a.selected);
    EXPECT_FALSE(a.lineage->competes);
    EXPECT_NE(a.lineage->note.find("không chuyển"), std::string::npos) << a.lineage->note;
}

TEST(IssuerSuccession, TheLineageNamesTheSuccessorWhenThePlanDoesNot) {
    Merger m(3, 1);
    const Index city = m.t.unit("CTH", UnitType::Province);
    m.t.data().units[city].name = "Ủy ban nhân dân thành phố Cần Thơ";
    m.t.data().units[city].active_from = d(2025, 7, 1);
    m.t.data().units[city].add_predecessor(m.ct);
    const forms::IssuerStatus st = forms::issuer_status(m.plan->spec, m.t.data());
    EXPECT_TRUE(st.dissolved);
    EXPECT_EQ(st.source, forms::SuccessorSource::Lineage);
    EXPECT_EQ(st.successor, "Ủy ban nhân dân thành phố Cần Thơ");
    EXPECT_EQ(st.successor_from, d(2025, 7, 1));
    EXPECT_NE(st.warning.find("thành phố Cần Thơ"), std::string::npos);
    auto succeeded = forms::with_lineage_successor(m.plan->spec, m.t.data());
    ASSERT_TRUE(succeeded);
    const forms::Heading before = forms::authority_heading(*succeeded, d(2025, 6, 30));
    const forms::Heading after = forms::authority_heading(*succeeded, d(2026, 3, 2));
    EXPECT_EQ(before.name, "Ủy ban nhân dân huyện Châu Thành");
    EXPECT_EQ(after.name, "Ủy ban nhân dân thành phố Cần Thơ");
    EXPECT_EQ(after.place, "Cần Thơ");
    EXPECT_EQ(after.signer_title, "CHỦ TỊCH");
}

TEST(IssuerSuccession, WithoutASuccessorTheWarningAsksForOne) {
    Merger m(3, 1);
    const forms::IssuerStatus st = forms::issuer_status(m.plan->spec, m.t.data());
    EXPECT_TRUE(st.dissolved);
    EXPECT_EQ(st.source, forms::SuccessorSource::None);
    EXPECT_NE(st.warning.find("chưa có cơ quan kế thừa"), std::string::npos);
    EXPECT_FALSE(forms::with_lineage_successor(m.plan->spec, m.t.data()));
}

// Issue #7's last check, on the shipped sample: the town of Ngã Năm is gone (2025-06-30) and its
// lineage row names thành phố Cần Thơ; the plan names no successor. The phase 2021-2025 reviewed
// in 2026 still evaluates, and its decision is headed and signed by Cần Thơ.
TEST(IssuerSuccession, NgaNamPhaseReviewedIn2026IsSignedByTheSuccessor) {
    const std::filesystem::path root = THIDUA_SOURCE_DIR;
    auto plan = load_plan(root / "plans" / "nga-nam-2021-2030.yaml");
    ASSERT_TRUE(plan);
    auto data = read_dataset_path(root / "samples" / "nga-nam-2021-2030");
    ASSERT_TRUE(data);
    EvaluateOptions o;
    o.within = issuer_unit(**plan, *data);
    const EvaluationResult r = evaluate(**plan, *data, *find_period((*plan)->spec, "2021-2025"), o);
    ASSERT_FALSE(r.awards.empty());
    forms::FormRequest q{forms::FormKind::Decision, &r, d(2026, 3, 5), "", kNoIndex, "", nullptr};
    auto v = forms::bind_form(q);
    ASSERT_TRUE(v) << v.error();
    EXPECT_EQ(*v->field("co_quan.ten"), "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ");
    EXPECT_EQ(*v->field("dia_danh"), "Cần Thơ");
    EXPECT_EQ(*v->field("tham_quyen"), "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ");
    // Dated before the reorganisation, the same decision is the town's.
    forms::FormRequest before = q;
    before.date = d(2025, 6, 1);
    auto w = forms::bind_form(before);
    ASSERT_TRUE(w);
    EXPECT_EQ(*w->field("co_quan.ten"), "ỦY BAN NHÂN DÂN THỊ XÃ NGÃ NĂM");
}

}  // namespace
}  // namespace thidua
