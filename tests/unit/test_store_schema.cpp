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

// The database as a binary knowing only the steps up to `version` would have left it.
void apply_steps_up_to(store::SqlConnection& db, int version, const std::string& engine) {
    ASSERT_TRUE(db.exec_script(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "checksum TEXT NOT NULL, applied_at TEXT NOT NULL)"));
    for (const store::Migration& m : store::migrations()) {
        if (m.version > version) break;
        const std::string sql = store::migration_sql(m, engine);
        ASSERT_TRUE(db.exec_script(sql)) << m.version;
        const std::string checksum = store::migration_checksum(sql);
        const store::SqlValue row[] = {store::SqlValue::of(static_cast<int64_t>(m.version)),
                                       store::SqlValue::of(m.name), store::SqlValue::of(checksum),
                                       store::SqlValue::of("2026-01-01T00:00:00.000Z")};
        ASSERT_TRUE(db.run(
            "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, "
            "$2, $3, $4)",
            row));
    }
}

// A database made before the accounts step (version 2) migrates: step 1's unused users and
// sessions tables are replaced, whatever rows they held.
TEST_P(StoreTest, MigratesAVersion2DatabaseToAccounts) {
    {
        auto db = raw();
        ASSERT_TRUE(db);
        apply_steps_up_to(*db, 2, GetParam());
        ASSERT_TRUE(db->exec_script(
            "INSERT INTO users (username, password_hash, role, created_at) VALUES ('old', 'h', "
            "'admin', '2026-01-01T00:00:00.000Z');"
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) SELECT 't', id, "
            "'2026-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z' FROM users"));
    }
    auto store = open();
    ASSERT_TRUE(store);
    EXPECT_GE(store->schema_version(), 3);
    EXPECT_EQ(store->schema_version(), store::latest_schema_version());
    EXPECT_EQ(store->accounts().count_users().value_or(-1), 0);
    auto made = store->accounts().create_user(
        {"lan", "$argon2id$h", Role::QuanTri, "", "Lan", false, ""}, "thidua");
    ASSERT_TRUE(made) << made.error().format();
    auto steps = store::query_int(*raw(), "SELECT count(*) FROM schema_migrations");
    ASSERT_TRUE(steps);
    EXPECT_EQ(*steps, static_cast<int64_t>(store::migrations().size()));
}

// A version-3 store keeps its registrations, events and dossiers through the per-plan step:
// they become shared by every plan, and new dossiers get fresh ids.
TEST_P(StoreTest, MigratesRecordsToSharedPlanRecords) {
    {
        auto db = raw();
        ASSERT_TRUE(db);
        apply_steps_up_to(*db, 3, GetParam());
        ASSERT_TRUE(db->exec_script(
            "INSERT INTO units (id, ord, name, name_fold, name_sort, type) VALUES ('U', 0, 'U', "
            "'u', 'u', 'department');"
            "INSERT INTO registrations (subject_kind, subject_id, period, ord, registered_on) "
            "VALUES ('unit', 'U', '2023', 0, '2023-03-01');"
            "INSERT INTO events (event, year, ord, event_date) VALUES ('hop-xet', 2023, 0, "
            "'2023-12-01');"
            "INSERT INTO dossiers (subject_kind, subject_id, award, period) VALUES ('unit', 'U', "
            "'co-thi-dua', '2023');"
            "INSERT INTO dossier_documents (dossier_id, document, ord, copies) SELECT id, "
            "'to-trinh', 0, 1 FROM dossiers;"
            "INSERT INTO dataset_parts (name) VALUES ('registrations'), ('events'), "
            "('dossiers')"));
    }
    auto store = open();
    ASSERT_TRUE(store);
    EXPECT_EQ(store->schema_version(), store::latest_schema_version());
    auto data = store->load_dataset_for_plan("any-plan");
    ASSERT_TRUE(data) << data.error().format();
    EXPECT_EQ(data->registrations.size(), 1u);
    EXPECT_EQ(data->events.size(), 1u);
    EXPECT_EQ(data->dossiers.size(), 1u);
    EXPECT_TRUE(data->has_registrations && data->has_events && data->has_dossiers);
    auto db = raw();
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->run(
        "INSERT INTO dossiers (plan_id, subject_kind, subject_id, award, period) VALUES ('p', "
        "'unit', 'U', 'co-thi-dua', '2023')"));
    EXPECT_EQ(store::query_int(*db, "SELECT count(DISTINCT id) FROM dossiers").value_or(0), 2);
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
