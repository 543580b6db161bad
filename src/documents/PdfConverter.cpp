#include "documents/PdfConverter.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "io/TempDir.h"

extern char** environ;

namespace thidua::documents {
namespace fs = std::filesystem;
namespace {

bool is_executable(const fs::path& path) {
    std::error_code error;
    return fs::is_regular_file(path, error) && ::access(path.c_str(), X_OK) == 0;
}

// file:// URL of an absolute path, as -env:UserInstallation wants it.
std::string file_url(const fs::path& path) {
    std::string url = "file://";
    for (unsigned char c : path.string()) {
        if (std::isalnum(c) != 0 || std::strchr("/-._~", c) != nullptr)
            url += static_cast<char>(c);
        else
            url += fmt::format("%{:02X}", c);
    }
    return url;
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// The last lines soffice printed, for the error message.
std::string log_tail(const fs::path& log) {
    std::string text = read_all(log);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0)
        text.pop_back();
    if (text.size() > 600) text = "…" + text.substr(text.size() - 600);
    return text.empty() ? "" : ": " + text;
}

struct Outcome {
    bool started = false;
    int spawn_error = 0;
    bool timed_out = false;
    int status = 0;  // waitpid status
};

// Runs argv[0] in its own process group, stdin from /dev/null, stdout and stderr to `log`.
// Whatever happens, no process of the group outlives the call.
Outcome run(const std::vector<std::string>& args, const fs::path& log,
            std::chrono::milliseconds timeout) {
    std::vector<char*> argv;
    for (const std::string& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // Its own group, so a timeout kills soffice.bin too, not only the soffice launcher. Default
    // signal dispositions and mask: a server that ignores SIGPIPE must not pass that on.
    posix_spawnattr_setflags(
        &attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&attr, 0);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGCHLD);
    posix_spawnattr_setsigdefault(&attr, &defaults);

    Outcome outcome;
    pid_t pid = 0;
    outcome.spawn_error = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (outcome.spawn_error != 0) return outcome;
    outcome.started = true;

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        // WNOWAIT: the finished leader stays a zombie, so its id cannot be reused before the
        // group is killed below.
        siginfo_t info{};
        const int r = ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
        if (r == 0 && info.si_pid == pid) break;
        if (r != 0 && errno != EINTR) break;
        if (std::chrono::steady_clock::now() >= deadline) {
            outcome.timed_out = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    ::kill(-pid, SIGKILL);  // stragglers, or everything on timeout
    while (::waitpid(pid, &outcome.status, 0) < 0 && errno == EINTR) {
    }
    return outcome;
}

Diagnostic not_installed(const std::string& file) {
    return Diagnostic::about_file(
        file,
        "Chưa cài LibreOffice nên không xuất được PDF; cài gói libreoffice-writer-nogui "
        "(scripts/install-deps.sh) hoặc tải bản DOCX",
        "LibreOffice is not installed, so no PDF can be made; install the "
        "libreoffice-writer-nogui package (scripts/install-deps.sh) or download the DOCX");
}

}  // namespace

std::string find_soffice(const PdfOptions& options) {
    const std::string name = options.soffice.empty() ? "soffice" : options.soffice;
    if (name.find('/') != std::string::npos) return is_executable(name) ? name : "";
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
        if (is_executable(candidate)) return candidate.string();
    }
    return "";
}

tl::expected<std::string, Diagnostic> convert_docx_to_pdf(std::string_view docx,
                                                          const PdfOptions& options) {
    const std::string& file = options.file_name;
    const std::string soffice = find_soffice(options);
    if (soffice.empty()) return tl::unexpected(not_installed(file));

    TempDir dir;
    const fs::path input = dir.path() / "document.docx";
    bool written = false;
    if (!dir.path().empty()) {
        std::ofstream out(input, std::ios::binary);
        out << docx;
        out.close();
        written = static_cast<bool>(out);
    }
    if (!written)
        return tl::unexpected(
            Diagnostic::about_file(file, "Không tạo được thư mục tạm để xuất PDF",
                                   "cannot create a temporary folder for the PDF conversion"));
    const fs::path out_dir = dir.path() / "out";
    const fs::path log = dir.path() / "soffice.log";
    std::error_code error;
    const fs::path profile =
        options.profile.empty() ? dir.path() / "profile" : fs::absolute(options.profile, error);

    const Outcome outcome =
        run({soffice, "-env:UserInstallation=" + file_url(profile), "--headless", "--norestore",
             "--nolockcheck", "--convert-to", "pdf", "--outdir", out_dir.string(), input.string()},
            log, options.timeout);
    if (!outcome.started) {
        const std::string why = std::strerror(outcome.spawn_error);
        return tl::unexpected(Diagnostic::about_file(
            file, fmt::format("Không chạy được LibreOffice ({}): {}", soffice, why),
            fmt::format("cannot run LibreOffice ({}): {}", soffice, why)));
    }
    if (outcome.timed_out) {
        const auto seconds = std::chrono::duration<double>(options.timeout).count();
        return tl::unexpected(Diagnostic::about_file(
            file,
            fmt::format(
                "LibreOffice không xuất xong PDF trong {:g} giây; thử lại hoặc tải bản DOCX",
                seconds),
            fmt::format("LibreOffice did not finish the PDF within {:g} s; try again or download "
                        "the DOCX",
                        seconds)));
    }
    const fs::path pdf = out_dir / "document.pdf";
    if (!fs::is_regular_file(pdf, error)) {
        const int code = WIFEXITED(outcome.status) ? WEXITSTATUS(outcome.status) : -1;
        const std::string tail = log_tail(log);
        return tl::unexpected(Diagnostic::about_file(
            file, fmt::format("LibreOffice không xuất được PDF (mã {}){}", code, tail),
            fmt::format("LibreOffice could not convert the document to PDF (status {}){}", code,
                        tail)));
    }
    return read_all(pdf);
}

}  // namespace thidua::documents
