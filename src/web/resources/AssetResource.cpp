// GET / and GET /assets/…: the single-page UI and its assets, embedded in the binary at build
// time (no Node at run time, no CDN). Paths are looked up in the embedded table only, never on
// the file system.

#include "web/assets/StaticAssets.h"
#include "web/resources/Resources.h"

namespace thidua::web {

void add_asset_routes(Router& router, WebApp&) {
    const auto asset = [](Request& r) { return serve_asset(r, r.path); };
    router.add("GET", "/", asset);
    router.add("GET", "/index.html", asset);
    router.add("GET", "/assets/{path...}", asset);
}

}  // namespace thidua::web
