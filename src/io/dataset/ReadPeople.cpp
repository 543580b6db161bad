// people.csv: one column per fact. A national file has millions of rows, so line-aligned parts
// are parsed and checked on all cores (CsvParts.h); what needs the shared tables (person ids,
// components, tags) is then done in file order on one thread.

#include <iterator>

#include <fmt/format.h>

#include "base/HugePages.h"
#include "io/dataset/CellParsers.h"
#include "io/dataset/DatasetBuild.h"
#include "io/dataset/ReadInParts.h"

namespace thidua::detail {
namespace {

enum Col : size_t { kId, kName, kUnit, kGender, kParRole, kResident, kComponent, kTags };
constexpr Column kColumns[] = {
    {"id", true},        {"name", true},      {"unit_id", true},    {"gender", false},
    {"par_role", false}, {"resident", false}, {"component", false}, {"tags", false},
};

// The rows of one part: the People columns that need nothing shared, and the ids still to
// intern. Views point into the file's text, which outlives the parts.
struct PeoplePart {
    DiagnosticSink sink;
    DatasetBuild::IdCache ids;
    People people;
    std::vector<uint32_t> id_hashes;  // IdIndex::hash_of each id
    std::vector<int> lines;
    std::vector<std::string_view> components;
    std::vector<std::vector<std::string_view>> tags;
};

Gender read_gender(const TableReader& table) {
    if (table.blank(kGender)) return Gender::Unknown;
    if (const std::optional<Gender> gender = parse_gender(table.cell(kGender))) return *gender;
    table.report(kGender, "Giới tính không hợp lệ (dùng nu hoặc nam)",
                 "invalid gender (use nu or nam)");
    return Gender::Unknown;
}

void read_person_row(const DatasetBuild& build, const TableReader& table, PeoplePart& part) {
    People& people = part.people;
    const std::string_view id = table.id(kId).value_or(std::string_view());
    people.id.emplace_back(id);
    part.id_hashes.push_back(IdIndex::hash_of(id));
    people.name.push_back(table.text(kName));
    people.unit.push_back(build.find_unit(table, kUnit, part.ids));
    people.gender.push_back(read_gender(table));
    people.par_role.push_back(table.flag(kParRole));
    people.resident.push_back(table.flag(kResident));
    part.components.push_back(table.id(kComponent).value_or(std::string_view()));
    part.tags.push_back(table.id_list(kTags));
    part.lines.push_back(table.line());
}

void reserve(People& p, size_t rows) {
    reserve_huge(p.id, rows);
    reserve_huge(p.name, rows);
    reserve_huge(p.unit, rows);
    reserve_huge(p.gender, rows);
    reserve_huge(p.par_role, rows);
    reserve_huge(p.resident, rows);
    reserve_huge(p.component, rows);
    reserve_huge(p.tags, rows);
}

void reserve_part(PeoplePart& part, std::string_view text) {
    const size_t rows = estimate_rows(text);
    reserve(part.people, rows);
    reserve_huge(part.lines, rows);
    reserve_huge(part.id_hashes, rows);
    reserve_huge(part.components, rows);
    reserve_huge(part.tags, rows);
}

void register_person(DatasetBuild& build, Index person, uint32_t hash, int line) {
    const std::string& id = build.data.people.id[static_cast<size_t>(person)];
    if (id.empty()) return;
    const Index earlier = build.data.person_index.insert_hashed(build.data.people.id, person, hash);
    if (earlier == kNoIndex) return;
    const int first = build.person_line[static_cast<size_t>(earlier)];
    build.report("people.csv", line, "id", id,
                 fmt::format("Mã cá nhân bị trùng (đã dùng ở dòng {})", first),
                 fmt::format("duplicate person id (already used on row {})", first));
}

template <typename T>
void append(std::vector<T>& to, std::vector<T>& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// Moves the part's rows into the dataset, in file order, interning what they name.
void add_part(DatasetBuild& build, PeoplePart& part) {
    People& to = build.data.people;
    People& from = part.people;
    const size_t first = to.size();
    append(to.id, from.id);
    append(to.name, from.name);
    append(to.unit, from.unit);
    append(to.gender, from.gender);
    append(to.par_role, from.par_role);
    append(to.resident, from.resident);
    append(build.person_line, part.lines);
    constexpr size_t kPrefetchAhead = 8;
    for (size_t row = 0; row < part.components.size(); ++row) {
        if (row + kPrefetchAhead < part.id_hashes.size())
            build.data.person_index.prefetch(part.id_hashes[row + kPrefetchAhead]);
        const std::string_view component = part.components[row];
        to.component.push_back(component.empty() ? kNoIndex : build.intern_component(component));
        const int line = build.person_line[first + row];
        to.tags.push_back(part.tags[row].empty()
                              ? std::vector<TagId>()
                              : build.intern_tags(part.tags[row], "people.csv", line));
        register_person(build, static_cast<Index>(first + row), part.id_hashes[row], line);
    }
    part = PeoplePart();
}

}  // namespace

void read_people(DatasetBuild& build, std::string_view content) {
    TableReader header = build.table("people.csv", content, kColumns);
    if (!header.usable()) return;
    // The rows read only units.csv's tables, which nothing writes meanwhile.
    std::vector<PeoplePart> parts = read_in_parts<PeoplePart>(
        header,
        [&](const TableReader& table, PeoplePart& part) { read_person_row(build, table, part); },
        reserve_part);
    size_t rows = 0;
    for (const PeoplePart& part : parts)
        rows += part.people.size();
    reserve(build.data.people, rows);
    reserve_huge(build.person_line, rows);
    build.data.person_index.reserve(rows);
    for (PeoplePart& part : parts) {
        build.sink.absorb(std::move(part.sink));
        add_part(build, part);
    }
}

}  // namespace thidua::detail
