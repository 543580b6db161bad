#pragma once
// What `evaluate` and `doc` share: a plan (file, or stored id with --db), a dataset (--data, or
// the plan's records in the store), a period, and the evaluation of that period.

#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <tl/expected.hpp>

#include "eval/Evaluation.h"
#include "store/Store.h"

namespace thidua::cli {

struct EvaluationArgs {
    std::string plan, data, db, period;
    std::string history;  // overrides the plan's lineage.history when given
    bool trace = true;    // record criteria evidence (off for --format summary)
};

// Owns what the result points into; never moved once built.
struct EvaluationInput {
    std::unique_ptr<Store> store;
    std::shared_ptr<const CompiledPlan> plan;
    Dataset data;
    Period period;
    EvaluationResult result;
    // Wall-clock seconds of the two phases, for `evaluate --timings` and the benchmarks.
    double read_seconds = 0, evaluate_seconds = 0;
};

// The exit code (problems printed on stderr) when the inputs are bad.
tl::expected<std::unique_ptr<EvaluationInput>, int> prepare_evaluation(const EvaluationArgs& args);

// --plan and --period are required unless `required` is false (the caller checks then).
void add_evaluation_options(CLI::App& cmd, EvaluationArgs& args, bool required = true);

}  // namespace thidua::cli
