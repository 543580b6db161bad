#include "web/app/PlanCache.h"

#include <fmt/format.h>

#include "io/plan/PlanLoader.h"

namespace thidua::web {

tl::expected<PlanCache::Compiled, Diagnostics> PlanCache::get(const PlanVersion& version) {
    const auto key = std::make_pair(version.plan_id, version.version);
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_plans.find(key); it != m_plans.end()) return it->second;
    }
    // Compiled outside the lock: two threads may compile the same version once each.
    auto compiled =
        load_plan_text(version.text, fmt::format("{}@{}", version.plan_id, version.version));
    if (!compiled) return tl::unexpected(compiled.error());
    std::lock_guard lock(m_mutex);
    m_plans.emplace(key, *compiled);
    return *compiled;
}

}  // namespace thidua::web
