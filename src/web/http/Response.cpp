#include "web/http/Response.h"

#include "web/http/HttpText.h"

namespace thidua::web {

Response& Response::set_header(std::string name, std::string value) {
    for (auto& [key, existing] : headers) {
        if (iequals(key, name)) {
            existing = std::move(value);
            return *this;
        }
    }
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
}

Response Response::json(int status, const nlohmann::json& body) {
    Response response;
    response.status = status;
    // Replacing bad UTF-8 rather than throwing: a stray byte from user data must not turn an
    // answer into a 500.
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    response.set_header("Content-Type", "application/json; charset=utf-8");
    return response;
}

Response Response::text(int status, std::string body, std::string content_type) {
    Response response;
    response.status = status;
    response.body = std::move(body);
    response.set_header("Content-Type", std::move(content_type));
    return response;
}

Response Response::error(int status, std::string_view code, std::string_view message,
                         nlohmann::json extra) {
    nlohmann::json error = {{"code", code}, {"message", message}};
    if (extra.is_object()) {
        for (auto& [key, value] : extra.items())
            if (key != "code" && key != "message") error[key] = std::move(value);
    }
    return json(status, {{"error", std::move(error)}});
}

Response Response::redirect(std::string location) {
    Response response;
    response.status = 303;
    response.set_header("Location", std::move(location));
    return response;
}

}  // namespace thidua::web
