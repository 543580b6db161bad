#pragma once
// SqlConnection over the sqlite3 C API: one database file in WAL mode, foreign keys on, a busy
// timeout so that a second process waits for the writer instead of failing. Prepared statements
// are cached by their text, so a statement run once per row is compiled once.

#include <memory>
#include <string>
#include <unordered_map>

#include "store/SqlConnection.h"

struct sqlite3;
struct sqlite3_stmt;

namespace thidua::store {

class SqliteConnection final : public SqlConnection {
public:
    static Result<std::unique_ptr<SqliteConnection>> open(const std::string& path);
    ~SqliteConnection() override;

    std::string_view engine() const override { return "sqlite"; }
    std::string_view type_name(SqlType type) const override;
    Result<> exec_script(std::string_view sql) override;
    Result<int64_t> run(std::string_view sql, std::span<const SqlValue> params) override;
    Result<> query(std::string_view sql, std::span<const SqlValue> params,
                   const RowCallback& on_row) override;
    Result<> begin() override;
    Result<> commit() override;
    void rollback() override;
    Result<> lock_migrations() override { return {}; }
    void unlock_migrations() override {}
    Result<> lock_imports() override { return {}; }
    Result<std::unique_ptr<StageWriter>> stage(std::string_view table,
                                               std::span<const std::string_view> columns) override;

    // The cached statement for `sql`, compiled on first use.
    Result<sqlite3_stmt*> statement(std::string_view sql);
    // A cached statement with `params` bound to $1, $2, …, ready to step; reset by the caller.
    Result<sqlite3_stmt*> prepare(std::string_view sql, std::span<const SqlValue> params);
    StoreError error(std::string_view what) const;
    // The most parameters one statement may take.
    int variable_limit() const;

private:
    explicit SqliteConnection(sqlite3* db) : m_db(db) {}

    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> m_statements;
};

}  // namespace thidua::store
