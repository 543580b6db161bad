// `thidua serve` as a process: it creates the first administrator (a generated password printed
// once, or THIDUA_ADMIN_PASSWORD), prints its address, answers, and stops cleanly on SIGTERM.
// And two servers on one store share sessions, as behind a load balancer.

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <regex>

#include <sys/wait.h>
#include <unistd.h>

#include "WebTestServer.h"

namespace thidua::testing_support {
namespace {

// A child `thidua serve --port 0` whose standard output is read line by line.
class ServeProcess {
public:
    ServeProcess(const std::string& url, const char* admin_password) {
        int out[2];
        EXPECT_EQ(::pipe(out), 0);
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            ::close(out[0]);
            ::close(out[1]);
            if (admin_password)
                ::setenv("THIDUA_ADMIN_PASSWORD", admin_password, 1);
            else
                ::unsetenv("THIDUA_ADMIN_PASSWORD");
            ::execl(THIDUA_BINARY, THIDUA_BINARY, "serve", "--db", url.c_str(), "--port", "0",
                    "--workers", "2", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(out[1]);
        m_out = ::fdopen(out[0], "r");
    }
    ~ServeProcess() {
        if (m_pid > 0 && !m_reaped) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_out) std::fclose(m_out);
    }

    // Reads stdout until the address line; returns the port (0 if the process ended first).
    unsigned short read_until_listening() {
        char line[4096];
        const std::regex address(R"(http://127\.0\.0\.1:(\d+)/)");
        while (std::fgets(line, sizeof line, m_out)) {
            m_output += line;
            std::cmatch m;
            if (std::regex_search(line, m, address))
                return static_cast<unsigned short>(std::stoi(m[1]));
        }
        return 0;
    }

    // SIGTERM, then the exit status.
    int terminate() {
        ::kill(m_pid, SIGTERM);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_reaped = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    const std::string& output() const { return m_output; }

private:
    pid_t m_pid = -1;
    FILE* m_out = nullptr;
    std::string m_output;
    bool m_reaped = false;
};

class ServeCliTest : public StoreTest {};

TEST_P(ServeCliTest, PrintsAGeneratedAdminPasswordOnceAndStopsOnSigterm) {
    std::string password;
    {
        ServeProcess serve(url(), nullptr);
        const unsigned short port = serve.read_until_listening();
        ASSERT_NE(port, 0) << serve.output();
        std::smatch m;
        const std::regex line(R"(admin / (\S+))");
        ASSERT_TRUE(std::regex_search(serve.output(), m, line)) << serve.output();
        password = m[1];
        HttpTestClient c(port);
        EXPECT_EQ(c.get("/healthz").status, 200);
        const HttpReply login = c.login("admin", password);
        ASSERT_EQ(login.status, 200) << login.body;
        // A generated password is to be replaced at the first login.
        EXPECT_EQ(login.json()["user"]["must_change_password"], true);
        EXPECT_EQ(serve.terminate(), 0);
    }
    ServeProcess again(url(), nullptr);
    ASSERT_NE(again.read_until_listening(), 0);
    EXPECT_EQ(again.output().find("admin / "), std::string::npos);
    EXPECT_EQ(again.terminate(), 0);
}

TEST_P(ServeCliTest, TakesTheAdminPasswordFromTheEnvironment) {
    ServeProcess serve(url(), "mat-khau-tu-bien-moi-truong");
    const unsigned short port = serve.read_until_listening();
    ASSERT_NE(port, 0) << serve.output();
    HttpTestClient c(port);
    EXPECT_EQ(c.login("admin", "mat-khau-tu-bien-moi-truong").status, 200);
    EXPECT_EQ(serve.terminate(), 0);
}

class SharedStoreTest : public WebTest {};

TEST_P(SharedStoreTest, ASessionStartedOnOneServerWorksOnAnother) {
    HttpTestClient first = admin();
    ASSERT_EQ(first.get("/api/v1/me").status, 200);
    web::WebOptions options;
    options.db_url = url();
    web::WebApp second_app(options);
    const web::Router router = web::make_router(second_app);
    web::ServerOptions server_options;
    server_options.port = 0;
    web::Server second(server_options, router);
    std::string error;
    ASSERT_TRUE(second.listen(error)) << error;
    std::thread runner([&] { second.run(); });
    // The same cookie and CSRF token, sent to the other server.
    HttpTestClient other = first.with_port(second.port());
    EXPECT_EQ(other.get("/api/v1/me").status, 200);
    EXPECT_EQ(other.request("POST", "/api/v1/logout").status, 200);
    EXPECT_EQ(first.get("/api/v1/me").status, 401);  // ended everywhere
    second.stop();
    runner.join();
}

INSTANTIATE_TEST_SUITE_P(Backends, ServeCliTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);
INSTANTIATE_TEST_SUITE_P(Backends, SharedStoreTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace thidua::testing_support
