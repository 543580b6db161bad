#include <chrono>
#include <iostream>
#include <memory>

#include <fmt/format.h>

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
    bool timings = false;
};

int run(const EvaluateArgs& args) {
    EvaluationArgs input = args.input;
    // A summary shows no evidence: the evaluation records none.
    input.trace = args.format != "summary";
    auto in = prepare_evaluation(input);
    if (!in) return in.error();
    // Every input problem is found before this point, so the output streams straight out.
    std::ios::sync_with_stdio(false);
    const auto write_start = std::chrono::steady_clock::now();
    if (args.format == "json")
        write_json((*in)->result, std::cout);
    else if (args.format == "summary")
        write_summary_json((*in)->result, std::cout);
    else
        write_table((*in)->result, std::cout);
    std::cout.flush();
    if (args.timings) {
        const std::chrono::duration<double> written =
            std::chrono::steady_clock::now() - write_start;
        std::cerr << fmt::format("đọc dữ liệu {:.3f} s, xét {:.3f} s, xuất {:.3f} s\n",
                                 (*in)->read_seconds, (*in)->evaluate_seconds, written.count());
    }
    // Freeing millions of names and outcomes one by one takes longer than evaluating them, and
    // the process ends here: the system takes the memory back at once. Kept reachable, so leak
    // checkers do not count it; the store is closed properly.
    (*in)->store.reset();
    [[maybe_unused]] static EvaluationInput* left_to_exit = nullptr;
    left_to_exit = in->release();
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
    cmd->add_flag("--timings", args->timings,
                  "In thời gian đọc dữ liệu, xét và xuất kết quả ra stderr");
    return [args]() { return run(*args); };
}

}  // namespace thidua::cli
