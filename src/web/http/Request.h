#pragma once
// An HTTP request as the resources see it: no Beast types, so that only the server machinery
// (Server.cpp and its helpers) compiles Beast. Header names are matched case-insensitively.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace thidua::web {

struct Request {
    std::string method;  // "GET", "POST", …
    std::string target;  // as sent: path and query
    std::string path;    // percent-decoded path, without the query
    std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
    std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
    std::string body;
    std::string remote_address;  // the peer's IP address, for throttling and the audit log
    bool secure = false;         // came over TLS (X-Forwarded-Proto: https from a trusted proxy)
    // Filled by the router from `{name}` segments of the matched pattern.
    std::unordered_map<std::string, std::string> params;

    std::optional<std::string_view> header(std::string_view name) const;
    std::optional<std::string> cookie(std::string_view name) const;
    std::optional<std::string> query_param(std::string_view name) const;
    std::string param(const std::string& name) const;  // "" when absent
};

}  // namespace thidua::web
