#pragma once
// The units a caller may read: every unit, or (a don-vi user) their own unit and its descendants.
// Every list, detail and evaluation a don-vi user receives is filtered through this.

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "store/DirectoryTypes.h"
#include "web/app/Principal.h"

namespace thidua::web {

class UnitScope {
public:
    static UnitScope of(const Principal& principal, const std::vector<UnitRecord>& units);

    bool all() const { return m_all; }
    bool contains(std::string_view unit_id) const;
    // The visible unit ids, for an SQL filter (empty when all()).
    std::vector<std::string> ids() const;

private:
    bool m_all = true;
    std::unordered_set<std::string> m_ids;
};

}  // namespace thidua::web
