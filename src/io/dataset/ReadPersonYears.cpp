// person_years.csv, the largest file of a dataset (a row a person a year: 12 million for the
// nation over five years). Its parts are read on all cores (ReadInParts.h), each reading its
// plain lines in one pass (PlainLine.h) and any other line through the TableReader, which checks
// and reports it. Rows are held as compact PersonYearRows until assemble_years().

#include <cstdint>
#include <optional>
#include <vector>

#include "base/HugePages.h"
#include "io/dataset/CellParsers.h"
#include "io/dataset/DatasetBuild.h"
#include "io/dataset/PlainLine.h"
#include "io/dataset/ReadInParts.h"

namespace thidua::detail {
namespace {

enum Col : size_t {
    kPerson,
    kYear,
    kUnit,
    kRating,
    kExcellentPar,
    kInitiative,
    kInitiativeLevel,
    kEthicsOk,
    kDisciplined,
};
constexpr Column kColumns[] = {
    {"person_id", true},         {"year", true},           {"unit_id", false},
    {"rating", false},           {"excellent_par", false}, {"initiative", false},
    {"initiative_level", false}, {"ethics_ok", false},     {"disciplined", false},
};

// One line-aligned part of person_years.csv, read on its own thread.
struct PersonYearPart {
    DiagnosticSink sink;
    DatasetBuild::IdCache ids;
    std::vector<PersonYearRow> rows;
    YearRange years;
};

void read_row(const DatasetBuild& build, const TableReader& table, PersonYearPart& part) {
    PersonYearRow row;
    row.line = table.line();
    row.person = build.find_person(table, kPerson, part.ids);
    const std::optional<int> year = table.year(kYear);
    row.unit = build.find_unit(table, kUnit, part.ids);
    row.rating = table.scale(kRating, person_rating_scale());
    row.excellent_par = table.flag(kExcellentPar);
    row.initiative = table.flag(kInitiative);
    row.initiative_level = table.scale(kInitiativeLevel, initiative_level_scale());
    row.ethics_ok = table.flag(kEthicsOk);
    row.disciplined = table.disciplined(kDisciplined);
    if (row.person == kNoIndex || !year) return;
    row.year = static_cast<int16_t>(*year);
    part.rows.push_back(row);
    part.years.add(row.year);
}

// A scale's ids packed eight bytes to a word, so that a cell is matched without a string
// compare; an id longer than that never matches here (the TableReader reads it).
class PackedScale {
public:
    explicit PackedScale(const Scale& scale) {
        for (std::string_view id : scale.ids)
            m_ids.push_back(id.size() <= 8 ? pack(id) : 0);
    }
    // The code of the id `cell` spells, kUnknown when blank; nullopt for anything else. The
    // cell is a run of id characters (PlainLine::id), so it holds no zero byte to confuse the
    // packing.
    std::optional<int8_t> code_of(std::string_view cell) const {
        if (cell.empty()) return kUnknown;
        if (cell.size() > 8) return std::nullopt;
        const uint64_t word = pack(cell);
        for (size_t code = 0; code < m_ids.size(); ++code) {
            if (m_ids[code] == word) return static_cast<int8_t>(code);
        }
        return std::nullopt;
    }

private:
    static uint64_t pack(std::string_view text) {
        uint64_t word = 0;
        for (size_t i = 0; i < text.size(); ++i)
            word |= uint64_t{static_cast<unsigned char>(text[i])} << (8 * i);
        return word;
    }

    std::vector<uint64_t> m_ids;
};

class PlainLines {
public:
    explicit PlainLines(const DatasetBuild& build)
        : m_build(build),
          m_rating(person_rating_scale()),
          m_initiative_level(initiative_level_scale()) {}

    // The length of the line `text` starts with, line end included, once read into `row`
    // (all but its line number); 0 when the line is not plain.
    size_t read(std::string_view text, PersonYearRow& row, DatasetBuild::IdCache& ids) const {
        PlainLine line(text);
        const std::string_view person = line.id();
        if (person.empty() || !line.comma() || !line.year(row.year) || !line.comma()) return 0;
        const std::string_view unit = line.id();
        if (!line.comma()) return 0;
        const std::optional<int8_t> rating = m_rating.code_of(line.id());
        if (!rating || !line.comma()) return 0;
        row.excellent_par = line.flag();
        if (!line.comma()) return 0;
        row.initiative = line.flag();
        if (!line.comma()) return 0;
        const std::optional<int8_t> level = m_initiative_level.code_of(line.id());
        if (!level || !line.comma()) return 0;
        row.ethics_ok = line.flag();
        if (!line.comma()) return 0;
        row.disciplined = line.flag();
        const size_t length = line.length_at_end();
        if (length == 0) return 0;
        row.rating = *rating;
        row.initiative_level = *level;
        row.person = m_build.lookup_person(person, ids);
        if (!unit.empty()) row.unit = m_build.lookup_unit(unit, ids);
        if (row.person == kNoIndex || (!unit.empty() && row.unit == kNoIndex)) return 0;
        return length;
    }

private:
    const DatasetBuild& m_build;
    PackedScale m_rating, m_initiative_level;
};

void read_part(const DatasetBuild& build, const std::optional<PlainLines>& plain,
               TableReader& table, PersonYearPart& part) {
    read_plain_lines_first<PersonYearRow>(
        table,
        [&](std::string_view text, PersonYearRow& row) {
            return plain ? plain->read(text, row, part.ids) : 0;
        },
        [&](PersonYearRow&& row, int line) {
            row.line = line;
            part.rows.push_back(row);
            part.years.add(row.year);
        },
        [&](const TableReader& t) { read_row(build, t, part); });
}

}  // namespace

void read_person_years(DatasetBuild& build, std::string_view content) {
    TableReader header = build.table("person_years.csv", content, kColumns);
    if (!header.usable()) return;
    std::optional<PlainLines> plain;
    if (header.header_is_column_list()) plain.emplace(build);
    // The rows read only the Dataset's maps and columns, which nothing writes meanwhile.
    std::vector<PersonYearPart> parts = read_parts<PersonYearPart>(
        header,
        [&](TableReader& table, PersonYearPart& part) { read_part(build, plain, table, part); },
        [](PersonYearPart& part, size_t rows) { reserve_huge(part.rows, rows); });
    for (PersonYearPart& part : parts) {
        build.sink.absorb(std::move(part.sink));
        build.person_years.push_back(std::move(part.rows));
        build.person_year_range.add(part.years);
    }
}

}  // namespace thidua::detail
