// Users, sessions, API tokens and login throttling in the store, on both engines.

#include "StoreTestSupport.h"

namespace thidua {
namespace {

class StoreAccountTest : public testing_support::StoreTest {
protected:
    // Password hashes are opaque to the store: a marker stands in for an Argon2id string, and
    // the audit tests look for it.
    static NewUser new_user(const std::string& username, Role role = Role::NoiVu) {
        return {
            username, "$argon2id$secret-hash-of-" + username, role, "", username + " (tên)", false,
            ""};
    }

    static User must_create(AccountStore& accounts, const NewUser& user) {
        auto made = accounts.create_user(user, "admin");
        EXPECT_TRUE(made) << made.error().format();
        return made ? *made : User{};
    }

    static std::optional<SessionInfo> session(AccountStore& accounts, const std::string& hash,
                                              const std::string& now = kNow) {
        auto found = accounts.find_session(hash, now);
        EXPECT_TRUE(found) << found.error().format();
        return found ? *found : std::nullopt;
    }

    static std::optional<SessionInfo> token(AccountStore& accounts, const std::string& hash,
                                            const std::string& now = kNow) {
        auto found = accounts.find_api_token(hash, now);
        EXPECT_TRUE(found) << found.error().format();
        return found ? *found : std::nullopt;
    }

    static constexpr const char* kNow = "2026-03-01T10:00:00.000Z";
    static constexpr const char* kLater = "2026-03-01T12:00:00.000Z";
};

TEST_P(StoreAccountTest, CreatesFindsAndListsUsers) {
    auto store = open();
    ASSERT_TRUE(store);
    AccountStore& accounts = store->accounts();
    EXPECT_EQ(accounts.count_users().value_or(-1), 0);

    NewUser lan = new_user("lan", Role::DonVi);
    lan.unit_id = "DV01";
    lan.display_name = "Nguyễn Thị Lan";
    lan.must_change_password = true;
    const User made = must_create(accounts, lan);
    EXPECT_GT(made.id, 0);
    EXPECT_EQ(made.username, "lan");
    EXPECT_EQ(made.role, Role::DonVi);
    EXPECT_EQ(made.unit_id, "DV01");
    EXPECT_TRUE(made.must_change_password);
    EXPECT_FALSE(made.disabled);
    EXPECT_FALSE(made.created_at.empty());
    const User an = must_create(accounts, new_user("an", Role::QuanTri));
    EXPECT_NE(an.id, made.id);
    EXPECT_EQ(accounts.count_users().value_or(-1), 2);

    auto found = accounts.find_user(made.id);
    ASSERT_TRUE(found && *found);
    EXPECT_EQ((*found)->username, "lan");
    EXPECT_EQ((*found)->display_name, "Nguyễn Thị Lan");
    EXPECT_EQ((*found)->unit_id, "DV01");
    EXPECT_EQ((*found)->role, Role::DonVi);
    EXPECT_TRUE((*found)->must_change_password);
    EXPECT_EQ((*found)->created_at, made.created_at);
    auto missing = accounts.find_user(made.id + 100);
    ASSERT_TRUE(missing);
    EXPECT_FALSE(*missing);

    auto creds = accounts.find_credentials("lan");
    ASSERT_TRUE(creds && *creds);
    EXPECT_EQ((*creds)->password_hash, "$argon2id$secret-hash-of-lan");
    EXPECT_EQ((*creds)->user.id, made.id);
    auto nobody = accounts.find_credentials("LAN");  // usernames are exact
    ASSERT_TRUE(nobody);
    EXPECT_FALSE(*nobody);

    auto all = accounts.list_users();
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].username, "an");
    EXPECT_EQ((*all)[0].unit_id, "");  // no unit: NULL in the table, empty here
    EXPECT_EQ((*all)[1].username, "lan");
}

TEST_P(StoreAccountTest, RefusesATakenUsernameAndLeavesNoTrace) {
    auto store = open();
    ASSERT_TRUE(store);
    AccountStore& accounts = store->accounts();
    must_create(accounts, new_user("lan"));
    auto again = accounts.create_user(new_user("lan", Role::QuanTri), "admin");
    ASSERT_FALSE(again);
    EXPECT_NE(again.error().message.find("'lan'"), std::string::npos) << again.error().message;
    EXPECT_NE(again.error().message_en.find("taken"), std::string::npos);
    EXPECT_FALSE(accounts.create_user(new_user(""), "admin"));
    EXPECT_EQ(accounts.count_users().value_or(-1), 1);
    auto log = store->audit_log();
    ASSERT_TRUE(log);
    EXPECT_EQ(log->size(), 1u);
}

TEST_P(StoreAccountTest, RoleCodesRoundTrip) {
    auto store = open();
    ASSERT_TRUE(store);
    for (Role role : {Role::QuanTri, Role::NoiVu, Role::HoiDong, Role::DonVi, Role::LanhDao}) {
        EXPECT_EQ(parse_role(role_code(role)), role);
        const std::string name = "u-" + std::string(role_code(role));
        const User made = must_create(store->accounts(), new_user(name, role));
        auto found = store->accounts().find_user(made.id);
        ASSERT_TRUE(found && *found);
        EXPECT_EQ((*found)->role, role) << name;
    }
    EXPECT_EQ(role_code(Role::QuanTri), "quan-tri");
    EXPECT_EQ(role_code(Role::LanhDao), "lanh-dao");
    EXPECT_FALSE(parse_role("admin"));
    EXPECT_FALSE(parse_role(""));
    EXPECT_FALSE(parse_role("Quan-Tri"));
    // The schema itself refuses any other code.
    EXPECT_FALSE(raw()->exec_script(
        "INSERT INTO users (username, password_hash, role, created_at) VALUES ('x', 'h', "
        "'admin', '2026-01-01T00:00:00.000Z')"));
}

TEST_P(StoreAccountTest, SessionsAreFoundUntilExpiredOrDeleted) {
    auto store = open();
    ASSERT_TRUE(store);
    AccountStore& accounts = store->accounts();
    const User lan = must_create(accounts, new_user("lan"));
    ASSERT_TRUE(accounts.create_session({"hash-a", lan.id, "csrf-a", kLater}));

    auto found = session(accounts, "hash-a");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user.id, lan.id);
    EXPECT_EQ(found->user.username, "lan");
    EXPECT_EQ(found->csrf_token, "csrf-a");
    EXPECT_EQ(found->expires_at, kLater);
    EXPECT_FALSE(session(accounts, "hash-b"));
    EXPECT_FALSE(session(accounts, "hash-a", kLater));  // expires_at <= now: gone
    EXPECT_FALSE(session(accounts, "hash-a", "2026-03-02T00:00:00.000Z"));

    ASSERT_TRUE(accounts.extend_session("hash-a", "2026-03-02T12:00:00.000Z"));
    EXPECT_TRUE(session(accounts, "hash-a", kLater));
    ASSERT_TRUE(accounts.delete_session("hash-a"));
    EXPECT_FALSE(session(accounts, "hash-a"));
    EXPECT_TRUE(accounts.delete_session("hash-a"));  // already gone: nothing to do

    // A session needs a user.
    EXPECT_FALSE(accounts.create_session({"hash-c", lan.id + 100, "csrf-c", kLater}));
}

TEST_P(StoreAccountTest, DisabledUsersHaveNoSessionsOrTokens) {
    auto store = open();
    ASSERT_TRUE(store);
    AccountStore& accounts = store->accounts();
    const User lan = must_create(accounts, new_user("lan"));
    ASSERT_TRUE(accounts.create_session({"hash-a", lan.id, "csrf-a", kLater}));
    ASSERT_TRUE(accounts.create_api_token("tok-a", lan.id, "báo cáo", "", "admin"));
    ASSERT_TRUE(session(accounts, "hash-a"));
    ASSERT_TRUE(token(accounts, "tok-a"));

    ASSERT_TRUE(accounts.set_disabled(lan.id, true, "admin"));
    EXPECT_FALSE(session(accounts, "hash-a"));
    EXPECT_FALSE(token(accounts, "tok-a"));
    auto user = accounts.find_user(lan.id);
    ASSERT_TRUE(user && *user);
    EXPECT_TRUE((*user)->disabled);

    // Enabled again: the token works again, the ended session does not come back.
    ASSERT_TRUE(accounts.set_disabled(lan.id, false, "admin"));
    EXPECT_FALSE(session(accounts, "hash-a"));
    EXPECT_TRUE(token(accounts, "tok-a"));
    EXPECT_FALSE(accounts.set_disabled(lan.id + 100, true, "admin"));

    // While disabled, a session row present anyway (another server's race) is still not found.
    ASSERT_TRUE(accounts.create_session({"hash-b", lan.id, "csrf-b", kLater}));
    ASSERT_TRUE(raw()->exec_script("UPDATE users SET disabled = 1"));
    EXPECT_FALSE(session(accounts, "hash-b"));
}

TEST_P(StoreAccountTest, PasswordChangeEndsOtherSessionsButKeepsTheCurrent) {
    auto store = open();
    ASSERT_TRUE(store);
    AccountStore& accounts = store->accounts();
    const User lan = must_create(accounts, new_user("lan"));
    const User an = must_create(accounts, new_user("an"));
    for (const char* hash : {"lan-1", "lan-2", "lan-3"})
        ASSERT_TRUE(accounts.create_session({hash, lan.id, "c", kLater}));
    ASSERT_TRUE(accounts.create_session({"an-1", an.id, "c", kLater}));

    ASSERT_TRUE(accounts.set_password(lan.id, "$argon2id$new-hash", false, "lan-2", "lan"));
    EXPECT_FALSE(session(accounts, "lan-1"));
    EXPECT_TRUE(session(accounts, "lan-2"));
    EXPECT_FALSE(session(accounts, "lan-3"));
    EXPECT_TRUE(session(accounts, "an-1"));  // another user's sessions stay
    auto creds = accounts.find_credentials("lan");
    ASSERT_TRUE(creds && *creds);
    EXPECT_EQ((*creds)->password_hash, "$argon2id$new-hash");
    EXPECT_FALSE((*creds)->user.must_change_password);

    // An administrator's reset: every session ends, and the user must choose a new password.
    ASSERT_TRUE(accounts.set_password(lan.id, "$argon2id$reset-hash", true, "", "admin"));
    EXPECT_FALSE(session(accounts, "lan-2"));
    auto user = accounts.find_user(lan.id);
    ASSERT_TRUE(user && *user);
    EXPECT_TRUE((*user)->must_change_password);
    EXPECT_FALSE(accounts.set_password(lan.id + 100, "h", false, ""));
}

TEST_P(StoreAccountTest, ApiTokensAreFoundUntilRevokedOrExpired) {
    auto store = open();
    ASSERT_TRUE(store);
    AccountStore& accounts = store->accounts();
    const User lan = must_create(accounts, new_user("lan", Role::HoiDong));
    auto forever = accounts.create_api_token("tok-forever", lan.id, "đồng bộ", "", "admin");
    ASSERT_TRUE(forever) << forever.error().format();
    EXPECT_GT(forever->id, 0);
    EXPECT_EQ(forever->username, "lan");
    EXPECT_EQ(forever->name, "đồng bộ");
    EXPECT_EQ(forever->expires_at, "");
    EXPECT_FALSE(forever->revoked);
    auto brief = accounts.create_api_token("tok-brief", lan.id, "thử", kLater, "admin");
    ASSERT_TRUE(brief);

    auto found = token(accounts, "tok-forever");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user.id, lan.id);
    EXPECT_EQ(found->user.role, Role::HoiDong);
    EXPECT_EQ(found->csrf_token, "");  // a bearer token needs none
    EXPECT_EQ(found->expires_at, "");
    EXPECT_TRUE(token(accounts, "tok-forever", "2099-01-01T00:00:00.000Z"));
    auto short_lived = token(accounts, "tok-brief");
    ASSERT_TRUE(short_lived);
    EXPECT_EQ(short_lived->expires_at, kLater);
    EXPECT_FALSE(token(accounts, "tok-brief", kLater));
    EXPECT_FALSE(token(accounts, "tok-unknown"));
    // A session hash is not a token, nor the other way round.
    ASSERT_TRUE(accounts.create_session({"sess", lan.id, "c", kLater}));
    EXPECT_FALSE(token(accounts, "sess"));
    EXPECT_FALSE(session(accounts, "tok-forever"));

    ASSERT_TRUE(accounts.revoke_api_token(forever->id, "admin"));
    EXPECT_FALSE(token(accounts, "tok-forever"));
    EXPECT_FALSE(accounts.revoke_api_token(brief->id + 100, "admin"));
    EXPECT_FALSE(accounts.create_api_token("tok-x", lan.id + 100, "x", "", "admin"));
    EXPECT_FALSE(accounts.create_api_token("tok-brief", lan.id, "same hash", "", "admin"));

    auto list = accounts.list_api_tokens();
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ((*list)[0].id, forever->id);
    EXPECT_TRUE((*list)[0].revoked);
    EXPECT_EQ((*list)[0].username, "lan");
    EXPECT_EQ((*list)[0].created_at, forever->created_at);
    EXPECT_EQ((*list)[1].name, "thử");
    EXPECT_EQ((*list)[1].expires_at, kLater);
    EXPECT_FALSE((*list)[1].revoked);
}

TEST_P(StoreAccountTest, LoginFailuresCountByKeyAndWindow) {
    auto store = open();
    ASSERT_TRUE(store);
    AccountStore& accounts = store->accounts();
    for (const char* at : {"2026-03-01T09:00:00.000Z", "2026-03-01T09:50:00.000Z",
                           "2026-03-01T09:55:00.000Z", "2026-03-01T09:59:59.999Z"})
        ASSERT_TRUE(accounts.record_login_failure("user:lan", at));
    ASSERT_TRUE(accounts.record_login_failure("ip:10.0.0.7", "2026-03-01T09:56:00.000Z"));

    EXPECT_EQ(accounts.count_login_failures("user:lan", "2026-03-01T09:45:00.000Z").value_or(-1),
              3);
    EXPECT_EQ(accounts.count_login_failures("user:lan", "2026-03-01T09:55:00.000Z").value_or(-1),
              2);  // `since` itself is inside the window
    EXPECT_EQ(accounts.count_login_failures("user:lan", "2026-03-01T00:00:00.000Z").value_or(-1),
              4);
    EXPECT_EQ(accounts.count_login_failures("user:lan", kNow).value_or(-1), 0);
    EXPECT_EQ(accounts.count_login_failures("ip:10.0.0.7", "2026-03-01T00:00:00.000Z").value_or(-1),
              1);
    EXPECT_EQ(accounts.count_login_failures("user:an", "2026-03-01T00:00:00.000Z").value_or(-1), 0);

    ASSERT_TRUE(accounts.clear_login_failures("user:lan"));
    EXPECT_EQ(accounts.count_login_failures("user:lan", "2026-03-01T00:00:00.000Z").value_or(-1),
              0);
    EXPECT_EQ(accounts.count_login_failures("ip:10.0.0.7", "2026-03-01T00:00:00.000Z").value_or(-1),
              1);
}

TEST_P(StoreAccountTest, PurgeForgetsExpiredSessionsAndOldFailuresOnly) {
    auto store = open();
    ASSERT_TRUE(store);
    AccountStore& accounts = store->accounts();
    const User lan = must_create(accounts, new_user("lan"));
    ASSERT_TRUE(accounts.create_session({"old", lan.id, "c1", "2026-03-01T09:00:00.000Z"}));
    ASSERT_TRUE(accounts.create_session({"live", lan.id, "c2", kLater}));
    ASSERT_TRUE(accounts.record_login_failure("user:lan", "2026-03-01T09:00:00.000Z"));
    ASSERT_TRUE(accounts.record_login_failure("user:lan", "2026-03-01T09:58:00.000Z"));

    ASSERT_TRUE(accounts.purge_expired(kNow, "2026-03-01T09:45:00.000Z"));
    EXPECT_TRUE(session(accounts, "live"));
    // The expired session is gone even for a caller whose clock is behind.
    EXPECT_FALSE(session(accounts, "old", "2026-03-01T08:00:00.000Z"));
    EXPECT_EQ(accounts.count_login_failures("user:lan", "2026-03-01T00:00:00.000Z").value_or(-1),
              1);
}

TEST_P(StoreAccountTest, ChangesAreAuditedWithoutSecrets) {
    auto store = open();
    ASSERT_TRUE(store);
    AccountStore& accounts = store->accounts();
    const User lan = must_create(accounts, new_user("lan"));
    ASSERT_TRUE(accounts.create_session({"session-secret", lan.id, "csrf-secret", kLater}));
    ASSERT_TRUE(accounts.set_password(lan.id, "$argon2id$secret-new-hash", false, "", ""));
    ASSERT_TRUE(accounts.set_disabled(lan.id, true, "admin"));
    ASSERT_TRUE(accounts.set_disabled(lan.id, false, ""));
    auto made = accounts.create_api_token("token-secret", lan.id, "báo cáo", kLater, "admin");
    ASSERT_TRUE(made);
    ASSERT_TRUE(accounts.revoke_api_token(made->id, "minh"));
    ASSERT_TRUE(accounts.record_login_failure("user:lan", kNow));

    auto log = store->audit_log();
    ASSERT_TRUE(log);
    ASSERT_EQ(log->size(), 6u);  // sessions and login failures are not audited
    const std::pair<const char*, const char*> expected[] = {
        {"user-create", "admin"},  {"user-password", "lan"},  {"user-disable", "admin"},
        {"user-enable", "thidua"}, {"token-create", "admin"}, {"token-revoke", "minh"}};
    for (size_t i = 0; i < log->size(); ++i) {
        const AuditEntry& e = (*log)[i];
        EXPECT_EQ(e.action, expected[i].first);
        EXPECT_EQ(e.actor, expected[i].second) << e.action;
        EXPECT_EQ(e.subject, "lan") << e.action;
        EXPECT_EQ(e.detail.find("secret"), std::string::npos) << e.action << ": " << e.detail;
        EXPECT_EQ(e.detail.find("argon2"), std::string::npos) << e.action << ": " << e.detail;
        EXPECT_NE(e.detail.find(fmt::format("\"id\":{}", i < 4 ? lan.id : made->id)),
                  std::string::npos)
            << e.detail;
    }
    EXPECT_NE((*log)[4].detail.find("báo cáo"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreAccountTest, ::testing::Values("sqlite", "postgresql"),
                         testing_support::backend_name);

}  // namespace
}  // namespace thidua
