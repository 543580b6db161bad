#pragma once
// One HTTP/1.1 connection: reads a request's header, checks it against the router and the
// limits, reads the body, hands the request to the worker pool and writes the answer back on
// its strand; then the next request on the same connection. Internal to src/web/http: with
// SharedBody.h, the only headers besides Server.cpp that include Beast.

#include <utility>  // before Asio: g++ 12 with C++20 misses std::exchange in asio/awaitable.hpp

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "web/http/Request.h"
#include "web/http/Response.h"
#include "web/http/Router.h"
#include "web/http/Server.h"
#include "web/http/SharedBody.h"
#include "web/http/WorkerPool.h"

namespace thidua::web {

// What every connection shares with the server.
struct ConnectionContext {
    const Router& router;
    const ServerOptions& options;
    WorkerPool& workers;
    boost::asio::io_context& io;
    std::atomic<bool>& stopping;
};

class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(boost::asio::ip::tcp::socket socket, ConnectionContext context);
    void start();
    // From stop(): an idle connection closes now, a busy one after its answer.
    void shutdown();

private:
    enum class State { Idle, Reading, Handling, Writing, Closing, Closed };
    using HeaderParser = boost::beast::http::request_parser<boost::beast::http::empty_body>;
    using BodyParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

    void wait_for_request();
    void read_header();
    void on_header(boost::beast::error_code ec);
    bool fill_request();
    void apply_proxy_headers();
    void send_continue();
    void read_body();
    void on_body(boost::beast::error_code ec);
    void dispatch();
    Response invoke();
    Response call_handler();
    void log_access(int status, std::chrono::steady_clock::time_point started) const;
    void build_response(Response& response);
    void write(Response response);
    void on_write(boost::beast::error_code ec);
    void fail_request(Response response);
    void linger_close();
    void linger_read();
    void close();

    boost::beast::tcp_stream m_stream;
    ConnectionContext m_context;
    std::string m_remote_address;
    bool m_peer_is_loopback = false;
    boost::beast::flat_buffer m_buffer;
    std::optional<HeaderParser> m_header_parser;
    std::optional<BodyParser> m_body_parser;
    boost::beast::http::response<boost::beast::http::empty_body> m_continue;
    boost::beast::http::response<SharedBody> m_response;
    Request m_request;
    const Route* m_route = nullptr;
    bool m_head = false;
    bool m_keep_alive = false;
    // The request's body was not read: the connection cannot carry another request.
    bool m_body_unread = false;
    State m_state = State::Idle;
    std::size_t m_lingered = 0;
};

}  // namespace thidua::web
