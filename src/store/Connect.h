#pragma once
// A raw connection for a store address, without migrating: open_store() builds on it, and the
// store's tests use it to reach under the interface (to tamper with the schema or the log).

#include <memory>
#include <string_view>

#include "store/SqlConnection.h"

namespace thidua::store {

Result<std::unique_ptr<SqlConnection>> connect(std::string_view url);

}  // namespace thidua::store
