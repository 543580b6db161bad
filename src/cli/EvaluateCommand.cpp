#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "cli/StoreAccess.h"
#include "eval/Evaluator.h"
#include "io/DatasetSource.h"
#include "io/plan/PlanLoader.h"
#include "present/JsonReport.h"
#include "present/TableReport.h"

namespace thidua::cli {
namespace {

struct EvaluateArgs {
    std::string plan, data, db, period, format = "table";
};

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
PlanResult resolve_plan(const EvaluateArgs& args, Store* store) {
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

tl::expected<Dataset, Diagnostics> load_data(const EvaluateArgs& args, const PlanSpec& plan,
                                             Store* store) {
    if (store == nullptr) return read_dataset_path(args.data);
    auto data = store->load_dataset_for_plan(plan.id);
    if (!data)
        return tl::unexpected(one_problem(args.db, data.error().format(), data.error().message_en));
    return std::move(*data);
}

int run(const EvaluateArgs& args) {
    std::unique_ptr<Store> store;
    if (!args.db.empty() && !(store = open_store_or_report(args.db))) return kExitFailure;
    if (args.db.empty() && args.data.empty()) {
        std::cerr << "cần --data hoặc --db / --data or --db is required\n";
        return kExitBadInput;
    }
    auto plan = resolve_plan(args, store.get());
    if (!plan) {
        print(plan.error());
        return kExitBadInput;
    }
    const auto period = find_period((*plan)->spec, args.period);
    if (!period) {
        std::cerr << fmt::format("kỳ '{}' không có trong kế hoạch {} (các kỳ: {})\n", args.period,
                                 (*plan)->spec.id, period_list((*plan)->spec));
        return kExitBadInput;
    }
    auto data = load_data(args, (*plan)->spec, store.get());
    if (!data) {
        print(data.error());
        return kExitBadInput;
    }
    // A store may hold several provinces: a plan is evaluated within its issuer's territory.
    EvaluateOptions options;
    if (store) options.within = issuer_unit(**plan, *data);
    const EvaluationResult result = evaluate(**plan, *data, *period, options);
    // Every input problem is found before this point, so the output streams straight out.
    std::ios::sync_with_stdio(false);
    if (args.format == "json")
        write_json(result, std::cout);
    else
        write_table(result, std::cout);
    std::cout.flush();
    return kExitOk;
}

}  // namespace

std::function<int()> add_evaluate_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("evaluate", "Xét một kỳ của kế hoạch trên một bộ dữ liệu");
    auto args = std::make_shared<EvaluateArgs>();
    cmd->add_option("--plan", args->plan, "Tệp kế hoạch (YAML), hoặc mã kế hoạch đã lưu (với --db)")
        ->required();
    auto* data =
        cmd->add_option("--data", args->data, "Thư mục CSV, tệp .zip hoặc .xlsx theo DATA.md");
    cmd->add_option("--db", args->db,
                    "Đọc dữ liệu từ cơ sở dữ liệu: sqlite:TỆP hoặc postgresql://…")
        ->excludes(data);
    cmd->add_option("--period", args->period, "Kỳ xét: năm (2023) hoặc giai đoạn (2021-2025)")
        ->required();
    cmd->add_option("--format", args->format, "json hoặc table (mặc định)")
        ->check(CLI::IsMember({"json", "table"}));
    return [args]() { return run(*args); };
}

}  // namespace thidua::cli
