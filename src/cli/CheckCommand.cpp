#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "io/plan/PlanLoader.h"

namespace thidua::cli {

std::function<int()> add_check_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("check",
                                   "Kiểm tra tệp kế hoạch; in mọi lỗi dạng tệp:dòng:cột: lời nhắn");
    auto plan = std::make_shared<std::string>();
    cmd->add_option("--plan", *plan, "Tệp kế hoạch (YAML), ví dụ plans/kien-giang-2021-2025.yaml")
        ->required();
    return [plan]() {
        auto loaded = load_plan(*plan);
        if (!loaded) {
            for (const Diagnostic& d : loaded.error())
                std::cerr << d.format() << "\n";
            std::cerr << fmt::format("{} lỗi.\n", loaded.error().size());
            return kExitBadInput;
        }
        const PlanSpec& spec = (*loaded)->spec;
        std::cout << fmt::format("{}: hợp lệ — {} nhóm, {} hình thức khen thưởng, {} tiêu chí\n",
                                 *plan, spec.groups.size(), spec.awards.size(), [&] {
                                     size_t n = 0;
                                     for (const auto& a : spec.awards)
                                         n += a.criteria.size();
                                     return n;
                                 }());
        return kExitOk;
    };
}

}  // namespace thidua::cli
