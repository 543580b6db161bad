#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "cli/EvaluationInput.h"
#include "present/JsonReport.h"
#include "present/SummaryReport.h"
#include "present/TableReport.h"

namespace thidua::cli {
namespace {

struct EvaluateArgs {
    EvaluationArgs input;
    std::string format = "table";
};

int run(const EvaluateArgs& args) {
    EvaluationArgs input = args.input;
    // A summary shows no evidence: the evaluation records none.
    input.trace = args.format != "summary";
    auto in = prepare_evaluation(input);
    if (!in) return in.error();
    // Every input problem is found before this point, so the output streams straight out.
    std::ios::sync_with_stdio(false);
    if (args.format == "json")
        write_json((*in)->result, std::cout);
    else if (args.format == "summary")
        write_summary_json((*in)->result, std::cout);
    else
        write_table((*in)->result, std::cout);
    std::cout.flush();
    return kExitOk;
}

}  // namespace

std::function<int()> add_evaluate_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("evaluate", "Xét một kỳ của kế hoạch trên một bộ dữ liệu");
    auto args = std::make_shared<EvaluateArgs>();
    add_evaluation_options(*cmd, args->input);
    cmd->add_option("--format", args->format,
                    "json, summary (chỉ kết quả chọn và số ứng viên) hoặc table (mặc định)")
        ->check(CLI::IsMember({"json", "summary", "table"}));
    return [args]() { return run(*args); };
}

}  // namespace thidua::cli
