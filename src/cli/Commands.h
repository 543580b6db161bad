#pragma once
// The `thidua` subcommands. Each registers its options on the CLI11 app and runs when chosen.
// Exit codes: 0 success, 2 bad input (plan, data, period) with reasons on stderr, nothing on
// stdout.

#include <CLI/CLI.hpp>

#include <functional>

namespace thidua::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // the store cannot be opened, is refused, or a write failed
constexpr int kExitBadInput = 2;

// Returns the action to run if the subcommand was chosen.
std::function<int()> add_check_command(CLI::App& app);
std::function<int()> add_evaluate_command(CLI::App& app);
std::function<int()> add_import_command(CLI::App& app);
std::function<int()> add_export_command(CLI::App& app);
std::function<int()> add_plan_command(CLI::App& app);
std::function<int()> add_units_command(CLI::App& app);
std::function<int()> add_serve_command(CLI::App& app);
std::function<int()> add_doc_command(CLI::App& app);
std::function<int()> add_remind_command(CLI::App& app);
std::function<int()> add_gen_command(CLI::App& app);

}  // namespace thidua::cli
