#pragma once
// Times the store records (saved_at, logged_at), as ISO 8601 UTC text with milliseconds: the
// same text in both engines, and it sorts as it reads.

#include <string>

namespace thidua::store {

std::string utc_now();

}  // namespace thidua::store
