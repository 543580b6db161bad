#pragma once
// SQLite's bulk path: rows gathered into batches and inserted by one reused multi-row INSERT, so
// that SQLite sets up its statement and opens its cursor once a batch rather than once a row
// (that set-up is about half the cost of inserting a person_years row). The rows left over at
// the end go through the single-row INSERT. Text and blobs are copied as they come: the caller's
// memory lasts only until add() returns.

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/SqlConnection.h"

struct sqlite3_stmt;

namespace thidua::store {

class SqliteConnection;

class SqliteStageWriter final : public StageWriter {
public:
    // Parameters are in column order, so they bind by position with no lookup per row.
    static Result<std::unique_ptr<StageWriter>> open(SqliteConnection& db, std::string_view table,
                                                     std::span<const std::string_view> columns);
    Result<> add(std::span<const SqlValue> row) override;
    Result<> finish() override;

private:
    // A copied value: text and blobs as a range of m_bytes, which may move as it grows.
    struct Cell {
        SqlValue::Kind kind;
        int64_t integer;
        double real;
        size_t offset, size;
    };

    SqliteStageWriter(SqliteConnection& db, sqlite3_stmt* one_row, sqlite3_stmt* batch,
                      size_t columns, size_t batch_rows);
    // Binds `count` cells from `first` to `stmt` and runs it once.
    Result<> insert(sqlite3_stmt* stmt, size_t first, size_t count);
    int bind(sqlite3_stmt* stmt, int index, const Cell& cell) const;

    SqliteConnection& m_db;
    sqlite3_stmt* m_one_row;
    sqlite3_stmt* m_batch;
    size_t m_columns;
    size_t m_batch_cells;
    std::vector<Cell> m_cells;
    std::string m_bytes;
};

}  // namespace thidua::store
