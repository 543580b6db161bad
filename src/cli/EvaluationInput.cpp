#include "cli/EvaluationInput.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "base/Threads.h"
#include "cli/Commands.h"
#include "cli/StoreAccess.h"
#include "eval/Evaluator.h"
#include "io/DatasetSource.h"
#include "io/plan/PlanLoader.h"

namespace thidua::cli {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void print(const Diagnostics& errors) {
    for (const Diagnostic& d : errors)
        std::cerr << d.format_bilingual() << "\n";
}

using PlanResult = tl::expected<std::shared_ptr<const CompiledPlan>, Diagnostics>;

Diagnostics one_problem(const std::string& file, std::string vi, std::string en) {
    return {Diagnostic::about_file(file, std::move(vi), std::move(en))};
}

// A plan file when one exists at that path; with --db, otherwise the latest stored version of
// the plan with that id.
PlanResult resolve_plan(const EvaluationArgs& args, Store* store) {
    if (store == nullptr || std::filesystem::exists(args.plan)) return load_plan(args.plan);
    auto found = store->find_plan(args.plan, std::nullopt);
    if (!found)
        return tl::unexpected(
            one_problem(args.plan, found.error().message, found.error().message_en));
    if (!*found)
        return tl::unexpected(one_problem(
            args.plan, "không có tệp kế hoạch này, và cơ sở dữ liệu không có kế hoạch mang mã này",
            "no such plan file, and the store has no plan with this id"));
    const PlanVersion& v = **found;
    return load_plan_text(v.text, fmt::format("{}@{}", v.plan_id, v.version));
}

tl::expected<Dataset, Diagnostics> load_data(const EvaluationArgs& args, const PlanSpec& plan,
                                             Store* store) {
    if (store == nullptr) return read_dataset_path(args.data);
    auto data = store->load_dataset_for_plan(plan.id);
    if (!data)
        return tl::unexpected(one_problem(args.db, data.error().format(), data.error().message_en));
    return std::move(*data);
}

}  // namespace

tl::expected<std::unique_ptr<EvaluationInput>, int> prepare_evaluation(const EvaluationArgs& args) {
    auto in = std::make_unique<EvaluationInput>();
    if (!args.db.empty() && !(in->store = open_store_or_report(args.db)))
        return tl::unexpected(kExitFailure);
    if (args.db.empty() && args.data.empty()) {
        std::cerr << "cần --data hoặc --db / --data or --db is required\n";
        return tl::unexpected(kExitBadInput);
    }
    auto plan = resolve_plan(args, in->store.get());
    if (!plan) {
        print(plan.error());
        return tl::unexpected(kExitBadInput);
    }
    in->plan = *plan;
    const auto period = find_period(in->plan->spec, args.period);
    if (!period) {
        std::cerr << fmt::format("kỳ '{}' không có trong kế hoạch {} (các kỳ: {})\n", args.period,
                                 in->plan->spec.id, period_list(in->plan->spec));
        return tl::unexpected(kExitBadInput);
    }
    in->period = *period;
    const auto read_start = std::chrono::steady_clock::now();
    auto data = load_data(args, in->plan->spec, in->store.get());
    in->read_seconds = seconds_since(read_start);
    if (!data) {
        print(data.error());
        return tl::unexpected(kExitBadInput);
    }
    in->data = std::move(*data);
    // A plan is evaluated within its issuer's territory (and what succeeded units of it): a
    // store may hold several provinces, a dataset its neighbours' merged communes.
    EvaluateOptions options;
    options.within = issuer_unit(*in->plan, in->data);
    options.trace = args.trace;
    options.threads = worker_threads();
    if (!args.history.empty()) {
        options.history = parse_history_rule(args.history);
        if (!options.history) {
            std::cerr << "--history là một trong: own, main, all, weighted\n";
            return tl::unexpected(kExitBadInput);
        }
    }
    if (in->store) {
        auto council = in->store->council_decisions(in->plan->spec.id, in->period.id);
        if (!council) {
            std::cerr << council.error().format() << "\n";
            return tl::unexpected(kExitFailure);
        }
        options.council = std::move(*council);
    }
    const auto evaluate_start = std::chrono::steady_clock::now();
    in->result = evaluate(*in->plan, in->data, in->period, options);
    in->evaluate_seconds = seconds_since(evaluate_start);
    return in;
}

void add_evaluation_options(CLI::App& cmd, EvaluationArgs& args, bool required) {
    cmd.add_option("--plan", args.plan, "Tệp kế hoạch (YAML), hoặc mã kế hoạch đã lưu (với --db)")
        ->required(required);
    auto* data =
        cmd.add_option("--data", args.data, "Thư mục CSV, tệp .zip hoặc .xlsx theo DATA.md");
    cmd.add_option("--db", args.db, "Đọc dữ liệu từ cơ sở dữ liệu: sqlite:TỆP hoặc postgresql://…")
        ->excludes(data);
    cmd.add_option("--period", args.period, "Kỳ xét: năm (2023) hoặc giai đoạn (2021-2025)")
        ->required(required);
    cmd.add_option("--history", args.history,
                   "Cách xét các năm trước khi đơn vị sáp nhập: own, main, all, weighted "
                   "(mặc định: theo kế hoạch)");
}

}  // namespace thidua::cli
