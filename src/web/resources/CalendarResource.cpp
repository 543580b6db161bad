// One calendar of deadlines (issue 6, item 5):
//   GET /api/v1/plans/{id}/calendar   the plan's registration deadlines, dossier due dates and
//       meetings, each with the days left from today
//   GET /api/v1/calendar              the same for every stored plan, by date
// Due dates in working days count Vietnam's public holidays (data/holidays-vn.csv). Today is the
// server's (`serve --today` for demonstrations), in Vietnam.

#include <algorithm>

#include "eval/PlanCalendar.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/StoredEvaluation.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

json entry_json(const CalendarEntry& e, Date today) {
    return {{"kind", calendar_kind_id(e.kind)},
            {"period", e.period.empty() ? json(nullptr) : json(e.period)},
            {"awards", e.awards},
            {"title", e.title},
            {"date", e.date ? json(e.date->iso()) : json(nullptr)},
            {"days_left", e.date ? json(e.date->days() - today.days()) : json(nullptr)},
            {"note", e.note}};
}

struct PlanDates {
    StoredPlan plan;
    std::vector<CalendarEntry> entries;
};

tl::expected<PlanDates, Response> calendar_of(WebApp& app, Store& store,
                                              const std::string& plan_id) {
    auto stored = find_stored_plan(app, store, plan_id);
    if (!stored) return tl::unexpected(std::move(stored.error()));
    auto data = stored_dataset(app, store, plan_id);
    if (!data) return tl::unexpected(std::move(data.error()));
    auto entries = plan_calendar(*stored->plan, **data, HolidayCalendar::shipped());
    return PlanDates{std::move(*stored), std::move(entries)};
}

Response plan_calendar_route(WebApp& app, Request& request, const Principal&, Store& store) {
    auto dates = calendar_of(app, store, request.param("id"));
    if (!dates) return std::move(dates.error());
    const Date today = app.today();
    json out = json::array();
    for (const CalendarEntry& e : dates->entries)
        out.push_back(entry_json(e, today));
    return Response::json(
        200, {{"plan", request.param("id")}, {"today", today.iso()}, {"entries", out}});
}

Response all_calendars(WebApp& app, Request&, const Principal&, Store& store) {
    auto plans = store.latest_plans();
    if (!plans) return store_failure(plans.error());
    const Date today = app.today();
    std::vector<std::pair<CalendarEntry, json>> all;
    for (const PlanVersion& v : *plans) {
        auto dates = calendar_of(app, store, v.plan_id);
        if (!dates) continue;
        for (CalendarEntry& e : dates->entries) {
            json j = entry_json(e, today);
            j["plan"] = v.plan_id;
            j["plan_name"] = dates->plan.plan->spec.title;
            all.emplace_back(std::move(e), std::move(j));
        }
    }
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
        if (a.first.date && b.first.date) return *a.first.date < *b.first.date;
        return a.first.date.has_value() && !b.first.date.has_value();
    });
    json out = json::array();
    for (auto& [e, j] : all)
        out.push_back(std::move(j));
    return Response::json(200, {{"today", today.iso()}, {"entries", out}});
}

}  // namespace

void add_calendar_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/plans/{id}/calendar",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return plan_calendar_route(app, r, p, s);
               }));
    router.add("GET", "/api/v1/calendar",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return all_calendars(app, r, p, s);
               }));
}

}  // namespace thidua::web
