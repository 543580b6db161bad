#include "web/http/Connection.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <limits>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>

#include "web/http/HttpText.h"
#include "web/http/Multipart.h"

namespace thidua::web {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// After an answer sent before its request's body was read, the client may still be sending:
// closing at once would reset the connection and could destroy the answer in flight.
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr std::size_t kLingerBytes = 16 << 20;
constexpr std::size_t kReadChunk = 16 * 1024;

std::chrono::seconds seconds(int value) {
    return std::chrono::seconds(std::max(value, 1));
}

bool is_http_error(const beast::error_code& ec) {
    return ec.category() == http::make_error_code(http::error::bad_version).category();
}

// A peer that went away or timed out gets no answer; a malformed request gets a 400.
bool is_disconnect(const beast::error_code& ec) {
    return !is_http_error(ec) || ec == http::error::end_of_stream ||
           ec == http::error::partial_message;
}

std::string size_in_words(std::size_t bytes) {
    constexpr std::size_t kMiB = 1 << 20;
    if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MB";
    if (bytes >= 1024) return std::to_string(bytes / 1024) + " KB";
    return std::to_string(bytes) + " byte";
}

Response too_large(std::size_t limit) {
    return Response::error(413, "payload_too_large",
                           "Nội dung gửi lên quá lớn (tối đa " + size_in_words(limit) + ")",
                           {{"limit_bytes", limit}});
}

Response bad_request() {
    return Response::error(400, "bad_request", "Yêu cầu HTTP không hợp lệ");
}

// Header names and values from handlers must not split the response: CR, LF and NUL go.
std::string header_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        if (c != '\r' && c != '\n' && c != '\0') out += c;
    return out;
}

bool has_header(const Response& response, std::string_view name) {
    return std::any_of(response.headers.begin(), response.headers.end(),
                       [&](const auto& header) { return iequals(header.first, name); });
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

// Beast 1.74 speaks boost::string_view.
std::string_view std_view(beast::string_view text) {
    return {text.data(), text.size()};
}

bool body_forbidden(int status) {
    return status < 200 || status == 204 || status == 304;
}

}  // namespace

Connection::Connection(tcp::socket socket, ConnectionContext context)
    : m_stream(std::move(socket)), m_context(context) {
    beast::error_code ec;
    const auto endpoint = m_stream.socket().remote_endpoint(ec);
    if (!ec) {
        m_remote_address = endpoint.address().to_string();
        m_peer_is_loopback = endpoint.address().is_loopback();
    }
    // Nagle would hold each small answer back until the client's delayed ACK (40 ms).
    m_stream.socket().set_option(tcp::no_delay(true), ec);
}

void Connection::start() {
    asio::dispatch(m_stream.get_executor(),
                   [self = shared_from_this()] { self->wait_for_request(); });
}

void Connection::shutdown() {
    asio::post(m_stream.get_executor(), [self = shared_from_this()] {
        if (self->m_state == State::Idle) self->close();
    });
}

void Connection::wait_for_request() {
    if (m_context.stopping) return close();
    m_request = Request{};
    m_route = nullptr;
    m_head = false;
    m_keep_alive = false;
    m_body_unread = false;
    m_header_parser.reset();
    m_body_parser.reset();
    if (m_buffer.size() > 0) return read_header();  // a pipelined request already arrived
    m_state = State::Idle;
    m_stream.expires_after(seconds(m_context.options.idle_timeout_seconds));
    m_stream.async_read_some(m_buffer.prepare(kReadChunk),
                             [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                 if (ec) return self->close();
                                 self->m_buffer.commit(n);
                                 self->read_header();
                             });
}

void Connection::read_header() {
    m_state = State::Reading;
    m_header_parser.emplace();
    const std::size_t limit = std::min<std::size_t>(m_context.options.header_limit,
                                                    std::numeric_limits<std::uint32_t>::max());
    m_header_parser->header_limit(static_cast<std::uint32_t>(limit));
    // The route's limit applies once the route is known; until then any declared length passes.
    m_header_parser->body_limit(std::numeric_limits<std::uint64_t>::max());
    // The read timeout covers the whole request from its first byte.
    m_stream.expires_after(seconds(m_context.options.read_timeout_seconds));
    http::async_read_header(
        m_stream, m_buffer, *m_header_parser,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
}

void Connection::on_header(beast::error_code ec) {
    if (ec == http::error::header_limit)
        return fail_request(Response::error(431, "header_too_large", "Phần đầu yêu cầu quá lớn"));
    if (ec) return is_disconnect(ec) ? close() : fail_request(bad_request());
    if (!fill_request()) return fail_request(bad_request());

    auto match = m_context.router.match(m_request.method, m_request.path, &m_request.params);
    if (!match.route && m_head)
        match = m_context.router.match("GET", m_request.path, &m_request.params);
    if (!match.route) {
        if (!match.method_not_allowed)
            return fail_request(Response::error(404, "not_found", "Không tìm thấy"));
        auto response = Response::error(405, "method_not_allowed", "Phương thức không được hỗ trợ");
        response.set_header("Allow", join(match.allowed_methods, ", "));
        return fail_request(std::move(response));
    }
    m_route = match.route;
    const auto length = m_header_parser->content_length();
    if (length && *length > m_route->body_limit)
        return fail_request(too_large(m_route->body_limit));
    if (m_header_parser->is_done()) return dispatch();
    const auto expect = m_header_parser->get()[http::field::expect];
    if (m_header_parser->get().version() >= 11 && iequals(std_view(expect), "100-continue"))
        return send_continue();
    read_body();
}

bool Connection::fill_request() {
    const auto& header = m_header_parser->get();
    const std::string_view target = std_view(header.target());
    if (target.empty() || target.front() != '/') return false;
    m_request.method = std::string(header.method_string());
    m_request.target = std::string(target);
    const auto question = target.find('?');
    m_request.path = percent_decode(target.substr(0, question), false);
    if (question != std::string_view::npos)
        m_request.query = parse_form_urlencoded(target.substr(question + 1));
    for (const auto& field : header)
        m_request.headers.emplace_back(to_lower_ascii(std_view(field.name_string())),
                                       std::string(field.value()));
    m_request.remote_address = m_remote_address;
    if (m_context.options.trust_proxy && m_peer_is_loopback) apply_proxy_headers();
    m_head = m_request.method == "HEAD";
    m_keep_alive = m_header_parser->keep_alive();
    return true;
}

void Connection::apply_proxy_headers() {
    if (const auto proto = m_request.header("x-forwarded-proto"))
        m_request.secure = iequals(trim_ows(*proto), "https");
    if (const auto forwarded = m_request.header("x-forwarded-for")) {
        // The proxy appends the address it saw last; earlier entries are the client's word.
        const auto comma = forwarded->rfind(',');
        const auto last =
            trim_ows(comma == std::string_view::npos ? *forwarded : forwarded->substr(comma + 1));
        if (!last.empty()) m_request.remote_address = std::string(last);
    }
}

void Connection::send_continue() {
    m_continue = {};
    m_continue.version(11);
    m_continue.result(http::status::continue_);
    http::async_write(m_stream, m_continue,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                          if (ec) return self->close();
                          self->read_body();
                      });
}

void Connection::read_body() {
    m_body_parser.emplace(std::move(*m_header_parser));
    m_header_parser.reset();
    m_body_parser->body_limit(m_route->body_limit);
    http::async_read(
        m_stream, m_buffer, *m_body_parser,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
}

void Connection::on_body(beast::error_code ec) {
    if (ec == http::error::body_limit) return fail_request(too_large(m_route->body_limit));
    if (ec) return is_disconnect(ec) ? close() : fail_request(bad_request());
    m_request.body = std::move(m_body_parser->get().body());
    m_keep_alive = m_body_parser->keep_alive();
    m_body_parser.reset();
    dispatch();
}

void Connection::dispatch() {
    m_state = State::Handling;
    m_stream.expires_never();
    // The guard keeps run() from returning while a handler works and no I/O is pending.
    auto work = asio::make_work_guard(m_context.io);
    m_context.workers.submit([self = shared_from_this(), work]() mutable {
        Response response = self->invoke();
        asio::post(self->m_stream.get_executor(), [self, response = std::move(response)]() mutable {
            self->write(std::move(response));
        });
        work.reset();
    });
}

Response Connection::invoke() {
    const auto started = std::chrono::steady_clock::now();
    Response response = call_handler();
    if (m_context.options.access_log) log_access(response.status, started);
    return response;
}

void Connection::log_access(int status, std::chrono::steady_clock::time_point started) const {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    // The path only: a query holds what people searched for, which the log need not keep.
    const std::string line = fmt::format(
        "{:%Y-%m-%dT%H:%M:%S}Z {} {} {} {} {}ms\n",
        std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()),
        m_request.remote_address, m_request.method, m_request.path, status, ms);
    std::cerr << line;
}

Response Connection::call_handler() {
    try {
        return m_route->handler(m_request);
    } catch (const std::exception& e) {
        std::cerr << "thidua: lỗi khi xử lý " << m_request.method << ' ' << m_request.path << ": "
                  << e.what() << '\n';
    } catch (...) {
        std::cerr << "thidua: lỗi không rõ khi xử lý " << m_request.method << ' ' << m_request.path
                  << '\n';
    }
    return Response::error(500, "internal", "Lỗi máy chủ nội bộ");
}

void Connection::fail_request(Response response) {
    // A request answered before its body was read leaves the stream at an unknown place.
    const bool finished = m_header_parser && m_header_parser->is_done();
    if (!finished) m_body_unread = true;
    write(std::move(response));
}

void Connection::build_response(Response& response) {
    const int status = response.status >= 100 && response.status <= 999 ? response.status : 500;
    m_response = {};
    m_response.version(11);
    m_response.result(static_cast<unsigned>(status));
    for (const auto& [name, value] : response.headers)
        m_response.insert(header_safe(name), header_safe(value));
    if (!has_header(response, "Cache-Control"))
        m_response.set(http::field::cache_control, "no-store");
    if (!has_header(response, "X-Content-Type-Options"))
        m_response.set("X-Content-Type-Options", "nosniff");
    if (!body_forbidden(status))
        m_response.body() = response.shared_body
                                ? std::move(response.shared_body)
                                : std::make_shared<const std::string>(std::move(response.body));
    m_response.keep_alive(m_keep_alive && !m_body_unread && !m_context.stopping);
    m_response.prepare_payload();
    if (m_head) m_response.body() = nullptr;  // Content-Length still tells the GET's size
}

void Connection::write(Response response) {
    m_state = State::Writing;
    try {
        build_response(response);
    } catch (const std::exception& e) {
        std::cerr << "thidua: câu trả lời không hợp lệ: " << e.what() << '\n';
        Response fallback = Response::error(500, "internal", "Lỗi máy chủ nội bộ");
        build_response(fallback);
    }
    m_stream.expires_after(seconds(m_context.options.read_timeout_seconds));
    http::async_write(
        m_stream, m_response,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_write(ec); });
}

void Connection::on_write(beast::error_code ec) {
    if (ec) return close();
    const bool keep_alive = m_response.keep_alive();
    m_response = {};
    if (keep_alive) return wait_for_request();
    if (m_body_unread) return linger_close();
    close();
}

void Connection::linger_close() {
    m_state = State::Closing;
    beast::error_code ec;
    m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    m_buffer.clear();
    m_stream.expires_after(kLingerTime);
    linger_read();
}

void Connection::linger_read() {
    m_stream.async_read_some(m_buffer.prepare(kReadChunk),
                             [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                 self->m_lingered += n;
                                 if (ec || self->m_lingered > kLingerBytes) return self->close();
                                 self->linger_read();
                             });
}

void Connection::close() {
    if (m_state == State::Closed) return;
    m_state = State::Closed;
    beast::error_code ec;
    m_stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    m_stream.close();
}

}  // namespace thidua::web
