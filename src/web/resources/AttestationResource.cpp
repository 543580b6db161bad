// Attestations of the facts a council judges, per unit or person and year, with the minutes:
//   GET  /api/v1/attestations?subject_kind=unit&subject_id=ID   the latest of each year and fact
//   POST /api/v1/attestations {subject_kind, subject_id, year, fact, value, minutes, note}
// Entered by the council, Home Affairs or an administrator (hoi-dong, noi-vu, quan-tri); a don-vi
// user reads their own units' and people's. Each entry is audited with the one it replaced; the
// evaluation reads the latest in place of the imported value.

#include <algorithm>

#include <fmt/format.h>

#include "store/Attestations.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/StoredEvaluation.h"
#include "web/app/UnitScope.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

json attestation_json(const Attestation& a) {
    return {{"subject_kind", a.subject_kind},
            {"subject_id", a.subject_id},
            {"year", a.year},
            {"fact", a.fact},
            {"value", a.value},
            {"minutes", a.minutes},
            {"note", a.note},
            {"entered_by", a.entered_by},
            {"entered_at", a.entered_at}};
}

// The unit a subject belongs to, for a don-vi user's scope; "" when there is no such subject.
std::string unit_of_subject(Store& store, const std::string& kind, const std::string& id) {
    if (kind == "unit") {
        auto units = store.list_units();
        if (units)
            for (const UnitRecord& u : *units)
                if (u.id == id) return u.id;
        return {};
    }
    PeopleQuery q;
    q.id = id;
    q.limit = 1;
    auto people = store.list_people(q);
    if (people)
        for (const PersonRecord& p : *people)
            if (p.id == id) return p.unit_id;
    return {};
}

Response list(Request& request, const Principal& who, Store& store) {
    const std::string kind = request.query_param("subject_kind").value_or("unit");
    const std::string id = request.query_param("subject_id").value_or("");
    if (id.empty()) return Response::error(400, "bad_request", "Cần subject_id");
    const std::string unit = unit_of_subject(store, kind, id);
    if (unit.empty()) return Response::error(404, "not_found", "Không có đơn vị hoặc cá nhân này");
    if (!sees_all_units(who)) {
        auto units = store.list_units();
        if (!units) return store_failure(units.error());
        if (!UnitScope::of(who, *units).contains(unit))
            return Response::error(404, "not_found", "Không có đơn vị hoặc cá nhân này");
    }
    auto found = store.attestations(kind, id);
    if (!found) return store_failure(found.error());
    json out = json::array();
    for (const Attestation& a : *found)
        out.push_back(attestation_json(a));
    return Response::json(200, out);
}

// The plans decide who attests a fact (`judges:`); every stored plan that names the fact must
// allow the caller's role. A fact no plan names is for the council, Home Affairs and an
// administrator.
std::optional<Response> check_judge(WebApp& app, Store& store, const Principal& who,
                                    const std::string& fact) {
    auto plans = store.latest_plans();
    if (!plans) return store_failure(plans.error());
    const std::string role(role_code(who.user.role));
    for (const PlanVersion& v : *plans) {
        auto stored = find_stored_plan(app, store, v.plan_id);
        if (!stored) continue;
        const auto& judges = stored->plan->spec.judges;
        const auto it = judges.find(fact);
        if (it == judges.end() ||
            std::find(it->second.begin(), it->second.end(), role) != it->second.end())
            continue;
        std::string named;
        for (const std::string& r : it->second)
            named += (named.empty() ? "" : ", ") + r;
        return Response::error(
            403, "forbidden",
            fmt::format("Kế hoạch {} quy định nội dung {} do {} xác nhận", v.plan_id, fact, named));
    }
    return std::nullopt;
}

Response attest(WebApp& app, Request& request, const Principal& who, Store& store) {
    if (!allows(Access::Council, who.user.role) && !allows(Access::Edit, who.user.role))
        return Response::error(403, "forbidden", "Chỉ Hội đồng hoặc Sở Nội vụ xác nhận được");
    auto body = json_body(request);
    if (!body) return std::move(body.error());
    Attestation a;
    a.subject_kind = text_member(*body, "subject_kind");
    a.subject_id = text_member(*body, "subject_id");
    a.fact = text_member(*body, "fact");
    a.minutes = text_member(*body, "minutes");
    a.note = text_member(*body, "note");
    a.entered_by = who.user.username;
    const auto year = body->find("year");
    const auto value = body->find("value");
    if (year == body->end() || !year->is_number_integer() || value == body->end() ||
        !value->is_boolean())
        return Response::error(400, "bad_request",
                               "Cần năm (year) là số và giá trị (value) là true/false");
    a.year = year->get<int>();
    a.value = value->get<bool>();
    if (a.year < 2000 || a.year > 2100)
        return Response::error(400, "bad_request", "Năm phải trong khoảng 2000-2100");
    if (!store::attestable_fact(a.subject_kind, a.fact))
        return Response::error(
            400, "bad_request",
            "Xác nhận được: đơn vị — head_leads, compliance, excellent_achievement; cá nhân — "
            "excellent_par, ethics_ok");
    if (a.minutes.empty())
        return Response::error(400, "bad_request", "Cần biên bản (minutes) làm căn cứ xác nhận");
    if (unit_of_subject(store, a.subject_kind, a.subject_id).empty())
        return Response::error(404, "not_found", "Không có đơn vị hoặc cá nhân này");
    if (auto refused = check_judge(app, store, who, a.fact)) return std::move(*refused);
    auto saved = store.save_attestation(std::move(a));
    if (!saved) return store_failure(saved.error());
    return Response::json(201, attestation_json(*saved));
}

}  // namespace

void add_attestation_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/attestations", secured(app, Access::SignedIn, list));
    router.add("POST", "/api/v1/attestations",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return attest(app, r, p, s);
               }));
}

}  // namespace thidua::web
