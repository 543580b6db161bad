#include "store/SqlAccountStore.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/AuditLog.h"
#include "store/Clock.h"

namespace thidua::store {
namespace {

// Columns 0-8 of every query that reads a user: see read_user(); a query's own columns follow.
constexpr std::string_view kUserColumns =
    "u.id, u.username, u.role, u.unit_id, u.display_name, u.disabled, u.must_change_password, "
    "u.created_at, u.email";

User read_user(const SqlRow& r) {
    return {r.integer(0),
            std::string(r.text(1)),
            parse_role(r.text(2)).value_or(Role::LanhDao),  // the CHECK admits no other code
            std::string(r.text(3)),
            std::string(r.text(4)),
            r.integer(5) != 0,
            r.integer(6) != 0,
            std::string(r.text(7)),
            std::string(r.text(8))};
}

// Empty is NULL: no unit, no expiry.
SqlValue text_or_null(const std::string& text) {
    return text.empty() ? SqlValue::null() : SqlValue::of(text);
}

SqlValue flag(bool value) {
    return SqlValue::of(static_cast<int64_t>(value ? 1 : 0));
}

StoreError username_taken(const std::string& username) {
    return {fmt::format("Tên đăng nhập '{}' đã có người dùng", username),
            fmt::format("the username '{}' is taken", username),
            {}};
}

StoreError no_user(int64_t id) {
    return {
        fmt::format("Không có người dùng mã {}", id), fmt::format("no user with id {}", id), {}};
}

StoreError no_token(int64_t id) {
    return {fmt::format("Không có mã truy cập (API token) số {}", id),
            fmt::format("no API token with id {}", id),
            {}};
}

Result<std::optional<User>> query_user(SqlConnection& db, std::string_view where,
                                       std::span<const SqlValue> params) {
    std::optional<User> out;
    auto done = db.query(fmt::format("SELECT {} FROM users u WHERE {}", kUserColumns, where),
                         params, [&](const SqlRow& r) { out = read_user(r); });
    if (!done) return tl::unexpected(done.error());
    return out;
}

// The session or token row joined to its user; `sql` selects the user's columns, then the CSRF
// token and the expiry.
Result<std::optional<SessionInfo>> query_session(SqlConnection& db, const std::string& sql,
                                                 const std::string& token_hash,
                                                 const std::string& now) {
    const SqlValue params[] = {SqlValue::of(token_hash), SqlValue::of(now)};
    std::optional<SessionInfo> out;
    auto done = db.query(sql, params, [&](const SqlRow& r) {
        out = SessionInfo{read_user(r), std::string(r.text(9)), std::string(r.text(10))};
    });
    if (!done) return tl::unexpected(done.error());
    return out;
}

std::string actor_or(const std::string& actor, const std::string& fallback) {
    return actor.empty() ? fallback : actor;
}

}  // namespace

Result<int64_t> SqlAccountStore::count_users() {
    return query_int(m_db, "SELECT count(*) FROM users");
}

Result<User> SqlAccountStore::create_user(const NewUser& user, const std::string& actor) {
    if (user.username.empty())
        return tl::unexpected(
            StoreError{"Tên đăng nhập không được để trống", "the username must not be empty", {}});
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    // Checked first for a message that names the username; the UNIQUE constraint still refuses a
    // concurrent duplicate, with the engine's message.
    const SqlValue name[] = {SqlValue::of(user.username)};
    auto taken = query_int(m_db, "SELECT count(*) FROM users WHERE username = $1", name);
    if (!taken) return tl::unexpected(taken.error());
    if (*taken > 0) return tl::unexpected(username_taken(user.username));

    User out{0,
             user.username,
             user.role,
             user.unit_id,
             user.display_name,
             false,
             user.must_change_password,
             utc_now(),
             user.email};
    const SqlValue row[] = {SqlValue::of(out.username),        SqlValue::of(user.password_hash),
                            SqlValue::of(role_code(out.role)), text_or_null(out.unit_id),
                            SqlValue::of(out.display_name),    flag(out.must_change_password),
                            SqlValue::of(out.created_at),      SqlValue::of(out.email)};
    auto inserted = m_db.query(
        "INSERT INTO users (username, password_hash, role, unit_id, display_name, "
        "must_change_password, created_at, email) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
        "RETURNING id",
        row, [&](const SqlRow& r) { out.id = r.integer(0); });
    if (!inserted) return tl::unexpected(inserted.error());

    const nlohmann::json detail = {{"id", out.id},
                                   {"role", role_code(out.role)},
                                   {"unit_id", out.unit_id},
                                   {"display_name", out.display_name},
                                   {"must_change_password", out.must_change_password}};
    if (auto r = append_audit_entry(
            m_db, {0, out.created_at, actor, "user-create", out.username, detail.dump()});
        !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return out;
}

Result<std::optional<UserCredentials>> SqlAccountStore::find_credentials(
    const std::string& username) {
    const SqlValue params[] = {SqlValue::of(username)};
    std::optional<UserCredentials> out;
    auto done = m_db.query(
        fmt::format("SELECT {}, u.password_hash FROM users u WHERE u.username = $1", kUserColumns),
        params, [&](const SqlRow& r) {
            out = UserCredentials{read_user(r), std::string(r.text(9))};
        });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<std::optional<User>> SqlAccountStore::find_user(int64_t id) {
    const SqlValue params[] = {SqlValue::of(id)};
    return query_user(m_db, "u.id = $1", params);
}

Result<std::vector<User>> SqlAccountStore::list_users() {
    std::vector<User> out;
    auto done = m_db.query(fmt::format("SELECT {} FROM users u ORDER BY u.username", kUserColumns),
                           {}, [&](const SqlRow& r) { out.push_back(read_user(r)); });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<> SqlAccountStore::set_password(int64_t user_id, const std::string& password_hash,
                                       bool must_change, const std::string& keep_session_hash,
                                       const std::string& actor) {
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r) return r;
    auto user = find_user(user_id);
    if (!user) return tl::unexpected(user.error());
    if (!*user) return tl::unexpected(no_user(user_id));
    const SqlValue row[] = {SqlValue::of(user_id), SqlValue::of(password_hash), flag(must_change)};
    auto updated = m_db.run(
        "UPDATE users SET password_hash = $2, must_change_password = $3 WHERE id = $1", row);
    if (!updated) return tl::unexpected(updated.error());
    // Whoever knew the old password may hold a session: only the one changing it stays.
    const SqlValue keep[] = {SqlValue::of(user_id), SqlValue::of(keep_session_hash)};
    auto ended = m_db.run("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2", keep);
    if (!ended) return tl::unexpected(ended.error());

    const nlohmann::json detail = {
        {"id", user_id}, {"must_change_password", must_change}, {"sessions_ended", *ended}};
    if (auto r = append_audit_entry(m_db, {0,
                                           {},
                                           actor_or(actor, (*user)->username),
                                           "user-password",
                                           (*user)->username,
                                           detail.dump()});
        !r)
        return r;
    return tx.commit();
}

Result<> SqlAccountStore::set_email(int64_t user_id, const std::string& email,
                                    const std::string& actor) {
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r) return r;
    auto user = find_user(user_id);
    if (!user) return tl::unexpected(user.error());
    if (!*user) return tl::unexpected(no_user(user_id));
    const SqlValue row[] = {SqlValue::of(user_id), SqlValue::of(email)};
    if (auto r = m_db.run("UPDATE users SET email = $2 WHERE id = $1", row); !r)
        return tl::unexpected(r.error());
    const nlohmann::json detail = {
        {"id", user_id}, {"before", {{"email", (*user)->email}}}, {"after", {{"email", email}}}};
    if (auto r = append_audit_entry(
            m_db,
            {0, {}, actor_or(actor, "thidua"), "user-email", (*user)->username, detail.dump()});
        !r)
        return r;
    return tx.commit();
}

Result<> SqlAccountStore::set_disabled(int64_t user_id, bool disabled, const std::string& actor) {
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r) return r;
    auto user = find_user(user_id);
    if (!user) return tl::unexpected(user.error());
    if (!*user) return tl::unexpected(no_user(user_id));
    const SqlValue row[] = {SqlValue::of(user_id), flag(disabled)};
    if (auto r = m_db.run("UPDATE users SET disabled = $2 WHERE id = $1", row); !r)
        return tl::unexpected(r.error());
    int64_t ended = 0;
    if (disabled) {
        const SqlValue id[] = {SqlValue::of(user_id)};
        auto r = m_db.run("DELETE FROM sessions WHERE user_id = $1", id);
        if (!r) return tl::unexpected(r.error());
        ended = *r;
    }
    const nlohmann::json detail = {{"id", user_id}, {"sessions_ended", ended}};
    if (auto r = append_audit_entry(m_db, {0,
                                           {},
                                           actor_or(actor, "thidua"),
                                           disabled ? "user-disable" : "user-enable",
                                           (*user)->username,
                                           detail.dump()});
        !r)
        return r;
    return tx.commit();
}

Result<> SqlAccountStore::create_session(const NewSession& session) {
    const std::string now = utc_now();
    const SqlValue row[] = {SqlValue::of(session.token_hash), SqlValue::of(session.user_id),
                            SqlValue::of(session.csrf_token), SqlValue::of(now),
                            SqlValue::of(session.expires_at)};
    auto r = m_db.run(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, "
        "last_seen_at) VALUES ($1, $2, $3, $4, $5, $4)",
        row);
    if (!r) return tl::unexpected(r.error());
    return {};
}

Result<std::optional<SessionInfo>> SqlAccountStore::find_session(const std::string& token_hash,
                                                                 const std::string& now) {
    return query_session(m_db,
                         fmt::format("SELECT {}, s.csrf_token, s.expires_at FROM sessions s JOIN "
                                     "users u ON u.id = s.user_id WHERE s.token_hash = $1 AND "
                                     "s.expires_at > $2 AND u.disabled = 0",
                                     kUserColumns),
                         token_hash, now);
}

Result<> SqlAccountStore::extend_session(const std::string& token_hash,
                                         const std::string& expires_at) {
    const std::string now = utc_now();
    const SqlValue row[] = {SqlValue::of(token_hash), SqlValue::of(expires_at), SqlValue::of(now)};
    auto r = m_db.run(
        "UPDATE sessions SET expires_at = $2, last_seen_at = $3 WHERE token_hash = $1", row);
    if (!r) return tl::unexpected(r.error());
    return {};
}

Result<> SqlAccountStore::delete_session(const std::string& token_hash) {
    const SqlValue key[] = {SqlValue::of(token_hash)};
    auto r = m_db.run("DELETE FROM sessions WHERE token_hash = $1", key);
    if (!r) return tl::unexpected(r.error());
    return {};
}

Result<ApiToken> SqlAccountStore::create_api_token(const std::string& token_hash, int64_t user_id,
                                                   const std::string& name,
                                                   const std::string& expires_at,
                                                   const std::string& actor) {
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto user = find_user(user_id);
    if (!user) return tl::unexpected(user.error());
    if (!*user) return tl::unexpected(no_user(user_id));
    ApiToken out{0, user_id, (*user)->username, name, utc_now(), expires_at, false};
    const SqlValue row[] = {SqlValue::of(token_hash), SqlValue::of(user_id), SqlValue::of(name),
                            SqlValue::of(out.created_at), text_or_null(expires_at)};
    auto inserted = m_db.query(
        "INSERT INTO api_tokens (token_hash, user_id, name, created_at, expires_at) VALUES ($1, "
        "$2, $3, $4, $5) RETURNING id",
        row, [&](const SqlRow& r) { out.id = r.integer(0); });
    if (!inserted) return tl::unexpected(inserted.error());
    const nlohmann::json detail = {{"id", out.id}, {"name", name}, {"expires_at", expires_at}};
    if (auto r = append_audit_entry(m_db, {0, out.created_at, actor_or(actor, "thidua"),
                                           "token-create", out.username, detail.dump()});
        !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return out;
}

Result<std::optional<SessionInfo>> SqlAccountStore::find_api_token(const std::string& token_hash,
                                                                   const std::string& now) {
    // A bearer token needs no CSRF token: '' in its place.
    return query_session(
        m_db,
        fmt::format("SELECT {}, '', t.expires_at FROM api_tokens t JOIN users u ON u.id = "
                    "t.user_id WHERE t.token_hash = $1 AND t.revoked = 0 AND (t.expires_at IS "
                    "NULL OR t.expires_at > $2) AND u.disabled = 0",
                    kUserColumns),
        token_hash, now);
}

Result<std::vector<ApiToken>> SqlAccountStore::list_api_tokens() {
    std::vector<ApiToken> out;
    auto done = m_db.query(
        "SELECT t.id, t.user_id, u.username, t.name, t.created_at, t.expires_at, t.revoked FROM "
        "api_tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id",
        {}, [&](const SqlRow& r) {
            out.push_back({r.integer(0), r.integer(1), std::string(r.text(2)),
                           std::string(r.text(3)), std::string(r.text(4)), std::string(r.text(5)),
                           r.integer(6) != 0});
        });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<> SqlAccountStore::revoke_api_token(int64_t id, const std::string& actor) {
    Transaction tx(m_db);
    if (auto r = tx.begin(); !r) return r;
    const SqlValue key[] = {SqlValue::of(id)};
    std::optional<std::pair<std::string, std::string>> token;  // username, name
    auto found = m_db.query(
        "SELECT u.username, t.name FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id "
        "= $1",
        key, [&](const SqlRow& r) { token.emplace(r.text(0), r.text(1)); });
    if (!found) return found;
    if (!token) return tl::unexpected(no_token(id));
    if (auto r = m_db.run("UPDATE api_tokens SET revoked = 1 WHERE id = $1", key); !r)
        return tl::unexpected(r.error());
    const nlohmann::json detail = {{"id", id}, {"name", token->second}};
    if (auto r = append_audit_entry(
            m_db, {0, {}, actor_or(actor, "thidua"), "token-revoke", token->first, detail.dump()});
        !r)
        return r;
    return tx.commit();
}

Result<> SqlAccountStore::record_login_failure(const std::string& key, const std::string& at) {
    const SqlValue row[] = {SqlValue::of(key), SqlValue::of(at)};
    auto r = m_db.run("INSERT INTO login_failures (key, at) VALUES ($1, $2)", row);
    if (!r) return tl::unexpected(r.error());
    return {};
}

Result<int64_t> SqlAccountStore::count_login_failures(const std::string& key,
                                                      const std::string& since) {
    const SqlValue params[] = {SqlValue::of(key), SqlValue::of(since)};
    return query_int(m_db, "SELECT count(*) FROM login_failures WHERE key = $1 AND at >= $2",
                     params);
}

Result<> SqlAccountStore::clear_login_failures(const std::string& key) {
    const SqlValue params[] = {SqlValue::of(key)};
    auto r = m_db.run("DELETE FROM login_failures WHERE key = $1", params);
    if (!r) return tl::unexpected(r.error());
    return {};
}

Result<> SqlAccountStore::purge_expired(const std::string& now,
                                        const std::string& failures_before) {
    const SqlValue expired[] = {SqlValue::of(now)};
    if (auto r = m_db.run("DELETE FROM sessions WHERE expires_at <= $1", expired); !r)
        return tl::unexpected(r.error());
    const SqlValue old[] = {SqlValue::of(failures_before)};
    if (auto r = m_db.run("DELETE FROM login_failures WHERE at < $1", old); !r)
        return tl::unexpected(r.error());
    return {};
}

}  // namespace thidua::store
