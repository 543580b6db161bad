#pragma once
// Times the store records (saved_at, logged_at, expires_at), as ISO 8601 UTC text with
// milliseconds: the same text in both engines, and it sorts as it reads.

#include <chrono>
#include <string>

#include "base/Date.h"

namespace thidua::store {

std::string utc_iso(std::chrono::system_clock::time_point at);
std::string utc_now();

// Today's date in Vietnam (UTC+7, no daylight saving): the date a document is signed on.
Date vietnam_today();

}  // namespace thidua::store
