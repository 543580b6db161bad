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

tl::expected<StoredEvaluation, Response> evaluate_stored_plan(WebApp& app, Store& store,
                                                              const std::string& plan_id,
                                                              const std::string& period_id,
                                                              std::shared_ptr<const Dataset> shared,
                                                              const CouncilChoice* overlay,
                                                              std::optional<HistoryRule> history) {
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
    options.history = history;
    // The council's decisions stand in for the ranking where they were made.
    auto council = store.council_decisions(plan_id, period->id);
    if (!council) return tl::unexpected(store_failure(council.error()));
    options.council = std::move(*council);
    if (overlay) {
        std::erase_if(options.council, [&](const CouncilChoice& c) {
            return c.award == overlay->award && c.group == overlay->group;
        });
        options.council.push_back(*overlay);
    }
    EvaluationResult result = evaluate(*plan->plan, *shared, *period, options);
    return StoredEvaluation{std::move(*plan), std::move(shared), std::move(result)};
}

tl::expected<StoredEvaluation, Response> evaluate_for(WebApp& app, Store& store,
                                                      const Principal& who,
                                                      const std::string& plan_id,
                                                      const std::string& period_id,
                                                      std::optional<HistoryRule> history) {
    if (period_id.empty())
        return tl::unexpected(Response::error(
            400, "bad_request", "Cần chọn kỳ xét: ?period=2021-2025 hoặc ?period=2023"));
    auto evaluation =
        evaluate_stored_plan(app, store, plan_id, period_id, nullptr, nullptr, history);
    if (!evaluation) return evaluation;
    if (!sees_all_units(who)) {
        auto units = store.list_units();
        if (!units) return tl::unexpected(store_failure(units.error()));
        restrict_evaluation(evaluation->result, UnitScope::of(who, *units));
    }
    return evaluation;
}

tl::expected<std::optional<HistoryRule>, Response> history_param(const Request& request) {
    const std::string value = request.query_param("history").value_or("");
    if (value.empty()) return std::optional<HistoryRule>();
    if (auto rule = parse_history_rule(value)) return rule;
    return tl::unexpected(Response::error(
        400, "bad_request",
        fmt::format("Cách xét lịch sử '{}' không hợp lệ (chọn own, main, all hoặc weighted)",
                    value)));
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
            if (g.council) {
                // The decision as far as the caller may see it: their own subjects only.
                std::erase_if(g.council->computed_selected, hidden);
                std::erase_if(g.council->computed_tied, hidden);
                g.council->choice.chosen.clear();
                for (const Subject& s : g.selected)
                    g.council->choice.chosen.push_back(s.kind == SubjectKind::Unit
                                                           ? r.data->units[s.index].id
                                                           : r.data->people.id[s.index]);
                g.council->ignored.clear();
            }
        }
    }
    std::erase_if(r.dossiers, [&](const DossierOutcome& d) { return hidden(d.subject); });
}

}  // namespace thidua::web
