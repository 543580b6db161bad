#include <charconv>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/Commands.h"
#include "gen/SyntheticDataset.h"

namespace thidua::cli {
namespace {

struct GenArgs {
    std::string preset = "province";
    std::string years = "2021-2025";
    uint64_t seed = 1;
    std::string out;
    int people_percent = 100;
};

bool parse_years(const std::string& text, int& first, int& last) {
    const auto dash = text.find('-');
    if (dash == std::string::npos) return false;
    const char* b = text.data();
    auto r1 = std::from_chars(b, b + dash, first);
    auto r2 = std::from_chars(b + dash + 1, b + text.size(), last);
    return r1.ec == std::errc{} && r1.ptr == b + dash && r2.ec == std::errc{} &&
           r2.ptr == b + text.size();
}

int run(const GenArgs& args) {
    gen::GenOptions o;
    o.preset = args.preset;
    o.seed = args.seed;
    o.people_percent = args.people_percent;
    if (!parse_years(args.years, o.first_year, o.last_year)) {
        std::cerr << "--years dạng A-B, ví dụ 2021-2025 / --years is A-B\n";
        return kExitBadInput;
    }
    auto counts = gen::generate_dataset(o, args.out);
    if (!counts) {
        std::cerr << counts.error() << "\n";
        return kExitBadInput;
    }
    std::cerr << fmt::format(
        "{}: {} đơn vị, {} người, {} dòng unit_years, {} dòng person_years, {} đăng ký\n", args.out,
        counts->units, counts->people, counts->unit_years, counts->person_years,
        counts->registrations);
    return kExitOk;
}

}  // namespace

std::function<int()> add_gen_command(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "gen", "Sinh bộ dữ liệu giả lập (CSV theo DATA.md) để thử tải: cùng seed, cùng tệp");
    auto args = std::make_shared<GenArgs>();
    cmd->add_option("--preset", args->preset, "national (34 tỉnh), province (một tỉnh) hoặc tiny")
        ->check(CLI::IsMember({"national", "province", "tiny"}));
    cmd->add_option("--years", args->years, "Các năm, A-B (mặc định 2021-2025)");
    cmd->add_option("--seed", args->seed, "Hạt giống ngẫu nhiên (mặc định 1)");
    cmd->add_option("--out", args->out, "Thư mục ghi các tệp CSV")->required();
    // Hidden: fewer people per unit, for tests.
    cmd->add_option("--people-percent", args->people_percent)->check(CLI::Range(1, 100))->group("");
    return [args]() { return run(*args); };
}

}  // namespace thidua::cli
