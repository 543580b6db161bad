// thidua import: a dataset (CSV folder, .zip, .xlsx) into the store, all or nothing.

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include "cli/Commands.h"
#include "cli/StoreAccess.h"
#include "io/DatasetSource.h"
#include "io/dataset/DatasetReader.h"

namespace thidua::cli {
namespace {

struct ImportArgs {
    std::string db = kDefaultDb, data, user = default_user(), plan, lineage;
};

void print_report(const ImportReport& report) {
    std::cout << fmt::format("{:<20} {:>10} {:>10} {:>10} {:>8}\n", "bảng / table", "thêm/new",
                             "sửa/upd", "giữ/same", "xoá/del");
    for (const TableCounts& t : report.tables)
        std::cout << fmt::format("{:<20} {:>10} {:>10} {:>10} {:>8}\n", t.table, t.inserted,
                                 t.updated, t.unchanged, t.removed);
    if (!report.changed()) std::cout << "Không có gì thay đổi / nothing changed\n";
}

int report_bad_input(const Diagnostics& problems) {
    for (const Diagnostic& d : problems)
        std::cerr << d.format_bilingual() << "\n";
    std::cerr << fmt::format(
        "{} lỗi; cơ sở dữ liệu không thay đổi / {} errors; the store is unchanged\n",
        problems.size(), problems.size());
    return kExitBadInput;
}

// A lineage table alone (old unit -> new unit, date, weight, main), checked against the units
// already stored and merged into them; the rest of the store is untouched.
int run_lineage(const ImportArgs& args) {
    std::ifstream in(args.lineage, std::ios::binary);
    if (!in) {
        std::cerr << fmt::format("không đọc được tệp {} / cannot read the file\n", args.lineage);
        return kExitBadInput;
    }
    const std::string content((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
    auto store = open_store_or_report(args.db);
    if (!store) return kExitFailure;
    auto units = store->load_unit_lineage();
    if (!units) {
        std::cerr << units.error().format() << "\n";
        return kExitFailure;
    }
    if (auto applied = apply_lineage_table(*units, content); !applied)
        return report_bad_input(applied.error());
    auto report = store->import_dataset(*units, {args.user, args.lineage, args.plan});
    if (!report) {
        std::cerr << report.error().format() << "\n";
        return kExitFailure;
    }
    print_report(*report);
    return kExitOk;
}

int run(const ImportArgs& args) {
    if (!args.lineage.empty()) return run_lineage(args);
    if (args.data.empty()) {
        std::cerr
            << "cần một bộ dữ liệu, hoặc --lineage TỆP / a dataset or --lineage is required\n";
        return kExitBadInput;
    }
    // Read and check everything before touching the store: bad data never reaches it.
    auto data = read_dataset_path(args.data);
    if (!data) return report_bad_input(data.error());
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
    auto* data =
        cmd->add_option("data", args->data, "Thư mục CSV, tệp .zip hoặc .xlsx theo DATA.md");
    auto* lineage = cmd->add_option("--lineage", args->lineage,
                                    "Chỉ nhập bảng sáp nhập (lineage.csv: "
                                    "old_id,new_id,date,weight,main) vào các đơn vị đã có");
    data->excludes(lineage);
    lineage->excludes(data);
    return [args]() { return run(*args); };
}

}  // namespace thidua::cli
