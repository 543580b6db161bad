// The Beast server end to end on 127.0.0.1 with a small Beast client: keep-alive, errors as
// JSON, body and header limits, 100-continue, handlers off the I/O thread, graceful stop.
// Ordering is asserted, never durations.

#include <utility>  // before Asio: g++ 12 with C++20 misses std::exchange in asio/awaitable.hpp

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include "web/http/Server.h"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using namespace thidua::web;

using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;

constexpr auto kClientTimeout = std::chrono::seconds(20);

std::string to_string(beast::string_view text) {
    return std::string(text.data(), text.size());
}

class TestServer {
public:
    TestServer(const Router& router, ServerOptions options = {})
        : m_server(prepare(options), router) {
        std::string error;
        m_listening = m_server.listen(error);
        EXPECT_TRUE(m_listening) << error;
        if (m_listening) m_thread = std::thread([this] { m_server.run(); });
    }
    ~TestServer() {
        m_server.stop();
        join();
    }
    uint16_t port() const { return m_server.port(); }
    Server& server() { return m_server; }
    void join() {
        if (m_thread.joinable()) m_thread.join();
    }

private:
    static ServerOptions prepare(ServerOptions options) {
        options.bind_address = "127.0.0.1";
        options.port = 0;
        return options;
    }

    Server m_server;
    bool m_listening = false;
    std::thread m_thread;
};

// Synchronous in use, asynchronous inside so that every step has a timeout.
class Client {
public:
    explicit Client(uint16_t port) {
        m_stream.expires_after(kClientTimeout);
        m_stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), m_error);
    }

    beast::error_code write(HttpRequest& request) {
        request.prepare_payload();
        return run([&](auto done) { http::async_write(m_stream, request, done); });
    }

    beast::error_code write_raw(const std::string& bytes) {
        return run([&](auto done) { asio::async_write(m_stream, asio::buffer(bytes), done); });
    }

    HttpResponse read(bool head = false) {
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 << 20);
        parser.skip(head);
        m_error = run([&](auto done) { http::async_read(m_stream, m_buffer, parser, done); });
        return parser.release();
    }

    HttpResponse request(HttpRequest request) {
        if ((m_error = write(request))) return {};
        return read(request.method() == http::verb::head);
    }

    // Header, then "100 Continue" (or the final answer), then the body.
    HttpResponse request_with_continue(HttpRequest request, HttpResponse& interim) {
        request.set(http::field::expect, "100-continue");
        request.prepare_payload();
        http::request_serializer<http::string_body> serializer(request);
        m_error = run([&](auto done) { http::async_write_header(m_stream, serializer, done); });
        if (m_error) return {};
        interim = read();
        if (m_error || interim.result() != http::status::continue_) return interim;
        m_error = run([&](auto done) { http::async_write(m_stream, serializer, done); });
        if (m_error) return {};
        return read();
    }

    beast::error_code error() const { return m_error; }

    // True when the server closed the connection (end of stream at the next read).
    bool closed_by_server() {
        read();
        return m_error == http::error::end_of_stream || m_error == asio::error::connection_reset;
    }

private:
    template <class Start>
    beast::error_code run(Start start) {
        beast::error_code result = asio::error::timed_out;
        m_stream.expires_after(kClientTimeout);
        start([&](beast::error_code ec, std::size_t) { result = ec; });
        m_io.restart();
        m_io.run();
        return result;
    }

    asio::io_context m_io;
    beast::tcp_stream m_stream{m_io};
    beast::flat_buffer m_buffer;
    beast::error_code m_error;
};

HttpRequest make_request(http::verb method, std::string target, std::string body = {}) {
    HttpRequest request(method, target, 11);
    request.set(http::field::host, "127.0.0.1");
    request.body() = std::move(body);
    return request;
}

nlohmann::json json_of(const HttpResponse& response) {
    return nlohmann::json::parse(response.body(), nullptr, false);
}

std::string checksum(std::string_view data) {
    uint64_t hash = 1469598103934665603ull;
    for (unsigned char c : data)
        hash = (hash ^ c) * 1099511628211ull;
    return std::to_string(data.size()) + ":" + std::to_string(hash);
}

Router basic_router() {
    Router router;
    router.add("GET", "/hello", [](Request&) {
        return Response::text(200, "xin chào", "text/plain; charset=utf-8");
    });
    router.add("GET", "/echo/{id}", [](Request& request) {
        return Response::json(200, {{"id", request.param("id")},
                                    {"q", request.query_param("q").value_or("")},
                                    {"path", request.path},
                                    {"agent", request.header("User-Agent").value_or("")},
                                    {"remote", request.remote_address}});
    });
    router.add("GET", "/cached", [](Request&) {
        return Response::text(200, "x", "text/plain").set_header("Cache-Control", "max-age=60");
    });
    router.add("GET", "/throw", [](Request&) -> Response { throw std::runtime_error("boom"); });
    router.add(
        "POST", "/small", [](Request&) { return Response::text(200, "ok", "text/plain"); }, 1024);
    router.add(
        "POST", "/upload",
        [](Request& request) { return Response::text(200, checksum(request.body), "text/plain"); },
        4 << 20);
    return router;
}

TEST(HttpServer, GetReturnsBodyAndDefaultHeaders) {
    const Router router = basic_router();
    TestServer server(router);
    Client client(server.port());
    const auto response = client.request(make_request(http::verb::get, "/hello"));
    ASSERT_FALSE(client.error()) << client.error().message();
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(response.body(), "xin chào");
    EXPECT_EQ(to_string(response[http::field::content_type]), "text/plain; charset=utf-8");
    EXPECT_EQ(to_string(response[http::field::cache_control]), "no-store");
    EXPECT_EQ(to_string(response["X-Content-Type-Options"]), "nosniff");
    EXPECT_TRUE(response[http::field::server].empty());

    const auto cached = client.request(make_request(http::verb::get, "/cached"));
    EXPECT_EQ(to_string(cached[http::field::cache_control]), "max-age=60");
}

TEST(HttpServer, RequestCarriesParamsQueryHeadersAndPeer) {
    const Router router = basic_router();
    TestServer server(router);
    Client client(server.port());
    auto request = make_request(http::verb::get, "/echo/%C4%91v%201?q=Nguy%E1%BB%85n+A&x=1");
    request.set(http::field::user_agent, "thử");
    const auto response = client.request(request);
    ASSERT_EQ(response.result_int(), 200) << response.body();
    const auto body = json_of(response);
    EXPECT_EQ(body["id"], "đv 1");
    EXPECT_EQ(body["path"], "/echo/đv 1");
    EXPECT_EQ(body["q"], "Nguyễn A");
    EXPECT_EQ(body["agent"], "thử");
    EXPECT_EQ(body["remote"], "127.0.0.1");
}

TEST(HttpServer, KeepAliveServesTwoRequestsOnOneConnection) {
    const Router router = basic_router();
    TestServer server(router);
    Client client(server.port());
    for (int i = 0; i < 2; ++i) {
        const auto response = client.request(make_request(http::verb::get, "/hello"));
        ASSERT_FALSE(client.error()) << i << ": " << client.error().message();
        EXPECT_EQ(response.result_int(), 200);
        EXPECT_TRUE(response.keep_alive());
    }
}

TEST(HttpServer, PipelinedRequestsAreAnsweredInOrder) {
    const Router router = basic_router();
    TestServer server(router);
    Client client(server.port());
    client.write_raw(
        "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
        "POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
        "GET /missing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(client.read().body(), "xin chào");
    EXPECT_EQ(client.read().body(), "ok");
    const auto last = client.read();
    EXPECT_EQ(last.result_int(), 404);
    EXPECT_FALSE(last.keep_alive());
    EXPECT_TRUE(client.closed_by_server());
}

TEST(HttpServer, HeadAnswersLikeGetWithoutBody) {
    const Router router = basic_router();
    TestServer server(router);
    Client client(server.port());
    const auto response = client.request(make_request(http::verb::head, "/hello"));
    ASSERT_FALSE(client.error()) << client.error().message();
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(to_string(response[http::field::content_length]),
              std::to_string(std::string("xin chào").size()));
    EXPECT_TRUE(response.body().empty());
    EXPECT_EQ(client.request(make_request(http::verb::get, "/hello")).body(), "xin chào");
}

TEST(HttpServer, NotFoundAndMethodNotAllowedAreJson) {
    const Router router = basic_router();
    TestServer server(router);
    Client client(server.port());
    const auto missing = client.request(make_request(http::verb::get, "/missing"));
    EXPECT_EQ(missing.result_int(), 404);
    EXPECT_EQ(json_of(missing)["error"]["code"], "not_found");
    EXPECT_EQ(json_of(missing)["error"]["message"], "Không tìm thấy");
    const auto wrong = client.request(make_request(http::verb::delete_, "/hello"));
    EXPECT_EQ(wrong.result_int(), 405);
    EXPECT_EQ(json_of(wrong)["error"]["code"], "method_not_allowed");
    EXPECT_EQ(to_string(wrong[http::field::allow]), "GET");
    // Neither had a body: the connection goes on.
    EXPECT_EQ(client.request(make_request(http::verb::get, "/hello")).result_int(), 200);
}

TEST(HttpServer, BodyOverTheRouteLimitIs413) {
    const Router router = basic_router();
    TestServer server(router);
    {
        Client client(server.port());
        const auto response =
            client.request(make_request(http::verb::post, "/small", std::string(16 * 1024, 'x')));
        ASSERT_FALSE(client.error()) << client.error().message();
        EXPECT_EQ(response.result_int(), 413);
        EXPECT_EQ(json_of(response)["error"]["code"], "payload_too_large");
        EXPECT_EQ(json_of(response)["error"]["message"], "Nội dung gửi lên quá lớn (tối đa 1 KB)");
        EXPECT_FALSE(response.keep_alive());
    }
    {
        // Chunked: no length announced, the limit trips while reading.
        Client client(server.port());
        const std::string chunk(2048, 'y');
        client.write_raw(
            "POST /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n" + chunk +
            "\r\n0\r\n\r\n");
        const auto response = client.read();
        ASSERT_FALSE(client.error()) << client.error().message();
        EXPECT_EQ(response.result_int(), 413);
    }
    {
        // With 100-continue the body is refused before it is sent.
        Client client(server.port());
        HttpResponse interim;
        const auto response = client.request_with_continue(
            make_request(http::verb::post, "/small", std::string(4096, 'z')), interim);
        ASSERT_FALSE(client.error()) << client.error().message();
        EXPECT_EQ(response.result_int(), 413);
    }
    {
        Client client(server.port());
        const auto response =
            client.request(make_request(http::verb::post, "/small", std::string(1024, 'x')));
        EXPECT_EQ(response.result_int(), 200);
    }
}

TEST(HttpServer, HeaderOverTheLimitIs431) {
    const Router router = basic_router();
    ServerOptions options;
    options.header_limit = 4096;
    TestServer server(router, options);
    Client client(server.port());
    auto request = make_request(http::verb::get, "/hello");
    request.set("X-Big", std::string(8000, 'a'));
    const auto response = client.request(request);
    ASSERT_FALSE(client.error()) << client.error().message();
    EXPECT_EQ(response.result_int(), 431);
    EXPECT_EQ(json_of(response)["error"]["code"], "header_too_large");
}

TEST(HttpServer, MalformedRequestIs400) {
    const Router router = basic_router();
    TestServer server(router);
    Client client(server.port());
    client.write_raw("GET /hello HTTP/9.x\r\n\r\n");
    const auto response = client.read();
    ASSERT_FALSE(client.error()) << client.error().message();
    EXPECT_EQ(response.result_int(), 400);
    EXPECT_EQ(json_of(response)["error"]["code"], "bad_request");
}

TEST(HttpServer, HandlerExceptionIs500AndTheServerGoesOn) {
    const Router router = basic_router();
    TestServer server(router);
    Client client(server.port());
    const auto response = client.request(make_request(http::verb::get, "/throw"));
    ASSERT_FALSE(client.error()) << client.error().message();
    EXPECT_EQ(response.result_int(), 500);
    EXPECT_EQ(json_of(response)["error"]["code"], "internal");
    EXPECT_EQ(client.request(make_request(http::verb::get, "/hello")).result_int(), 200);
}

std::string binary_body(std::size_t size) {
    std::string body(size, '\0');
    uint32_t state = 12345;
    for (char& c : body) {
        state = state * 1103515245u + 12345u;
        c = static_cast<char>(state >> 24);
    }
    for (std::size_t i = 0; i + 1 < size; i += 1000) {
        body[i] = '\r';
        body[i + 1] = '\n';
    }
    return body;
}

TEST(HttpServer, TwoMegabytesArriveIntact) {
    const Router router = basic_router();
    TestServer server(router);
    const std::string body = binary_body(2 << 20);
    Client client(server.port());
    const auto plain = client.request(make_request(http::verb::post, "/upload", body));
    ASSERT_FALSE(client.error()) << client.error().message();
    EXPECT_EQ(plain.result_int(), 200);
    EXPECT_EQ(plain.body(), checksum(body));

    HttpResponse interim;
    const auto continued =
        client.request_with_continue(make_request(http::verb::post, "/upload", body), interim);
    ASSERT_FALSE(client.error()) << client.error().message();
    EXPECT_EQ(interim.result_int(), 100);
    EXPECT_EQ(continued.result_int(), 200);
    EXPECT_EQ(continued.body(), checksum(body));
}

TEST(HttpServer, SlowHandlerDoesNotBlockAnotherConnection) {
    std::promise<void> slow_entered;
    std::promise<void> fast_answered;
    auto fast_answered_future = fast_answered.get_future().share();
    Router router;
    router.add("GET", "/slow", [&](Request&) {
        slow_entered.set_value();
        // Held until the fast request is answered, or long enough to fail the ordering below if
        // the server could not answer it meanwhile.
        fast_answered_future.wait_for(std::chrono::seconds(10));
        return Response::text(200, "slow", "text/plain");
    });
    router.add("GET", "/fast", [](Request&) { return Response::text(200, "fast", "text/plain"); });
    ServerOptions options;
    options.io_threads = 1;
    options.worker_threads = 2;
    TestServer server(router, options);

    std::mutex mutex;
    std::vector<std::string> finished;
    std::thread slow_client([&] {
        Client client(server.port());
        const auto response = client.request(make_request(http::verb::get, "/slow"));
        std::lock_guard lock(mutex);
        finished.push_back(response.body());
    });
    slow_entered.get_future().wait();
    {
        Client client(server.port());
        const auto response = client.request(make_request(http::verb::get, "/fast"));
        std::lock_guard lock(mutex);
        finished.push_back(response.body());
    }
    fast_answered.set_value();
    slow_client.join();
    EXPECT_EQ(finished, (std::vector<std::string>{"fast", "slow"}));
}

TEST(HttpServer, ManyClientsOnTwoIoThreads) {
    const Router router = basic_router();
    ServerOptions options;
    options.io_threads = 2;
    options.worker_threads = 3;
    TestServer server(router, options);
    std::atomic<int> good = 0;
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c) {
        clients.emplace_back([&, c] {
            Client client(server.port());
            for (int i = 0; i < 25; ++i) {
                const std::string body = std::to_string(c) + ":" + std::to_string(i);
                const auto response =
                    i % 2 ? client.request(make_request(http::verb::get, "/hello"))
                          : client.request(make_request(http::verb::post, "/upload", body));
                if (response.body() == (i % 2 ? std::string("xin chào") : checksum(body))) ++good;
            }
        });
    }
    for (std::thread& client : clients)
        client.join();
    EXPECT_EQ(good, 100);
}

TEST(HttpServer, StopLetsTheRequestInFlightFinish) {
    std::promise<void> entered;
    Router router;
    router.add("GET", "/slow", [&](Request&) {
        entered.set_value();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        return Response::text(200, std::string(100000, 's'), "text/plain");
    });
    router.add("GET", "/hello", [](Request&) { return Response::text(200, "hi", "text/plain"); });
    TestServer server(router);

    Client idle(server.port());
    ASSERT_EQ(idle.request(make_request(http::verb::get, "/hello")).result_int(), 200);

    HttpResponse slow_response;
    beast::error_code slow_error;
    std::thread slow_client([&] {
        Client client(server.port());
        slow_response = client.request(make_request(http::verb::get, "/slow"));
        slow_error = client.error();
    });
    entered.get_future().wait();
    server.server().stop();
    server.join();  // run() returned
    slow_client.join();
    ASSERT_FALSE(slow_error) << slow_error.message();
    EXPECT_EQ(slow_response.result_int(), 200);
    EXPECT_EQ(slow_response.body().size(), 100000u);
    EXPECT_FALSE(slow_response.keep_alive());
    EXPECT_TRUE(idle.closed_by_server());
    Client late(server.port());
    EXPECT_TRUE(late.error());  // no longer listening
}

TEST(HttpServer, ListenReportsABadAddress) {
    const Router router;
    ServerOptions options;
    options.bind_address = "not an address";
    Server server(options, router);
    std::string error;
    EXPECT_FALSE(server.listen(error));
    EXPECT_FALSE(error.empty());
    server.run();  // returns at once: nothing to serve
}

}  // namespace
