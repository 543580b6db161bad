#include "present/JsonReport.h"

#include <nlohmann/json.hpp>

#include "present/Explain.h"

namespace thidua {
namespace {

using json = nlohmann::ordered_json;

json ids(const Dataset& data, const std::vector<Subject>& subjects) {
    json out = json::array();
    for (const Subject& s : subjects)
        out.push_back(subject_id(data, s));
    return out;
}

json candidate_json(const CandidateOutcome& c, const EvaluationResult& r) {
    const Dataset& data = *r.data;
    json j;
    j["id"] = subject_id(data, c.subject);
    j["name"] = subject_name(data, c.subject);
    j["status"] = status_id(c.status);
    j["selected"] = c.selected;
    j["tied"] = c.tied;
    j["rank"] = c.rank ? json(*c.rank) : json(nullptr);
    if (c.subject.kind == SubjectKind::Person) {
        const Index u = data.has_year(r.period.last_year)
                            ? data.person_years.unit[data.slot(c.subject.index, r.period.last_year)]
                            : data.people.unit[c.subject.index];
        j["unit"] = u == kNoIndex ? json(nullptr) : json(data.units[u].id);
    }
    if (c.capped_out) j["capped_out"] = true;
    json criteria = json::array();
    for (const CriterionOutcome& co : c.criteria) {
        json cj;
        cj["id"] = co.criterion->id;
        cj["label"] = co.criterion->label;
        cj["result"] = expr::tri_id(co.result);
        cj["detail"] = explain(co, r, c.subject, Wording::Ids);
        criteria.push_back(std::move(cj));
    }
    j["criteria"] = std::move(criteria);
    json missing = json::array();
    for (const auto& m : c.missing)
        missing.push_back(missing_fact(m, data, c.subject));
    j["missing"] = std::move(missing);
    return j;
}

json group_json(const GroupOutcome& g, const EvaluationResult& r) {
    json j;
    j["group"] = g.group->id;
    if (g.group->plan_group >= 0) j["name"] = r.plan->spec.groups[g.group->plan_group].name;
    j["quota"] = g.group->quota ? json(*g.group->quota) : json(nullptr);
    j["selected"] = ids(*r.data, g.selected);
    j["tied"] = ids(*r.data, g.tied);
    j["open_seats"] = g.open_seats;
    json candidates = json::array();
    for (const CandidateOutcome& c : g.candidates)
        candidates.push_back(candidate_json(c, r));
    j["candidates"] = std::move(candidates);
    return j;
}

json dossier_json(const DossierOutcome& d, const EvaluationResult& r) {
    json j;
    j["subject"] = subject_id(*r.data, d.subject);
    j["award"] = d.award->spec->id;
    j["group"] = d.group;
    j["due"] = d.due ? json(d.due->iso()) : json(nullptr);
    if (!d.due_note.empty()) j["due_note"] = d.due_note;
    json docs = json::array();
    for (const DocumentOutcome& doc : d.documents) {
        json dj;
        dj["document"] = doc.document->id;
        dj["name"] = doc.document->name;
        dj["required"] = doc.required;
        dj["submitted"] = doc.submitted;
        if (doc.late) dj["late"] = true;
        docs.push_back(std::move(dj));
    }
    j["documents"] = std::move(docs);
    j["complete"] = d.complete;
    return j;
}

}  // namespace

void write_json(const EvaluationResult& r, std::ostream& out) {
    json j;
    j["plan"] = r.plan->spec.id;
    j["period"] = r.period.id;
    j["period_kind"] = r.period.is_phase ? "phase" : "annual";
    j["years"] = {r.period.first_year, r.period.last_year};
    json awards = json::array();
    for (const AwardOutcome& a : r.awards) {
        json aj;
        aj["award"] = a.award->spec->id;
        aj["name"] = a.award->spec->name;
        aj["kind"] = a.award->kind == AwardKind::Collective ? "collective" : "individual";
        json groups = json::array();
        for (const GroupOutcome& g : a.groups)
            groups.push_back(group_json(g, r));
        aj["groups"] = std::move(groups);
        awards.push_back(std::move(aj));
    }
    j["awards"] = std::move(awards);
    json dossiers = json::array();
    for (const DossierOutcome& d : r.dossiers)
        dossiers.push_back(dossier_json(d, r));
    j["dossiers"] = std::move(dossiers);
    out << j.dump(2) << '\n';
}

}  // namespace thidua
