#include "io/plan/PlanLoader.h"

#include "io/plan/PlanFileReader.h"
#include "plan/PlanCompiler.h"

namespace thidua {

tl::expected<std::shared_ptr<const CompiledPlan>, Diagnostics> load_plan(
    const std::filesystem::path& path) {
    return read_plan_file(path).and_then(compile_plan);
}

tl::expected<std::shared_ptr<const CompiledPlan>, Diagnostics> load_plan_text(
    const std::string& text, const std::string& name) {
    return read_plan_text(text, name).and_then(compile_plan);
}

}  // namespace thidua
