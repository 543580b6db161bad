// people.csv: one column per fact, pushed straight into the People columns.

#include <fmt/format.h>

#include "io/dataset/CellParsers.h"
#include "io/dataset/DatasetBuild.h"

namespace thidua::detail {
namespace {

enum Col : size_t { kId, kName, kUnit, kGender, kParRole, kResident, kComponent, kTags };
constexpr Column kColumns[] = {
    {"id", true},        {"name", true},      {"unit_id", true},    {"gender", false},
    {"par_role", false}, {"resident", false}, {"component", false}, {"tags", false},
};

Gender read_gender(const TableReader& table) {
    if (table.blank(kGender)) return Gender::Unknown;
    if (const std::optional<Gender> gender = parse_gender(table.cell(kGender))) return *gender;
    table.report(kGender, "Giới tính không hợp lệ (dùng nu hoặc nam)",
                 "invalid gender (use nu or nam)");
    return Gender::Unknown;
}

Index read_component(DatasetBuild& build, const TableReader& table) {
    const std::optional<std::string_view> id = table.id(kComponent);
    return id ? build.intern_component(*id) : kNoIndex;
}

void register_person(DatasetBuild& build, const TableReader& table, std::string_view id) {
    const auto index = static_cast<Index>(build.data.people.size());
    const auto [it, inserted] = build.data.person_by_id.emplace(std::string(id), index);
    if (inserted) return;
    const int first = build.person_line[static_cast<size_t>(it->second)];
    table.report(kId, fmt::format("Mã cá nhân bị trùng (đã dùng ở dòng {})", first),
                 fmt::format("duplicate person id (already used on row {})", first));
}

void read_person_row(DatasetBuild& build, const TableReader& table) {
    People& people = build.data.people;
    const std::optional<std::string_view> id = table.id(kId);
    if (id) register_person(build, table, *id);
    people.id.emplace_back(id.value_or(std::string_view()));
    people.name.push_back(table.text(kName));
    people.unit.push_back(build.find_unit(table, kUnit));
    people.gender.push_back(read_gender(table));
    people.par_role.push_back(table.flag(kParRole));
    people.resident.push_back(table.flag(kResident));
    people.component.push_back(read_component(build, table));
    people.tags.push_back(build.tags(table, kTags));
    build.person_line.push_back(table.line());
}

void reserve(DatasetBuild& build, size_t rows) {
    People& p = build.data.people;
    p.id.reserve(rows);
    p.name.reserve(rows);
    p.unit.reserve(rows);
    p.gender.reserve(rows);
    p.par_role.reserve(rows);
    p.resident.reserve(rows);
    p.component.reserve(rows);
    p.tags.reserve(rows);
    build.person_line.reserve(rows);
    build.data.person_by_id.reserve(rows);
}

}  // namespace

void read_people(DatasetBuild& build, std::string_view content) {
    reserve(build, estimate_rows(content));
    TableReader table("people.csv", content, kColumns, build.sink, false);
    while (table.next_row())
        read_person_row(build, table);
}

}  // namespace thidua::detail
