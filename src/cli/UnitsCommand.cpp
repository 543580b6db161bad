// thidua units: units (or people) in Vietnamese order, optionally searched without diacritics.

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "cli/StoreAccess.h"

namespace thidua::cli {
namespace {

struct UnitsArgs {
    std::string db = kDefaultDb, search;
    bool people = false;
    int limit = 0;
};

int run(const UnitsArgs& args) {
    auto store = open_store_or_report(args.db);
    if (!store) return kExitFailure;
    auto names = store->list_names(
        {args.people ? NameKind::Person : NameKind::Unit, args.search, args.limit});
    if (!names) {
        std::cerr << names.error().format() << "\n";
        return kExitFailure;
    }
    for (const NameEntry& e : *names)
        std::cout << fmt::format("{}\t{}\n", e.id, e.name);
    return kExitOk;
}

}  // namespace

std::function<int()> add_units_command(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "units", "Liệt kê đơn vị theo thứ tự tiếng Việt; tìm không phân biệt hoa thường, dấu");
    auto args = std::make_shared<UnitsArgs>();
    cmd->add_option("--db", args->db, "sqlite:TỆP hoặc postgresql://…");
    cmd->add_option("--search", args->search, "Tìm theo tên, ví dụ \"dong thap\"");
    cmd->add_flag("--people", args->people, "Liệt kê cá nhân thay vì đơn vị");
    cmd->add_option("--limit", args->limit, "Số dòng tối đa");
    return [args]() { return run(*args); };
}

}  // namespace thidua::cli
