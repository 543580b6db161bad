#pragma once
// An HTTP response built by a resource. Every error path still produces one of these.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace thidua::web {

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    // Bytes kept elsewhere (a cached evaluation's JSON), sent instead of `body`: no copy per
    // response, however many connections send them at once.
    std::shared_ptr<const std::string> shared_body;

    Response& set_header(std::string name, std::string value);

    static Response json(int status, const nlohmann::json& body);
    static Response text(int status, std::string body, std::string content_type);
    // {"error": {"code": …, "message": …}} plus any extra members (e.g. "details").
    static Response error(int status, std::string_view code, std::string_view message,
                          nlohmann::json extra = nlohmann::json::object());
    static Response redirect(std::string location);  // 303 See Other
};

}  // namespace thidua::web
