#include "web/app/UnitScope.h"

#include <unordered_map>

namespace thidua::web {

UnitScope UnitScope::of(const Principal& principal, const std::vector<UnitRecord>& units) {
    UnitScope scope;
    if (sees_all_units(principal)) return scope;
    scope.m_all = false;
    const std::string& root = principal.user.unit_id;
    if (root.empty()) return scope;  // a don-vi user with no unit sees nothing
    std::unordered_map<std::string_view, std::vector<std::string_view>> children;
    for (const UnitRecord& u : units)
        if (!u.parent_id.empty()) children[u.parent_id].push_back(u.id);
    std::vector<std::string_view> todo{root};
    while (!todo.empty()) {
        const std::string_view id = todo.back();
        todo.pop_back();
        if (!scope.m_ids.insert(std::string(id)).second) continue;  // a cycle in bad data
        if (auto it = children.find(id); it != children.end())
            todo.insert(todo.end(), it->second.begin(), it->second.end());
    }
    return scope;
}

bool UnitScope::contains(std::string_view unit_id) const {
    return m_all || m_ids.contains(std::string(unit_id));
}

std::vector<std::string> UnitScope::ids() const {
    return {m_ids.begin(), m_ids.end()};
}

}  // namespace thidua::web
