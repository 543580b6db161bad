// A `thidua import` killed with SIGKILL in the middle of its transaction leaves the store as it
// was, and consistent, on both engines.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "StoreTestSupport.h"

namespace thidua {
namespace {

namespace fs = std::filesystem;

class StoreKillTest : public testing_support::StoreTest {};

// Large enough that the import's transaction lasts long enough to be caught in the middle.
void write_large_dataset(const fs::path& dir, int units, int people, int years) {
    fs::create_directories(dir);
    std::ofstream u(dir / "units.csv"), p(dir / "people.csv"), y(dir / "person_years.csv");
    u << "id,name,type,parent_id\nU0,Tỉnh Kiên Giang,province,\n";
    for (int i = 1; i < units; ++i)
        u << "U" << i << ",Ủy ban nhân dân xã số " << i << ",commune,U0\n";
    p << "id,name,unit_id,gender\n";
    y << "person_id,year,rating\n";
    for (int i = 0; i < people; ++i) {
        p << "P" << i << ",Nguyễn Văn Ân " << i << ",U" << i % units << ","
          << (i % 2 ? "nu" : "nam") << "\n";
        for (int k = 0; k < years; ++k)
            y << "P" << i << "," << 2021 + k << "," << (k % 2 ? "htt" : "htxs") << "\n";
    }
}

pid_t spawn_import(const std::string& url, const fs::path& dir) {
    const pid_t pid = fork();
    if (pid == 0) {
        freopen("/dev/null", "w", stdout);
        execl(THIDUA_BINARY, THIDUA_BINARY, "import", "--db", url.c_str(), dir.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    return pid;
}

// The child's PostgreSQL sessions carry this name, so that the probe below sees only them
// (other tests may run against the same database at the same time).
std::string child_url(const std::string& url, const std::string& engine) {
    if (engine != "postgresql") return url;
    return fmt::format("{}&application_name=thidua-kill-{}", url, getpid());
}

// True once the child has a write transaction open: a growing WAL or file (SQLite), or its
// backend holding a transaction id (PostgreSQL).
bool import_in_progress(store::SqlConnection& db, const std::string& url) {
    if (db.engine() == "sqlite") {
        // A store with data grows its WAL; a fresh one (FreshStoreJournal) its file, beside a
        // rollback journal.
        const std::string file = url.substr(7);
        const fs::path wal = file + "-wal", journal = file + "-journal";
        std::error_code e;
        return (fs::exists(wal, e) && fs::file_size(wal, e) > (4u << 20)) ||
               (fs::exists(journal, e) && fs::file_size(file, e) > (4u << 20));
    }
    const std::string name = fmt::format("thidua-kill-{}", getpid());
    const store::SqlValue params[] = {store::SqlValue::of(name)};
    auto busy = store::query_int(db,
                                 "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                                 "$1 AND backend_xid IS NOT NULL",
                                 params);
    return busy && *busy > 0;
}

void expect_consistent(store::SqlConnection& db) {
    if (db.engine() != "sqlite") return;  // PostgreSQL's own recovery; nothing to check by hand
    std::string integrity;
    ASSERT_TRUE(db.query("PRAGMA integrity_check", {},
                         [&](const store::SqlRow& r) { integrity = r.text(0); }));
    EXPECT_EQ(integrity, "ok");
    int violations = 0;
    ASSERT_TRUE(
        db.query("PRAGMA foreign_key_check", {}, [&](const store::SqlRow&) { ++violations; }));
    EXPECT_EQ(violations, 0);
}

// Starts `thidua import` of a large dataset and kills it once its transaction is under way.
void kill_import_midway(store::SqlConnection& probe, const std::string& url,
                        const std::string& engine) {
    const fs::path dir = fs::temp_directory_path() / fmt::format("thidua-kill-{}", getpid());
    write_large_dataset(dir, 2000, 150000, 4);
    const pid_t child = spawn_import(child_url(url, engine), dir);
    ASSERT_GT(child, 0);
    bool caught = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (!caught && std::chrono::steady_clock::now() < deadline) {
        caught = import_in_progress(probe, url);
        if (!caught) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    fs::remove_all(dir);
    ASSERT_TRUE(caught) << "the import was never seen in progress";
    ASSERT_TRUE(WIFSIGNALED(status)) << "the import finished before it was killed";
}

TEST_P(StoreKillTest, KilledImportLeavesTheStoreAsItWas) {
    const Dataset before = testing_support::read_sample("chau-thanh-2023");
    {
        auto store = open();
        ASSERT_TRUE(store);
        ASSERT_TRUE(store->import_dataset(before, {}));
    }
    auto probe = raw();
    ASSERT_TRUE(probe);
    kill_import_midway(*probe, url(), GetParam());
    if (HasFatalFailure()) return;

    auto store = open();
    ASSERT_TRUE(store);
    auto after = store->load_dataset();
    ASSERT_TRUE(after) << after.error().format();
    testing_support::expect_same_dataset(before, *after);
    auto log = store->audit_log();
    ASSERT_TRUE(log);
    EXPECT_EQ(log->size(), 1u);
    expect_consistent(*raw());
}

// A fresh store is bulk-loaded, on SQLite under a rollback journal: killed, it is empty again.
TEST_P(StoreKillTest, KilledImportIntoAFreshStoreLeavesItEmpty) {
    ASSERT_TRUE(open());  // migrated, no data
    auto probe = raw();
    ASSERT_TRUE(probe);
    kill_import_midway(*probe, url(), GetParam());
    if (HasFatalFailure()) return;

    auto store = open();
    ASSERT_TRUE(store);
    auto after = store->load_dataset();
    ASSERT_TRUE(after) << after.error().format();
    EXPECT_TRUE(after->units.empty());
    EXPECT_EQ(after->people.size(), 0u);
    auto log = store->audit_log();
    ASSERT_TRUE(log);
    EXPECT_TRUE(log->empty());
    auto db = raw();
    ASSERT_TRUE(db);
    expect_consistent(*db);
    if (GetParam() != "sqlite") return;
    std::string mode;
    ASSERT_TRUE(
        db->query("PRAGMA journal_mode", {}, [&](const store::SqlRow& r) { mode = r.text(0); }));
    EXPECT_EQ(mode, "wal");
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreKillTest, ::testing::Values("sqlite", "postgresql"),
                         testing_support::backend_name);

}  // namespace
}  // namespace thidua
