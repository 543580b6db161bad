#include "web/app/DossierBoard.h"

#include <tuple>

#include "present/Explain.h"

namespace thidua::web {

std::map<std::string, int> current_uploads(const DossierRecord* record) {
    std::map<std::string, int> out;
    if (record == nullptr) return out;
    for (const DossierUpload& u : record->uploads)
        if (!u.withdrawn) ++out[u.document];
    return out;
}

std::vector<DossierEntry> dossier_entries(const EvaluationResult& result,
                                          const std::vector<DossierRecord>& records, Date today) {
    using Key = std::tuple<std::string, std::string, std::string>;  // award, kind, id
    std::map<Key, const DossierRecord*> by_key;
    for (const DossierRecord& r : records)
        by_key[{r.key.award, r.key.subject_kind, r.key.subject_id}] = &r;
    const Dataset& data = *result.data;
    std::vector<DossierEntry> out;
    for (const DossierOutcome& d : result.dossiers) {
        DossierEntry e;
        e.outcome = &d;
        e.subject_kind = d.subject.kind == SubjectKind::Unit ? "unit" : "person";
        e.subject_id = subject_id(data, d.subject);
        const Index unit = d.subject.kind == SubjectKind::Unit
                               ? d.subject.index
                               : data.unit_of_person(d.subject.index, result.period.last_year);
        if (unit != kNoIndex) e.unit_id = data.units[unit].id;
        if (const auto it = by_key.find({d.award->spec->id, e.subject_kind, e.subject_id});
            it != by_key.end())
            e.record = it->second;
        DossierProgress& p = e.progress;
        if (e.record) {
            p.status = parse_dossier_status(e.record->status()).value_or(DossierStatus::Draft);
            for (const DossierEvent& ev : e.record->events) {
                if (ev.to_status == "submitted" && !p.submitted_on)
                    p.submitted_on = Date::parse_iso(ev.on);
                if (ev.to_status == "decided") {
                    p.decision_number = ev.decision_number;
                    p.decision_date = ev.decision_date;
                }
            }
        }
        const auto uploads = current_uploads(e.record);
        for (const auto& [doc, n] : uploads)
            p.uploads += n;
        p.state = dossier_state(d, uploads, p.submitted_on, today);
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<DossierProgress> dossier_progress(const std::vector<DossierEntry>& entries) {
    std::vector<DossierProgress> out;
    out.reserve(entries.size());
    for (const DossierEntry& e : entries)
        out.push_back(e.progress);
    return out;
}

}  // namespace thidua::web
