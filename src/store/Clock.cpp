#include "store/Clock.h"

#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace thidua::store {

std::string utc_now() {
    const auto now =
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    const auto seconds = std::chrono::time_point_cast<std::chrono::seconds>(now);
    const auto ms = (now - seconds).count();
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", seconds, ms);
}

}  // namespace thidua::store
