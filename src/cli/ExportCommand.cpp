// thidua export: the store's dataset out as a CSV folder or an .xlsx workbook that imports back.

#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "cli/StoreAccess.h"
#include "io/DatasetSource.h"

namespace thidua::cli {
namespace {

struct ExportArgs {
    std::string db = kDefaultDb, out;
    bool template_only = false;
};

int report(const tl::expected<void, Diagnostics>& written) {
    if (written) return kExitOk;
    for (const Diagnostic& d : written.error())
        std::cerr << d.format() << "\n";
    return kExitFailure;
}

int run(const ExportArgs& args) {
    // An empty workbook for users to fill: headers, Vietnamese titles, drop-down lists.
    if (args.template_only) return report(write_dataset_template(args.out));
    auto store = open_store_or_report(args.db);
    if (!store) return kExitFailure;
    auto data = store->load_dataset();
    if (!data) {
        std::cerr << data.error().format() << "\n";
        return kExitFailure;
    }
    return report(write_dataset_path(*data, args.out));
}

}  // namespace

std::function<int()> add_export_command(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "export", "Xuất dữ liệu trong cơ sở dữ liệu ra thư mục CSV hoặc tệp .xlsx");
    auto args = std::make_shared<ExportArgs>();
    cmd->add_option("--db", args->db, "sqlite:TỆP hoặc postgresql://… (mặc định sqlite:thidua.db)");
    cmd->add_option("--out", args->out, "Thư mục CSV, hoặc tệp kết thúc bằng .xlsx")->required();
    cmd->add_flag("--template", args->template_only,
                  "Chỉ xuất mẫu Excel trống (tiêu đề, danh sách chọn) để người dùng điền");
    return [args]() { return run(*args); };
}

}  // namespace thidua::cli
