#include "store/ParTasks.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/AuditLog.h"
#include "store/Clock.h"

namespace thidua::store {
namespace {

constexpr std::string_view kTaskColumns =
    "id, unit_id, year, plan_id, area, title, due_on, status, done_on, note, created_by, "
    "created_at, updated_by, updated_at";

ParTask task_of(const SqlRow& r) {
    ParTask t;
    t.id = r.integer(0);
    t.unit_id = r.text(1);
    t.year = static_cast<int>(r.integer(2));
    t.plan_id = r.text(3);
    t.area = r.text(4);
    t.title = r.text(5);
    t.due_on = r.text(6);
    t.status = r.text(7);
    if (!r.is_null(8)) t.done_on = r.text(8);
    t.note = r.text(9);
    t.created_by = r.text(10);
    t.created_at = r.text(11);
    t.updated_by = r.text(12);
    t.updated_at = r.text(13);
    return t;
}

nlohmann::json task_json(const ParTask& t) {
    return {{"unit_id", t.unit_id}, {"year", t.year},       {"plan_id", t.plan_id},
            {"area", t.area},       {"title", t.title},     {"due_on", t.due_on},
            {"status", t.status},   {"done_on", t.done_on}, {"note", t.note}};
}

SqlValue optional_text(const std::string& s) {
    return s.empty() ? SqlValue::null() : SqlValue::of(s);
}

Result<> audit(SqlConnection& db, const std::string& at, const std::string& user,
               const std::string& action, const std::string& subject, nlohmann::json detail) {
    return append_audit_entry(db, {0, at, user, action, subject, detail.dump()});
}

nlohmann::json override_json(const TaskCompletionOverride& o) {
    return {{"year", o.year},
            {"value", o.value ? nlohmann::json(*o.value) : nlohmann::json(nullptr)},
            {"reason", o.reason}};
}

}  // namespace

TaskTiming task_timing(const ParTask& t) {
    TaskTiming timing;
    timing.due = Date::parse_iso(t.due_on).value_or(Date{});
    timing.status = task_status_of(t.status).value_or(TaskStatus::Planned);
    if (!t.done_on.empty()) timing.done_on = Date::parse_iso(t.done_on);
    return timing;
}

Result<std::optional<ParTask>> find_par_task(SqlConnection& db, int64_t id) {
    std::optional<ParTask> found;
    const SqlValue key[] = {SqlValue::of(id)};
    auto done = db.query(fmt::format("SELECT {} FROM par_tasks WHERE id = $1", kTaskColumns), key,
                         [&](const SqlRow& r) { found = task_of(r); });
    if (!done) return tl::unexpected(done.error());
    return found;
}

Result<std::vector<ParTask>> list_par_tasks(SqlConnection& db, const std::string& unit_id,
                                            int year) {
    std::string sql = fmt::format("SELECT {} FROM par_tasks WHERE 1 = 1", kTaskColumns);
    std::vector<SqlValue> params;
    if (!unit_id.empty()) {
        params.push_back(SqlValue::of(unit_id));
        sql += fmt::format(" AND unit_id = ${}", params.size());
    }
    if (year != 0) {
        params.push_back(SqlValue::of(static_cast<int64_t>(year)));
        sql += fmt::format(" AND year = ${}", params.size());
    }
    sql += " ORDER BY unit_id, year, due_on, id";
    std::vector<ParTask> out;
    auto done = db.query(sql, params, [&](const SqlRow& r) { out.push_back(task_of(r)); });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<ParTask> add_par_task(SqlConnection& db, ParTask t) {
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    t.created_at = utc_now();
    t.updated_by = t.created_by;
    t.updated_at = t.created_at;
    const SqlValue row[] = {SqlValue::of(t.unit_id),    SqlValue::of(static_cast<int64_t>(t.year)),
                            SqlValue::of(t.plan_id),    SqlValue::of(t.area),
                            SqlValue::of(t.title),      SqlValue::of(t.due_on),
                            SqlValue::of(t.status),     optional_text(t.done_on),
                            SqlValue::of(t.note),       SqlValue::of(t.created_by),
                            SqlValue::of(t.created_at), SqlValue::of(t.updated_by),
                            SqlValue::of(t.updated_at)};
    auto done = db.query(
        "INSERT INTO par_tasks (unit_id, year, plan_id, area, title, due_on, status, done_on, "
        "note, created_by, created_at, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
        "$8, $9, $10, $11, $12, $13) RETURNING id",
        row, [&](const SqlRow& r) { t.id = r.integer(0); });
    if (!done) return tl::unexpected(done.error());
    if (auto r = audit(db, t.created_at, t.created_by, "task-add", fmt::format("task:{}", t.id),
                       {{"before", nullptr}, {"after", task_json(t)}});
        !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return t;
}

Result<std::optional<ParTask>> update_par_task(SqlConnection& db, ParTask t) {
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto before = find_par_task(db, t.id);
    if (!before) return tl::unexpected(before.error());
    if (!*before) return std::optional<ParTask>{};
    t.unit_id = (*before)->unit_id;
    t.created_by = (*before)->created_by;
    t.created_at = (*before)->created_at;
    t.updated_at = utc_now();
    const SqlValue row[] = {SqlValue::of(t.id),        SqlValue::of(static_cast<int64_t>(t.year)),
                            SqlValue::of(t.plan_id),   SqlValue::of(t.area),
                            SqlValue::of(t.title),     SqlValue::of(t.due_on),
                            SqlValue::of(t.status),    optional_text(t.done_on),
                            SqlValue::of(t.note),      SqlValue::of(t.updated_by),
                            SqlValue::of(t.updated_at)};
    auto changed = db.run(
        "UPDATE par_tasks SET year = $2, plan_id = $3, area = $4, title = $5, due_on = $6, "
        "status = $7, done_on = $8, note = $9, updated_by = $10, updated_at = $11 WHERE id = $1",
        row);
    if (!changed) return tl::unexpected(changed.error());
    if (auto r = audit(db, t.updated_at, t.updated_by, "task-update", fmt::format("task:{}", t.id),
                       {{"before", task_json(**before)}, {"after", task_json(t)}});
        !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return std::optional<ParTask>{std::move(t)};
}

Result<std::vector<TaskCompletionOverride>> latest_task_completion_overrides(
    SqlConnection& db, const std::string& unit_id) {
    std::string sql =
        "SELECT a.unit_id, a.year, a.value, a.reason, a.entered_by, a.entered_at FROM "
        "task_completion_overrides a WHERE a.id = (SELECT MAX(b.id) FROM "
        "task_completion_overrides b WHERE b.unit_id = a.unit_id AND b.year = a.year)";
    std::vector<SqlValue> params;
    if (!unit_id.empty()) {
        params.push_back(SqlValue::of(unit_id));
        sql += " AND a.unit_id = $1";
    }
    sql += " ORDER BY a.unit_id, a.year";
    std::vector<TaskCompletionOverride> out;
    auto done = db.query(sql, params, [&](const SqlRow& r) {
        TaskCompletionOverride o;
        o.unit_id = r.text(0);
        o.year = static_cast<int>(r.integer(1));
        if (!r.is_null(2)) o.value = r.real(2);
        o.reason = r.text(3);
        o.entered_by = r.text(4);
        o.entered_at = r.text(5);
        out.push_back(std::move(o));
    });
    if (!done) return tl::unexpected(done.error());
    return out;
}

Result<TaskCompletionOverride> save_task_completion_override(SqlConnection& db,
                                                             TaskCompletionOverride o) {
    Transaction tx(db);
    if (auto r = tx.begin(); !r) return tl::unexpected(r.error());
    auto before = latest_task_completion_overrides(db, o.unit_id);
    if (!before) return tl::unexpected(before.error());
    o.entered_at = utc_now();
    const SqlValue row[] = {SqlValue::of(o.unit_id),
                            SqlValue::of(static_cast<int64_t>(o.year)),
                            o.value ? SqlValue::of(*o.value) : SqlValue::null(),
                            SqlValue::of(o.reason),
                            SqlValue::of(o.entered_by),
                            SqlValue::of(o.entered_at)};
    auto inserted = db.run(
        "INSERT INTO task_completion_overrides (unit_id, year, value, reason, entered_by, "
        "entered_at) VALUES ($1, $2, $3, $4, $5, $6)",
        row);
    if (!inserted) return tl::unexpected(inserted.error());
    nlohmann::json detail = {{"before", nullptr}, {"after", override_json(o)}};
    for (const TaskCompletionOverride& b : *before)
        if (b.year == o.year) detail["before"] = override_json(b);
    if (auto r = audit(db, o.entered_at, o.entered_by, "task-completion", "unit:" + o.unit_id,
                       std::move(detail));
        !r)
        return tl::unexpected(r.error());
    if (auto r = tx.commit(); !r) return tl::unexpected(r.error());
    return o;
}

}  // namespace thidua::store
