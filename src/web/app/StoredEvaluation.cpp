#include "web/app/StoredEvaluation.h"

#include <algorithm>

#include <fmt/format.h>

#include "eval/Evaluator.h"
#include "web/app/Guard.h"

namespace thidua::web {
namespace {

bool visible(const EvaluationResult& r, const UnitScope& scope, Subject s) {
    const Dataset& data = *r.data;
    if (s.kind == SubjectKind::Unit) return scope.contains(data.units[s.index].id);
    const Index u = data.unit_of_person(s.index, r.period.last_year);
    return u != kNoIndex && scope.contains(data.units[u].id);
}

}  // namespace

tl::expected<StoredPlan, Response> find_stored_plan(WebApp& app, Store& store,
                                                    const std::string& plan_id,
                                                    std::optional<int> version) {
    auto found = store.find_plan(plan_id, version);
    if (!found) return tl::unexpected(store_failure(found.error()));
    if (!*found)
        return tl::unexpected(
            Response::error(404, "not_found",
                            fmt::format("Không có kế hoạch '{}'{}", plan_id,
                                        version ? fmt::format(" phiên bản {}", *version) : "")));
    auto compiled = app.plans().get(**found);
    if (!compiled) {
        std::string lines;
        for (const Diagnostic& d : compiled.error())
            lines += d.format() + "\n";
        return tl::unexpected(Response::error(
            500, "internal", "Phiên bản kế hoạch đã lưu không còn hợp lệ:\n" + lines));
    }
    return StoredPlan{std::move(**found), std::move(*compiled)};
}

tl::expected<StoredEvaluation, Response> evaluate_stored_plan(
    WebApp& app, Store& store, const std::string& plan_id, const std::string& period_id,
    std::shared_ptr<const Dataset> shared) {
    auto plan = find_stored_plan(app, store, plan_id);
    if (!plan) return tl::unexpected(std::move(plan.error()));
    const auto period = find_period(plan->plan->spec, period_id);
    if (!period)
        return tl::unexpected(
            Response::error(400, "bad_request",
                            fmt::format("Kỳ '{}' không có trong kế hoạch {} (các kỳ: {})",
                                        period_id, plan_id, period_list(plan->plan->spec))));
    if (!shared) {
        auto data = store.load_dataset_for_plan(plan_id);
        if (!data) return tl::unexpected(store_failure(data.error()));
        shared = std::make_shared<const Dataset>(std::move(*data));
    }
    EvaluateOptions options;
    options.within = issuer_unit(*plan->plan, *shared);
    EvaluationResult result = evaluate(*plan->plan, *shared, *period, options);
    return StoredEvaluation{std::move(*plan), std::move(shared), std::move(result)};
}

void restrict_evaluation(EvaluationResult& r, const UnitScope& scope) {
    if (scope.all()) return;
    auto hidden = [&](Subject s) { return !visible(r, scope, s); };
    for (AwardOutcome& award : r.awards) {
        for (GroupOutcome& g : award.groups) {
            std::erase_if(g.candidates,
                          [&](const CandidateOutcome& c) { return hidden(c.subject); });
            std::erase_if(g.selected, hidden);
            std::erase_if(g.tied, hidden);
        }
    }
    std::erase_if(r.dossiers, [&](const DossierOutcome& d) { return hidden(d.subject); });
}

}  // namespace thidua::web
