#pragma once
// The secondary indexes of a table, put aside while a bulk load fills the table from empty and
// built again after it: one sorted build costs far less than millions of inserts at random
// places of a b-tree larger than the cache. Primary keys and unique indexes stay: they check the
// rows as they come. Both steps run inside the caller's transaction, and both engines' DDL is
// transactional, so a rolled-back import leaves every index as it was. On PostgreSQL the dropped
// index holds the table locked until the import commits: readers of that table (still empty, as
// the bulk load is only for empty tables) wait for the import instead of seeing nothing.

#include <string>
#include <string_view>
#include <vector>

#include "store/SqlConnection.h"

namespace thidua::store {

struct IndexDefinition {
    std::string qualified_name;  // as DROP INDEX takes it
    std::string create_sql;      // the engine's own text of the index, replayed as it is
};

// The secondary (not unique) indexes of `table`, read from the engine's catalogue.
Result<std::vector<IndexDefinition>> secondary_indexes(SqlConnection& db, std::string_view table);

Result<> drop_indexes(SqlConnection& db, const std::vector<IndexDefinition>& indexes);
Result<> create_indexes(SqlConnection& db, const std::vector<IndexDefinition>& indexes);

}  // namespace thidua::store
