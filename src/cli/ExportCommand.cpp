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
};

int run(const ExportArgs& args) {
    auto store = open_store_or_report(args.db);
    if (!store) return kExitFailure;
    auto data = store->load_dataset();
    if (!data) {
        std::cerr << data.error().format() << "\n";
        return kExitFailure;
    }
    auto written = write_dataset_path(*data, args.out);
    if (!written) {
        for (const Diagnostic& d : written.error())
            std::cerr << d.format() << "\n";
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace

std::function<int()> add_export_command(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "export", "Xuất dữ liệu trong cơ sở dữ liệu ra thư mục CSV hoặc tệp .xlsx");
    auto args = std::make_shared<ExportArgs>();
    cmd->add_option("--db", args->db, "sqlite:TỆP hoặc postgresql://… (mặc định sqlite:thidua.db)");
    cmd->add_option("--out", args->out, "Thư mục CSV, hoặc tệp kết thúc bằng .xlsx")->required();
    return [args]() { return run(*args); };
}

}  // namespace thidua::cli
