#pragma once
// A stored plan evaluated on the store's data, as the API and the pages need it: the plan's
// latest (or a given) version, the dataset, and the result, restricted to the plan's issuer's
// territory when the store knows the issuer unit. Datasets, evaluations and the evaluation
// endpoint's bodies come from the application's EvaluationCache (see there what they are keyed
// on). Failures come back as ready responses.

#include <memory>
#include <optional>
#include <string>

#include <tl/expected.hpp>

#include "eval/Evaluation.h"
#include "store/Store.h"
#include "web/app/CandidatePage.h"
#include "web/app/EvaluationCache.h"
#include "web/app/Principal.h"
#include "web/app/UnitScope.h"
#include "web/app/WebApp.h"
#include "web/http/Request.h"
#include "web/http/Response.h"

namespace thidua::web {

struct StoredPlan {
    PlanVersion version;
    std::shared_ptr<const CompiledPlan> plan;
};

// 404 when there is no such plan; 500 when a stored version no longer compiles.
tl::expected<StoredPlan, Response> find_stored_plan(WebApp& app, Store& store,
                                                    const std::string& plan_id,
                                                    std::optional<int> version = std::nullopt);

struct StoredEvaluation {
    StoredPlan plan;
    std::shared_ptr<const Dataset> data;
    EvaluationResult result;  // points into `plan` and `data`
};

// Evaluations are shared by the requests that ask for the same one (EvaluationCache): immutable.
using SharedEvaluation = std::shared_ptr<const StoredEvaluation>;

// The store's data generation and today's date in Vietnam: what every cached value is keyed on.
// One query; values of older states are dropped from the cache.
tl::expected<DataState, Response> data_state(WebApp& app, Store& store);

// The store's dataset for the plan (Store::load_dataset_for_plan), loaded once per data state.
tl::expected<std::shared_ptr<const Dataset>, Response> stored_dataset(WebApp& app, Store& store,
                                                                      const std::string& plan_id);

// The period's evaluation of the plan's latest version within its issuer's territory, with the
// council's stored decisions; 400 for an unknown period (the message lists the plan's periods).
// `history`: the reading of merged units' earlier years the user chose instead of the plan's
// (?history=). Evaluated once per data state and shared.
tl::expected<SharedEvaluation, Response> evaluate_stored_plan(
    WebApp& app, Store& store, const std::string& plan_id, const std::string& period_id,
    std::optional<HistoryRule> history = std::nullopt);

// The same with `overlay` in place of the council's stored decision of its group: a decision
// being checked before it is saved. Evaluated for this request only (on the shared dataset).
tl::expected<SharedEvaluation, Response> evaluate_with_decision(WebApp& app, Store& store,
                                                                const std::string& plan_id,
                                                                const std::string& period_id,
                                                                const CouncilChoice& overlay);

// The period's evaluation as `who` may see it: 400 without a period; a don-vi user's restricted
// to their scope (kept per unit like the whole one).
tl::expected<SharedEvaluation, Response> evaluate_for(
    WebApp& app, Store& store, const Principal& who, const std::string& plan_id,
    const std::string& period_id, std::optional<HistoryRule> history = std::nullopt);

// The evaluation endpoint's body (`thidua evaluate --format json`, with only the candidates of
// `page`) as `who` may see it, written (and, with `gzipped`, compressed) once per data state,
// scope and page. `kept`: it was found made, not made by this request.
struct EvaluationBody {
    std::shared_ptr<const JsonBody> body;
    bool kept = false;
};
tl::expected<EvaluationBody, Response> evaluation_body(WebApp& app, Store& store,
                                                       const Principal& who,
                                                       const std::string& plan_id,
                                                       const std::string& period_id,
                                                       std::optional<HistoryRule> history,
                                                       const CandidatePage& page, bool gzipped);

// ?history=own|main|all|weighted: nullopt when absent or empty (the plan's rule); a 400 in the
// API's error shape for another value.
tl::expected<std::optional<HistoryRule>, Response> history_param(const Request& request);

// Drops every candidate, selection, tie and dossier outside the scope (a don-vi user's view).
void restrict_evaluation(EvaluationResult& result, const UnitScope& scope);

}  // namespace thidua::web
