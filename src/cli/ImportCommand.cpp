// thidua import: a dataset (CSV folder, .zip, .xlsx) into the store, all or nothing.

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "cli/StoreAccess.h"
#include "io/DatasetSource.h"

namespace thidua::cli {
namespace {

struct ImportArgs {
    std::string db = kDefaultDb, data, user = default_user(), plan;
};

void print_report(const ImportReport& report) {
    std::cout << fmt::format("{:<20} {:>10} {:>10} {:>10} {:>8}\n", "bảng / table", "thêm/new",
                             "sửa/upd", "giữ/same", "xoá/del");
    for (const TableCounts& t : report.tables)
        std::cout << fmt::format("{:<20} {:>10} {:>10} {:>10} {:>8}\n", t.table, t.inserted,
                                 t.updated, t.unchanged, t.removed);
    if (!report.changed()) std::cout << "Không có gì thay đổi / nothing changed\n";
}

int run(const ImportArgs& args) {
    // Read and check everything before touching the store: bad data never reaches it.
    auto data = read_dataset_path(args.data);
    if (!data) {
        for (const Diagnostic& d : data.error())
            std::cerr << d.format_bilingual() << "\n";
        std::cerr << fmt::format(
            "{} lỗi; cơ sở dữ liệu không thay đổi / {} errors; the store is "
            "unchanged\n",
            data.error().size(), data.error().size());
        return kExitBadInput;
    }
    auto store = open_store_or_report(args.db);
    if (!store) return kExitFailure;
    auto report = store->import_dataset(*data, {args.user, args.data, args.plan});
    if (!report) {
        std::cerr << report.error().format() << "\n";
        return kExitFailure;
    }
    print_report(*report);
    return kExitOk;
}

}  // namespace

std::function<int()> add_import_command(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "import",
        "Nhập một bộ dữ liệu (thư mục CSV, .zip, .xlsx) vào cơ sở dữ liệu, trọn vẹn "
        "hoặc không gì cả");
    auto args = std::make_shared<ImportArgs>();
    cmd->add_option("--db", args->db, "sqlite:TỆP hoặc postgresql://… (mặc định sqlite:thidua.db)");
    cmd->add_option("--user", args->user, "Người nhập, ghi vào nhật ký");
    cmd->add_option("--plan", args->plan,
                    "Mã kế hoạch mà đăng ký, sự kiện và hồ sơ trong dữ liệu thuộc về (mặc định: "
                    "dùng chung cho mọi kế hoạch)");
    cmd->add_option("data", args->data, "Thư mục CSV, tệp .zip hoặc .xlsx theo DATA.md")
        ->required();
    return [args]() { return run(*args); };
}

}  // namespace thidua::cli
