// events.csv and dossiers.csv: lists kept in file order (registrations.csv:
// ReadRegistrations.cpp).

#include "io/dataset/DatasetBuild.h"

namespace thidua::detail {
namespace {

namespace events {
enum Col : size_t { kEvent, kYear, kDate };
constexpr Column kColumns[] = {{"event", true}, {"year", true}, {"date", true}};
}  // namespace events

namespace dossiers {
enum Col : size_t { kSubject, kAward, kPeriod, kDocument, kCopies, kSubmittedOn };
constexpr Column kColumns[] = {
    {"subject_id", true}, {"award", true},   {"period", true},
    {"document", true},   {"copies", false}, {"submitted_on", false},
};
}  // namespace dossiers

// Event names are ids rather than a closed list: results-recognized and par-index-published are
// the ones the seed plans date their deadlines from, and a plan may name others.
void read_event_row(DatasetBuild& build, const TableReader& table) {
    using namespace events;
    const std::optional<std::string_view> event = table.id(kEvent);
    const std::optional<int> year = table.year(kYear);
    const std::optional<Date> date = table.recent_date(kDate);
    if (!event || !year || !date) return;
    build.data.events.push_back({std::string(*event), *year, *date});
}

void read_dossier_row(DatasetBuild& build, const TableReader& table) {
    using namespace dossiers;
    DossierDocument doc;
    const std::optional<Subject> subject = build.find_subject(table, kSubject);
    const std::optional<std::string_view> award = table.id(kAward);
    std::optional<std::string> period = table.period(kPeriod);
    const std::optional<std::string_view> document = table.id(kDocument);
    const std::optional<int64_t> copies = table.count(kCopies, 1);
    doc.submitted_on = table.recent_date(kSubmittedOn);
    if (!subject || !award || !period || !document) return;
    doc.subject = *subject;
    doc.award = std::string(*award);
    doc.period = std::move(*period);
    doc.document = std::string(*document);
    doc.copies = copies ? static_cast<int>(*copies) : 1;
    build.data.dossiers.push_back(std::move(doc));
}

}  // namespace

void read_events(DatasetBuild& build, std::string_view content) {
    TableReader table = build.table("events.csv", content, events::kColumns);
    while (table.next_row())
        read_event_row(build, table);
}

void read_dossiers(DatasetBuild& build, std::string_view content) {
    TableReader table = build.table("dossiers.csv", content, dossiers::kColumns);
    while (table.next_row())
        read_dossier_row(build, table);
}

}  // namespace thidua::detail
