#include "store/PgCopyWriter.h"

#include <libpq-fe.h>

#include <fmt/format.h>

#include "store/PgConnection.h"

namespace thidua::store {
namespace {

constexpr size_t kChunk = 1 << 20;

// COPY text format: backslash escapes for the separator, line breaks and backslash itself.
void append_escaped(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += c;
        }
    }
}

void append_value(std::string& out, const SqlValue& v) {
    switch (v.kind) {
        case SqlValue::Kind::Null:
            out += "\\N";
            break;
        case SqlValue::Kind::Int:
            fmt::format_to(std::back_inserter(out), "{}", v.integer);
            break;
        case SqlValue::Kind::Real:
            fmt::format_to(std::back_inserter(out), "{}", v.real);
            break;
        case SqlValue::Kind::Text:
            append_escaped(out, v.bytes);
            break;
        case SqlValue::Kind::Blob:
            out += "\\\\x";  // bytea hex input, its backslash escaped for COPY
            for (unsigned char c : v.bytes)
                fmt::format_to(std::back_inserter(out), "{:02x}", c);
            break;
    }
}

}  // namespace

Result<> PgCopyWriter::start(const std::string& copy_sql) {
    PGresult* r = PQexec(m_db.raw(), copy_sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COPY_IN;
    PQclear(r);
    if (!ok) return tl::unexpected(m_db.error(copy_sql));
    m_buffer.reserve(kChunk + 4096);
    m_active = true;
    return {};
}

PgCopyWriter::~PgCopyWriter() {
    if (!m_active) return;
    PQputCopyEnd(m_db.raw(), "aborted");
    while (PGresult* r = PQgetResult(m_db.raw()))
        PQclear(r);
}

Result<> PgCopyWriter::add(std::span<const SqlValue> row) {
    for (size_t i = 0; i < row.size(); ++i) {
        if (i) m_buffer += '\t';
        append_value(m_buffer, row[i]);
    }
    m_buffer += '\n';
    if (m_buffer.size() >= kChunk) return flush();
    return {};
}

Result<> PgCopyWriter::flush() {
    if (m_buffer.empty()) return {};
    if (PQputCopyData(m_db.raw(), m_buffer.data(), static_cast<int>(m_buffer.size())) != 1)
        return tl::unexpected(m_db.error("COPY"));
    m_buffer.clear();
    return {};
}

Result<> PgCopyWriter::finish() {
    auto flushed = flush();
    if (!flushed) return flushed;
    m_active = false;
    if (PQputCopyEnd(m_db.raw(), nullptr) != 1) return tl::unexpected(m_db.error("COPY end"));
    bool ok = true;
    while (PGresult* r = PQgetResult(m_db.raw())) {
        ok = ok && PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
    }
    if (!ok) return tl::unexpected(m_db.error("COPY"));
    // Temporary tables are never analysed by autovacuum: without statistics the merge's joins
    // against a staged table of millions of rows get planned as if it held a few hundred.
    return m_db.exec_script("ANALYZE " + m_table);
}

}  // namespace thidua::store
