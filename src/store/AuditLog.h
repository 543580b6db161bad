#pragma once
// Appending to and reading the audit log; its append-only rule lives in the schema (triggers).

#include <vector>

#include "store/SqlConnection.h"

namespace thidua::store {

// Inside the caller's transaction when there is one, so an entry commits with what it records.
Result<> append_audit_entry(SqlConnection& db, const AuditEntry& entry);
Result<std::vector<AuditEntry>> read_audit_log(SqlConnection& db);
// Newest first, filtered in SQL (parameters only), at most `limit` entries.
Result<std::vector<AuditEntry>> find_audit_entries(SqlConnection& db, const AuditQuery& query);

}  // namespace thidua::store
