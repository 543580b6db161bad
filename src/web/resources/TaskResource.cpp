// A unit's yearly PAR tasks and the completion rate they give (issue 6, item 2):
//   GET  /api/v1/units/{id}/tasks?year=Y       the year's tasks, the plans' task areas, and the
//        completion: computed from the tasks, Home Affairs' override, the imported value, and
//        which of them the evaluation uses
//   POST /api/v1/units/{id}/tasks              {year, plan_id, area, title, due_on, note}
//   POST /api/v1/tasks/{task}                  {status, done_on, title, due_on, area, note}
//   POST /api/v1/units/{id}/task-completion    {year, value (null: withdraw), reason}
//   POST /api/v1/tasks/{task}/evidence         one file (multipart `file`, or the raw body with
//        ?name=), checked by content like a dossier's papers; downloaded at /api/v1/files/{id}
//   POST /api/v1/tasks/{task}/evidence/{evidence}/withdraw  {reason}: it stays, marked
// The unit's own officers (don-vi) and Home Affairs (noi-vu, quan-tri) keep the tasks; only Home
// Affairs overrides the rate, with a reason. Every change is audited; nothing is deleted.

#include <algorithm>

#include <fmt/format.h>

#include "eval/TaskCompletion.h"
#include "store/Clock.h"
#include "store/ParTasks.h"
#include "web/app/FileUpload.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/StoredEvaluation.h"
#include "web/app/UnitScope.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;

// 404 unless the unit exists and the caller may read it.
std::optional<Response> check_unit(Store& store, const Principal& who, const std::string& unit) {
    auto units = store.list_units();
    if (!units) return store_failure(units.error());
    bool exists = false;
    for (const UnitRecord& u : *units)
        exists = exists || u.id == unit;
    if (!exists || !UnitScope::of(who, *units).contains(unit))
        return Response::error(404, "not_found", "Không có đơn vị này");
    return std::nullopt;
}

bool keeps_tasks(const Principal& who) {
    return allows(Access::Edit, who.user.role) || who.user.role == Role::DonVi;
}

json evidence_json(const TaskEvidence& e) {
    return {{"id", e.id},
            {"file",
             {{"id", e.file.id},
              {"name", e.file.name},
              {"media_type", e.file.media_type},
              {"size", e.file.size},
              {"href", "/api/v1/files/" + std::to_string(e.file.id)}}},
            {"added_by", e.added_by},
            {"added_at", e.added_at},
            {"withdrawn", e.withdrawn},
            {"withdrawn_by", e.withdrawn_by},
            {"withdraw_reason", e.withdraw_reason}};
}

json task_json(const ParTask& t, Date today) {
    const TaskTiming timing = store::task_timing(t);
    const bool open = timing.status != TaskStatus::Done && timing.status != TaskStatus::Cancelled;
    return {{"id", t.id},
            {"unit_id", t.unit_id},
            {"year", t.year},
            {"plan_id", t.plan_id},
            {"area", t.area},
            {"title", t.title},
            {"due_on", t.due_on},
            {"status", t.status},
            {"status_label", task_status_label(timing.status)},
            {"done_on", t.done_on.empty() ? json(nullptr) : json(t.done_on)},
            {"on_time", done_on_time(timing)},
            {"overdue", open && timing.due < today},
            {"note", t.note},
            {"created_by", t.created_by},
            {"updated_by", t.updated_by},
            {"updated_at", t.updated_at}};
}

// The task areas of every stored plan, for the form's choice.
json task_areas(WebApp& app, Store& store) {
    json out = json::array();
    auto plans = store.latest_plans();
    if (!plans) return out;
    for (const PlanVersion& v : *plans) {
        auto stored = find_stored_plan(app, store, v.plan_id);
        if (!stored) continue;
        for (const TaskAreaSpec& a : stored->plan->spec.task_areas)
            out.push_back({{"plan_id", v.plan_id}, {"id", a.id}, {"name", a.name}});
    }
    return out;
}

std::optional<double> imported_completion(Store& store, const std::string& unit, int year) {
    UnitYearQuery q;
    q.unit_ids = {unit};
    q.year = year;
    auto rows = store.list_unit_years(q);
    if (!rows) return std::nullopt;
    for (const UnitYearRecord& r : *rows)
        if (r.year == year) return r.task_completion;
    return std::nullopt;
}

json completion_json(Store& store, const std::string& unit, int year,
                     const std::vector<ParTask>& tasks, Date today) {
    std::vector<TaskTiming> timings;
    for (const ParTask& t : tasks)
        timings.push_back(store::task_timing(t));
    const CompletionCount c = count_completion(timings, today);
    json override_entry = nullptr;
    std::optional<double> overridden;
    if (auto overrides = store.task_completion_overrides(unit)) {
        for (const TaskCompletionOverride& o : *overrides) {
            if (o.year != year) continue;
            override_entry = {{"value", optional_number(o.value)},
                              {"reason", o.reason},
                              {"entered_by", o.entered_by},
                              {"entered_at", o.entered_at}};
            overridden = o.value;
        }
    }
    const std::optional<double> imported = imported_completion(store, unit, year);
    const EffectiveCompletion e = effective_completion(c, overridden, imported);
    return {{"total", c.total},
            {"on_time", c.on_time},
            {"late", c.late},
            {"open", c.open},
            {"overdue", c.overdue},
            {"computed", optional_number(c.percent)},
            {"pending", c.open > c.overdue},
            {"imported", optional_number(imported)},
            {"override", override_entry},
            {"effective", optional_number(e.value)},
            {"source", completion_source_id(e.source)}};
}

std::optional<int> year_param(const Request& request) {
    const auto text = request.query_param("year");
    if (!text) return std::nullopt;
    const auto year = parse_integer(*text);
    if (!year || *year < kFirstYear || *year > kLastYear) return std::nullopt;
    return static_cast<int>(*year);
}

Response list_tasks(WebApp& app, Request& request, const Principal& who, Store& store) {
    const std::string unit = request.param("id");
    if (auto denied = check_unit(store, who, unit)) return std::move(*denied);
    const auto year = year_param(request);
    if (!year) return Response::error(400, "bad_request", "Cần năm (year) trong khoảng 2000-2100");
    auto tasks = store.par_tasks(unit, *year);
    if (!tasks) return store_failure(tasks.error());
    const Date today = store::vietnam_today();
    auto evidence = store.task_evidence(unit, *year);
    if (!evidence) return store_failure(evidence.error());
    json list = json::array();
    for (const ParTask& t : *tasks) {
        json j = task_json(t, today);
        json files = json::array();
        for (const TaskEvidence& e : *evidence)
            if (e.task_id == t.id) files.push_back(evidence_json(e));
        j["evidence"] = std::move(files);
        list.push_back(std::move(j));
    }
    return Response::json(200, {{"unit_id", unit},
                                {"year", *year},
                                {"today", today.iso()},
                                {"areas", task_areas(app, store)},
                                {"tasks", list},
                                {"completion", completion_json(store, unit, *year, *tasks, today)},
                                {"can_edit", keeps_tasks(who)},
                                {"can_override", allows(Access::Edit, who.user.role)}});
}

// Checks and applies the members a task's form may carry; the first problem as a message.
std::optional<std::string> apply_fields(WebApp& app, Store& store, const json& body, ParTask& t) {
    if (body.contains("title")) t.title = text_member(body, "title");
    if (body.contains("note")) t.note = text_member(body, "note");
    if (body.contains("due_on")) t.due_on = text_member(body, "due_on");
    if (body.contains("plan_id")) t.plan_id = text_member(body, "plan_id");
    if (body.contains("area")) t.area = text_member(body, "area");
    if (body.contains("status")) t.status = text_member(body, "status");
    if (body.contains("done_on")) t.done_on = text_member(body, "done_on");
    if (t.title.empty()) return "Cần tên nhiệm vụ (title)";
    const auto due = Date::parse_iso(t.due_on);
    if (!due) return "Hạn hoàn thành (due_on) phải là ngày dạng YYYY-MM-DD";
    const auto status = task_status_of(t.status);
    if (!status) return "Trạng thái (status) là planned, in-progress, done hoặc cancelled";
    const Date today = store::vietnam_today();
    if (*status == TaskStatus::Done && t.done_on.empty()) t.done_on = today.iso();
    if (*status != TaskStatus::Done) t.done_on.clear();
    if (!t.done_on.empty()) {
        const auto done = Date::parse_iso(t.done_on);
        if (!done) return "Ngày hoàn thành (done_on) phải là ngày dạng YYYY-MM-DD";
        if (today < *done) return "Ngày hoàn thành không được sau hôm nay";
    }
    if (t.area.empty()) return std::nullopt;
    if (t.plan_id.empty()) return "Lĩnh vực (area) cần kế hoạch (plan_id) quy định nó";
    auto stored = find_stored_plan(app, store, t.plan_id);
    if (!stored) return fmt::format("Không có kế hoạch {}", t.plan_id);
    for (const TaskAreaSpec& a : stored->plan->spec.task_areas)
        if (a.id == t.area) return std::nullopt;
    return fmt::format("Kế hoạch {} không có lĩnh vực {}", t.plan_id, t.area);
}

Response add_task(WebApp& app, Request& request, const Principal& who, Store& store) {
    if (!keeps_tasks(who))
        return Response::error(403, "forbidden", "Chỉ đơn vị hoặc Sở Nội vụ ghi nhiệm vụ");
    const std::string unit = request.param("id");
    if (auto denied = check_unit(store, who, unit)) return std::move(*denied);
    auto body = json_body(request);
    if (!body) return std::move(body.error());
    ParTask t;
    t.unit_id = unit;
    const auto year = body->find("year");
    if (year == body->end() || !year->is_number_integer() || year->get<int>() < kFirstYear ||
        year->get<int>() > kLastYear)
        return Response::error(400, "bad_request", "Cần năm (year) trong khoảng 2000-2100");
    t.year = year->get<int>();
    t.created_by = who.user.username;
    if (auto problem = apply_fields(app, store, *body, t))
        return Response::error(400, "bad_request", *problem);
    auto saved = store.add_par_task(std::move(t));
    if (!saved) return store_failure(saved.error());
    return Response::json(201, task_json(*saved, store::vietnam_today()));
}

// The task a don-vi user or Home Affairs may change: 403 for other roles, 404 outside the scope.
tl::expected<ParTask, Response> task_to_change(Request& request, const Principal& who,
                                               Store& store) {
    if (!keeps_tasks(who))
        return tl::unexpected(
            Response::error(403, "forbidden", "Chỉ đơn vị hoặc Sở Nội vụ sửa nhiệm vụ"));
    const auto id = parse_integer(request.param("task"));
    if (!id) return tl::unexpected(Response::error(404, "not_found", "Không có nhiệm vụ này"));
    auto found = store.par_task(*id);
    if (!found) return tl::unexpected(store_failure(found.error()));
    if (!*found) return tl::unexpected(Response::error(404, "not_found", "Không có nhiệm vụ này"));
    if (auto denied = check_unit(store, who, (*found)->unit_id))
        return tl::unexpected(std::move(*denied));
    return std::move(**found);
}

Response change_task(WebApp& app, Request& request, const Principal& who, Store& store) {
    auto found = task_to_change(request, who, store);
    if (!found) return std::move(found.error());
    auto body = json_body(request);
    if (!body) return std::move(body.error());
    ParTask t = std::move(*found);
    t.updated_by = who.user.username;
    if (auto problem = apply_fields(app, store, *body, t))
        return Response::error(400, "bad_request", *problem);
    auto saved = store.update_par_task(std::move(t));
    if (!saved) return store_failure(saved.error());
    if (!*saved) return Response::error(404, "not_found", "Không có nhiệm vụ này");
    return Response::json(200, task_json(**saved, store::vietnam_today()));
}

Response add_evidence(WebApp& app, Request& request, const Principal& who, Store& store) {
    auto task = task_to_change(request, who, store);
    if (!task) return std::move(task.error());
    auto file =
        checked_upload(request, app.options().dossier_file_limit, "minh-chung", who.user.username);
    if (!file) return std::move(file.error());
    auto saved = store.add_task_evidence(task->id, std::move(*file));
    if (!saved) return store_failure(saved.error());
    return Response::json(201, evidence_json(*saved));
}

Response withdraw_evidence(Request& request, const Principal& who, Store& store) {
    auto task = task_to_change(request, who, store);
    if (!task) return std::move(task.error());
    auto body = json_body(request);
    if (!body) return std::move(body.error());
    const auto id = parse_integer(request.param("evidence"));
    auto listed = store.task_evidence(task->unit_id, task->year);
    if (!listed) return store_failure(listed.error());
    const bool belongs = id && std::any_of(listed->begin(), listed->end(), [&](const auto& e) {
                             return e.id == *id && e.task_id == task->id;
                         });
    if (!belongs) return Response::error(404, "not_found", "Nhiệm vụ này không có minh chứng đó");
    auto done = store.withdraw_task_evidence(*id, text_member(*body, "reason"), who.user.username);
    if (!done) return store_failure(done.error());
    if (!*done) return Response::error(409, "already_withdrawn", "Minh chứng này đã được rút");
    return Response::json(200, evidence_json(**done));
}

Response override_completion(Request& request, const Principal& who, Store& store) {
    const std::string unit = request.param("id");
    if (auto denied = check_unit(store, who, unit)) return std::move(*denied);
    auto body = json_body(request);
    if (!body) return std::move(body.error());
    TaskCompletionOverride o;
    o.unit_id = unit;
    o.reason = text_member(*body, "reason");
    o.entered_by = who.user.username;
    const auto year = body->find("year");
    const auto value = body->find("value");
    if (year == body->end() || !year->is_number_integer() || year->get<int>() < kFirstYear ||
        year->get<int>() > kLastYear)
        return Response::error(400, "bad_request", "Cần năm (year) trong khoảng 2000-2100");
    o.year = year->get<int>();
    if (value == body->end() || !(value->is_null() || value->is_number()))
        return Response::error(400, "bad_request",
                               "Cần tỷ lệ (value) là số 0-100, hoặc null để bỏ điều chỉnh");
    if (value->is_number()) {
        o.value = value->get<double>();
        if (*o.value < 0 || *o.value > 100)
            return Response::error(400, "bad_request", "Tỷ lệ hoàn thành phải trong khoảng 0-100");
    }
    if (o.reason.empty())
        return Response::error(400, "bad_request", "Cần lý do (reason) khi điều chỉnh tỷ lệ");
    auto saved = store.save_task_completion_override(std::move(o));
    if (!saved) return store_failure(saved.error());
    return Response::json(201, {{"unit_id", saved->unit_id},
                                {"year", saved->year},
                                {"value", optional_number(saved->value)},
                                {"reason", saved->reason},
                                {"entered_by", saved->entered_by},
                                {"entered_at", saved->entered_at}});
}

}  // namespace

void add_task_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/units/{id}/tasks",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return list_tasks(app, r, p, s);
               }));
    router.add("POST", "/api/v1/units/{id}/tasks",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return add_task(app, r, p, s);
               }));
    router.add("POST", "/api/v1/tasks/{task}",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return change_task(app, r, p, s);
               }));
    router.add("POST", "/api/v1/units/{id}/task-completion",
               secured(app, Access::Edit, override_completion));
    // Room for the multipart framing around one file of the limit; the file itself is checked.
    router.add("POST", "/api/v1/tasks/{task}/evidence",
               secured(app, Access::SignedIn,
                       [&app](Request& r, const Principal& p, Store& s) {
                           return add_evidence(app, r, p, s);
                       }),
               app.options().dossier_file_limit + (64u << 10));
    router.add("POST", "/api/v1/tasks/{task}/evidence/{evidence}/withdraw",
               secured(app, Access::SignedIn, withdraw_evidence));
}

}  // namespace thidua::web
