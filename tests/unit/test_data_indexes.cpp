// The dataset's lookups kept between evaluations (DataIndexes) and the boxed per-candidate lists:
// an evaluation given kept lookups decides exactly what one building its own decides, however
// often it runs; a subject's earliest registration for the period is the one that counts.

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "FullDataset.h"
#include "base/BoxedVector.h"
#include "eval/DataIndexes.h"
#include "eval/Evaluator.h"
#include "eval/Indexes.h"
#include "gen/SyntheticDataset.h"
#include "io/DatasetSource.h"
#include "io/plan/PlanLoader.h"
#include "plan/Period.h"
#include "present/JsonReport.h"

namespace thidua {
namespace {

std::string json_of(const EvaluationResult& result) {
    std::ostringstream out;
    write_json(result, out);
    return std::move(out).str();
}

TEST(DataIndexes, KeptLookupsDecideWhatFreshOnesDo) {
    for (const char* name : {"kien-giang-2021-2025", "soc-trang-2021-2030", "nga-nam-2021-2030"}) {
        SCOPED_TRACE(name);
        const std::string root = THIDUA_SOURCE_DIR;
        const auto data = read_dataset_path(root + "/samples/" + name);
        ASSERT_TRUE(data);
        const auto plan = load_plan(root + "/plans/" + name + ".yaml");
        ASSERT_TRUE(plan);
        const auto kept = std::make_shared<const DataIndexes>(*data);
        for (const Period& period : plan_periods((*plan)->spec)) {
            SCOPED_TRACE(period.id);
            EvaluateOptions fresh;
            EvaluateOptions shared;
            shared.indexes = kept;
            const std::string expected = json_of(evaluate(**plan, *data, period, fresh));
            EXPECT_EQ(json_of(evaluate(**plan, *data, period, shared)), expected);
            // Again, now that every lookup the first run needed is built.
            EXPECT_EQ(json_of(evaluate(**plan, *data, period, shared)), expected);
        }
    }
}

// The people of a unit in a year, built by ranges of people on several threads, are those whose
// yearly unit it is, in people.csv's order; the same on one thread.
TEST(DataIndexes, MembersAreEachUnitsPeopleInFileOrderOnAnyNumberOfThreads) {
    testing_support::TempDir dir("thidua-members");
    gen::GenOptions o;
    o.first_year = 2023;
    ASSERT_TRUE(gen::generate_dataset(o, dir.path()));
    auto read = read_dataset_path(dir.path().string());
    ASSERT_TRUE(read);
    Dataset data = std::move(*read);
    ASSERT_GE(data.people.size(), 20000u);  // large enough for several threads
    // Some people move in the middle year, some have no unit that year.
    const auto years = static_cast<size_t>(data.year_count);
    for (size_t p = 0; p < data.people.size(); p += 97)
        data.person_years.unit[p * years + 1] = static_cast<Index>((p / 97) % data.units.size());
    for (size_t p = 5; p < data.people.size(); p += 1013)
        data.person_years.unit[p * years + 2] = kNoIndex;
    for (const char* threads : {"1", "3"}) {
        ::setenv("THIDUA_THREADS", threads, 1);
        const DataIndexes indexes(data);
        indexes.build_all();  // built now, on that many threads
        ::unsetenv("THIDUA_THREADS");
        for (int y = 0; y < data.year_count; ++y) {
            std::vector<std::vector<Index>> expected(data.units.size());
            for (size_t p = 0; p < data.people.size(); ++p) {
                const Index u = data.person_years.unit[p * years + static_cast<size_t>(y)];
                if (u != kNoIndex)
                    expected[static_cast<size_t>(u)].push_back(static_cast<Index>(p));
            }
            for (size_t u = 0; u < data.units.size(); ++u) {
                const auto got = indexes.members(static_cast<Index>(u), data.first_year + y);
                ASSERT_EQ(std::vector<Index>(got.begin(), got.end()), expected[u])
                    << threads << " threads, unit " << u << ", year " << y;
            }
        }
    }
}

TEST(DataIndexes, LookupsOfAnotherDatasetAreRefused) {
    const std::string root = THIDUA_SOURCE_DIR;
    const auto data = read_dataset_path(root + "/samples/kien-giang-2021-2025");
    ASSERT_TRUE(data);
    const Dataset copy = *data;
    const auto plan = load_plan(root + "/plans/kien-giang-2021-2025.yaml");
    ASSERT_TRUE(plan);
    EXPECT_THROW(Indexes(**plan, copy, std::make_shared<const DataIndexes>(*data)),
                 std::logic_error);
}

Registration registration(Subject s, const std::string& period, Date on, bool late_accepted) {
    Registration r;
    r.subject = s;
    r.period = period;
    r.registered_on = on;
    r.late_accepted = late_accepted;
    return r;
}

TEST(DataIndexes, RegistrationsAreFoundBySubjectInRowOrder) {
    Dataset data;
    data.units.resize(3);
    data.people.id = {"P0", "P1"};
    data.people.unit = {0, 1};
    const Subject u1{SubjectKind::Unit, 1}, p1{SubjectKind::Person, 1};
    data.registrations = {
        registration(p1, "2021-2025", *Date::from_ymd(2022, 3, 1), false),
        registration(u1, "2021-2025", *Date::from_ymd(2022, 2, 1), false),
        registration(u1, "2023", *Date::from_ymd(2023, 1, 5), false),
        registration(p1, "2021-2025", *Date::from_ymd(2022, 1, 9), false),
        registration({SubjectKind::Person, 7}, "2021-2025", *Date::from_ymd(2022, 1, 9),
                     false),  // no P7
    };
    const DataIndexes indexes(data);
    const auto rows = [&](Subject s) {
        const auto span = indexes.registrations(s);
        return std::vector<size_t>(span.begin(), span.end());
    };
    EXPECT_EQ(rows(u1), (std::vector<size_t>{1, 2}));
    EXPECT_EQ(rows(p1), (std::vector<size_t>{0, 3}));
    EXPECT_TRUE(rows({SubjectKind::Unit, 0}).empty());
    EXPECT_TRUE(rows({SubjectKind::Person, 0}).empty());
    EXPECT_TRUE(rows({SubjectKind::Person, 7}).empty());
    EXPECT_TRUE(rows({SubjectKind::Unit, kNoIndex}).empty());
}

TEST(BoxedVector, IsOnePointerAndReadsLikeAVector) {
    static_assert(sizeof(BoxedVector<double>) == sizeof(void*));
    BoxedVector<int> v;
    EXPECT_TRUE(v.empty());
    EXPECT_EQ(v.size(), 0u);
    EXPECT_EQ(v.begin(), v.end());
    v.edit().push_back(4);
    v.edit().push_back(2);
    EXPECT_EQ(v.size(), 2u);
    EXPECT_EQ(v[1], 2);
    EXPECT_EQ(v.at(0), 4);
    EXPECT_THROW((void)v.at(2), std::out_of_range);
    BoxedVector<int> copy = v;
    copy.edit()[0] = 5;
    EXPECT_EQ(v[0], 4) << "a copy owns its own values";
    EXPECT_FALSE(copy == v);
    v = std::vector<int>{};
    EXPECT_TRUE(v.empty());
    EXPECT_TRUE(v == BoxedVector<int>());
    const std::vector<int>& read = copy;
    EXPECT_EQ(read, (std::vector<int>{5, 2}));
}

}  // namespace
}  // namespace thidua
