// thidua::evaluate with the dataset already in memory: the figure compared with DuckDB on loaded
// tables (bench/README.md). The dataset and plan are read once, before any timing, the way a
// server holds them; each iteration is one whole plan period without traces (the summary's
// evaluation), scoped to the issuer's unit exactly as `thidua evaluate` does.
//   evaluate/PLAN/PERIOD       the dataset's lookups (DataIndexes) built once, after reading,
//                              and kept, as the server keeps them with a loaded dataset;
//   evaluate-cold/PLAN/PERIOD  each evaluation builds them again (as `thidua evaluate` does).
//
//   THIDUA_BENCH_DATA=DIR [THIDUA_BENCH_PLAN=FILE] [THIDUA_BENCH_PERIOD=ID] thidua_bench
//   [--benchmark_…]

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "base/Threads.h"
#include "eval/Evaluator.h"
#include "io/DatasetSource.h"
#include "io/plan/PlanLoader.h"
#include "plan/Period.h"

namespace {

struct Loaded {
    std::shared_ptr<const thidua::CompiledPlan> plan;
    thidua::Dataset data;
    thidua::Period period;
    thidua::EvaluateOptions options;
};

Loaded* g_loaded = nullptr;

std::string env_or(const char* name, const std::string& fallback) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

// Eligible candidates of the plan's individual awards: printed as a counter so that a run can be
// checked against `thidua evaluate --format summary` and the DuckDB query.
int64_t eligible_individuals(const thidua::EvaluationResult& result) {
    int64_t eligible = 0;
    for (const thidua::AwardOutcome& award : result.awards) {
        if (award.award->kind != thidua::AwardKind::Individual) continue;
        for (const thidua::GroupOutcome& group : award.groups)
            for (const thidua::CandidateOutcome& c : group.candidates)
                eligible += c.status == thidua::Status::Eligible ? 1 : 0;
    }
    return eligible;
}

void BM_EvaluatePeriod(benchmark::State& state, bool kept_indexes) {
    const Loaded& in = *g_loaded;
    thidua::EvaluateOptions options = in.options;
    if (!kept_indexes) options.indexes = nullptr;
    // The last result is kept to be checked after the timing; releasing the one before is part
    // of the cost of an evaluation, as it is for a server answering one request after another.
    std::optional<thidua::EvaluationResult> last;
    for (auto _ : state) {
        last = thidua::evaluate(*in.plan, in.data, in.period, options);
        benchmark::DoNotOptimize(*last);
    }
    const int64_t eligible = last ? eligible_individuals(*last) : 0;
    const double person_years =
        static_cast<double>(in.data.people.size()) * static_cast<double>(in.data.year_count);
    state.counters["people"] = static_cast<double>(in.data.people.size());
    state.counters["person_years"] = person_years;
    state.counters["eligible_individual"] = static_cast<double>(eligible);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

    const std::string data_path = env_or("THIDUA_BENCH_DATA", "");
    const std::string plan_path =
        env_or("THIDUA_BENCH_PLAN", THIDUA_SOURCE_DIR "/plans/kien-giang-2021-2025.yaml");
    const std::string period_id = env_or("THIDUA_BENCH_PERIOD", "2021-2025");
    if (data_path.empty()) {
        std::cerr << "THIDUA_BENCH_DATA=DIR is required (a dataset folder, e.g. from thidua gen)\n";
        return 2;
    }

    Loaded loaded;
    auto plan = thidua::load_plan(plan_path);
    if (!plan) {
        for (const thidua::Diagnostic& d : plan.error())
            std::cerr << d.format_bilingual() << "\n";
        return 2;
    }
    loaded.plan = *plan;
    auto period = thidua::find_period(loaded.plan->spec, period_id);
    if (!period) {
        std::cerr << "no period " << period_id << " in " << plan_path << "\n";
        return 2;
    }
    loaded.period = *period;

    const auto started = std::chrono::steady_clock::now();
    auto data = thidua::read_dataset_path(data_path);
    if (!data) {
        for (const thidua::Diagnostic& d : data.error())
            std::cerr << d.format_bilingual() << "\n";
        return 2;
    }
    loaded.data = std::move(*data);
    const std::chrono::duration<double> load_seconds = std::chrono::steady_clock::now() - started;
    // Informational, on stderr so the JSON on stdout stays one document.
    std::cerr << "dataset " << data_path << " read in " << load_seconds.count() << " s\n";

    loaded.options.trace = false;
    loaded.options.threads = thidua::worker_threads();
    loaded.options.within = thidua::issuer_unit(*loaded.plan, loaded.data);
    const auto indexing = std::chrono::steady_clock::now();
    auto indexes = std::make_shared<thidua::DataIndexes>(loaded.data);
    indexes->build_all();
    loaded.options.indexes = indexes;
    const std::chrono::duration<double> index_seconds = std::chrono::steady_clock::now() - indexing;
    std::cerr << "dataset lookups built in " << index_seconds.count() << " s\n";
    g_loaded = &loaded;

    const std::string what = loaded.plan->spec.id + "/" + loaded.period.id;
    // The kept-lookups run first: bench/report.mjs reads the first median as the headline.
    benchmark::RegisterBenchmark(("evaluate/" + what).c_str(), BM_EvaluatePeriod, true)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark(("evaluate-cold/" + what).c_str(), BM_EvaluatePeriod, false)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
