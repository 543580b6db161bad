#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/Commands.h"
#include "eval/Evaluator.h"
#include "io/DatasetReader.h"
#include "io/PlanLoader.h"
#include "present/JsonReport.h"
#include "present/TableReport.h"

namespace thidua::cli {
namespace {

struct EvaluateArgs {
    std::string plan, data, period, format = "table";
};

void print(const Diagnostics& errors) {
    for (const Diagnostic& d : errors)
        std::cerr << d.format() << "\n";
}

std::string period_list(const PlanSpec& spec) {
    std::string out;
    for (const Period& p : plan_periods(spec))
        out += (out.empty() ? "" : ", ") + p.id;
    return out;
}

int run(const EvaluateArgs& args) {
    auto plan = load_plan(args.plan);
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
    const std::filesystem::path data_path(args.data);
    if (!std::filesystem::is_directory(data_path)) {
        std::cerr << fmt::format(
            "{}: cần một thư mục các tệp CSV (đọc tệp .xlsx sẽ có ở bản sau)\n", args.data);
        return kExitBadInput;
    }
    auto data = read_dataset_dir(data_path);
    if (!data) {
        print(data.error());
        return kExitBadInput;
    }
    const EvaluationResult result = evaluate(**plan, *data, *period);
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
    cmd->add_option("--plan", args->plan, "Tệp kế hoạch (YAML)")->required();
    cmd->add_option("--data", args->data, "Thư mục dữ liệu CSV theo DATA.md")->required();
    cmd->add_option("--period", args->period, "Kỳ xét: năm (2023) hoặc giai đoạn (2021-2025)")
        ->required();
    cmd->add_option("--format", args->format, "json hoặc table (mặc định)")
        ->check(CLI::IsMember({"json", "table"}));
    return [args]() { return run(*args); };
}

}  // namespace thidua::cli
