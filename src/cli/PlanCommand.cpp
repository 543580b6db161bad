// thidua plan save: a checked plan file stored as the plan's next version.

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/Commands.h"
#include "cli/StoreAccess.h"
#include "io/plan/PlanLoader.h"

namespace thidua::cli {
namespace {

struct PlanSaveArgs {
    std::string db = kDefaultDb, file, user = default_user();
};

int save(const PlanSaveArgs& args) {
    // Only a plan that passes `thidua check` is stored.
    auto plan = load_plan(args.file);
    if (!plan) {
        for (const Diagnostic& d : plan.error())
            std::cerr << d.format() << "\n";
        return kExitBadInput;
    }
    std::ifstream in(args.file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto store = open_store_or_report(args.db);
    if (!store) return kExitFailure;
    auto saved = store->save_plan((*plan)->spec.id, text.str(), args.user);
    if (!saved) {
        std::cerr << saved.error().format() << "\n";
        return kExitFailure;
    }
    std::cout << (saved->created
                      ? fmt::format("{}: đã lưu phiên bản {} / saved version {}\n", saved->plan_id,
                                    saved->version, saved->version)
                      : fmt::format("{}: giống phiên bản {}, không lưu thêm / same as version "
                                    "{}, nothing saved\n",
                                    saved->plan_id, saved->version, saved->version));
    return kExitOk;
}

}  // namespace

std::function<int()> add_plan_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("plan", "Quản lý kế hoạch trong cơ sở dữ liệu");
    cmd->require_subcommand(1);
    auto* save_cmd =
        cmd->add_subcommand("save", "Kiểm tra rồi lưu tệp kế hoạch thành phiên bản mới");
    auto args = std::make_shared<PlanSaveArgs>();
    save_cmd->add_option("--db", args->db, "sqlite:TỆP hoặc postgresql://…");
    save_cmd->add_option("--user", args->user, "Người lưu, ghi vào nhật ký");
    save_cmd->add_option("file", args->file, "Tệp kế hoạch (YAML)")
        ->required()
        ->check(CLI::ExistingFile);
    return [args, save_cmd]() { return save_cmd->parsed() ? save(*args) : kExitBadInput; };
}

}  // namespace thidua::cli
