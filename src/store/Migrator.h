#pragma once
// Brings a database to the binary's schema: each pending step in its own transaction, recorded
// with its checksum in schema_migrations; the PostgreSQL advisory lock keeps two app servers
// from migrating at once. A database newer than the binary, or a step whose text changed after
// it was applied, is refused rather than guessed at.

#include "store/SqlConnection.h"

namespace thidua::store {

// Returns the schema version the database is at afterwards.
Result<int> migrate(SqlConnection& db);

}  // namespace thidua::store
