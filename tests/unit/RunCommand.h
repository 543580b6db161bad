#pragma once
// Runs a shell command (the real `thidua` binary) and collects its stdout and exit code, for
// tests that check the command line end to end.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace thidua::testing_support {

struct CommandRun {
    int exit_code = -1;
    std::string out;
};

inline CommandRun run_command(const std::string& command) {
    CommandRun r;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 65536> buf{};
    size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
        r.out.append(buf.data(), n);
    const int status = ::pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

}  // namespace thidua::testing_support
