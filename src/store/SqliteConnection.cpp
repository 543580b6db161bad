#include "store/SqliteConnection.h"

#include <sqlite3.h>

#include <fmt/format.h>

#include "store/SqliteBind.h"
#include "store/SqliteStageWriter.h"

namespace thidua::store {
namespace {

constexpr int kBusyTimeoutMs = 10000;

class SqliteRow final : public SqlRow {
public:
    explicit SqliteRow(sqlite3_stmt* stmt) : m_stmt(stmt) {}
    bool is_null(int c) const override { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
    int64_t integer(int c) const override { return sqlite3_column_int64(m_stmt, c); }
    double real(int c) const override { return sqlite3_column_double(m_stmt, c); }
    std::string_view text(int c) const override {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, c));
        if (p == nullptr) return {};
        return {p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, c))};
    }
    std::string blob(int c) const override {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, c));
        if (p == nullptr) return {};
        return {p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, c))};
    }

private:
    sqlite3_stmt* m_stmt;
};

// The statement is stepped before the caller's memory goes away.
int bind(sqlite3_stmt* stmt, int index, const SqlValue& v) {
    return bind_sqlite_value(stmt, index, v.kind, v.integer, v.real, v.bytes);
}

}  // namespace

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path) {
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    std::unique_ptr<SqliteConnection> db(new SqliteConnection(raw));
    if (rc != SQLITE_OK)
        return tl::unexpected(StoreError{fmt::format("Không mở được cơ sở dữ liệu {}", path),
                                         fmt::format("cannot open the database {}", path),
                                         raw ? sqlite3_errmsg(raw) : "out of memory"});
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
    // WAL: readers never block the writer. synchronous=NORMAL is durable against a killed
    // process (the SIGKILL test); only a power cut may lose the last commits, never consistency.
    auto set = db->exec_script(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");  // 64 MB: big imports
    if (!set) return tl::unexpected(set.error());
    return db;
}

SqliteConnection::~SqliteConnection() {
    for (auto& [sql, stmt] : m_statements)
        sqlite3_finalize(stmt);
    sqlite3_close_v2(m_db);
}

std::string_view SqliteConnection::type_name(SqlType type) const {
    switch (type) {
        case SqlType::Text:
        case SqlType::Key:
            return "TEXT";
        case SqlType::Integer:
            return "INTEGER";
        case SqlType::Real:
            return "REAL";
        case SqlType::Blob:
            return "BLOB";
    }
    return "TEXT";
}

StoreError SqliteConnection::error(std::string_view what) const {
    return sql_error("sqlite", fmt::format("{}: {}", what, sqlite3_errmsg(m_db)));
}

Result<> SqliteConnection::exec_script(std::string_view sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, std::string(sql).c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return {};
    StoreError e = sql_error("sqlite", message ? message : sqlite3_errstr(rc));
    sqlite3_free(message);
    return tl::unexpected(e);
}

Result<sqlite3_stmt*> SqliteConnection::statement(std::string_view sql) {
    auto found = m_statements.find(std::string(sql));
    if (found != m_statements.end()) return found->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        return tl::unexpected(error(sql));
    m_statements.emplace(std::string(sql), stmt);
    return stmt;
}

Result<sqlite3_stmt*> SqliteConnection::prepare(std::string_view sql,
                                                std::span<const SqlValue> params) {
    auto found = statement(sql);
    if (!found) return found;
    sqlite3_stmt* stmt = *found;
    // `$1` is a named parameter to SQLite, numbered in order of first use: bind by name.
    for (size_t i = 0; i < params.size(); ++i) {
        const std::string name = fmt::format("${}", i + 1);
        const int index = sqlite3_bind_parameter_index(stmt, name.c_str());
        if (index == 0 || bind(stmt, index, params[i]) != SQLITE_OK) {
            sqlite3_reset(stmt);
            return tl::unexpected(error(fmt::format("bind {} in {}", name, sql)));
        }
    }
    return stmt;
}

Result<int64_t> SqliteConnection::run(std::string_view sql, std::span<const SqlValue> params) {
    auto stmt = prepare(sql, params);
    if (!stmt) return tl::unexpected(stmt.error());
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(*stmt);
    Result<int64_t> out = sqlite3_changes64(m_db);
    if (rc != SQLITE_DONE) out = tl::unexpected(error(sql));
    sqlite3_reset(*stmt);
    sqlite3_clear_bindings(*stmt);
    return out;
}

Result<> SqliteConnection::query(std::string_view sql, std::span<const SqlValue> params,
                                 const RowCallback& on_row) {
    auto stmt = prepare(sql, params);
    if (!stmt) return tl::unexpected(stmt.error());
    const SqliteRow row(*stmt);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(*stmt)) == SQLITE_ROW)
        on_row(row);
    Result<> out;
    if (rc != SQLITE_DONE) out = tl::unexpected(error(sql));
    sqlite3_reset(*stmt);
    sqlite3_clear_bindings(*stmt);
    return out;
}

Result<> SqliteConnection::begin() {
    return exec_script("BEGIN IMMEDIATE");
}

Result<> SqliteConnection::commit() {
    return exec_script("COMMIT");
}

void SqliteConnection::rollback() {
    if (!sqlite3_get_autocommit(m_db)) (void)exec_script("ROLLBACK");
}

Result<std::unique_ptr<StageWriter>> SqliteConnection::stage(
    std::string_view table, std::span<const std::string_view> columns) {
    return SqliteStageWriter::open(*this, table, columns);
}

int SqliteConnection::variable_limit() const {
    return sqlite3_limit(m_db, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
}

}  // namespace thidua::store
