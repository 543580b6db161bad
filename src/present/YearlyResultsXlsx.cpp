#include "present/YearlyResultsXlsx.h"

#include <algorithm>

#include <fmt/format.h>

#include "io/xlsx/XlsxDatasetWriter.h"

namespace thidua {
namespace {

// Old unit index -> new one, kNoIndex for units left out; fills `out.units` in the order given.
std::vector<Index> copy_units(const Dataset& data, std::span<const Index> units, Dataset& out) {
    std::vector<Index> remap(data.units.size(), kNoIndex);
    for (Index u : units) {
        if (u < 0 || static_cast<size_t>(u) >= data.units.size()) continue;
        if (remap[static_cast<size_t>(u)] != kNoIndex) continue;
        remap[static_cast<size_t>(u)] = static_cast<Index>(out.units.size());
        out.units.push_back(data.units[static_cast<size_t>(u)]);
    }
    for (Unit& unit : out.units) {
        unit.parent = unit.parent == kNoIndex ? kNoIndex : remap[static_cast<size_t>(unit.parent)];
        std::vector<Index> successors;
        for (Index s : unit.successor_of)
            if (remap[static_cast<size_t>(s)] != kNoIndex)
                successors.push_back(remap[static_cast<size_t>(s)]);
        unit.successor_of = std::move(successors);
    }
    for (size_t i = 0; i < out.units.size(); ++i)
        out.unit_by_id[out.units[i].id] = static_cast<Index>(i);
    return remap;
}

// Copies one yearly column for the kept units and years.
template <class T>
void copy_years(const Dataset& data, const std::vector<Index>& remap, std::vector<T> UnitYears::*f,
                Dataset& out) {
    const std::vector<T>& from = data.unit_years.*f;
    std::vector<T>& to = out.unit_years.*f;
    to.resize(out.units.size() * static_cast<size_t>(out.year_count));
    for (size_t u = 0; u < remap.size(); ++u) {
        if (remap[u] == kNoIndex) continue;
        for (int y = out.first_year; y < out.first_year + out.year_count; ++y)
            to[out.slot(remap[u], y)] = from[data.slot(static_cast<Index>(u), y)];
    }
}

void copy_unit_years(const Dataset& data, const std::vector<Index>& remap, Dataset& out) {
    for (auto f : {&UnitYears::par_score, &UnitYears::par_max, &UnitYears::par_rank,
                   &UnitYears::satisfaction, &UnitYears::task_completion})
        copy_years(data, remap, f, out);
    for (auto f :
         {&UnitYears::par_rating, &UnitYears::head_leads, &UnitYears::compliance,
          &UnitYears::excellent_achievement, &UnitYears::initiative, &UnitYears::disciplined})
        copy_years(data, remap, f, out);
    copy_years(data, remap, &UnitYears::present, out);
}

// Components are renumbered in the order the kept rows first name them.
void copy_component_years(const Dataset& data, const std::vector<Index>& remap, Dataset& out) {
    std::vector<Index> component(data.components.size(), kNoIndex);
    for (const ComponentYear& c : data.component_years) {
        if (c.unit == kNoIndex || remap[static_cast<size_t>(c.unit)] == kNoIndex) continue;
        if (!out.has_year(c.year)) continue;
        Index& to = component[static_cast<size_t>(c.component)];
        if (to == kNoIndex) {
            to = static_cast<Index>(out.components.size());
            out.components.push_back(data.components[static_cast<size_t>(c.component)]);
        }
        ComponentYear row = c;
        row.component = to;
        row.unit = remap[static_cast<size_t>(c.unit)];
        out.component_years.push_back(row);
    }
}

}  // namespace

Dataset yearly_results_dataset(const Dataset& data, std::span<const Index> units, int first_year,
                               int last_year) {
    Dataset out;
    out.tag_names = data.tag_names;  // units keep their TagIds
    const std::vector<Index> remap = copy_units(data, units, out);
    const int from = std::max(first_year, data.first_year);
    const int to = std::min(last_year, data.first_year + data.year_count - 1);
    out.first_year = from;
    out.year_count = std::max(0, to - from + 1);
    out.has_unit_years = data.has_unit_years;
    out.has_component_years = data.has_component_years;
    if (out.year_count > 0) copy_unit_years(data, remap, out);
    copy_component_years(data, remap, out);
    return out;
}

tl::expected<void, Diagnostics> write_yearly_results_xlsx(const Dataset& data,
                                                          std::span<const Index> units,
                                                          int first_year, int last_year,
                                                          const std::filesystem::path& path) {
    const Dataset slice = yearly_results_dataset(data, units, first_year, last_year);
    XlsxDatasetLayout layout;
    layout.title = fmt::format("Kết quả hằng năm của các đơn vị, năm {}–{}", first_year, last_year);
    layout.vietnamese_titles = true;
    return write_dataset_xlsx(slice, path, layout);
}

}  // namespace thidua
