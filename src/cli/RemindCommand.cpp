// `thidua remind --db URL [--today YYYY-MM-DD] [--dry-run]`: the reminder job once, for cron on
// a server that runs with --no-reminders, or to see what today's reminders are. E-mail goes out
// when THIDUA_SMTP_URL is set (see notify/Mailer.h).

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/Commands.h"
#include "cli/StoreAccess.h"
#include "notify/Mailer.h"
#include "web/app/ReminderJob.h"

namespace thidua::cli {
namespace {

struct RemindArgs {
    std::string db = kDefaultDb;
    std::string today;
    bool dry_run = false;
};

int run(const RemindArgs& args) {
    web::WebOptions options;
    options.db_url = args.db;
    if (!args.today.empty()) {
        options.today = Date::parse_iso(args.today);
        if (!options.today) {
            std::cerr << "--today cần ngày dạng YYYY-MM-DD\n";
            return kExitBadInput;
        }
    }
    auto store = open_store_or_report(args.db);
    if (!store) return kExitFailure;
    web::WebApp app(options);
    const auto smtp = smtp_settings_from_env();
    std::unique_ptr<Mailer> mailer = smtp ? make_smtp_mailer(*smtp) : nullptr;
    const web::ReminderRun run =
        web::run_reminders(app, *store, app.today(), mailer.get(), args.dry_run);
    for (const std::string& line : run.lines)
        std::cout << line << "\n";
    std::cout << fmt::format(
        "{}{}: {} việc còn mở, {} nhắc đến hạn, {} thông báo mới, {} thư đã gửi, {} thư lỗi\n",
        args.dry_run ? "(thử, không lưu) " : "", app.today().dmy(), run.obligations, run.fired,
        run.added, run.mailed, run.mail_failed);
    return run.mail_failed > 0 ? kExitFailure : kExitOk;
}

}  // namespace

std::function<int()> add_remind_command(CLI::App& app) {
    auto args = std::make_shared<RemindArgs>();
    auto* cmd = app.add_subcommand("remind",
                                   "Nhắc hạn đăng ký, hồ sơ: thông báo trong ứng dụng, "
                                   "thư điện tử khi có THIDUA_SMTP_URL");
    cmd->add_option("--db", args->db, "sqlite:TỆP (mặc định sqlite:thidua.db) hoặc postgresql://…");
    cmd->add_option("--today", args->today, "Ngày coi là hôm nay (YYYY-MM-DD)");
    cmd->add_flag("--dry-run", args->dry_run, "Chỉ in những nhắc sẽ gửi, không lưu, không gửi thư");
    return [args]() { return run(*args); };
}

}  // namespace thidua::cli
