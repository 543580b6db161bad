#pragma once
// Yearly results for the charts: a unit's index rate, satisfaction and rating by year, and the
// same years summarised over the units of its type (mean, min, max), and a group's spread in
// one year. The index rate is par_score / par_max × 100, as the plans read it.

#include <optional>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "store/Store.h"

namespace thidua::web {

std::optional<double> index_rate(const UnitYearRecord& row);

struct UnitResults {
    nlohmann::json years;        // [{year, index_rate, satisfaction, rating, task_completion}]
    nlohmann::json group_years;  // [{year, type, mean, min, max, count}]
};

tl::expected<UnitResults, StoreError> unit_results_json(Store& store, const UnitRecord& unit);

}  // namespace thidua::web
