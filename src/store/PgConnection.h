#pragma once
// SqlConnection over libpq: parameterised statements only (PQexecParams, values never spliced
// into SQL text), COPY for the bulk path, a session advisory lock around migrations.

#include <memory>
#include <string>

#include "store/SqlConnection.h"

struct pg_conn;
struct pg_result;

namespace thidua::store {

class PgConnection final : public SqlConnection {
public:
    static Result<std::unique_ptr<PgConnection>> open(const std::string& url);
    ~PgConnection() override;

    std::string_view engine() const override { return "postgresql"; }
    std::string_view type_name(SqlType type) const override;
    Result<> exec_script(std::string_view sql) override;
    Result<int64_t> run(std::string_view sql, std::span<const SqlValue> params) override;
    Result<> query(std::string_view sql, std::span<const SqlValue> params,
                   const RowCallback& on_row) override;
    Result<> begin() override;
    Result<> commit() override;
    void rollback() override;
    Result<> lock_migrations() override;
    void unlock_migrations() override;
    Result<> lock_imports() override;
    Result<std::unique_ptr<StageWriter>> stage(std::string_view table,
                                               std::span<const std::string_view> columns) override;

    pg_conn* raw() { return m_conn; }
    StoreError error(std::string_view what) const;

private:
    explicit PgConnection(pg_conn* conn) : m_conn(conn) {}
    // The result of one parameterised statement; nullptr-free (PQexecParams never returns null
    // short of memory exhaustion, which it reports as an error result).
    Result<std::unique_ptr<pg_result, void (*)(pg_result*)>> execute(
        std::string_view sql, std::span<const SqlValue> params);

    pg_conn* m_conn = nullptr;
};

}  // namespace thidua::store
