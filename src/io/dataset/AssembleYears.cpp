// The yearly rows become the flat arrays of Dataset once every file is read: the span of years
// is only known then. A second row for a (subject, year) slot is an error naming the first one.

#include <algorithm>
#include <span>
#include <unordered_map>

#include <fmt/format.h>

#include "base/HugePages.h"
#include "io/dataset/DatasetBuild.h"

namespace thidua::detail {
namespace {

struct YearSpan {
    int first = 0;
    int last = -1;
    void add(int year) {
        if (last < first) {
            first = last = year;
        } else {
            first = std::min(first, year);
            last = std::max(last, year);
        }
    }
};

YearSpan year_span(const DatasetBuild& build) {
    YearSpan span;
    for (const UnitYearRow& r : build.unit_years)
        span.add(r.year);
    for (const std::vector<PersonYearRow>& part : build.person_years)
        for (const PersonYearRow& r : part)
            span.add(r.year);
    for (const ComponentYearRow& r : build.component_years)
        span.add(r.value.year);
    for (const Event& e : build.data.events)
        span.add(e.year);
    return span;
}

// A file's rows in file order, in the parts they were read in.
template <class Row>
using RowParts = std::span<const std::vector<Row>>;

// Lines of the rows that first took the slots of `duplicates`. Looked up only when there are
// duplicates, so the clean path keeps no line per slot.
template <class Row, class SlotOf>
std::unordered_map<size_t, int> first_lines(RowParts<Row> parts,
                                            const std::vector<const Row*>& duplicates,
                                            SlotOf slot_of) {
    std::unordered_map<size_t, int> lines;
    for (const Row* d : duplicates)
        lines.emplace(slot_of(*d), 0);
    for (const std::vector<Row>& part : parts) {
        for (const Row& row : part) {
            const auto found = lines.find(slot_of(row));
            if (found != lines.end() && found->second == 0) found->second = row.line;
        }
    }
    return lines;
}

// Fills `present` slot by slot and reports every row whose slot is already taken; `write`
// stores the rows that are first in their slot.
template <class Row, class SlotOf, class Write, class Describe>
void place_rows(DatasetBuild& build, std::string_view file, RowParts<Row> parts,
                std::vector<uint8_t>& present, SlotOf slot_of, Write write, Describe describe) {
    std::vector<const Row*> duplicates;
    for (const std::vector<Row>& part : parts) {
        for (const Row& row : part) {
            const size_t slot = slot_of(row);
            if (present[slot]) {
                duplicates.push_back(&row);
                continue;
            }
            present[slot] = 1;
            write(row, slot);
        }
    }
    if (duplicates.empty()) return;
    const auto lines = first_lines(parts, duplicates, slot_of);
    for (const Row* d : duplicates) {
        const Row& row = *d;
        const int first = lines.at(slot_of(row));
        const auto [vi, en] = describe(row);
        build.report(file, row.line, "year", std::to_string(row.year),
                     fmt::format("Trùng dữ liệu: {} đã có ở dòng {}", vi, first),
                     fmt::format("duplicate row: {} is already on row {}", en, first));
    }
}

void fill_unit_years(DatasetBuild& build) {
    Dataset& d = build.data;
    UnitYears& uy = d.unit_years;
    const size_t n = d.units.size() * static_cast<size_t>(d.year_count);
    for (auto* column :
         {&uy.par_score, &uy.par_max, &uy.par_rank, &uy.satisfaction, &uy.task_completion})
        column->assign(n, NAN);
    for (auto* column : {&uy.par_rating, &uy.head_leads, &uy.compliance, &uy.excellent_achievement,
                         &uy.initiative, &uy.disciplined})
        column->assign(n, kUnknown);
    uy.present.assign(n, 0);
    const auto slot_of = [&](const UnitYearRow& r) { return d.slot(r.unit, r.year); };
    const auto write = [&](const UnitYearRow& r, size_t s) {
        uy.par_score[s] = r.par_score;
        uy.par_max[s] = r.par_max;
        uy.par_rank[s] = r.par_rank;
        uy.satisfaction[s] = r.satisfaction;
        uy.task_completion[s] = r.task_completion;
        uy.par_rating[s] = r.par_rating;
        uy.head_leads[s] = r.head_leads;
        uy.compliance[s] = r.compliance;
        uy.excellent_achievement[s] = r.excellent_achievement;
        uy.initiative[s] = r.initiative;
        uy.disciplined[s] = r.disciplined;
    };
    const auto describe = [&](const UnitYearRow& r) {
        const std::string& id = d.units[static_cast<size_t>(r.unit)].id;
        return std::pair{fmt::format("đơn vị {} năm {}", id, r.year),
                         fmt::format("unit {}, year {}", id, r.year)};
    };
    place_rows(build, "unit_years.csv", RowParts<UnitYearRow>(&build.unit_years, 1), uy.present,
               slot_of, write, describe);
}

void fill_person_years(DatasetBuild& build) {
    Dataset& d = build.data;
    PersonYears& py = d.person_years;
    const auto years = static_cast<size_t>(d.year_count);
    const size_t n = d.people.size() * years;
    reserve_huge(py.unit, n);
    py.unit.resize(n);
    for (size_t p = 0; p < d.people.size(); ++p)
        std::fill_n(py.unit.begin() + static_cast<ptrdiff_t>(p * years), years, d.people.unit[p]);
    for (auto* column : {&py.rating, &py.excellent_par, &py.initiative, &py.ethics_ok,
                         &py.initiative_level, &py.disciplined}) {
        reserve_huge(*column, n);
        column->assign(n, kUnknown);
    }
    reserve_huge(py.present, n);
    py.present.assign(n, 0);
    const auto slot_of = [&](const PersonYearRow& r) { return d.slot(r.person, r.year); };
    const auto write = [&](const PersonYearRow& r, size_t s) {
        if (r.unit != kNoIndex) py.unit[s] = r.unit;
        py.rating[s] = r.rating;
        py.excellent_par[s] = r.excellent_par;
        py.initiative[s] = r.initiative;
        py.initiative_level[s] = r.initiative_level;
        py.ethics_ok[s] = r.ethics_ok;
        py.disciplined[s] = r.disciplined;
    };
    const auto describe = [&](const PersonYearRow& r) {
        const std::string& id = d.people.id[static_cast<size_t>(r.person)];
        return std::pair{fmt::format("cá nhân {} năm {}", id, r.year),
                         fmt::format("person {}, year {}", id, r.year)};
    };
    place_rows(build, "person_years.csv", RowParts<PersonYearRow>(build.person_years), py.present,
               slot_of, write, describe);
}

struct ComponentRowView {
    const ComponentYearRow* row;
    int line;
    int year;
};

void fill_component_years(DatasetBuild& build) {
    Dataset& d = build.data;
    std::vector<ComponentRowView> rows;
    rows.reserve(build.component_years.size());
    for (const ComponentYearRow& r : build.component_years)
        rows.push_back({&r, r.line, r.value.year});
    std::vector<uint8_t> present(d.components.size() * static_cast<size_t>(d.year_count), 0);
    const auto slot_of = [&](const ComponentRowView& v) {
        return d.slot(v.row->value.component, v.year);
    };
    const auto write = [&](const ComponentRowView& v, size_t) {
        d.component_years.push_back(v.row->value);
    };
    const auto describe = [&](const ComponentRowView& v) {
        const std::string& id = d.components[static_cast<size_t>(v.row->value.component)];
        return std::pair{fmt::format("chỉ số thành phần {} năm {}", id, v.year),
                         fmt::format("component {}, year {}", id, v.year)};
    };
    place_rows(build, "component_years.csv", RowParts<ComponentRowView>(&rows, 1), present, slot_of,
               write, describe);
}

template <class T>
void release(std::vector<T>& v) {
    std::vector<T>().swap(v);
}

}  // namespace

void assemble_years(DatasetBuild& build) {
    const YearSpan span = year_span(build);
    build.data.first_year = span.last < span.first ? 0 : span.first;
    build.data.year_count = span.last < span.first ? 0 : span.last - span.first + 1;
    fill_unit_years(build);
    release(build.unit_years);
    fill_person_years(build);
    release(build.person_years);
    fill_component_years(build);
    release(build.component_years);
}

}  // namespace thidua::detail
