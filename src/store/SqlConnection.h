#pragma once
// What the store needs from a database engine, and no more: run SQL with `$1` parameters, read
// rows, transactions, and a bulk path into a staging table. SqliteConnection and PgConnection
// are the two implementations; everything above them (schema, import, load, plans, names) is
// written once, in SQL both engines accept. Internal to src/store.

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "store/StoreTypes.h"

namespace thidua::store {

template <class T = void>
using Result = tl::expected<T, StoreError>;

// A parameter or a cell to stage. Text and blobs point at the caller's memory, which must live
// until the call that takes the value returns.
struct SqlValue {
    enum class Kind : uint8_t { Null, Int, Real, Text, Blob };
    Kind kind = Kind::Null;
    int64_t integer = 0;
    double real = 0;
    std::string_view bytes;

    static SqlValue null() { return {}; }
    static SqlValue of(int64_t v) { return {Kind::Int, v, 0, {}}; }
    static SqlValue of(double v) { return {Kind::Real, 0, v, {}}; }
    static SqlValue of(std::string_view v) { return {Kind::Text, 0, 0, v}; }
    static SqlValue blob(std::string_view v) { return {Kind::Blob, 0, 0, v}; }
};

// One row of a result, valid only inside the row callback.
class SqlRow {
public:
    virtual ~SqlRow() = default;
    virtual bool is_null(int column) const = 0;
    virtual int64_t integer(int column) const = 0;
    virtual double real(int column) const = 0;
    virtual std::string_view text(int column) const = 0;
    // The bytes of a BLOB/BYTEA column (PostgreSQL sends bytea as hex text: decoded here).
    virtual std::string blob(int column) const = 0;
};

using RowCallback = std::function<void(const SqlRow&)>;

// Fills one staging table, created by the caller, row by row.
class StageWriter {
public:
    virtual ~StageWriter() = default;
    virtual Result<> add(std::span<const SqlValue> row) = 0;
    virtual Result<> finish() = 0;
};

// Key: an id column (byte-ordered text).
enum class SqlType { Text, Key, Integer, Real, Blob };

class SqlConnection {
public:
    virtual ~SqlConnection() = default;
    virtual std::string_view engine() const = 0;
    // The engine's spelling of a column type.
    virtual std::string_view type_name(SqlType type) const = 0;

    // One or more statements without parameters (schema scripts).
    virtual Result<> exec_script(std::string_view sql) = 0;
    // One statement; returns the number of rows it changed.
    virtual Result<int64_t> run(std::string_view sql, std::span<const SqlValue> params = {}) = 0;
    virtual Result<> query(std::string_view sql, std::span<const SqlValue> params,
                           const RowCallback& on_row) = 0;

    // A write transaction; SQLite takes its write lock at once so that two writers queue rather
    // than deadlock.
    virtual Result<> begin() = 0;
    virtual Result<> commit() = 0;
    virtual void rollback() = 0;

    // Serialises schema migrations between processes (PostgreSQL advisory lock; SQLite relies on
    // its write lock per step).
    virtual Result<> lock_migrations() = 0;
    virtual void unlock_migrations() = 0;

    // Serialises imports, inside the caller's transaction (PostgreSQL transaction-level advisory
    // lock; SQLite's BEGIN IMMEDIATE already holds the one write lock).
    virtual Result<> lock_imports() = 0;

    // The bulk path into `table`: reused prepared INSERT (SQLite) or COPY (PostgreSQL).
    virtual Result<std::unique_ptr<StageWriter>> stage(
        std::string_view table, std::span<const std::string_view> columns) = 0;
};

// Rolls back unless committed: every early return inside a transaction leaves the store as it was.
class Transaction {
public:
    explicit Transaction(SqlConnection& db) : m_db(db) {}
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction() {
        if (m_open) m_db.rollback();
    }
    Result<> begin() {
        auto r = m_db.begin();
        m_open = r.has_value();
        return r;
    }
    // A failed COMMIT (a deferred foreign key) leaves SQLite's transaction open: roll it back.
    Result<> commit() {
        m_open = false;
        auto r = m_db.commit();
        if (!r) m_db.rollback();
        return r;
    }

private:
    SqlConnection& m_db;
    bool m_open = false;
};

// A single integer from a query such as `SELECT count(*) …`; 0 for NULL or no row.
Result<int64_t> query_int(SqlConnection& db, std::string_view sql,
                          std::span<const SqlValue> params = {});

StoreError sql_error(std::string_view engine, std::string detail);

}  // namespace thidua::store
