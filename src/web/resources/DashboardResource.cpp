// GET /api/v1/dashboard: the plans and their periods, the next deadlines and what needs action
// (ties for the council, candidates waiting on data, incomplete dossiers) in the latest periods.

#include <algorithm>

#include <fmt/format.h>

#include "eval/Deadlines.h"
#include "web/app/DossierBoard.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/PlanViews.h"
#include "web/app/StoredEvaluation.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

// Deadlines further back than this are history, not "next".
constexpr int kRecentDays = 30;

struct Board {
    Date today;
    json deadlines = json::array();
    json actions = json::array();
};

void add_deadline(Board& b, Date date, const PlanSpec& plan, std::string what, const char* kind) {
    if (date < b.today.plus_days(-kRecentDays)) return;
    b.deadlines.push_back({{"date", date.iso()},
                           {"plan", plan.id},
                           {"plan_name", plan.title},
                           {"what", std::move(what)},
                           {"kind", kind},
                           {"passed", date < b.today}});
}

void plan_deadlines(Board& b, const PlanSpec& plan) {
    for (const Period& p : plan_periods(plan))
        if (auto d = registration_deadline(plan, p))
            add_deadline(b, *d, plan, fmt::format("Hạn đăng ký thi đua kỳ {}", p.id),
                         "registration");
    for (const MilestoneSpec& m : plan.milestones)
        if (m.date) add_deadline(b, *m.date, plan, m.name, "event");
}

// The periods worth acting on: those under way and those ended within the last year.
std::vector<Period> recent_periods(const PlanSpec& plan, Date today) {
    std::vector<Period> out;
    for (const Period& p : plan_periods(plan))
        if (!(today < p.from) && p.last_year >= today.year() - 1) out.push_back(p);
    return out;
}

void add_action(Board& b, const PlanSpec& plan, const Period& p, std::string what, size_t count,
                const char* page = "ket-qua") {
    if (count == 0) return;
    b.actions.push_back({{"plan", plan.id},
                         {"plan_name", plan.title},
                         {"period", p.id},
                         {"what", std::move(what)},
                         {"count", count},
                         {"link", fmt::format("#/{}/{}/{}", page, plan.id, p.id)}});
}

// `records`: the application's dossiers of the period (uploads count towards completeness).
void period_actions(Board& b, const StoredEvaluation& e,
                    const std::vector<DossierRecord>& records) {
    const PlanSpec& plan = e.plan.plan->spec;
    const Period& p = e.result.period;
    size_t ties = 0, waiting = 0, open_dossiers = 0, to_receive = 0;
    for (const AwardOutcome& a : e.result.awards)
        for (const GroupOutcome& g : a.groups) {
            ties += g.tied.empty() ? 0 : static_cast<size_t>(g.open_seats);
            waiting += static_cast<size_t>(std::count_if(
                g.candidates.begin(), g.candidates.end(),
                [](const CandidateOutcome& c) { return c.status == Status::Incomplete; }));
        }
    for (const DossierEntry& d : dossier_entries(e.result, records, b.today)) {
        if (d.progress.status == DossierStatus::Submitted) ++to_receive;
        if (d.progress.state.complete) continue;
        ++open_dossiers;
        if (d.outcome->due)
            add_deadline(b, *d.outcome->due, plan,
                         fmt::format("Hạn nộp hồ sơ {} ({})", d.outcome->award->spec->name, p.id),
                         "dossier");
    }
    add_action(b, plan, p, "Chỉ tiêu đồng hạng chờ Hội đồng quyết định", ties);
    add_action(b, plan, p, "Ứng viên còn thiếu dữ liệu", waiting);
    add_action(b, plan, p, "Hồ sơ đề nghị chưa đủ", open_dossiers, "ho-so");
    add_action(b, plan, p, "Hồ sơ đã nộp chờ tiếp nhận", to_receive, "ho-so");
}

Response dashboard(WebApp& app, Request&, const Principal& who, Store& store) {
    Board board{today()};
    auto plans = store.latest_plans();
    if (!plans) return store_failure(plans.error());
    json summaries = json::array();
    for (const PlanVersion& v : *plans) {
        auto compiled = app.plans().get(v);
        if (!compiled) continue;
        const PlanSpec& spec = (*compiled)->spec;
        auto data = stored_dataset(app, store, spec.id);
        if (!data) return std::move(data.error());
        summaries.push_back(plan_summary_json(v, **compiled, board.today, data->get()));
        plan_deadlines(board, spec);
        for (const Period& p : recent_periods(spec, board.today)) {
            auto e = evaluate_for(app, store, who, spec.id, p.id);
            if (!e) continue;
            auto records = store.dossier_records(spec.id, p.id);
            if (!records) return store_failure(records.error());
            period_actions(board, **e, *records);
        }
    }
    std::stable_sort(board.deadlines.begin(), board.deadlines.end(),
                     [](const json& a, const json& b) { return a["date"] < b["date"]; });
    return Response::json(200, {{"today", board.today.iso()},
                                {"plans", summaries},
                                {"deadlines", board.deadlines},
                                {"actions", board.actions}});
}

}  // namespace

void add_dashboard_routes(Router& router, WebApp& app) {
    router.add("GET", "/api/v1/dashboard",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return dashboard(app, r, p, s);
               }));
}

}  // namespace thidua::web
