#include "web/app/YearlyResults.h"

#include <algorithm>
#include <map>

#include "web/app/JsonViews.h"

namespace thidua::web {

std::optional<double> index_rate(const UnitYearRecord& row) {
    if (!row.par_score || !row.par_max || *row.par_max <= 0) return std::nullopt;
    return *row.par_score / *row.par_max * 100.0;
}

namespace {

struct Spread {
    double sum = 0, min = 0, max = 0;
    int count = 0;
    void add(double v) {
        min = count == 0 ? v : std::min(min, v);
        max = count == 0 ? v : std::max(max, v);
        sum += v;
        ++count;
    }
};

json year_json(const UnitYearRecord& y) {
    return {{"year", y.year},
            {"index_rate", optional_number(index_rate(y))},
            {"par_score", optional_number(y.par_score)},
            {"par_max", optional_number(y.par_max)},
            {"satisfaction", optional_number(y.satisfaction)},
            {"task_completion", optional_number(y.task_completion)},
            {"rating", y.par_rating.empty() ? json(nullptr) : json(y.par_rating)}};
}

}  // namespace

tl::expected<UnitResults, StoreError> unit_results_json(Store& store, const UnitRecord& unit) {
    auto rows = store.list_unit_years({{}, std::nullopt, unit.type});
    if (!rows) return tl::unexpected(rows.error());
    UnitResults out{json::array(), json::array()};
    std::map<int, Spread> by_year;
    for (const UnitYearRecord& y : *rows) {
        if (y.unit_id == unit.id) out.years.push_back(year_json(y));
        if (auto rate = index_rate(y)) by_year[y.year].add(*rate);
    }
    for (const auto& [year, s] : by_year)
        out.group_years.push_back({{"year", year},
                                   {"type", unit.type},
                                   {"mean", s.sum / s.count},
                                   {"min", s.min},
                                   {"max", s.max},
                                   {"count", s.count}});
    return out;
}

}  // namespace thidua::web
