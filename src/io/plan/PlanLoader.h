#pragma once
// A plan file to a compiled plan: read the YAML, then check and compile it.

#include <filesystem>
#include <memory>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "plan/CompiledPlan.h"

namespace thidua {

tl::expected<std::shared_ptr<const CompiledPlan>, Diagnostics> load_plan(
    const std::filesystem::path& path);
tl::expected<std::shared_ptr<const CompiledPlan>, Diagnostics> load_plan_text(
    const std::string& text, const std::string& name);

}  // namespace thidua
