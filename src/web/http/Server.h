#pragma once
// The HTTP/1.1 server on Boost.Beast: one or two I/O threads accept and parse, handlers run on a
// worker pool (they block on the database), the response is posted back to its connection.
// Limits: header size, per-route body size (413), read and idle timeouts. stop() is graceful:
// no new connections, requests in flight finish, idle keep-alive connections close.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "web/http/Router.h"

namespace thidua::web {

struct ServerOptions {
    std::string bind_address = "127.0.0.1";
    uint16_t port = 8080;  // 0: any free port; port() tells which
    int io_threads = 1;
    int worker_threads = 4;
    std::size_t header_limit = 16 * 1024;
    int read_timeout_seconds = 30;  // for a whole request once its first byte arrived
    int idle_timeout_seconds = 60;  // keep-alive connection with no request
    // Believe X-Forwarded-Proto (Request::secure) and X-Forwarded-For (Request::remote_address)
    // when the peer is a loopback address: a reverse proxy on the same host.
    bool trust_proxy = false;
    // One line per answered request on stderr: time, address, method, path, status, duration.
    bool access_log = false;
};

class Server {
public:
    Server(ServerOptions options, const Router& router);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds and listens; false with a message on failure (address in use, bad address).
    bool listen(std::string& error);
    uint16_t port() const;
    // Serves until stop(); returns when every connection is closed and every worker idle.
    void run();
    // Safe from any thread and from a signal-watching thread.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Runs server.run() and calls server.stop() on SIGTERM or SIGINT.
// `on_ready` runs once the signals are caught, before serving: announce the address there, so
// that whoever reads it can stop the server with SIGTERM at once.
void run_until_signal(Server& server, const std::function<void()>& on_ready = {});

}  // namespace thidua::web
