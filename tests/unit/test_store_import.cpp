// Import and load: every sample round-trips field by field; re-importing changes nothing; a
// corrected year replaces only that year; a failure midway leaves the store as it was.

#include <set>

#include "StoreTestSupport.h"
#include "io/dataset/DatasetReader.h"

namespace thidua {
namespace {

using testing_support::expect_same_dataset;
using testing_support::read_sample;
using testing_support::sample_names;

class StoreImportTest : public testing_support::StoreTest {};

const TableCounts& counts(const ImportReport& report, std::string_view table) {
    for (const TableCounts& t : report.tables) {
        if (t.table == table) return t;
    }
    throw std::logic_error("no such table in the report");
}

TEST_P(StoreImportTest, LoadGivesBackEverySample) {
    for (const std::string& name : sample_names()) {
        SCOPED_TRACE(name);
        TearDown();
        SetUp();
        auto store = open();
        ASSERT_TRUE(store);
        const Dataset data = read_sample(name);
        auto report = store->import_dataset(data, {"test", name, ""});
        ASSERT_TRUE(report) << report.error().format();
        EXPECT_EQ(counts(*report, "units").inserted, static_cast<int64_t>(data.units.size()));
        auto loaded = store->load_dataset();
        ASSERT_TRUE(loaded) << loaded.error().format();
        expect_same_dataset(data, *loaded);
    }
}

TEST_P(StoreImportTest, ReimportingChangesNothing) {
    auto store = open();
    ASSERT_TRUE(store);
    const Dataset data = read_sample("kien-giang-2021-2025");
    ASSERT_TRUE(store->import_dataset(data, {}));
    auto again = store->import_dataset(data, {});
    ASSERT_TRUE(again) << again.error().format();
    EXPECT_FALSE(again->changed());
    EXPECT_EQ(counts(*again, "units").unchanged, static_cast<int64_t>(data.units.size()));
    EXPECT_EQ(counts(*again, "people").unchanged, static_cast<int64_t>(data.people.size()));
    auto loaded = store->load_dataset();
    ASSERT_TRUE(loaded);
    expect_same_dataset(data, *loaded);
    auto log = store->audit_log();
    ASSERT_TRUE(log);
    EXPECT_EQ(log->size(), 2u);  // both imports are recorded, changed or not
}

// A dataset holding one year of one unit's facts, as a user sends a correction.
Dataset correction(const Dataset& full, Index unit, int year, double new_score) {
    Dataset fix;
    fix.units = full.units;
    fix.unit_by_id = full.unit_by_id;
    fix.tag_names = full.tag_names;
    fix.has_unit_years = true;
    fix.first_year = year;
    fix.year_count = 1;
    const size_t n = fix.units.size();
    UnitYears& y = fix.unit_years;
    for (auto* c : {&y.par_score, &y.par_max, &y.par_rank, &y.satisfaction, &y.task_completion})
        c->assign(n, NAN);
    for (auto* c : {&y.par_rating, &y.head_leads, &y.compliance, &y.excellent_achievement,
                    &y.initiative, &y.disciplined})
        c->assign(n, kUnknown);
    y.present.assign(n, 0);
    const auto u = static_cast<size_t>(unit);
    y.present[u] = 1;
    y.par_score[u] = new_score;
    y.par_max[u] = 100;
    return fix;
}

TEST_P(StoreImportTest, ACorrectedYearReplacesOnlyThatYearOfThoseUnits) {
    auto store = open();
    ASSERT_TRUE(store);
    const Dataset data = read_sample("soc-trang-2021-2030");
    ASSERT_TRUE(store->import_dataset(data, {}));
    Index unit = kNoIndex;
    int year = 0;
    for (Index u = 0; u < static_cast<Index>(data.units.size()) && unit == kNoIndex; ++u) {
        for (int y = data.first_year; y < data.first_year + data.year_count; ++y) {
            if (data.unit_years.present[data.slot(u, y)]) {
                unit = u, year = y;
                break;
            }
        }
    }
    ASSERT_NE(unit, kNoIndex);
    auto report = store->import_dataset(correction(data, unit, year, 12.5), {});
    ASSERT_TRUE(report) << report.error().format();
    EXPECT_EQ(counts(*report, "unit_years").updated, 1);
    auto loaded = store->load_dataset();
    ASSERT_TRUE(loaded);
    Dataset expected = data;
    const size_t s = expected.slot(unit, year);
    UnitYears& y = expected.unit_years;
    for (auto* c : {&y.par_rank, &y.satisfaction, &y.task_completion})
        (*c)[s] = NAN;
    for (auto* c : {&y.par_rating, &y.head_leads, &y.compliance, &y.excellent_achievement,
                    &y.initiative, &y.disciplined})
        (*c)[s] = kUnknown;
    y.par_score[s] = 12.5;
    y.par_max[s] = 100;
    expect_same_dataset(expected, *loaded);
}

// Two provinces' data each give Cần Thơ a predecessor: the second keeps the first's, which it
// does not hold; a dataset that holds a predecessor and no longer lists it removes it.
TEST_P(StoreImportTest, ADatasetReplacesOnlyThePredecessorsItHolds) {
    auto store = open();
    ASSERT_TRUE(store);
    auto dataset = [](const std::string& units) {
        DatasetFiles f;
        f["units.csv"] = "id,name,type,successor_of\n" + units;
        auto d = read_dataset_from_memory(f);
        EXPECT_TRUE(d) << (d ? "" : d.error().front().format());
        return d ? *d : Dataset{};
    };
    ASSERT_TRUE(store->import_dataset(
        dataset("ST,Tỉnh Sóc Trăng,province,\nCTH,Thành phố Cần Thơ,province,ST\n"), {}));
    ASSERT_TRUE(store->import_dataset(
        dataset("NN,Thị xã Ngã Năm,district,\nCTH,Thành phố Cần Thơ,province,NN\n"), {}));
    auto predecessors = [&]() {
        auto units = store->load_unit_lineage();
        EXPECT_TRUE(units);
        std::set<std::string> out;
        for (Index p : units->units[units->unit_by_id.at("CTH")].successor_of)
            out.insert(units->units[p].id);
        return out;
    };
    EXPECT_EQ(predecessors(), (std::set<std::string>{"NN", "ST"}));
    ASSERT_TRUE(store->import_dataset(
        dataset("NN,Thị xã Ngã Năm,district,\nCTH,Thành phố Cần Thơ,province,\n"), {}));
    EXPECT_EQ(predecessors(), (std::set<std::string>{"ST"}));
}

TEST_P(StoreImportTest, AFailureMidwayLeavesTheStoreUnchanged) {
    auto store = open();
    ASSERT_TRUE(store);
    const Dataset first = read_sample("chau-thanh-2023");
    ASSERT_TRUE(store->import_dataset(first, {}));
    // Units and people merge before unit_years, whose bad code is then refused.
    Dataset bad = read_sample("kien-giang-2021-2025");
    ASSERT_FALSE(bad.unit_years.present.empty());
    const auto slot = static_cast<size_t>(
        std::find(bad.unit_years.present.begin(), bad.unit_years.present.end(), 1) -
        bad.unit_years.present.begin());
    bad.unit_years.disciplined[slot] = 7;
    auto refused = store->import_dataset(bad, {});
    ASSERT_FALSE(refused);
    auto loaded = store->load_dataset();
    ASSERT_TRUE(loaded);
    expect_same_dataset(first, *loaded);
    auto log = store->audit_log();
    ASSERT_TRUE(log);
    EXPECT_EQ(log->size(), 1u);
    // The same connection goes on working after the rollback.
    ASSERT_TRUE(store->import_dataset(read_sample("kien-giang-2021-2025"), {}));
}

TEST_P(StoreImportTest, ExportedFolderImportsBackUnchanged) {
    auto store = open();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->import_dataset(read_sample("soc-trang-2021-2030"), {}));
    auto loaded = store->load_dataset();
    ASSERT_TRUE(loaded);
    const auto dir = std::filesystem::temp_directory_path() /
                     fmt::format("thidua-export-{}-{}", ::getpid(), GetParam());
    auto written = write_dataset_path(*loaded, dir);
    ASSERT_TRUE(written) << (written ? "" : written.error().front().format());
    auto reread = read_dataset_path(dir);
    std::filesystem::remove_all(dir);
    ASSERT_TRUE(reread) << (reread ? "" : reread.error().front().format());
    auto again = store->import_dataset(*reread, {});
    ASSERT_TRUE(again) << again.error().format();
    EXPECT_FALSE(again->changed());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreImportTest, ::testing::Values("sqlite", "postgresql"),
                         testing_support::backend_name);

}  // namespace
}  // namespace thidua
