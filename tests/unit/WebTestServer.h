#pragma once
// The whole web application on a free loopback port over a fresh store (SQLite or PostgreSQL,
// from StoreTest), with an administrator `admin`, for the API tests.

#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "HttpTestClient.h"
#include "StoreTestSupport.h"
#include "auth/PasswordHash.h"
#include "web/app/WebApp.h"
#include "web/http/Server.h"

namespace thidua::testing_support {

inline constexpr const char* kAdminPassword = "mat-khau-quan-tri-2025";

// The application serving a store on a free loopback port, on a thread of its own; stopped
// when destroyed. Several of them on one database stand for servers behind a proxy.
class RunningServer {
public:
    // Empty when the server listens, else why it could not.
    std::string start(const std::string& db_url) {
        web::WebOptions options;
        options.db_url = db_url;
        m_app = std::make_unique<web::WebApp>(options);
        m_router = std::make_unique<web::Router>(web::make_router(*m_app));
        web::ServerOptions server_options;
        server_options.port = 0;
        server_options.worker_threads = 2;
        m_server = std::make_unique<web::Server>(server_options, *m_router);
        std::string error;
        if (!m_server->listen(error)) return error.empty() ? "listen failed" : error;
        m_thread = std::thread([this] { m_server->run(); });
        return {};
    }

    void stop() {
        if (m_server) m_server->stop();
        if (m_thread.joinable()) m_thread.join();
        m_server.reset();
        m_router.reset();
        m_app.reset();
    }

    ~RunningServer() { stop(); }

    uint16_t port() const { return m_server->port(); }
    web::WebApp& app() { return *m_app; }
    const web::Router& router() const { return *m_router; }

private:
    std::unique_ptr<web::WebApp> m_app;
    std::unique_ptr<web::Router> m_router;
    std::unique_ptr<web::Server> m_server;
    std::thread m_thread;
};

class WebTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        auto store = open();
        ASSERT_TRUE(store);
        NewUser admin{
            "admin", auth::hash_password(kAdminPassword), Role::QuanTri, "", "Quản trị", false, ""};
        ASSERT_TRUE(store->accounts().create_user(admin, "test"));
        const std::string error = m_server.start(url());
        ASSERT_TRUE(error.empty()) << error;
    }

    void TearDown() override {
        m_server.stop();
        StoreTest::TearDown();
    }

    HttpTestClient client() const { return HttpTestClient(m_server.port()); }

    HttpTestClient admin() const {
        HttpTestClient c = client();
        const HttpReply r = c.login("admin", kAdminPassword);
        EXPECT_EQ(r.status, 200) << r.body;
        return c;
    }

    // A signed-in user made by the administrator, past the forced first password change.
    HttpTestClient officer(const std::string& user, const std::string& role,
                           const std::string& unit = "") const {
        HttpTestClient a = admin();
        nlohmann::json body = {
            {"username", user}, {"password", "mat-khau-ban-dau-1"}, {"role", role}};
        if (!unit.empty()) body["unit_id"] = unit;
        EXPECT_EQ(a.post_json("/api/v1/users", body).status, 201);
        HttpTestClient c = client();
        EXPECT_EQ(c.login(user, "mat-khau-ban-dau-1").status, 200);
        EXPECT_EQ(c.post_json("/api/v1/me/password", {{"current_password", "mat-khau-ban-dau-1"},
                                                      {"new_password", "mat-khau-rieng-" + user}})
                      .status,
                  200);
        return c;
    }

    web::WebApp& app() { return m_server.app(); }
    const web::Router& router() const { return m_server.router(); }

private:
    RunningServer m_server;
};

}  // namespace thidua::testing_support
