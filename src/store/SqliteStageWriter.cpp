#include "store/SqliteStageWriter.h"

#include <sqlite3.h>

#include <algorithm>

#include <fmt/format.h>

#include "store/SqliteBind.h"
#include "store/SqliteConnection.h"

namespace thidua::store {
namespace {

// Past 64 rows a batch gains nothing measurable; SQLite also caps the parameters of a statement.
constexpr size_t kBatchRows = 64;

std::string insert_sql(std::string_view table, std::span<const std::string_view> columns,
                       size_t rows) {
    std::string names, one_row;
    for (size_t i = 0; i < columns.size(); ++i) {
        names += fmt::format("{}{}", i ? ", " : "", columns[i]);
        one_row += i ? ", ?" : "(?";
    }
    one_row += ")";
    std::string sql = fmt::format("INSERT INTO {} ({}) VALUES {}", table, names, one_row);
    for (size_t r = 1; r < rows; ++r)
        sql += ", " + one_row;
    return sql;
}

}  // namespace

Result<std::unique_ptr<StageWriter>> SqliteStageWriter::open(
    SqliteConnection& db, std::string_view table, std::span<const std::string_view> columns) {
    auto one_row = db.statement(insert_sql(table, columns, 1));
    if (!one_row) return tl::unexpected(one_row.error());
    const auto max_parameters = static_cast<size_t>(db.variable_limit());
    const size_t batch_rows = std::clamp<size_t>(max_parameters / columns.size(), 1, kBatchRows);
    auto batch = db.statement(insert_sql(table, columns, batch_rows));
    if (!batch) return tl::unexpected(batch.error());
    return std::unique_ptr<StageWriter>(
        new SqliteStageWriter(db, *one_row, *batch, columns.size(), batch_rows));
}

SqliteStageWriter::SqliteStageWriter(SqliteConnection& db, sqlite3_stmt* one_row,
                                     sqlite3_stmt* batch, size_t columns, size_t batch_rows)
    : m_db(db),
      m_one_row(one_row),
      m_batch(batch),
      m_columns(columns),
      m_batch_cells(columns * batch_rows) {
    m_cells.reserve(m_batch_cells);
}

Result<> SqliteStageWriter::add(std::span<const SqlValue> row) {
    for (const SqlValue& v : row) {
        m_cells.push_back({v.kind, v.integer, v.real, m_bytes.size(), v.bytes.size()});
        m_bytes.append(v.bytes);
    }
    if (m_cells.size() < m_batch_cells) return {};
    auto done = insert(m_batch, 0, m_cells.size());
    m_cells.clear();
    m_bytes.clear();
    return done;
}

Result<> SqliteStageWriter::finish() {
    Result<> done;
    for (size_t first = 0; done && first < m_cells.size(); first += m_columns)
        done = insert(m_one_row, first, m_columns);
    m_cells.clear();
    m_bytes.clear();
    return done;
}

int SqliteStageWriter::bind(sqlite3_stmt* stmt, int index, const Cell& cell) const {
    // m_bytes is not touched until the statement has run and been reset.
    return bind_sqlite_value(stmt, index, cell.kind, cell.integer, cell.real,
                             std::string_view(m_bytes).substr(cell.offset, cell.size));
}

Result<> SqliteStageWriter::insert(sqlite3_stmt* stmt, size_t first, size_t count) {
    for (size_t i = 0; i < count; ++i) {
        if (bind(stmt, static_cast<int>(i + 1), m_cells[first + i]) != SQLITE_OK) {
            sqlite3_reset(stmt);
            return tl::unexpected(m_db.error("stage bind"));
        }
    }
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) return tl::unexpected(m_db.error("stage"));
    return {};
}

}  // namespace thidua::store
