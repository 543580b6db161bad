#include "web/app/StoredEvaluation.h"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "auth/Tokens.h"
#include "eval/Evaluator.h"
#include "present/JsonReport.h"
#include "store/Clock.h"
#include "web/app/Guard.h"
#include "web/http/Gzip.h"

namespace thidua::web {
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

namespace {

using Datasets = EvaluationCache::Datasets;
using Evaluations = EvaluationCache::Evaluations;
using Bodies = EvaluationCache::Bodies;

bool visible(const EvaluationResult& r, const UnitScope& scope, Subject s) {
    const Dataset& data = *r.data;
    if (s.kind == SubjectKind::Unit) return scope.contains(data.units[s.index].id);
    const Index u = data.unit_of_person(s.index, r.period.last_year);
    return u != kNoIndex && scope.contains(data.units[u].id);
}

// Whose view of an evaluation: every unit's, or a don-vi user's unit subtree (UnitScope::of reads
// only the role, the user's unit and the units, which change with the data generation).
std::string scope_key(const Principal& who) {
    return sees_all_units(who) ? std::string() : "don-vi:" + who.user.unit_id;
}

tl::expected<std::shared_ptr<const LoadedDataset>, Response> dataset_at(WebApp& app, Store& store,
                                                                        const std::string& plan_id,
                                                                        const DataState& state) {
    EvaluationCache& cache = app.evaluations();
    return cache.datasets().get(DatasetKey{plan_id, state}, [&]() -> Datasets::Made {
        auto data = store.load_dataset_for_plan(plan_id);
        if (!data) return tl::unexpected(store_failure(data.error()));
        cache.dataset_loaded();
        return std::make_shared<const LoadedDataset>(std::move(*data));
    });
}

// Evaluates now, on the state's dataset: the plan's latest version and the council's decisions
// are read from the store, which holds them under the same generation.
tl::expected<SharedEvaluation, Response> run_evaluation(
    WebApp& app, Store& store, const std::string& plan_id, const std::string& period_id,
    std::optional<HistoryRule> history, const CouncilChoice* overlay, const DataState& state) {
    auto plan = find_stored_plan(app, store, plan_id);
    if (!plan) return tl::unexpected(std::move(plan.error()));
    const auto period = find_period(plan->plan->spec, period_id);
    if (!period)
        return tl::unexpected(
            Response::error(400, "bad_request",
                            fmt::format("Kỳ '{}' không có trong kế hoạch {} (các kỳ: {})",
                                        period_id, plan_id, period_list(plan->plan->spec))));
    auto loaded = dataset_at(app, store, plan_id, state);
    if (!loaded) return tl::unexpected(std::move(loaded.error()));
    EvaluateOptions options;
    options.within = issuer_unit(*plan->plan, (*loaded)->data);
    options.indexes = std::shared_ptr<const DataIndexes>(*loaded, &(*loaded)->indexes);
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
    app.evaluations().evaluation_run();
    auto out = std::make_shared<StoredEvaluation>();
    out->plan = std::move(*plan);
    out->data = std::shared_ptr<const Dataset>(*loaded, &(*loaded)->data);
    out->result = evaluate(*out->plan.plan, *out->data, *period, options);
    return SharedEvaluation(std::move(out));
}

tl::expected<SharedEvaluation, Response> whole_evaluation_at(WebApp& app, Store& store,
                                                             const std::string& plan_id,
                                                             const std::string& period_id,
                                                             std::optional<HistoryRule> history,
                                                             const DataState& state) {
    const EvaluationKey key{plan_id, period_id, history, {}, state};
    return app.evaluations().evaluations().get(key, [&] {
        return run_evaluation(app, store, plan_id, period_id, history, nullptr, state);
    });
}

tl::expected<SharedEvaluation, Response> evaluation_for_at(
    WebApp& app, Store& store, const Principal& who, const std::string& plan_id,
    const std::string& period_id, std::optional<HistoryRule> history, const DataState& state) {
    if (period_id.empty())
        return tl::unexpected(Response::error(
            400, "bad_request", "Cần chọn kỳ xét: ?period=2021-2025 hoặc ?period=2023"));
    if (sees_all_units(who))
        return whole_evaluation_at(app, store, plan_id, period_id, history, state);
    const EvaluationKey key{plan_id, period_id, history, scope_key(who), state};
    return app.evaluations().evaluations().get(key, [&]() -> Evaluations::Made {
        auto whole = whole_evaluation_at(app, store, plan_id, period_id, history, state);
        if (!whole) return whole;
        auto units = store.list_units();
        if (!units) return tl::unexpected(store_failure(units.error()));
        // A copy pointing into the same plan and dataset, less what the caller may not see.
        auto view = std::make_shared<StoredEvaluation>(**whole);
        restrict_evaluation(view->result, UnitScope::of(who, *units));
        return SharedEvaluation(std::move(view));
    });
}

// A strong entity tag from the bytes: two servers with the same data give the same tag.
std::string entity_tag(std::string_view bytes) {
    return "\"" + auth::sha256_hex(bytes).substr(0, 32) + "\"";
}

}  // namespace

tl::expected<DataState, Response> data_state(WebApp& app, Store& store) {
    auto generation = store.data_generation();
    if (!generation) return tl::unexpected(store_failure(generation.error()));
    // The day the loader dates the PAR tasks' completion by (store/YearlyLoad).
    const DataState state{*generation, store::vietnam_today()};
    app.evaluations().seen(state);
    return state;
}

tl::expected<std::shared_ptr<const Dataset>, Response> stored_dataset(WebApp& app, Store& store,
                                                                      const std::string& plan_id) {
    auto state = data_state(app, store);
    if (!state) return tl::unexpected(std::move(state.error()));
    auto loaded = dataset_at(app, store, plan_id, *state);
    if (!loaded) return tl::unexpected(std::move(loaded.error()));
    return std::shared_ptr<const Dataset>(*loaded, &(*loaded)->data);
}

tl::expected<SharedEvaluation, Response> evaluate_stored_plan(WebApp& app, Store& store,
                                                              const std::string& plan_id,
                                                              const std::string& period_id,
                                                              std::optional<HistoryRule> history) {
    auto state = data_state(app, store);
    if (!state) return tl::unexpected(std::move(state.error()));
    return whole_evaluation_at(app, store, plan_id, period_id, history, *state);
}

tl::expected<SharedEvaluation, Response> evaluate_with_decision(WebApp& app, Store& store,
                                                                const std::string& plan_id,
                                                                const std::string& period_id,
                                                                const CouncilChoice& overlay) {
    auto state = data_state(app, store);
    if (!state) return tl::unexpected(std::move(state.error()));
    return run_evaluation(app, store, plan_id, period_id, std::nullopt, &overlay, *state);
}

tl::expected<SharedEvaluation, Response> evaluate_for(WebApp& app, Store& store,
                                                      const Principal& who,
                                                      const std::string& plan_id,
                                                      const std::string& period_id,
                                                      std::optional<HistoryRule> history) {
    auto state = data_state(app, store);
    if (!state) return tl::unexpected(std::move(state.error()));
    return evaluation_for_at(app, store, who, plan_id, period_id, history, *state);
}

tl::expected<EvaluationBody, Response> evaluation_body(WebApp& app, Store& store,
                                                       const Principal& who,
                                                       const std::string& plan_id,
                                                       const std::string& period_id,
                                                       std::optional<HistoryRule> history,
                                                       const CandidatePage& page, bool gzipped) {
    auto state = data_state(app, store);
    if (!state) return tl::unexpected(std::move(state.error()));
    EvaluationCache& cache = app.evaluations();
    const EvaluationKey key{plan_id, period_id, history, scope_key(who), *state};
    const std::string page_key = page.key();
    auto write = [&]() -> Bodies::Made {
        auto e = evaluation_for_at(app, store, who, plan_id, period_id, history, *state);
        if (!e) return tl::unexpected(std::move(e.error()));
        auto selected = select_page((*e)->result, page);
        if (!selected) return tl::unexpected(std::move(selected.error()));
        std::ostringstream out;
        write_json_page((*e)->result, *selected, out);
        auto made = std::make_shared<JsonBody>();
        made->bytes = std::move(out).str();
        made->etag = entity_tag(made->bytes);
        cache.body_written();
        return std::shared_ptr<const JsonBody>(std::move(made));
    };
    Bodies::Source source = Bodies::Source::Made;
    // The compressed body is made from the written one, which is kept (or made) under its own key.
    auto body = gzipped
                    ? cache.bodies().get(
                          BodyKey{key, page_key, true},
                          [&]() -> Bodies::Made {
                              auto plain = cache.bodies().get(BodyKey{key, page_key, false}, write);
                              if (!plain) return plain;
                              auto made = std::make_shared<JsonBody>();
                              made->bytes = gzip((*plain)->bytes);
                              const std::string& tag = (*plain)->etag;
                              made->etag = tag.substr(0, tag.size() - 1) + "-gz\"";
                              return std::shared_ptr<const JsonBody>(std::move(made));
                          },
                          &source)
                    : cache.bodies().get(BodyKey{key, page_key, false}, write, &source);
    if (!body) return tl::unexpected(std::move(body.error()));
    return EvaluationBody{std::move(*body), source != Bodies::Source::Made};
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
