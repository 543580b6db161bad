#pragma once
// A stored plan evaluated on the store's data, as the API and the pages need it: the plan's
// latest (or a given) version, the dataset, and the result, restricted to the plan's issuer's
// territory when the store knows the issuer unit. Failures come back as ready responses.

#include <memory>
#include <optional>
#include <string>

#include <tl/expected.hpp>

#include "eval/Evaluation.h"
#include "store/Store.h"
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
    EvaluationResult result;
};

// 400 for an unknown period (the message lists the plan's periods). `data`: the store's dataset
// when the caller already loaded it (several evaluations in one request); loaded when null. The
// council's stored decisions apply; `overlay` replaces the stored one of its group (a decision
// being checked before it is saved). `history`: the reading of merged units' earlier years the
// user chose instead of the plan's (?history=); nothing is cached, so each choice is evaluated.
tl::expected<StoredEvaluation, Response> evaluate_stored_plan(
    WebApp& app, Store& store, const std::string& plan_id, const std::string& period_id,
    std::shared_ptr<const Dataset> data = nullptr, const CouncilChoice* overlay = nullptr,
    std::optional<HistoryRule> history = std::nullopt);

// The period's evaluation as `who` may see it: 400 without a period; a don-vi user's restricted
// to their scope.
tl::expected<StoredEvaluation, Response> evaluate_for(
    WebApp& app, Store& store, const Principal& who, const std::string& plan_id,
    const std::string& period_id, std::optional<HistoryRule> history = std::nullopt);

// ?history=own|main|all|weighted: nullopt when absent or empty (the plan's rule); a 400 in the
// API's error shape for another value.
tl::expected<std::optional<HistoryRule>, Response> history_param(const Request& request);

// Drops every candidate, selection, tie and dossier outside the scope (a don-vi user's view).
void restrict_evaluation(EvaluationResult& result, const UnitScope& scope);

}  // namespace thidua::web
