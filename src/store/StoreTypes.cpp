#include "store/StoreTypes.h"

#include <fmt/format.h>

namespace thidua {

std::string StoreError::format() const {
    std::string out = fmt::format("{} / {}", message, message_en);
    if (!detail.empty()) out += fmt::format(": {}", detail);
    return out;
}

bool ImportReport::changed() const {
    for (const TableCounts& t : tables) {
        if (t.inserted != 0 || t.updated != 0 || t.removed != 0) return true;
    }
    return false;
}

}  // namespace thidua
