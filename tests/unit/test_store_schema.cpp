// Migrations, the refusal of a newer database, and the append-only audit log, on both engines.

#include "StoreTestSupport.h"
#include "store/Migrations.h"

namespace thidua {
namespace {

using testing_support::StoreTest;

TEST_P(StoreTest, MigratesAnEmptyDatabaseAndReopens) {
    {
        auto store = open();
        ASSERT_TRUE(store);
        EXPECT_EQ(store->schema_version(), store::latest_schema_version());
        EXPECT_EQ(store->engine(), GetParam());
    }
    auto again = open();  // nothing left to apply, nothing refused
    ASSERT_TRUE(again);
    auto db = raw();
    auto steps = store::query_int(*db, "SELECT count(*) FROM schema_migrations");
    ASSERT_TRUE(steps);
    EXPECT_EQ(*steps, static_cast<int64_t>(store::migrations().size()));
}

TEST_P(StoreTest, RefusesADatabaseNewerThanTheBinary) {
    ASSERT_TRUE(open());
    ASSERT_TRUE(raw()->exec_script(
        "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, "
        "'future', 'x', '2030-01-01T00:00:00Z')"));
    auto refused = open_store(url());
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("mới hơn"), std::string::npos)
        << refused.error().message;
    EXPECT_NE(refused.error().message_en.find("newer than this thidua"), std::string::npos);
}

TEST_P(StoreTest, RefusesAStepEditedAfterItWasApplied) {
    ASSERT_TRUE(open());
    ASSERT_TRUE(
        raw()->exec_script("UPDATE schema_migrations SET checksum = 'edited' WHERE "
                           "version = 1"));
    auto refused = open_store(url());
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message_en.find("differs"), std::string::npos);
}

TEST_P(StoreTest, AuditLogRejectsUpdateAndDelete) {
    auto store = open();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->append_audit({0, {}, "lan", "test", "x", "{}"}));
    auto db = raw();
    EXPECT_FALSE(db->exec_script("UPDATE audit_log SET actor = 'someone else'"));
    EXPECT_FALSE(db->exec_script("DELETE FROM audit_log"));
    if (GetParam() == "postgresql") {
        EXPECT_FALSE(db->exec_script("TRUNCATE audit_log"));
    }
    auto log = store->audit_log();
    ASSERT_TRUE(log);
    ASSERT_EQ(log->size(), 1u);
    EXPECT_EQ(log->front().actor, "lan");
}

TEST(StoreUrl, RejectsAnUnknownScheme) {
    auto store = open_store("mysql://localhost/x");
    ASSERT_FALSE(store);
    EXPECT_NE(store.error().message_en.find("sqlite:PATH"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         testing_support::backend_name);

}  // namespace
}  // namespace thidua
