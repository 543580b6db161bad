#include "model/Dataset.h"

#include <algorithm>

namespace thidua {

std::optional<TagId> Dataset::find_tag(std::string_view name) const {
    // A dataset has a few dozen tags, and plans look them up once per group.
    const auto found = std::find(tag_names.begin(), tag_names.end(), name);
    if (found == tag_names.end()) return std::nullopt;
    return static_cast<TagId>(found - tag_names.begin());
}

bool Dataset::unit_has_tag(Index unit, TagId tag) const {
    if (unit < 0 || static_cast<size_t>(unit) >= units.size()) return false;
    const std::vector<TagId>& tags = units[static_cast<size_t>(unit)].tags;
    return std::binary_search(tags.begin(), tags.end(), tag);
}

}  // namespace thidua
