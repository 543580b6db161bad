#pragma once
// Users, sessions, API tokens and login throttling, in the store so that several servers behind
// a load balancer share them. Secrets never reach the database: passwords as Argon2id PHC
// strings, session and API tokens as their SHA-256 (see auth/).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "store/StoreTypes.h"

namespace thidua {

enum class Role { QuanTri, NoiVu, HoiDong, DonVi, LanhDao };

// "quan-tri", "noi-vu", "hoi-dong", "don-vi", "lanh-dao".
std::string_view role_code(Role role);
std::optional<Role> parse_role(std::string_view code);

struct User {
    int64_t id = 0;
    std::string username;
    Role role = Role::LanhDao;
    std::string unit_id;  // the unit a don-vi user answers for; empty otherwise
    std::string display_name;
    bool disabled = false;
    bool must_change_password = false;
    std::string created_at;
    std::string email;  // where reminders are mailed; "" for none
};

struct NewUser {
    std::string username;
    std::string password_hash;  // PHC string
    Role role = Role::LanhDao;
    std::string unit_id;
    std::string display_name;
    bool must_change_password = false;
    std::string email;
};

struct UserCredentials {
    User user;
    std::string password_hash;
};

// A session or API token found by its hash, with its user (never a disabled one).
struct SessionInfo {
    User user;
    std::string csrf_token;  // empty for API tokens: a bearer token needs no CSRF token
    std::string expires_at;
};

struct NewSession {
    std::string token_hash;
    int64_t user_id = 0;
    std::string csrf_token;
    std::string expires_at;  // ISO 8601 UTC
};

struct ApiToken {
    int64_t id = 0;
    int64_t user_id = 0;
    std::string username;
    std::string name;
    std::string created_at;
    std::string expires_at;  // empty: does not expire
    bool revoked = false;
};

class AccountStore {
public:
    virtual ~AccountStore() = default;
    template <class T = void>
    using Result = tl::expected<T, StoreError>;

    virtual Result<int64_t> count_users() = 0;
    // Fails (message names the username) when the username is taken.
    virtual Result<User> create_user(const NewUser& user, const std::string& actor) = 0;
    virtual Result<std::optional<UserCredentials>> find_credentials(
        const std::string& username) = 0;
    virtual Result<std::optional<User>> find_user(int64_t id) = 0;
    virtual Result<std::vector<User>> list_users() = 0;
    // `actor`, here and in every change below, is who acted, for the audit log: empty means the
    // user themself for set_password, "thidua" otherwise. A change to an unknown id fails.
    // Also ends the user's other sessions, except `keep_session_hash`.
    virtual Result<> set_password(int64_t user_id, const std::string& password_hash,
                                  bool must_change, const std::string& keep_session_hash,
                                  const std::string& actor = {}) = 0;
    // Disabling also ends the user's sessions, so that enabling again does not revive them.
    virtual Result<> set_email(int64_t user_id, const std::string& email,
                               const std::string& actor) = 0;
    virtual Result<> set_disabled(int64_t user_id, bool disabled,
                                  const std::string& actor = {}) = 0;

    virtual Result<> create_session(const NewSession& session) = 0;
    // Nothing when unknown, expired, or its user disabled. `now` is ISO 8601 UTC.
    virtual Result<std::optional<SessionInfo>> find_session(const std::string& token_hash,
                                                            const std::string& now) = 0;
    // Sliding expiry.
    virtual Result<> extend_session(const std::string& token_hash,
                                    const std::string& expires_at) = 0;
    virtual Result<> delete_session(const std::string& token_hash) = 0;

    // `expires_at` empty: the token does not expire.
    virtual Result<ApiToken> create_api_token(const std::string& token_hash, int64_t user_id,
                                              const std::string& name,
                                              const std::string& expires_at,
                                              const std::string& actor = {}) = 0;
    // Nothing when unknown, revoked, expired, or its user disabled.
    virtual Result<std::optional<SessionInfo>> find_api_token(const std::string& token_hash,
                                                              const std::string& now) = 0;
    virtual Result<std::vector<ApiToken>> list_api_tokens() = 0;
    virtual Result<> revoke_api_token(int64_t id, const std::string& actor = {}) = 0;

    // Login throttling, shared by every server: failures per key ("user:NAME", "ip:ADDR").
    virtual Result<> record_login_failure(const std::string& key, const std::string& at) = 0;
    // Failures at or after `since`.
    virtual Result<int64_t> count_login_failures(const std::string& key,
                                                 const std::string& since) = 0;
    virtual Result<> clear_login_failures(const std::string& key) = 0;
    // Forgets what no longer counts: sessions expired by `now`, failures before `failures_before`.
    virtual Result<> purge_expired(const std::string& now, const std::string& failures_before) = 0;
};

}  // namespace thidua
