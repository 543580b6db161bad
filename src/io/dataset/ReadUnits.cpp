// units.csv: the unit tree. Parents and predecessors may be listed after the units that name
// them, so references are resolved once the whole file has been read.

#include <algorithm>

#include <fmt/format.h>

#include "io/dataset/DatasetBuild.h"

namespace thidua::detail {
namespace {

constexpr std::string_view kFile = "units.csv";

enum Col : size_t { kId, kName, kType, kParent, kTags, kSuccessorOf, kActiveFrom, kActiveTo };
constexpr Column kColumns[] = {
    {"id", true},    {"name", true},          {"type", true},         {"parent_id", false},
    {"tags", false}, {"successor_of", false}, {"active_from", false}, {"active_to", false},
};

std::string type_list() {
    std::string out;
    for (std::string_view id : unit_type_ids())
        out += (out.empty() ? "" : ", ") + std::string(id);
    return out;
}

UnitType read_type(const TableReader& table) {
    if (table.blank(kType)) return UnitType::Other;
    if (const std::optional<UnitType> type = parse_unit_type(table.cell(kType))) return *type;
    table.report(kType, fmt::format("Loại đơn vị không hợp lệ; dùng một trong: {}", type_list()),
                 fmt::format("invalid unit type; use one of: {}", type_list()));
    return UnitType::Other;
}

void read_active_dates(const TableReader& table, Unit& unit) {
    unit.active_from = table.date(kActiveFrom);
    unit.active_to = table.date(kActiveTo);
    if (unit.active_from && unit.active_to && *unit.active_to < *unit.active_from) {
        table.report(kActiveTo, "Ngày kết thúc hoạt động trước ngày bắt đầu (active_from)",
                     "active_to is before active_from");
    }
}

void register_unit(DatasetBuild& build, const TableReader& table, std::string_view id) {
    const auto index = static_cast<Index>(build.data.units.size());
    const auto [it, inserted] = build.data.unit_by_id.emplace(std::string(id), index);
    if (inserted) return;
    const int first = build.unit_line[static_cast<size_t>(it->second)];
    table.report(kId, fmt::format("Mã đơn vị bị trùng (đã dùng ở dòng {})", first),
                 fmt::format("duplicate unit id (already used on row {})", first));
}

void read_unit_row(DatasetBuild& build, const TableReader& table) {
    Unit unit;
    const std::optional<std::string_view> id = table.id(kId);
    if (id) {
        register_unit(build, table, *id);
        unit.id = std::string(*id);
    }
    unit.name = table.text(kName);
    unit.type = read_type(table);
    unit.tags = build.tags(table, kTags);
    read_active_dates(table, unit);
    UnitRefs refs;
    if (const std::optional<std::string_view> parent = table.id(kParent)) refs.parent = *parent;
    for (std::string_view s : table.id_list(kSuccessorOf))
        refs.successors.emplace_back(s);
    build.data.units.push_back(std::move(unit));
    build.unit_refs.push_back(std::move(refs));
    build.unit_line.push_back(table.line());
}

Index resolve(DatasetBuild& build, size_t unit, std::string_view field, const std::string& ref) {
    const auto found = build.data.unit_by_id.find(ref);
    if (found != build.data.unit_by_id.end()) return found->second;
    build.report(kFile, build.unit_line[unit], field, ref,
                 "Không có đơn vị nào mang mã này trong units.csv",
                 "no unit has this id in units.csv");
    return kNoIndex;
}

void resolve_references(DatasetBuild& build) {
    for (size_t i = 0; i < build.data.units.size(); ++i) {
        Unit& unit = build.data.units[i];
        const UnitRefs& refs = build.unit_refs[i];
        if (!refs.parent.empty()) unit.parent = resolve(build, i, "parent_id", refs.parent);
        for (const std::string& ref : refs.successors) {
            const Index predecessor = resolve(build, i, "successor_of", ref);
            if (predecessor == static_cast<Index>(i)) {
                build.report(kFile, build.unit_line[i], "successor_of", ref,
                             "Đơn vị không thể thay thế chính nó", "a unit cannot replace itself");
            } else if (predecessor != kNoIndex) {
                unit.add_predecessor(predecessor);
            }
        }
    }
}

void report_cycle(DatasetBuild& build, const std::vector<Index>& cycle) {
    Index first = cycle.front();
    std::string path;
    for (Index u : cycle) {
        if (build.unit_line[static_cast<size_t>(u)] < build.unit_line[static_cast<size_t>(first)])
            first = u;
        path += build.data.units[static_cast<size_t>(u)].id + " → ";
    }
    path += build.data.units[static_cast<size_t>(cycle.front())].id;
    const auto at = static_cast<size_t>(first);
    build.report(kFile, build.unit_line[at], "parent_id", build.unit_refs[at].parent,
                 fmt::format("Cây đơn vị có vòng lặp: {}", path),
                 fmt::format("the unit tree has a cycle: {}", path));
}

// Walks up from every unit once; a walk that meets its own path has found a cycle.
void check_cycles(DatasetBuild& build) {
    enum State : uint8_t { kNew, kOnPath, kDone };
    std::vector<State> state(build.data.units.size(), kNew);
    std::vector<Index> path;
    for (size_t start = 0; start < state.size(); ++start) {
        path.clear();
        Index u = static_cast<Index>(start);
        while (u != kNoIndex && state[static_cast<size_t>(u)] == kNew) {
            state[static_cast<size_t>(u)] = kOnPath;
            path.push_back(u);
            u = build.data.units[static_cast<size_t>(u)].parent;
        }
        if (u != kNoIndex && state[static_cast<size_t>(u)] == kOnPath) {
            const auto begin = std::find(path.begin(), path.end(), u);
            report_cycle(build, std::vector<Index>(begin, path.end()));
        }
        for (Index p : path)
            state[static_cast<size_t>(p)] = kDone;
    }
}

}  // namespace

void read_units(DatasetBuild& build, std::string_view content) {
    TableReader table = build.table(std::string(kFile), content, kColumns, true);
    while (table.next_row())
        read_unit_row(build, table);
    resolve_references(build);
    check_cycles(build);
}

}  // namespace thidua::detail
