#pragma once
// The PostgreSQL bulk path: rows in COPY's text format, sent in large chunks.

#include <string>

#include "store/SqlConnection.h"

namespace thidua::store {

class PgConnection;

class PgCopyWriter final : public StageWriter {
public:
    PgCopyWriter(PgConnection& db, std::string table) : m_db(db), m_table(std::move(table)) {}
    // A COPY left open by an error is aborted, so that the transaction can roll back.
    ~PgCopyWriter() override;
    Result<> start(const std::string& copy_sql);
    Result<> add(std::span<const SqlValue> row) override;
    Result<> finish() override;

private:
    Result<> flush();

    PgConnection& m_db;
    std::string m_table;
    std::string m_buffer;
    bool m_active = false;
};

}  // namespace thidua::store
