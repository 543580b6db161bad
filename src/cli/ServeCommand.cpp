// `thidua serve`: the web UI and the JSON API over the store, until SIGTERM or SIGINT.

#include <cstdlib>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "auth/PasswordHash.h"
#include "auth/Tokens.h"
#include "cli/Commands.h"
#include "cli/StoreAccess.h"
#include "notify/Mailer.h"
#include "web/app/ReminderSchedule.h"
#include "web/app/WebApp.h"
#include "web/http/Server.h"

namespace thidua::cli {
namespace {

struct ServeArgs {
    std::string db = kDefaultDb;
    std::string bind = "127.0.0.1";
    uint16_t port = 8080;
    int workers = 4;
    bool behind_tls_proxy = false;
    std::string today;  // YYYY-MM-DD: the day the calendar and reminders take as today
    bool no_reminders = false;
};

// The first administrator, `admin`, when the store has no user yet: the password from
// THIDUA_ADMIN_PASSWORD, or a generated one printed once.
int ensure_first_admin(Store& store) {
    auto count = store.accounts().count_users();
    if (!count) {
        std::cerr << count.error().format() << "\n";
        return kExitFailure;
    }
    if (*count > 0) return kExitOk;
    const char* given = std::getenv("THIDUA_ADMIN_PASSWORD");
    const bool generated = given == nullptr || *given == '\0';
    const std::string password = generated ? auth::random_password() : std::string(given);
    if (const std::string problem = auth::password_problem(password); !problem.empty()) {
        std::cerr << "THIDUA_ADMIN_PASSWORD không dùng được: " << problem << "\n";
        return kExitBadInput;
    }
    NewUser admin{
        "admin", auth::hash_password(password), Role::QuanTri, "", "Quản trị viên", generated, ""};
    if (auto made = store.accounts().create_user(admin, "thidua"); !made) {
        std::cerr << made.error().format() << "\n";
        return kExitFailure;
    }
    if (generated)
        std::cout << fmt::format(
            "Đã tạo tài khoản quản trị đầu tiên: admin / {}\n(mật khẩu chỉ hiện một lần; hãy đổi "
            "sau khi đăng nhập)\n",
            password);
    else
        std::cout << "Đã tạo tài khoản quản trị đầu tiên: admin (mật khẩu lấy từ "
                     "THIDUA_ADMIN_PASSWORD)\n";
    return kExitOk;
}

int run(const ServeArgs& args) {
    {
        auto store = open_store_or_report(args.db);
        if (!store) return kExitFailure;
        if (int code = ensure_first_admin(*store); code != kExitOk) return code;
    }
    web::WebOptions options;
    options.db_url = args.db;
    options.behind_tls_proxy = args.behind_tls_proxy;
    if (!args.today.empty()) {
        options.today = Date::parse_iso(args.today);
        if (!options.today) {
            std::cerr << "--today cần ngày dạng YYYY-MM-DD\n";
            return kExitBadInput;
        }
    }
    web::WebApp app(options);
    const web::Router router = web::make_router(app);
    web::ServerOptions server_options;
    server_options.bind_address = args.bind;
    server_options.port = args.port;
    server_options.worker_threads = args.workers;
    server_options.trust_proxy = args.behind_tls_proxy;
    server_options.access_log = true;
    web::Server server(server_options, router);
    std::string error;
    if (!server.listen(error)) {
        std::cerr << fmt::format("Không mở được cổng {}:{}: {}\n", args.bind, args.port, error);
        return kExitFailure;
    }
    const std::string host =
        args.bind.find(':') != std::string::npos ? "[" + args.bind + "]" : args.bind;
    // Reminders: in the application always, by e-mail when THIDUA_SMTP_URL is set.
    std::unique_ptr<web::ReminderSchedule> reminders;
    if (!args.no_reminders) {
        const auto smtp = smtp_settings_from_env();
        reminders =
            std::make_unique<web::ReminderSchedule>(app, smtp ? make_smtp_mailer(*smtp) : nullptr);
        reminders->start();
    }
    web::run_until_signal(server, [&] {
        std::cout << fmt::format("thidua đang chạy tại http://{}:{}/ (dừng: Ctrl+C)\n", host,
                                 server.port())
                  << std::flush;
    });
    if (reminders) reminders->stop();
    std::cout << "Đã dừng máy chủ.\n";
    return kExitOk;
}

}  // namespace

std::function<int()> add_serve_command(CLI::App& app) {
    auto* cmd = app.add_subcommand("serve", "Chạy giao diện web và API JSON trên cơ sở dữ liệu");
    auto args = std::make_shared<ServeArgs>();
    cmd->add_option("--db", args->db, "sqlite:TỆP (mặc định sqlite:thidua.db) hoặc postgresql://…");
    cmd->add_option("--port", args->port, "Cổng (mặc định 8080; 0: một cổng trống bất kỳ)");
    cmd->add_option("--bind", args->bind, "Địa chỉ lắng nghe (mặc định 127.0.0.1)");
    cmd->add_option("--workers", args->workers, "Số luồng xử lý yêu cầu (mặc định 4)")
        ->check(CLI::Range(1, 64));
    cmd->add_flag("--behind-tls-proxy", args->behind_tls_proxy,
                  "Chạy sau một proxy TLS: cookie Secure, tin X-Forwarded-Proto/For");
    cmd->add_option("--today", args->today,
                    "Ngày coi là hôm nay cho lịch và nhắc hạn (YYYY-MM-DD; để thử, trình diễn)");
    cmd->add_flag("--no-reminders", args->no_reminders,
                  "Không chạy việc nhắc hạn hằng ngày (khi máy chủ khác đã chạy)");
    return [args]() { return run(*args); };
}

}  // namespace thidua::cli
