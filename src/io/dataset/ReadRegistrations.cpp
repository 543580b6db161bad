// registrations.csv: a row per unit and person who registered for a period, kept in file order.
// A national file has hundreds of thousands of rows: its parts are read on all cores
// (ReadInParts.h), each reading its plain lines in one pass (PlainLine.h) and any other line
// through the TableReader, which checks and reports it.

#include <iterator>
#include <optional>
#include <string>

#include "io/dataset/CellParsers.h"
#include "io/dataset/DatasetBuild.h"
#include "io/dataset/PlainLine.h"
#include "io/dataset/ReadInParts.h"

namespace thidua::detail {
namespace {

enum Col : size_t { kSubject, kPeriod, kRegisteredOn };
constexpr Column kColumns[] = {{"subject_id", true}, {"period", true}, {"registered_on", true}};

struct RegistrationPart {
    DiagnosticSink sink;
    DatasetBuild::IdCache ids;
    std::vector<Registration> rows;
};

// Reads only the units' and people's tables, which nothing writes meanwhile.
void read_row(const DatasetBuild& build, const TableReader& table, RegistrationPart& part) {
    const std::optional<Subject> subject = build.find_subject(table, kSubject);
    std::optional<std::string> period = table.period(kPeriod);
    const std::optional<Date> registered_on = table.recent_date(kRegisteredOn);
    if (!subject || !period || !registered_on) return;
    part.rows.push_back({*subject, std::move(*period), *registered_on, false, {}});
}

// registrations.csv's plain lines (PlainLine.h): an id that names one unit or one person, and a
// period and a date made only of digits and dashes, read by the TableReader's own parsers.
class PlainLines {
public:
    explicit PlainLines(const DatasetBuild& build) : m_build(build) {}

    // The length of the line `text` starts with, line end included, once read into `row`; 0
    // when the line is not plain.
    size_t read(std::string_view text, Registration& row, DatasetBuild::IdCache& ids) const {
        PlainLine line(text);
        const std::string_view id = line.id();
        if (id.empty() || !line.comma()) return 0;
        const std::string_view period = line.id();  // digits and '-' are id characters
        if (!line.comma()) return 0;
        const std::string_view date = line.id();
        const size_t length = line.length_at_end();
        if (length == 0) return 0;
        std::optional<std::string> read_period = parse_period(period);
        const std::optional<Date> read_date = parse_date(date);
        if (!read_period || !read_date || read_date->year() < kMinYear ||
            read_date->year() > kMaxYear)
            return 0;
        const Index unit = m_build.lookup_unit(id, ids);
        const Index person = m_build.lookup_person(id, ids);
        if ((unit == kNoIndex) == (person == kNoIndex)) return 0;  // none, or both
        row.subject = unit != kNoIndex ? Subject{SubjectKind::Unit, unit}
                                       : Subject{SubjectKind::Person, person};
        row.period = std::move(*read_period);
        row.registered_on = *read_date;
        return length;
    }

private:
    const DatasetBuild& m_build;
};

void read_part(const DatasetBuild& build, const std::optional<PlainLines>& plain,
               TableReader& table, RegistrationPart& part) {
    read_plain_lines_first<Registration>(
        table,
        [&](std::string_view text, Registration& row) {
            return plain ? plain->read(text, row, part.ids) : 0;
        },
        [&](Registration&& row, int) { part.rows.push_back(std::move(row)); },
        [&](const TableReader& t) { read_row(build, t, part); });
}

}  // namespace

void read_registrations(DatasetBuild& build, std::string_view content) {
    const TableReader header = build.table("registrations.csv", content, kColumns);
    if (!header.usable()) return;
    std::optional<PlainLines> plain;
    if (header.header_is_column_list()) plain.emplace(build);
    std::vector<RegistrationPart> parts = read_parts<RegistrationPart>(
        header,
        [&](TableReader& table, RegistrationPart& part) { read_part(build, plain, table, part); },
        [](RegistrationPart& part, size_t rows) { part.rows.reserve(rows); });
    std::vector<Registration>& to = build.data.registrations;
    for (RegistrationPart& part : parts) {
        build.sink.absorb(std::move(part.sink));
        to.insert(to.end(), std::make_move_iterator(part.rows.begin()),
                  std::make_move_iterator(part.rows.end()));
    }
}

}  // namespace thidua::detail
