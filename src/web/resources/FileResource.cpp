// GET /api/v1/files/{file}: a stored file (a dossier's paper, a task's evidence), as an
// attachment, for whoever may read what uses it: every role that sees all units, or a don-vi user
// when one of its uses belongs to their units. A file nothing uses is not served to a don-vi user.

#include <algorithm>

#include "web/app/FileUpload.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/UnitScope.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

Response download(Request& r, const Principal& who, Store& store) {
    const auto id = parse_integer(r.param("file"));
    const Response missing = Response::error(404, "not_found", "Không có tệp này");
    if (!id) return missing;
    auto uses = store.file_uses(*id);
    if (!uses) return store_failure(uses.error());
    if (!sees_all_units(who)) {
        auto units = store.list_units();
        if (!units) return store_failure(units.error());
        const UnitScope scope = UnitScope::of(who, *units);
        if (std::none_of(uses->begin(), uses->end(),
                         [&](const FileUse& u) { return scope.contains(u.unit_id); }))
            return missing;
    }
    auto file = store.find_file(*id, true);
    if (!file) return store_failure(file.error());
    if (!*file) return missing;
    return file_download(std::move(**file));
}

}  // namespace

void add_file_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/files/{file}", secured(app, Access::SignedIn, download));
}

}  // namespace thidua::web
