// The registration of a plan's period:
//   GET  /api/v1/plans/{id}/registrations?period=P   the board: who competes, registered on time,
//        late or not at all against the plan's deadline (a don-vi user: their units and people)
//   POST /api/v1/plans/{id}/registrations            {period, subject_kind, subject_id}: register
//        a unit or one of its people today (a don-vi user for their own; noi-vu, quan-tri)
//   POST /api/v1/plans/{id}/registrations/decision   {period, subject_kind, subject_id, accept,
//        reason}: Home Affairs accepts or refuses a late registration, with a reason

#include <map>

#include <fmt/format.h>

#include <algorithm>

#include "eval/RegistrationBoard.h"
#include "present/Explain.h"
#include "store/Clock.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/StoredEvaluation.h"
#include "web/app/UnitScope.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

json counts_json(const StatusCounts& c) {
    json out = json::object();
    for (size_t i = 0; i < kRegistrationStatusCount; ++i)
        out[registration_status_id(static_cast<RegistrationStatus>(i))] = c.by_status[i];
    out["total"] = c.total();
    return out;
}

// Who "registered" an imported registration that Home Affairs decides on.
constexpr const char* kImportedBy = "(dữ liệu nhập)";

using EntryKey = std::pair<std::string, std::string>;  // (subject_kind, subject_id)

json row_json(const RegistrationRow& row, const Dataset& data,
              const std::map<EntryKey, RegistrationEntry>& entries) {
    json groups = json::array();
    for (const GroupSpec* g : row.groups)
        groups.push_back(g->id);
    const std::string kind = row.subject.kind == SubjectKind::Unit ? "unit" : "person";
    json entry = nullptr;
    if (const auto it = entries.find({kind, subject_id(data, row.subject)}); it != entries.end())
        entry = {
            {"registered_by", it->second.registered_by},
            {"registered_on", it->second.registered_on},
            {"late", it->second.late},
            {"decision", it->second.decision.empty() ? json(nullptr) : json(it->second.decision)},
            {"reason", it->second.decision_reason},
            {"decided_by", it->second.decided_by}};
    return {{"id", subject_id(data, row.subject)},
            {"entry", entry},
            {"kind", kind},
            {"name", subject_name(data, row.subject)},
            {"unit", row.unit == kNoIndex ? json(nullptr) : json(data.units[row.unit].id)},
            {"unit_name", row.unit == kNoIndex ? json(nullptr) : json(data.units[row.unit].name)},
            {"groups", groups},
            {"registered_on", row.registered_on ? json(row.registered_on->iso()) : json(nullptr)},
            {"status", registration_status_id(row.status)}};
}

Response board(WebApp& app, Request& request, const Principal& who, Store& store) {
    auto found = evaluate_for(app, store, who, request.param("id"),
                              request.query_param("period").value_or(""));
    if (!found) return std::move(found.error());
    const StoredEvaluation* evaluation = found->get();
    const std::string period = evaluation->result.period.id;
    auto made = store.registrations(request.param("id"), period);
    if (!made) return store_failure(made.error());
    std::map<EntryKey, RegistrationEntry> entries;
    for (RegistrationEntry& e : *made)
        entries[{e.subject_kind, e.subject_id}] = std::move(e);
    const RegistrationBoard b = registration_board(evaluation->result, true);
    json rows = json::array();
    for (const RegistrationRow& row : b.rows)
        rows.push_back(row_json(row, *evaluation->data, entries));
    json groups = json::array();
    for (const GroupCounts& g : b.groups)
        groups.push_back({{"group", g.group ? json(g.group->id) : json(nullptr)},
                          {"name", g.group ? g.group->name : std::string("Cá nhân")},
                          {"counts", counts_json(g.counts)}});
    const RegistrationSpec& spec = evaluation->plan.plan->spec.registration;
    return Response::json(200, {{"plan", evaluation->plan.plan->spec.id},
                                {"period", period},
                                {"plan_has_registration", b.plan_has_registration},
                                {"data_has_registrations", b.data_has_registrations},
                                {"individuals_per_unit", spec.individuals_per_unit},
                                {"today", store::vietnam_today().iso()},
                                {"deadline", b.deadline ? json(b.deadline->iso()) : json(nullptr)},
                                {"totals", counts_json(b.totals)},
                                {"groups", groups},
                                {"rows", rows}});
}

struct Target {
    std::string period, kind, id;
};

tl::expected<Target, Response> target_of(const json& body) {
    Target t{text_member(body, "period"), text_member(body, "subject_kind"),
             text_member(body, "subject_id")};
    if (t.period.empty() || t.id.empty() || (t.kind != "unit" && t.kind != "person"))
        return tl::unexpected(Response::error(
            400, "bad_request", "Cần period, subject_kind (unit hoặc person) và subject_id"));
    return t;
}

// The subject's row on the board the caller sees: 404 when it does not compete in the period
// or is outside a don-vi user's scope (the board was restricted to it).
const RegistrationRow* find_row(const RegistrationBoard& b, const Dataset& data, const Target& t) {
    for (const RegistrationRow& row : b.rows)
        if ((row.subject.kind == SubjectKind::Unit) == (t.kind == "unit") &&
            subject_id(data, row.subject) == t.id)
            return &row;
    return nullptr;
}

// A unit's people already registered for the period, on the board.
int registered_people_of(const RegistrationBoard& b, Index unit) {
    int n = 0;
    for (const RegistrationRow& row : b.rows)
        if (row.subject.kind == SubjectKind::Person && row.unit == unit &&
            row.status != RegistrationStatus::Missing)
            ++n;
    return n;
}

Response register_subject(WebApp& app, Request& request, const Principal& who, Store& store) {
    if (who.user.role != Role::DonVi && !allows(Access::Edit, who.user.role))
        return Response::error(403, "forbidden", "Vai trò này không đăng ký thi đua");
    auto body = json_body(request);
    if (!body) return std::move(body.error());
    auto t = target_of(*body);
    if (!t) return std::move(t.error());
    auto found = evaluate_for(app, store, who, request.param("id"), t->period);
    if (!found) return std::move(found.error());
    const StoredEvaluation* evaluation = found->get();
    const PlanSpec& plan = evaluation->plan.plan->spec;
    if (!plan.registration.present)
        return Response::error(409, "no_registration",
                               "Kế hoạch này không yêu cầu đăng ký thi đua");
    const RegistrationBoard b = registration_board(evaluation->result, true);
    const RegistrationRow* row = find_row(b, *evaluation->data, *t);
    if (row == nullptr)
        return Response::error(404, "not_found",
                               "Không có đơn vị hoặc cá nhân này trong đối tượng thi đua của kỳ");
    const int allowed = plan.registration.individuals_per_unit;
    if (row->subject.kind == SubjectKind::Person && row->status == RegistrationStatus::Missing &&
        allowed > 0 && registered_people_of(b, row->unit) >= allowed)
        return Response::error(
            409, "too_many",
            fmt::format("Kế hoạch cho mỗi đơn vị đăng ký {} cá nhân; đơn vị đã đăng ký đủ",
                        allowed));
    const Date today = store::vietnam_today();
    RegistrationEntry e;
    e.plan_id = plan.id;
    e.subject_kind = t->kind;
    e.subject_id = t->id;
    e.period = evaluation->result.period.id;
    e.registered_on = today.iso();
    e.registered_by = who.user.username;
    e.late = b.deadline && today > *b.deadline;
    auto added = store.add_registration(e);
    if (!added) return store_failure(added.error());
    const RegistrationEntry& got = added->entry;
    return Response::json(added->created ? 201 : 200, {{"created", added->created},
                                                       {"registered_on", got.registered_on},
                                                       {"late", got.late},
                                                       {"status", got.late ? "late" : "on_time"}});
}

// The app entry a decision is recorded on. An imported registration made after the deadline has
// none: one is made with the imported date, marked as coming from the import, so that Home Affairs
// can accept it like one made in the application.
tl::expected<RegistrationEntry, Response> entry_to_decide(WebApp& app, Store& store,
                                                          const Principal& who,
                                                          const RegistrationEntry& key) {
    auto existing = store.registrations(key.plan_id, key.period);
    if (!existing) return tl::unexpected(store_failure(existing.error()));
    for (const RegistrationEntry& e : *existing)
        if (e.subject_kind == key.subject_kind && e.subject_id == key.subject_id) return e;
    auto found = evaluate_for(app, store, who, key.plan_id, key.period);
    if (!found) return tl::unexpected(std::move(found.error()));
    const StoredEvaluation* evaluation = found->get();
    const RegistrationBoard b = registration_board(evaluation->result, true);
    const RegistrationRow* row =
        find_row(b, *evaluation->data, {key.period, key.subject_kind, key.subject_id});
    if (row == nullptr || !row->registered_on)
        return tl::unexpected(Response::error(404, "not_found", "Không có đăng ký này"));
    RegistrationEntry e = key;
    e.registered_on = row->registered_on->iso();
    e.registered_by = kImportedBy;
    e.late =
        row->status == RegistrationStatus::Late || row->status == RegistrationStatus::LateAccepted;
    if (!e.late) return e;
    auto added = store.add_registration(e);
    if (!added) return tl::unexpected(store_failure(added.error()));
    return added->entry;
}

Response decide(WebApp& app, Request& request, const Principal& who, Store& store) {
    auto body = json_body(request);
    if (!body) return std::move(body.error());
    auto t = target_of(*body);
    if (!t) return std::move(t.error());
    const auto accept = body->find("accept");
    const std::string reason = text_member(*body, "reason");
    if (accept == body->end() || !accept->is_boolean() || reason.empty())
        return Response::error(400, "bad_request",
                               "Cần accept (true hoặc false) và lý do (reason) của quyết định");
    RegistrationEntry key;
    key.plan_id = request.param("id");
    key.subject_kind = t->kind;
    key.subject_id = t->id;
    key.period = t->period;
    auto entry = entry_to_decide(app, store, who, key);
    if (!entry) return std::move(entry.error());
    if (!entry->late)
        return Response::error(409, "not_late", "Đăng ký này đúng hạn, không cần quyết định");
    auto decided = store.decide_registration(key, accept->get<bool>() ? "accepted" : "refused",
                                             reason, who.user.username);
    if (!decided) return store_failure(decided.error());
    return Response::json(200, {{"decision", (*decided)->decision},
                                {"reason", (*decided)->decision_reason},
                                {"decided_by", (*decided)->decided_by}});
}

}  // namespace

void add_registration_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/plans/{id}/registrations",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return board(app, r, p, s);
               }));
    router.add("POST", "/api/v1/plans/{id}/registrations",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return register_subject(app, r, p, s);
               }));
    router.add("POST", "/api/v1/plans/{id}/registrations/decision",
               secured(app, Access::Edit, [&app](Request& r, const Principal& p, Store& s) {
                   return decide(app, r, p, s);
               }));
}

}  // namespace thidua::web
