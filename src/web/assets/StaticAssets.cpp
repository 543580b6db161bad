#include "web/assets/StaticAssets.h"

#include <string>

#include "web/assets/EmbeddedAssets.h"
#include "web/http/EntityTag.h"

namespace thidua::web {
namespace {

const std::string* header_value(const Request& request, std::string_view lower_name) {
    for (const auto& [name, value] : request.headers)
        if (name == lower_name) return &value;
    return nullptr;
}

Response error_response(int status, std::string_view code, std::string_view message) {
    Response r;
    r.status = status;
    r.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
    r.headers.emplace_back("Cache-Control", "no-store");
    nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
    r.body = body.dump();
    return r;
}

}  // namespace

Response serve_asset(const Request& request, std::string_view path) {
    if (request.method != "GET" && request.method != "HEAD") {
        auto r = error_response(405, "method_not_allowed", "Phương thức không được hỗ trợ");
        r.headers.emplace_back("Allow", "GET, HEAD");
        return r;
    }
    if (path == "/" || path.empty()) path = "/index.html";
    const EmbeddedAsset* asset = find_embedded_asset(path);
    if (asset == nullptr) return error_response(404, "not_found", "Không tìm thấy tệp");

    const bool is_index = asset->path == "/index.html";
    Response r;
    r.headers.emplace_back("ETag", std::string(asset->etag));
    r.headers.emplace_back("Cache-Control", is_index ? "no-cache" : "public, max-age=3600");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    if (is_index) {
        r.headers.emplace_back("Content-Security-Policy", std::string(k_index_csp));
        r.headers.emplace_back("X-Frame-Options", "DENY");
        r.headers.emplace_back("Referrer-Policy", "same-origin");
    }
    if (const auto* inm = header_value(request, "if-none-match");
        inm != nullptr && etag_matches(*inm, asset->etag)) {
        r.status = 304;
        return r;
    }
    r.status = 200;
    r.headers.emplace_back("Content-Type", std::string(asset->content_type));
    if (request.method == "GET") r.body.assign(asset->data);
    return r;
}

}  // namespace thidua::web
