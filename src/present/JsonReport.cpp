#include "present/JsonReport.h"

#include <nlohmann/json.hpp>

#include <cmath>

#include "present/Explain.h"

namespace thidua {
namespace {

using json = nlohmann::ordered_json;

json unit_ids(const Dataset& data, const std::vector<Index>& units) {
    json out = json::array();
    for (Index u : units)
        out.push_back(data.units[static_cast<size_t>(u)].id);
    return out;
}

// How the 2025 reorganisation touched the decision: for the council and the "why not us?".
json lineage_json(const LineageOutcome& l, const Dataset& data) {
    json j;
    if (l.merged) {
        j["merged"] = true;
        j["predecessors"] = unit_ids(data, l.predecessors);
        j["main_predecessor"] = l.main_predecessor == kNoIndex
                                    ? json(nullptr)
                                    : json(data.units[static_cast<size_t>(l.main_predecessor)].id);
        j["depends_on_rule"] = l.depends_on_rule;
        json by_rule = json::object();
        for (const auto& [rule, status] : l.by_rule)
            by_rule[std::string(history_rule_id(rule))] = status_id(status);
        j["by_rule"] = std::move(by_rule);
    }
    if (l.closed) {
        j["closed"] = true;
        j["closed_on"] = l.closed_on ? json(l.closed_on->iso()) : json(nullptr);
        j["last_year"] = l.last_year;
        j["successors"] = unit_ids(data, l.successors);
        j["competes"] = l.competes;
        j["award_to"] = l.award_to == kNoIndex
                            ? json(nullptr)
                            : json(data.units[static_cast<size_t>(l.award_to)].id);
    }
    j["note"] = l.note;
    return j;
}

}  // namespace

nlohmann::ordered_json candidate_json(const CandidateOutcome& c, const EvaluationResult& r) {
    const Dataset& data = *r.data;
    json j;
    j["id"] = subject_id(data, c.subject);
    j["name"] = subject_name(data, c.subject);
    j["status"] = status_id(c.status);
    j["selected"] = c.selected;
    j["tied"] = c.tied;
    j["rank"] = c.rank ? json(*c.rank) : json(nullptr);
    if (c.subject.kind == SubjectKind::Person) {
        const Index u = data.unit_of_person(c.subject.index, r.period.last_year);
        j["unit"] = u == kNoIndex ? json(nullptr) : json(data.units[u].id);
    }
    if (c.capped_out) j["capped_out"] = true;
    if (c.status == Status::Eligible) {
        // The values the order was decided on (what is certain of each key), for the council.
        json keys = json::array();
        for (double k : c.keys)
            keys.push_back(std::isfinite(k) ? json(k) : json(nullptr));
        j["ranking_keys"] = std::move(keys);
    }
    json criteria = json::array();
    for (const CriterionOutcome& co : c.criteria) {
        json cj;
        cj["id"] = co.criterion->id;
        cj["label"] = co.criterion->label;
        cj["result"] = expr::tri_id(co.result);
        cj["detail"] = explain(co, r, c.subject, Wording::Ids);
        cj["reason"] = explain(co, r, c.subject, Wording::Vietnamese);
        criteria.push_back(std::move(cj));
    }
    j["criteria"] = std::move(criteria);
    json missing = json::array();
    for (const auto& m : c.missing)
        missing.push_back(missing_fact(m, data, c.subject));
    j["missing"] = std::move(missing);
    j["needs"] = missing_facts_vi(c.missing, data, c.subject);
    if (c.lineage) j["lineage"] = lineage_json(*c.lineage, data);
    return j;
}

nlohmann::json subject_ids(const Dataset& data, const std::vector<Subject>& subjects) {
    nlohmann::json out = nlohmann::json::array();
    for (const Subject& s : subjects)
        out.push_back(subject_id(data, s));
    return out;
}

nlohmann::ordered_json group_head_json(const GroupOutcome& g, const EvaluationResult& r) {
    json head;
    head["group"] = g.group->id;
    if (g.group->plan_group >= 0) head["name"] = r.plan->spec.groups[g.group->plan_group].name;
    head["quota"] = g.group->quota ? json(*g.group->quota) : json(nullptr);
    head["selected"] = subject_ids(*r.data, g.selected);
    head["tied"] = subject_ids(*r.data, g.tied);
    head["open_seats"] = g.open_seats;
    if (g.council) head["council"] = council_json(*g.council, *r.data);
    return head;
}

// The council's decision beside the ranking's: "selected" is then the council's choice.
nlohmann::json council_json(const CouncilOutcome& c, const Dataset& data) {
    return {{"chosen", c.choice.chosen},
            {"computed_selected", subject_ids(data, c.computed_selected)},
            {"computed_tied", subject_ids(data, c.computed_tied)},
            {"computed_open_seats", c.computed_open_seats},
            {"departs", c.departs},
            {"ignored", c.ignored},
            {"votes", c.choice.votes},
            {"minutes_number", c.choice.minutes_number},
            {"minutes_date", c.choice.minutes_date},
            {"reason", c.choice.reason},
            {"decided_by", c.choice.decided_by},
            {"decided_at", c.choice.decided_at}};
}

namespace {

// Groups are written candidate by candidate so that a national run (millions of people) never
// holds the whole document in memory: each candidate is one small JSON object on its own line.
// With a page, only its candidates are serialized, and the group says where they sit.
void write_group(const GroupOutcome& g, const EvaluationResult& r, const GroupPage* page,
                 std::ostream& out) {
    json head = group_head_json(g, r);
    if (page) {
        size_t by_status[3] = {0, 0, 0};
        size_t with_lineage = 0;
        for (const CandidateOutcome& c : g.candidates) {
            ++by_status[static_cast<size_t>(c.status)];
            if (c.lineage) ++with_lineage;
        }
        head["counts"] = {{status_id(Status::Eligible), by_status[0]},
                          {status_id(Status::Ineligible), by_status[1]},
                          {status_id(Status::Incomplete), by_status[2]}};
        head["with_lineage"] = with_lineage;
        head["total"] = page->total;
        head["offset"] = page->offset;
        head["limit"] = page->limit ? json(*page->limit) : json(nullptr);
        const bool more = page->limit && page->offset + *page->limit < page->total;
        head["next_offset"] = more ? json(page->offset + *page->limit) : json(nullptr);
    }
    std::string text = head.dump();
    text.pop_back();  // reopen the object to append the candidates
    out << "        " << text << ",\n          \"candidates\": [";
    bool first = true;
    auto write = [&](const CandidateOutcome& c) {
        out << (first ? "\n            " : ",\n            ") << candidate_json(c, r).dump();
        first = false;
    };
    if (page)
        for (size_t i : page->shown)
            write(g.candidates[i]);
    else
        for (const CandidateOutcome& c : g.candidates)
            write(c);
    out << (first ? "]}" : "\n          ]}");
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

nlohmann::ordered_json evaluation_head(const EvaluationResult& r) {
    json head;
    head["plan"] = r.plan->spec.id;
    head["period"] = r.period.id;
    head["period_kind"] = r.period.is_phase ? "phase" : "annual";
    head["years"] = {r.period.first_year, r.period.last_year};
    return head;
}

namespace {

void write_award_head(const AwardOutcome& award, bool first, std::ostream& out) {
    json aj;
    aj["award"] = award.award->spec->id;
    aj["name"] = award.award->spec->name;
    aj["kind"] = award_kind_id(award.award->kind);
    std::string atext = aj.dump();
    atext.pop_back();
    out << (first ? "\n    " : ",\n    ") << atext << ",\n      \"groups\": [\n";
}

// The document around its awards: `write_awards` writes them, and says whether it wrote any.
template <class WriteAwards>
void write_document(const EvaluationResult& r, std::ostream& out, WriteAwards&& write_awards,
                    json extra_head = json()) {
    json head = evaluation_head(r);
    const LineageSpec& rules = r.plan->spec.lineage;
    head["lineage"] = {{"history", history_rule_id(r.history)},
                       {"history_name", history_rule_name(r.history)},
                       {"chosen", r.history_chosen},
                       {"plan_history", history_rule_id(rules.history)},
                       {"stated", rules.stated},
                       {"closed_units", closed_award_id(rules.closed_units)},
                       {"note", rules.note}};
    for (auto& [key, value] : extra_head.items())
        head[key] = std::move(value);
    std::string text = head.dump();
    text.pop_back();
    out << text << ",\n  \"awards\": [";
    const bool any = write_awards();
    out << (any ? "\n  ],\n  \"dossiers\": [" : "],\n  \"dossiers\": [");
    for (size_t d = 0; d < r.dossiers.size(); ++d)
        out << (d ? ",\n    " : "\n    ") << dossier_json(r.dossiers[d], r).dump();
    out << (r.dossiers.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

// The name of every subject the page mentions outside its candidates: selections, ties, the
// council's ranking, dossiers. A reader of one page of a province then needs no people list.
json names_outside_page(const EvaluationResult& r, const std::vector<AwardPage>& awards) {
    const Dataset& data = *r.data;
    json names = json::object();
    const auto add = [&](const std::vector<Subject>& subjects) {
        for (const Subject& s : subjects)
            names[subject_id(data, s)] = subject_name(data, s);
    };
    for (const AwardPage& page : awards)
        for (const GroupPage& group : page.groups) {
            const GroupOutcome& g = r.awards.at(page.award).groups.at(group.group);
            add(g.selected);
            add(g.tied);
            if (g.council) {
                add(g.council->computed_selected);
                add(g.council->computed_tied);
            }
        }
    for (const DossierOutcome& d : r.dossiers)
        names[subject_id(data, d.subject)] = subject_name(data, d.subject);
    return names;
}

}  // namespace

void write_json(const EvaluationResult& r, std::ostream& out) {
    write_document(r, out, [&] {
        for (size_t a = 0; a < r.awards.size(); ++a) {
            const AwardOutcome& award = r.awards[a];
            write_award_head(award, a == 0, out);
            for (size_t g = 0; g < award.groups.size(); ++g) {
                if (g) out << ",\n";
                write_group(award.groups[g], r, nullptr, out);
            }
            out << "\n      ]}";
        }
        return !r.awards.empty();
    });
}

void write_json_page(const EvaluationResult& r, const std::vector<AwardPage>& awards,
                     std::ostream& out) {
    write_document(
        r, out,
        [&] {
            for (size_t a = 0; a < awards.size(); ++a) {
                const AwardOutcome& award = r.awards.at(awards[a].award);
                write_award_head(award, a == 0, out);
                const std::vector<GroupPage>& groups = awards[a].groups;
                for (size_t g = 0; g < groups.size(); ++g) {
                    if (g) out << ",\n";
                    write_group(award.groups.at(groups[g].group), r, &groups[g], out);
                }
                out << "\n      ]}";
            }
            return !awards.empty();
        },
        json{{"names", names_outside_page(r, awards)}});
}

nlohmann::ordered_json candidate_entries_json(const EvaluationResult& r, std::string_view id) {
    const Dataset& data = *r.data;
    json entries = json::array();
    std::optional<Subject> found;
    for (const AwardOutcome& award : r.awards)
        for (const GroupOutcome& g : award.groups)
            for (const CandidateOutcome& c : g.candidates) {
                if (subject_id(data, c.subject) != id) continue;
                found = c.subject;
                json e;
                e["award"] = award.award->spec->id;
                e["award_name"] = award.award->spec->name;
                e["kind"] = award_kind_id(award.award->kind);
                e["group"] = g.group->id;
                e["candidate"] = candidate_json(c, r);
                entries.push_back(std::move(e));
            }
    if (!found) return nullptr;
    json out = evaluation_head(r);
    out["id"] = std::string(id);
    out["name"] = subject_name(data, *found);
    out["entries"] = std::move(entries);
    return out;
}

}  // namespace thidua
