#include <utility>  // before Asio: g++ 12 with C++20 misses std::exchange in asio/awaitable.hpp

#include "web/http/Server.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "web/http/Connection.h"
#include "web/http/WorkerPool.h"

namespace thidua::web {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

struct Server::Impl {
    Impl(ServerOptions server_options, const Router& server_router)
        : options(std::move(server_options)),
          router(server_router),
          io(std::max(options.io_threads, 1)),
          acceptor(asio::make_strand(io)),
          retry_timer(acceptor.get_executor()),
          workers(options.worker_threads) {}

    bool listen(std::string& error);
    void accept();
    void on_accept(beast::error_code ec, tcp::socket socket);
    void keep(const std::shared_ptr<Connection>& connection);
    void stop_on_strand();
    void run_io();

    ServerOptions options;
    const Router& router;
    // Declared before the workers so that they are joined before it goes.
    asio::io_context io;
    tcp::acceptor acceptor;
    asio::steady_timer retry_timer;
    WorkerPool workers;
    std::atomic<bool> stopping = false;
    bool listening = false;
    uint16_t bound_port = 0;
    std::mutex mutex;
    std::vector<std::weak_ptr<Connection>> connections;
};

bool Server::Impl::listen(std::string& error) {
    beast::error_code ec;
    const auto address = asio::ip::make_address(options.bind_address, ec);
    if (ec) {
        error = "Địa chỉ lắng nghe không hợp lệ: " + options.bind_address;
        return false;
    }
    const tcp::endpoint endpoint(address, options.port);
    const auto fail = [&](std::string_view step) {
        error = "Không thể " + std::string(step) + " " + options.bind_address + ":" +
                std::to_string(options.port) + ": " + ec.message();
        beast::error_code ignored;
        acceptor.close(ignored);
        return false;
    };
    if (acceptor.open(endpoint.protocol(), ec); ec) return fail("mở cổng");
    acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (acceptor.bind(endpoint, ec); ec) return fail("gắn vào");
    if (acceptor.listen(asio::socket_base::max_listen_connections, ec); ec)
        return fail("lắng nghe trên");
    bound_port = acceptor.local_endpoint(ec).port();
    listening = true;
    accept();
    return true;
}

void Server::Impl::accept() {
    // Each connection gets its own strand: handlers of one connection never run concurrently.
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
        on_accept(ec, std::move(socket));
    });
}

void Server::Impl::on_accept(beast::error_code ec, tcp::socket socket) {
    if (stopping || ec == asio::error::operation_aborted) return;
    if (!ec) {
        auto connection = std::make_shared<Connection>(
            std::move(socket), ConnectionContext{router, options, workers, io, stopping});
        keep(connection);
        connection->start();
        return accept();
    }
    // Out of file descriptors and the like: accepting again at once would spin.
    std::cerr << "thidua: không nhận được kết nối: " << ec.message() << '\n';
    retry_timer.expires_after(std::chrono::milliseconds(100));
    retry_timer.async_wait([this](beast::error_code timer_ec) {
        if (!timer_ec && !stopping) accept();
    });
}

void Server::Impl::keep(const std::shared_ptr<Connection>& connection) {
    std::lock_guard lock(mutex);
    std::erase_if(connections, [](const auto& weak) { return weak.expired(); });
    connections.push_back(connection);
}

void Server::Impl::stop_on_strand() {
    if (stopping.exchange(true)) return;
    beast::error_code ec;
    acceptor.close(ec);
    retry_timer.cancel();
    std::vector<std::shared_ptr<Connection>> live;
    {
        std::lock_guard lock(mutex);
        for (const auto& weak : connections)
            if (auto connection = weak.lock()) live.push_back(std::move(connection));
        connections.clear();
    }
    // Set before these run on the connections' strands, `stopping` reaches the busy ones when
    // their answer is written.
    for (const auto& connection : live)
        connection->shutdown();
}

void Server::Impl::run_io() {
    for (;;) {
        try {
            io.run();
            return;
        } catch (const std::exception& e) {
            std::cerr << "thidua: lỗi trong vòng I/O: " << e.what() << '\n';
        } catch (...) {
            std::cerr << "thidua: lỗi không rõ trong vòng I/O\n";
        }
    }
}

Server::Server(ServerOptions options, const Router& router)
    : m_impl(std::make_unique<Impl>(std::move(options), router)) {}

Server::~Server() = default;

bool Server::listen(std::string& error) {
    return m_impl->listen(error);
}

uint16_t Server::port() const {
    return m_impl->bound_port;
}

void Server::run() {
    if (!m_impl->listening) return;
    std::vector<std::thread> threads;
    for (int i = 1; i < m_impl->options.io_threads; ++i)
        threads.emplace_back([this] { m_impl->run_io(); });
    m_impl->run_io();
    for (std::thread& thread : threads)
        thread.join();
    m_impl->workers.stop();
}

void Server::stop() {
    asio::post(m_impl->acceptor.get_executor(), [impl = m_impl.get()] { impl->stop_on_strand(); });
}

void run_until_signal(Server& server, const std::function<void()>& on_ready) {
    asio::io_context signals_io;
    asio::signal_set signals(signals_io, SIGINT, SIGTERM);
    int received = 0;
    std::function<void(const beast::error_code&, int)> on_signal = [&](const beast::error_code& ec,
                                                                       int) {
        if (ec) return;
        // A second signal while requests still finish: the operator wants out now.
        if (++received > 1) std::_Exit(130);
        std::cerr << "thidua: đang dừng máy chủ…\n";
        server.stop();
        signals.async_wait(on_signal);
    };
    signals.async_wait(on_signal);
    std::thread watcher([&] { signals_io.run(); });
    if (on_ready) on_ready();
    server.run();
    signals_io.stop();
    watcher.join();
}

}  // namespace thidua::web
