#pragma once
// Compiled plans by (id, version): a stored version never changes, so compiling it once serves
// every later request on every thread.

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "plan/CompiledPlan.h"
#include "store/StoreTypes.h"

namespace thidua::web {

class PlanCache {
public:
    using Compiled = std::shared_ptr<const CompiledPlan>;
    tl::expected<Compiled, Diagnostics> get(const PlanVersion& version);

private:
    std::mutex m_mutex;
    std::map<std::pair<std::string, int>, Compiled> m_plans;
};

}  // namespace thidua::web
