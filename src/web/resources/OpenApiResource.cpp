// GET /api/v1/openapi.json: the API's description, written by hand in web/app/openapi.json and
// embedded with the UI's assets.

#include "web/assets/EmbeddedAssets.h"
#include "web/resources/Resources.h"

namespace thidua::web {

void add_openapi_routes(Router& router, WebApp&) {
    router.add("GET", "/api/v1/openapi.json", [](Request&) {
        const EmbeddedAsset* doc = find_embedded_asset("/assets/openapi.json");
        if (doc == nullptr) return Response::error(404, "not_found", "Không có tài liệu OpenAPI");
        return Response::text(200, std::string(doc->data), "application/json; charset=utf-8");
    });
}

}  // namespace thidua::web
