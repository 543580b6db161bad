// Tables that hold no row yet are filled by the bulk path (EmptyTables::BulkLoad): the rows are
// those the staged merge writes, the secondary indexes are there afterwards, the CHECKs are back
// on, and a failure halfway through leaves the fresh store empty — on both engines.

#include <fstream>

#include "FullDataset.h"
#include "StoreTestSupport.h"
#include "base/Collation.h"
#include "base/Text.h"
#include "gen/SyntheticDataset.h"
#include "io/dataset/DatasetReader.h"
#include "store/DatasetImport.h"
#include "store/ImportTables.h"
#include "store/SecondaryIndexes.h"

namespace thidua {
namespace {

using testing_support::read_sample;
using testing_support::sample_names;

class StoreBulkLoadTest : public testing_support::StoreTest {};

// Every row of every imported table as one line of text, in key order.
std::vector<std::string> imported_rows(store::SqlConnection& db) {
    std::vector<std::string> out;
    for (const store::MergeSpec* spec :
         {&store::tables::kUnits, &store::tables::kSuccessions, &store::tables::kPeople,
          &store::tables::kUnitYears, &store::tables::kComponentYears, &store::tables::kPersonYears,
          &store::tables::kRegistrations, &store::tables::kEvents}) {
        const std::vector<std::string_view> columns = spec->stage_columns();
        std::string names, keys;
        for (std::string_view c : columns)
            names += fmt::format("{}{}", names.empty() ? "" : ", ", c);
        for (const store::StagedColumn& c : spec->keys)
            keys += fmt::format("{}{}", keys.empty() ? "" : ", ", c.name);
        const std::string sql =
            fmt::format("SELECT {} FROM {} ORDER BY {}", names, spec->table, keys);
        const bool fine = static_cast<bool>(db.query(sql, {}, [&](const store::SqlRow& row) {
            std::string line(spec->table);
            for (size_t c = 0; c < columns.size(); ++c) {
                const int i = static_cast<int>(c);
                line += row.is_null(i) ? "|NULL" : "|" + std::string(row.text(i));
            }
            out.push_back(std::move(line));
        }));
        EXPECT_TRUE(fine) << sql;
    }
    return out;
}

std::vector<std::string> index_names(store::SqlConnection& db, std::string_view table) {
    std::vector<std::string> out;
    auto indexes = store::secondary_indexes(db, table);
    EXPECT_TRUE(indexes);
    if (indexes)
        for (const store::IndexDefinition& index : *indexes)
            out.push_back(index.qualified_name);
    std::sort(out.begin(), out.end());
    return out;
}

// Imports through import_rows() on a raw connection to the (migrated) test store.
store::Result<ImportReport> import_raw(store::SqlConnection& db, const Dataset& data,
                                       store::EmptyTables empty_tables) {
    store::Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto report = store::import_rows(db, data, "", empty_tables);
    if (!report) return report;
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return report;
}

TEST_P(StoreBulkLoadTest, BulkLoadWritesTheRowsTheMergeWrites) {
    for (const std::string& name : sample_names()) {
        SCOPED_TRACE(name);
        const Dataset data = read_sample(name);
        std::vector<std::string> rows[2], inserted[2];  // the audit log's counts too
        const store::EmptyTables ways[] = {store::EmptyTables::BulkLoad, store::EmptyTables::Merge};
        for (int way = 0; way < 2; ++way) {
            TearDown();
            SetUp();
            ASSERT_TRUE(open());  // migrated
            auto db = raw();
            ASSERT_TRUE(db);
            auto report = import_raw(*db, data, ways[way]);
            ASSERT_TRUE(report) << report.error().format();
            for (const TableCounts& t : report->tables) {
                EXPECT_EQ(t.updated + t.unchanged + t.removed, 0) << t.table;
                inserted[way].push_back(fmt::format("{} {}", t.table, t.inserted));
            }
            rows[way] = imported_rows(*db);
        }
        EXPECT_FALSE(rows[0].empty());
        EXPECT_EQ(rows[0], rows[1]);
        EXPECT_EQ(inserted[0], inserted[1]);
    }
}

TEST_P(StoreBulkLoadTest, IndexesAreThereAfterTheBulkLoad) {
    ASSERT_TRUE(open());
    auto db = raw();
    ASSERT_TRUE(db);
    const std::vector<std::string> before = index_names(*db, "people");
    EXPECT_EQ(before.size(), 3u);  // ord, name_sort, unit_id
    ASSERT_TRUE(import_raw(*db, read_sample("kien-giang-2021-2025"), store::EmptyTables::BulkLoad));
    EXPECT_EQ(index_names(*db, "people"), before);
    EXPECT_EQ(index_names(*db, "units").size(), 3u);
}

// A fresh SQLite store is imported under a rollback journal (FreshStoreJournal); the write-ahead
// log is back afterwards, whether the import succeeded or failed.
TEST_P(StoreBulkLoadTest, TheWriteAheadLogIsBackAfterAFreshImport) {
    if (GetParam() != "sqlite") GTEST_SKIP() << "SQLite only";
    auto store = open();
    ASSERT_TRUE(store);
    Dataset bad = read_sample("kien-giang-2021-2025");
    bad.people.id.back() = bad.people.id.front();
    // Read from the file's header (bytes 18 and 19 are 2 in WAL mode, 1 with a rollback
    // journal): opening a connection to ask would itself switch the file back to WAL.
    auto journal_mode = [&] {
        std::ifstream file(url().substr(7), std::ios::binary);
        char header[20] = {};
        file.read(header, sizeof header);
        return header[18] == 2 && header[19] == 2 ? "wal" : "rollback";
    };
    EXPECT_FALSE(store->import_dataset(bad, {}));
    EXPECT_EQ(journal_mode(), "wal");
    ASSERT_TRUE(store->import_dataset(read_sample("kien-giang-2021-2025"), {}));
    EXPECT_EQ(journal_mode(), "wal");
}

// A repeated person id fails people's primary key in the middle of the bulk load, after its
// indexes were dropped: the rollback brings them back and leaves no row anywhere.
TEST_P(StoreBulkLoadTest, AFailureHalfwayLeavesTheFreshStoreEmpty) {
    Dataset bad = read_sample("kien-giang-2021-2025");
    ASSERT_GT(bad.people.size(), 2u);
    bad.people.id.back() = bad.people.id.front();
    {
        auto store = open();
        ASSERT_TRUE(store);
        EXPECT_FALSE(store->import_dataset(bad, {}));
        auto loaded = store->load_dataset();
        ASSERT_TRUE(loaded) << loaded.error().format();
        EXPECT_TRUE(loaded->units.empty());
        EXPECT_EQ(loaded->people.size(), 0u);
        auto log = store->audit_log();
        ASSERT_TRUE(log);
        EXPECT_TRUE(log->empty());
    }
    auto db = raw();
    ASSERT_TRUE(db);
    EXPECT_TRUE(imported_rows(*db).empty());
    EXPECT_EQ(index_names(*db, "people").size(), 3u);
    // The same connection after a failed bulk load: CHECKs hold again.
    EXPECT_FALSE(import_raw(*db, bad, store::EmptyTables::BulkLoad));
    EXPECT_FALSE(
        db->run("INSERT INTO person_years (person_id, year, disciplined) VALUES "
                "('P', 2024, 9)"));
    const Dataset good = read_sample("kien-giang-2021-2025");
    auto report = import_raw(*db, good, store::EmptyTables::BulkLoad);
    ASSERT_TRUE(report) << report.error().format();
    auto store = open();
    ASSERT_TRUE(store);
    auto loaded = store->load_dataset();
    ASSERT_TRUE(loaded);
    testing_support::expect_same_dataset(good, *loaded);
}

// A bad code in the last yearly table is refused after units and people went in by the bulk path.
TEST_P(StoreBulkLoadTest, ABadCodeInTheLastTableLeavesTheFreshStoreEmpty) {
    Dataset bad = read_sample("kien-giang-2021-2025");
    ASSERT_FALSE(bad.person_years.disciplined.empty());
    bad.person_years.disciplined.back() = 7;
    auto store = open();
    ASSERT_TRUE(store);
    EXPECT_FALSE(store->import_dataset(bad, {}));
    auto loaded = store->load_dataset();
    ASSERT_TRUE(loaded);
    EXPECT_TRUE(loaded->units.empty());
    auto db = raw();
    ASSERT_TRUE(db);
    EXPECT_TRUE(imported_rows(*db).empty());
}

// The people's search forms and sort keys are made a run of 65,536 names at a time on another
// thread while the run before is stored: each name keeps its own, across the runs.
TEST_P(StoreBulkLoadTest, NamesKeepTheirSearchFormAndSortKeyAcrossRuns) {
    testing_support::TempDir dir("thidua-bulk-names");
    gen::GenOptions o;
    o.preset = "province";  // 74,040 people: two runs
    ASSERT_TRUE(gen::generate_dataset(o, dir.path()));
    const auto data = read_dataset_dir(dir.path());
    ASSERT_TRUE(data) << data.error().front().format();
    ASSERT_GT(data->people.size(), size_t{65537});
    ASSERT_TRUE(open());
    auto db = raw();
    ASSERT_TRUE(db);
    ASSERT_TRUE(import_raw(*db, *data, store::EmptyTables::BulkLoad));
    for (const size_t i : {size_t{0}, size_t{65535}, size_t{65536}, data->people.size() - 1}) {
        SCOPED_TRACE(i);
        const std::string& id = data->people.id[i];
        const std::string& name = data->people.name[i];
        int rows = 0;
        const store::SqlValue key[] = {store::SqlValue::of(id)};
        ASSERT_TRUE(db->query("SELECT name, name_fold, name_sort FROM people WHERE id = $1", key,
                              [&](const store::SqlRow& row) {
                                  ++rows;
                                  EXPECT_EQ(row.text(0), name);
                                  EXPECT_EQ(row.text(1), fold(name));
                                  EXPECT_EQ(row.blob(2), vietnamese_sort_key(name));
                              }));
        EXPECT_EQ(rows, 1);
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreBulkLoadTest, ::testing::Values("sqlite", "postgresql"),
                         testing_support::backend_name);

}  // namespace
}  // namespace thidua
