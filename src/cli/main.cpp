// thidua: evaluates Vietnamese emulation-movement plans (phong trào thi đua cải cách hành chính).

#include <iostream>

#include "cli/Commands.h"

int main(int argc, char** argv) {
    CLI::App app{"thidua — xét thi đua, khen thưởng cải cách hành chính theo kế hoạch"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "thidua 0.1.0");
    auto check = thidua::cli::add_check_command(app);
    auto evaluate = thidua::cli::add_evaluate_command(app);
    auto import = thidua::cli::add_import_command(app);
    auto export_ = thidua::cli::add_export_command(app);
    auto plan = thidua::cli::add_plan_command(app);
    auto units = thidua::cli::add_units_command(app);
    auto serve = thidua::cli::add_serve_command(app);
    auto doc = thidua::cli::add_doc_command(app);
    auto remind = thidua::cli::add_remind_command(app);
    auto gen = thidua::cli::add_gen_command(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : thidua::cli::kExitBadInput;
    }
    for (auto* sub : app.get_subcommands()) {
        if (sub->get_name() == "check") return check();
        if (sub->get_name() == "evaluate") return evaluate();
        if (sub->get_name() == "import") return import();
        if (sub->get_name() == "export") return export_();
        if (sub->get_name() == "plan") return plan();
        if (sub->get_name() == "units") return units();
        if (sub->get_name() == "serve") return serve();
        if (sub->get_name() == "doc") return doc();
        if (sub->get_name() == "remind") return remind();
        if (sub->get_name() == "gen") return gen();
    }
    return thidua::cli::kExitBadInput;
}
