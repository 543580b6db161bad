#include "store/PgConnection.h"

#include <libpq-fe.h>

#include <charconv>
#include <new>
#include <vector>

#include <fmt/format.h>

#include "store/PgCopyWriter.h"

namespace thidua::store {
namespace {

// Any fixed number: all thidua processes on one database agree on it.
constexpr int64_t kMigrationLockKey = 0x7468696475610001;  // "thidua" 1
constexpr int64_t kImportLockKey = 0x7468696475610002;     // "thidua" 2

using PgResult = std::unique_ptr<pg_result, void (*)(pg_result*)>;

class PgRow final : public SqlRow {
public:
    PgRow(const PGresult* result, int row) : m_result(result), m_row(row) {}
    bool is_null(int c) const override { return PQgetisnull(m_result, m_row, c) != 0; }
    int64_t integer(int c) const override {
        const std::string_view t = text(c);
        int64_t v = 0;
        std::from_chars(t.data(), t.data() + t.size(), v);
        return v;
    }
    double real(int c) const override {
        const std::string_view t = text(c);
        double v = 0;
        std::from_chars(t.data(), t.data() + t.size(), v);
        return v;
    }
    std::string_view text(int c) const override {
        return {PQgetvalue(m_result, m_row, c),
                static_cast<size_t>(PQgetlength(m_result, m_row, c))};
    }
    std::string blob(int c) const override {
        size_t size = 0;
        unsigned char* bytes = PQunescapeBytea(
            reinterpret_cast<const unsigned char*>(PQgetvalue(m_result, m_row, c)), &size);
        if (bytes == nullptr) throw std::bad_alloc();  // the only failure libpq reports here
        std::string out(reinterpret_cast<const char*>(bytes), size);
        PQfreemem(bytes);
        return out;
    }

private:
    const PGresult* m_result;
    int m_row;
};

// Parameters go as text, which PostgreSQL casts to each column's type; blobs in bytea hex form.
std::string param_text(const SqlValue& v) {
    switch (v.kind) {
        case SqlValue::Kind::Int:
            return std::to_string(v.integer);
        case SqlValue::Kind::Real:
            return fmt::format("{}", v.real);  // shortest round trip
        case SqlValue::Kind::Blob: {
            std::string out = "\\x";
            for (unsigned char c : v.bytes)
                out += fmt::format("{:02x}", c);
            return out;
        }
        default:
            return std::string(v.bytes);
    }
}

bool ok(const PGresult* r) {
    const ExecStatusType s = PQresultStatus(r);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

}  // namespace

Result<std::unique_ptr<PgConnection>> PgConnection::open(const std::string& url) {
    std::unique_ptr<PgConnection> db(new PgConnection(PQconnectdb(url.c_str())));
    if (db->m_conn == nullptr || PQstatus(db->m_conn) != CONNECTION_OK)
        return tl::unexpected(
            StoreError{"Không kết nối được tới PostgreSQL", "cannot connect to PostgreSQL",
                       db->m_conn ? PQerrorMessage(db->m_conn) : "out of memory"});
    // Notices (such as "no transaction in progress") are not the user's business.
    PQsetNoticeProcessor(
        db->m_conn, [](void*, const char*) {}, nullptr);
    // temp_buffers: an import's staging tables stay in memory rather than spill (the default is
    // 8 MB); it can only be set before the session's first temporary table.
    auto set = db->exec_script(
        "SET client_encoding = 'UTF8'; SET extra_float_digits = 1; SET client_min_messages = "
        "warning; SET temp_buffers = '256MB';");
    if (!set) return tl::unexpected(set.error());
    return db;
}

PgConnection::~PgConnection() {
    PQfinish(m_conn);
}

std::string_view PgConnection::type_name(SqlType type) const {
    switch (type) {
        case SqlType::Text:
            return "TEXT";
        case SqlType::Key:
            return "TEXT COLLATE \"C\"";
        case SqlType::Integer:
            return "BIGINT";
        case SqlType::Real:
            return "DOUBLE PRECISION";
        case SqlType::Blob:
            return "BYTEA";
    }
    return "TEXT";
}

StoreError PgConnection::error(std::string_view what) const {
    return sql_error("postgresql", fmt::format("{}: {}", what, PQerrorMessage(m_conn)));
}

Result<> PgConnection::exec_script(std::string_view sql) {
    PgResult r(PQexec(m_conn, std::string(sql).c_str()), PQclear);
    if (!ok(r.get())) return tl::unexpected(error(sql));
    return {};
}

Result<PgResult> PgConnection::execute(std::string_view sql, std::span<const SqlValue> params) {
    std::vector<std::string> texts;
    std::vector<const char*> values;
    texts.reserve(params.size());
    for (const SqlValue& p : params)
        texts.push_back(param_text(p));
    for (size_t i = 0; i < params.size(); ++i)
        values.push_back(params[i].kind == SqlValue::Kind::Null ? nullptr : texts[i].c_str());
    PgResult r(PQexecParams(m_conn, std::string(sql).c_str(), static_cast<int>(params.size()),
                            nullptr, values.data(), nullptr, nullptr, 0),
               PQclear);
    if (!ok(r.get())) return tl::unexpected(error(sql));
    return r;
}

Result<int64_t> PgConnection::run(std::string_view sql, std::span<const SqlValue> params) {
    auto r = execute(sql, params);
    if (!r) return tl::unexpected(r.error());
    const char* tuples = PQcmdTuples(r->get());
    return tuples[0] ? std::stoll(tuples) : 0;
}

Result<> PgConnection::query(std::string_view sql, std::span<const SqlValue> params,
                             const RowCallback& on_row) {
    auto r = execute(sql, params);
    if (!r) return tl::unexpected(r.error());
    const int rows = PQntuples(r->get());
    for (int i = 0; i < rows; ++i)
        on_row(PgRow(r->get(), i));
    return {};
}

Result<> PgConnection::begin() {
    return exec_script("BEGIN");
}

Result<> PgConnection::commit() {
    return exec_script("COMMIT");
}

void PgConnection::rollback() {
    if (PQtransactionStatus(m_conn) != PQTRANS_IDLE) (void)exec_script("ROLLBACK");
}

Result<> PgConnection::lock_migrations() {
    const SqlValue key[] = {SqlValue::of(kMigrationLockKey)};
    auto r = execute("SELECT pg_advisory_lock($1::bigint)", key);
    if (!r) return tl::unexpected(r.error());
    return {};
}

void PgConnection::unlock_migrations() {
    const SqlValue key[] = {SqlValue::of(kMigrationLockKey)};
    (void)execute("SELECT pg_advisory_unlock($1::bigint)", key);
}

Result<> PgConnection::lock_imports() {
    const SqlValue key[] = {SqlValue::of(kImportLockKey)};
    auto r = execute("SELECT pg_advisory_xact_lock($1::bigint)", key);
    if (!r) return tl::unexpected(r.error());
    return {};
}

Result<std::unique_ptr<StageWriter>> PgConnection::stage(
    std::string_view table, std::span<const std::string_view> columns) {
    std::string names;
    for (size_t i = 0; i < columns.size(); ++i)
        names += fmt::format("{}{}", i ? ", " : "", columns[i]);
    // Table and column names come from the store's own code, never from data.
    auto writer = std::make_unique<PgCopyWriter>(*this, std::string(table));
    auto started = writer->start(fmt::format("COPY {} ({}) FROM STDIN", table, names));
    if (!started) return tl::unexpected(started.error());
    return std::unique_ptr<StageWriter>(std::move(writer));
}

}  // namespace thidua::store
