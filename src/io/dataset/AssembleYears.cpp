// The yearly rows become the flat arrays of Dataset once every file is read: the span of years
// is only known then. A second row for a (subject, year) slot is an error naming the first one.

#include <algorithm>
#include <array>
#include <span>
#include <unordered_map>

#include <fmt/format.h>

#include "base/HugePages.h"
#include "base/Threads.h"
#include "io/dataset/DatasetBuild.h"

namespace thidua::detail {
namespace {

YearRange year_span(const DatasetBuild& build) {
    YearRange span = build.person_year_range;
    for (const UnitYearRow& r : build.unit_years)
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

// Reports each of `duplicates` (in file order) naming the row that took its slot first.
template <class Row, class SlotOf, class Describe>
void report_duplicates(DatasetBuild& build, std::string_view file, RowParts<Row> parts,
                       const std::vector<const Row*>& duplicates, SlotOf slot_of,
                       Describe describe) {
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

// Fills `present` slot by slot, in file order, for the rows `mine` accepts; `write` stores the
// rows that are first in their slot, and the others are added to `duplicates`.
template <class Row, class SlotOf, class Write, class Mine>
void claim_slots(RowParts<Row> parts, std::vector<uint8_t>& present, SlotOf slot_of, Write write,
                 Mine mine, std::vector<const Row*>& duplicates) {
    for (const std::vector<Row>& part : parts) {
        for (const Row& row : part) {
            if (!mine(row)) continue;
            const size_t slot = slot_of(row);
            if (present[slot]) {
                duplicates.push_back(&row);
                continue;
            }
            present[slot] = 1;
            write(row, slot);
        }
    }
}

template <class Row, class SlotOf, class Write, class Describe>
void place_rows(DatasetBuild& build, std::string_view file, RowParts<Row> parts,
                std::vector<uint8_t>& present, SlotOf slot_of, Write write, Describe describe) {
    std::vector<const Row*> duplicates;
    claim_slots(
        parts, present, slot_of, write, [](const Row&) { return true; }, duplicates);
    report_duplicates(build, file, parts, duplicates, slot_of, describe);
}

// Rows of `parts` in file order: by part, then by place in the part.
template <class Row>
void sort_in_file_order(RowParts<Row> parts, std::vector<const Row*>& rows) {
    const auto part_of = [&](const Row* row) {
        for (size_t k = 0; k < parts.size(); ++k) {
            if (row >= parts[k].data() && row < parts[k].data() + parts[k].size()) return k;
        }
        return parts.size();
    };
    std::sort(rows.begin(), rows.end(), [&](const Row* a, const Row* b) {
        const size_t pa = part_of(a), pb = part_of(b);
        return pa != pb ? pa < pb : a < b;
    });
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

// The national person_years.csv is 12 million rows: its slots are set up and filled on all
// cores, each thread taking the people of one range. A slot belongs to one thread, which goes
// through the rows in file order as one thread would; only the duplicates are merged, in file
// order, to be reported as before.
void fill_person_years(DatasetBuild& build) {
    Dataset& d = build.data;
    PersonYears& py = d.person_years;
    const auto years = static_cast<size_t>(d.year_count);
    const size_t people = d.people.size();
    const size_t n = people * years;
    // Each column is written once as if no row had been read (the person's unit, nothing
    // known), the units on one thread and the codes on another.
    const std::array<std::vector<int8_t>*, 6> codes = {&py.rating,     &py.excellent_par,
                                                       &py.initiative, &py.initiative_level,
                                                       &py.ethics_ok,  &py.disciplined};
    run_parts(2, [&](size_t part) {
        if (part == 0) {
            reserve_huge(py.unit, n);
            for (size_t p = 0; p < people; ++p)
                py.unit.insert(py.unit.end(), years, d.people.unit[p]);
            return;
        }
        for (auto* column : codes) {
            reserve_huge(*column, n);
            column->assign(n, kUnknown);
        }
        reserve_huge(py.present, n);
        py.present.assign(n, 0);
    });
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
    const RowParts<PersonYearRow> parts(build.person_years);
    const size_t threads = people >= 20000 ? worker_threads() : 1;
    std::vector<std::vector<const PersonYearRow*>> duplicates(threads);
    run_parts(threads, [&](size_t t) {
        const size_t first = people * t / threads, end = people * (t + 1) / threads;
        const auto mine = [&](const PersonYearRow& r) {
            return static_cast<size_t>(r.person) >= first && static_cast<size_t>(r.person) < end;
        };
        claim_slots(parts, py.present, slot_of, write, mine, duplicates[t]);
    });
    std::vector<const PersonYearRow*> all;
    for (const auto& more : duplicates)
        all.insert(all.end(), more.begin(), more.end());
    sort_in_file_order(parts, all);
    const auto describe = [&](const PersonYearRow& r) {
        const std::string& id = d.people.id[static_cast<size_t>(r.person)];
        return std::pair{fmt::format("cá nhân {} năm {}", id, r.year),
                         fmt::format("person {}, year {}", id, r.year)};
    };
    report_duplicates(build, "person_years.csv", parts, all, slot_of, describe);
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
    const YearRange span = year_span(build);
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
