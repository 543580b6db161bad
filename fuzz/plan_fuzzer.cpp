// libFuzzer target for plan files: YAML reading, the expression parser and compiler, and the
// whole-plan checks. Any input must give a plan or a list of diagnostics, never a crash.
//
//   scripts/fuzz.sh plan_fuzzer 600

#include <cstddef>
#include <cstdint>
#include <string>

#include "expr/Parser.h"
#include "io/plan/PlanLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto plan = thidua::load_plan_text(text, "fuzz.yaml");
    if (!plan && plan.error().empty()) __builtin_trap();  // a failure must say why
    // The expression parser on its own, with the same bytes.
    auto expr = thidua::expr::parse(text);
    if (!expr && expr.error().offset > text.size()) __builtin_trap();
    return 0;
}
