// people.csv: one column per fact. A national file has millions of rows, so line-aligned parts
// are parsed and checked on all cores (CsvParts.h), plain lines in one pass (PlainLine.h); what
// needs the shared tables (person ids, components, tags) is then done in file order on one
// thread while another moves the columns into the dataset.

#include <iterator>
#include <optional>

#include <fmt/format.h>

#include "base/HugePages.h"
#include "base/Text.h"
#include "base/Threads.h"
#include "io/dataset/CellParsers.h"
#include "io/dataset/DatasetBuild.h"
#include "io/dataset/PlainLine.h"
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

// What one row of people.csv adds to a part, however it was read.
struct PersonRow {
    std::string_view id;
    std::string name;
    Index unit = kNoIndex;
    Gender gender = Gender::Unknown;
    int8_t par_role = kUnknown, resident = kUnknown;
    std::string_view component;
    std::vector<std::string_view> tags;
};

void append(PeoplePart& part, PersonRow&& row, int line) {
    People& people = part.people;
    people.id.emplace_back(row.id);
    part.id_hashes.push_back(IdIndex::hash_of(row.id));
    people.name.push_back(std::move(row.name));
    people.unit.push_back(row.unit);
    people.gender.push_back(row.gender);
    people.par_role.push_back(row.par_role);
    people.resident.push_back(row.resident);
    part.components.push_back(row.component);
    part.tags.push_back(std::move(row.tags));
    part.lines.push_back(line);
}

void read_row(const DatasetBuild& build, const TableReader& table, PeoplePart& part) {
    PersonRow row;
    row.id = table.id(kId).value_or(std::string_view());
    row.name = table.text(kName);
    row.unit = build.find_unit(table, kUnit, part.ids);
    row.gender = read_gender(table);
    row.par_role = table.flag(kParRole);
    row.resident = table.flag(kResident);
    row.component = table.id(kComponent).value_or(std::string_view());
    row.tags = table.id_list(kTags);
    append(part, std::move(row), table.line());
}

// people.csv's plain lines (PlainLine.h), in DATA.md's column order: a name with nothing to
// trim (NFC made here as the TableReader would), gender as `nu` or `nam`, tags as ids between
// semicolons.
class PlainLines {
public:
    explicit PlainLines(const DatasetBuild& build) : m_build(build) {}

    // The length of the line `text` starts with, line end included, once read into `row`; 0
    // when the line is not plain.
    size_t read(std::string_view text, PersonRow& row, DatasetBuild::IdCache& ids) const {
        PlainLine line(text);
        std::string_view name;
        row.id = line.id();
        if (row.id.empty() || !line.comma() || !line.text(name) || name.empty() || !line.comma())
            return 0;
        const std::string_view unit = line.id();
        if (unit.empty() || !line.comma() || !read_gender(line.id(), row.gender) || !line.comma())
            return 0;
        row.par_role = line.flag();
        if (!line.comma()) return 0;
        row.resident = line.flag();
        if (!line.comma()) return 0;
        row.component = line.id();
        if (!line.comma() || !read_tags(line, row.tags)) return 0;
        const size_t length = line.length_at_end();
        if (length == 0 || (!m_build.content_valid_utf8 && !is_valid_utf8(name))) return 0;
        row.unit = m_build.lookup_unit(unit, ids);
        if (row.unit == kNoIndex) return 0;
        row.name = m_build.content_nfc ? std::string(name) : to_nfc_of_valid(name);
        return length;
    }

private:
    static bool read_gender(std::string_view cell, Gender& gender) {
        if (cell.empty()) return true;
        if (cell == "nu" || cell == "nam") {
            gender = cell == "nu" ? Gender::Female : Gender::Male;
            return true;
        }
        return false;
    }

    // Ids between semicolons; an empty item is skipped, as TableReader::id_list does.
    static bool read_tags(PlainLine& line, std::vector<std::string_view>& tags) {
        for (;;) {
            const std::string_view tag = line.id();
            if (!tag.empty()) tags.push_back(tag);
            if (!line.semicolon()) return true;
        }
    }

    const DatasetBuild& m_build;
};

void read_part(const DatasetBuild& build, const std::optional<PlainLines>& plain,
               TableReader& table, PeoplePart& part) {
    read_plain_lines_first<PersonRow>(
        table,
        [&](std::string_view text, PersonRow& row) {
            return plain ? plain->read(text, row, part.ids) : 0;
        },
        [&](PersonRow&& row, int line) { append(part, std::move(row), line); },
        [&](const TableReader& t) { read_row(build, t, part); });
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

void reserve_part(PeoplePart& part, size_t rows) {
    reserve(part.people, rows);
    reserve_huge(part.lines, rows);
    reserve_huge(part.id_hashes, rows);
    reserve_huge(part.components, rows);
    reserve_huge(part.tags, rows);
}

template <typename T>
void append(std::vector<T>& to, std::vector<T>& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// The parts' rows as one table in file order, for the thread that indexes and interns them
// while the other moves their columns into the dataset: it reads only the parts' ids, hashes,
// lines, components and tags, which the other leaves alone (ids are copied, not moved).
class JoinedParts {
public:
    explicit JoinedParts(std::vector<PeoplePart>& parts) : m_parts(parts) {
        size_t first = 0;
        for (const PeoplePart& part : parts) {
            m_first.push_back(first);
            first += part.people.size();
        }
    }

    std::string_view id(Index row) const {
        const auto [part, at] = locate(row);
        return part.people.id[at];
    }
    int line(Index row) const {
        const auto [part, at] = locate(row);
        return part.lines[at];
    }

private:
    std::pair<const PeoplePart&, size_t> locate(Index row) const {
        const auto r = static_cast<size_t>(row);
        size_t k = m_first.size() - 1;
        while (m_first[k] > r)
            --k;
        return {m_parts[k], r - m_first[k]};
    }

    const std::vector<PeoplePart>& m_parts;
    std::vector<size_t> m_first;
};

// Indexes the ids, reporting repeats, and interns components and tags, in file order; the
// problems of each part go to its `joined` sink.
void index_and_intern(DatasetBuild& build, std::vector<PeoplePart>& parts,
                      std::vector<DiagnosticSink>& joined) {
    const JoinedParts rows(parts);
    const auto id_of = [&](Index row) { return rows.id(row); };
    People& to = build.data.people;
    IdIndex& index = build.data.person_index;
    constexpr size_t kPrefetchAhead = 8;
    Index person = 0;
    for (size_t k = 0; k < parts.size(); ++k) {
        const PeoplePart& part = parts[k];
        for (size_t row = 0; row < part.people.size(); ++row, ++person) {
            if (row + kPrefetchAhead < part.id_hashes.size())
                index.prefetch(part.id_hashes[row + kPrefetchAhead]);
            const std::string_view component = part.components[row];
            to.component.push_back(component.empty() ? kNoIndex
                                                     : build.intern_component(component));
            const int line = part.lines[row];
            to.tags.push_back(
                part.tags[row].empty()
                    ? std::vector<TagId>()
                    : build.intern_tags(part.tags[row], "people.csv", line, joined[k]));
            const std::string_view id = part.people.id[row];
            if (id.empty()) continue;
            const Index earlier = index.insert_hashed_with(id_of, person, part.id_hashes[row]);
            if (earlier == kNoIndex) continue;
            const int first = rows.line(earlier);
            DatasetBuild::report_to(
                joined[k], "people.csv", line, "id", id,
                fmt::format("Mã cá nhân bị trùng (đã dùng ở dòng {})", first),
                fmt::format("duplicate person id (already used on row {})", first));
        }
    }
}

// The parts' columns moved into the dataset, the ids copied (index_and_intern reads them).
void move_columns(DatasetBuild& build, std::vector<PeoplePart>& parts) {
    People& to = build.data.people;
    for (PeoplePart& part : parts) {
        People& from = part.people;
        to.id.insert(to.id.end(), from.id.begin(), from.id.end());
        append(to.name, from.name);
        append(to.unit, from.unit);
        append(to.gender, from.gender);
        append(to.par_role, from.par_role);
        append(to.resident, from.resident);
        build.person_line.insert(build.person_line.end(), part.lines.begin(), part.lines.end());
    }
}

}  // namespace

void read_people(DatasetBuild& build, std::string_view content) {
    TableReader header = build.table("people.csv", content, kColumns);
    if (!header.usable()) return;
    // The rows read only units.csv's tables, which nothing writes meanwhile.
    std::optional<PlainLines> plain;
    if (header.header_is_column_list()) plain.emplace(build);
    std::vector<PeoplePart> parts = read_parts<PeoplePart>(
        header, [&](TableReader& table, PeoplePart& part) { read_part(build, plain, table, part); },
        reserve_part);
    size_t rows = 0;
    for (const PeoplePart& part : parts)
        rows += part.people.size();
    reserve(build.data.people, rows);
    reserve_huge(build.person_line, rows);
    build.data.person_index.reserve(rows);
    // The joining is one thread's work in file order; the moving of columns is left to another.
    std::vector<DiagnosticSink> joined(parts.size());
    run_parts(2, [&](size_t job) {
        if (job == 0)
            index_and_intern(build, parts, joined);
        else
            move_columns(build, parts);
    });
    for (size_t k = 0; k < parts.size(); ++k) {
        build.sink.absorb(std::move(parts[k].sink));
        build.sink.absorb(std::move(joined[k]));
    }
}

}  // namespace thidua::detail
