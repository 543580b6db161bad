#include "store/Clock.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace thidua::store {

std::string utc_iso(std::chrono::system_clock::time_point at) {
    const auto ms = std::chrono::time_point_cast<std::chrono::milliseconds>(at);
    const auto seconds = std::chrono::time_point_cast<std::chrono::seconds>(ms);
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", seconds, (ms - seconds).count());
}

std::string utc_now() {
    return utc_iso(std::chrono::system_clock::now());
}

Date vietnam_today() {
    using namespace std::chrono;
    const auto local = system_clock::now() + hours(7);
    return Date::from_days(static_cast<int32_t>(floor<days>(local).time_since_epoch().count()));
}

}  // namespace thidua::store
