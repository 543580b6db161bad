// unit_years.csv and component_years.csv: parsed and checked row by row, then held as compact
// rows until assemble_years() knows the span of years (person_years.csv: ReadPersonYears.cpp).

#include <cmath>

#include <fmt/format.h>

#include "io/dataset/DatasetBuild.h"

namespace thidua::detail {
namespace {

namespace unit_years {
enum Col : size_t {
    kUnit,
    kYear,
    kParScore,
    kParMax,
    kParRating,
    kParRank,
    kSatisfaction,
    kTaskCompletion,
    kHeadLeads,
    kCompliance,
    kExcellentAchievement,
    kInitiative,
    kDisciplined,
};
constexpr Column kColumns[] = {
    {"unit_id", true},
    {"year", true},
    {"par_score", false},
    {"par_max", false},
    {"par_rating", false},
    {"par_rank", false},
    {"satisfaction", false},
    {"task_completion", false},
    {"head_leads", false},
    {"compliance", false},
    {"excellent_achievement", false},
    {"initiative", false},
    {"disciplined", false},
};
}  // namespace unit_years

namespace component_years {
enum Col : size_t { kComponent, kUnit, kYear, kScore, kMax };
constexpr Column kColumns[] = {
    {"component_id", true}, {"unit_id", true}, {"year", true}, {"score", true}, {"max", true},
};
}  // namespace component_years

// A maximum must be positive and a score must lie in 0..maximum (when the maximum is known).
void check_score(const TableReader& table, size_t score_col, size_t max_col, double score,
                 double max) {
    if (!std::isnan(max) && max <= 0) {
        table.report(max_col, "Điểm tối đa phải lớn hơn 0", "the maximum must be greater than 0");
        max = NAN;
    }
    if (std::isnan(score)) return;
    if (score < 0) {
        table.report(score_col, "Điểm không được âm", "the score must not be negative");
    } else if (!std::isnan(max) && score > max) {
        table.report(score_col, fmt::format("Điểm lớn hơn điểm tối đa ({})", max),
                     fmt::format("the score is greater than the maximum ({})", max));
    }
}

double read_rank(const TableReader& table, size_t col) {
    const std::optional<int64_t> rank = table.count(col, 1);
    return rank ? static_cast<double>(*rank) : NAN;
}

void read_unit_year_row(DatasetBuild& build, const TableReader& table) {
    using namespace unit_years;
    UnitYearRow row;
    row.line = table.line();
    row.unit = build.find_unit(table, kUnit);
    const std::optional<int> year = table.year(kYear);
    row.par_score = table.number(kParScore);
    row.par_max = table.number(kParMax);
    check_score(table, kParScore, kParMax, row.par_score, row.par_max);
    row.par_rating = table.scale(kParRating, par_rating_scale());
    row.par_rank = read_rank(table, kParRank);
    row.satisfaction = table.percentage(kSatisfaction);
    row.task_completion = table.percentage(kTaskCompletion);
    row.head_leads = table.flag(kHeadLeads);
    row.compliance = table.flag(kCompliance);
    row.excellent_achievement = table.flag(kExcellentAchievement);
    row.initiative = table.flag(kInitiative);
    row.disciplined = table.disciplined(kDisciplined);
    if (row.unit == kNoIndex || !year) return;
    row.year = *year;
    build.unit_years.push_back(row);
}

void read_component_year_row(DatasetBuild& build, const TableReader& table) {
    using namespace component_years;
    ComponentYearRow row;
    row.line = table.line();
    const std::optional<std::string_view> component = table.id(kComponent);
    if (component) row.value.component = build.intern_component(*component);
    row.value.unit = build.find_unit(table, kUnit);
    const std::optional<int> year = table.year(kYear);
    row.value.score = table.number(kScore);
    row.value.max = table.number(kMax);
    check_score(table, kScore, kMax, row.value.score, row.value.max);
    if (!component || row.value.unit == kNoIndex || !year) return;
    row.value.year = *year;
    build.component_years.push_back(row);
}

}  // namespace

void read_unit_years(DatasetBuild& build, std::string_view content) {
    TableReader table = build.table("unit_years.csv", content, unit_years::kColumns);
    while (table.next_row())
        read_unit_year_row(build, table);
}

void read_component_years(DatasetBuild& build, std::string_view content) {
    TableReader table = build.table("component_years.csv", content, component_years::kColumns);
    while (table.next_row())
        read_component_year_row(build, table);
}

}  // namespace thidua::detail
