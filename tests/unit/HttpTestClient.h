#pragma once
// A small synchronous HTTP/1.1 client for the API tests, on Boost.Beast over loopback. It keeps
// the session cookie and the CSRF token like a browser's page script would.

#include <utility>  // before Asio: g++ 12 with C++20 needs std::exchange declared first

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace thidua::testing_support {

struct HttpReply {
    int status = 0;
    std::map<std::string, std::string> headers;  // lower-case names; repeated ones joined by "\n"
    std::string body;

    nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
    std::string header(const std::string& name) const {
        auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
    std::string error_code() const {
        const auto j = json();
        return j.is_object() && j.contains("error") ? j["error"].value("code", "") : "";
    }
};

class HttpTestClient {
public:
    explicit HttpTestClient(unsigned short port) : m_port(port) {}

    HttpReply request(const std::string& method, const std::string& target,
                      const std::string& body = "",
                      const std::map<std::string, std::string>& headers = {}) {
        namespace http = boost::beast::http;
        boost::asio::io_context io;
        boost::asio::ip::tcp::socket socket(io);
        socket.connect({boost::asio::ip::make_address("127.0.0.1"), m_port});
        http::request<http::string_body> req{http::string_to_verb(method), target, 11};
        req.set(http::field::host, "127.0.0.1:" + std::to_string(m_port));
        if (!m_cookie.empty()) req.set(http::field::cookie, "thidua_session=" + m_cookie);
        if (!m_csrf.empty() && send_csrf) req.set("X-CSRF-Token", m_csrf);
        if (!m_bearer.empty()) req.set(http::field::authorization, "Bearer " + m_bearer);
        for (const auto& [name, value] : headers)
            req.set(name, value);
        req.body() = body;
        req.prepare_payload();
        http::write(socket, req);
        boost::beast::flat_buffer buffer;
        http::response_parser<http::string_body> parser;
        parser.body_limit(256u << 20);
        http::read(socket, buffer, parser);
        auto& res = parser.get();
        HttpReply reply;
        reply.status = static_cast<int>(res.result_int());
        for (const auto& field : res) {
            std::string name(field.name_string());
            for (char& c : name)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            std::string& slot = reply.headers[name];
            slot += (slot.empty() ? "" : "\n") + std::string(field.value());
        }
        reply.body = std::move(res.body());
        boost::system::error_code ignored;
        socket.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
        remember_cookie(reply);
        return reply;
    }

    HttpReply get(const std::string& target) { return request("GET", target); }
    HttpReply post_json(const std::string& target, const nlohmann::json& body,
                        const std::string& method = "POST") {
        return request(method, target, body.dump(), {{"Content-Type", "application/json"}});
    }

    // Logs in; remembers the cookie and the CSRF token on success.
    HttpReply login(const std::string& username, const std::string& password) {
        HttpReply r = post_json("/api/v1/login", {{"username", username}, {"password", password}});
        if (r.status == 200) m_csrf = r.json().value("csrf_token", "");
        return r;
    }

    void use_bearer(std::string token) { m_bearer = std::move(token); }
    // The same credentials, sent to another server.
    HttpTestClient with_port(unsigned short port) const {
        HttpTestClient copy = *this;
        copy.m_port = port;
        return copy;
    }
    void forget_session() {
        m_cookie.clear();
        m_csrf.clear();
    }
    bool send_csrf = true;

private:
    void remember_cookie(const HttpReply& reply) {
        const std::string set = reply.header("set-cookie");
        const std::string prefix = "thidua_session=";
        if (!set.starts_with(prefix)) return;
        m_cookie = set.substr(prefix.size(), set.find(';') - prefix.size());
    }

    unsigned short m_port;
    std::string m_cookie, m_csrf, m_bearer;
};

}  // namespace thidua::testing_support
