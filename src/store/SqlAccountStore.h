#pragma once
// The AccountStore over a SqlConnection: the same SQL on SQLite and PostgreSQL. Every change to
// users and tokens commits together with its audit entry.

#include "store/AccountStore.h"
#include "store/SqlConnection.h"

namespace thidua::store {

class SqlAccountStore final : public AccountStore {
public:
    // `db` is the owning SqlStore's connection and outlives this object.
    explicit SqlAccountStore(SqlConnection& db) : m_db(db) {}

    Result<int64_t> count_users() override;
    Result<User> create_user(const NewUser& user, const std::string& actor) override;
    Result<std::optional<UserCredentials>> find_credentials(const std::string& username) override;
    Result<std::optional<User>> find_user(int64_t id) override;
    Result<std::vector<User>> list_users() override;
    Result<> set_password(int64_t user_id, const std::string& password_hash, bool must_change,
                          const std::string& keep_session_hash, const std::string& actor) override;
    Result<> set_email(int64_t user_id, const std::string& email,
                       const std::string& actor) override;
    Result<> set_disabled(int64_t user_id, bool disabled, const std::string& actor) override;

    Result<> create_session(const NewSession& session) override;
    Result<std::optional<SessionInfo>> find_session(const std::string& token_hash,
                                                    const std::string& now) override;
    Result<> extend_session(const std::string& token_hash, const std::string& expires_at) override;
    Result<> delete_session(const std::string& token_hash) override;

    Result<ApiToken> create_api_token(const std::string& token_hash, int64_t user_id,
                                      const std::string& name, const std::string& expires_at,
                                      const std::string& actor) override;
    Result<std::optional<SessionInfo>> find_api_token(const std::string& token_hash,
                                                      const std::string& now) override;
    Result<std::vector<ApiToken>> list_api_tokens() override;
    Result<> revoke_api_token(int64_t id, const std::string& actor) override;

    Result<> record_login_failure(const std::string& key, const std::string& at) override;
    Result<int64_t> count_login_failures(const std::string& key, const std::string& since) override;
    Result<> clear_login_failures(const std::string& key) override;
    Result<> purge_expired(const std::string& now, const std::string& failures_before) override;

private:
    SqlConnection& m_db;
};

}  // namespace thidua::store
