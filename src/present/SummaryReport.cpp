#include "present/SummaryReport.h"

#include <nlohmann/json.hpp>

#include "present/Explain.h"
#include "present/JsonReport.h"

namespace thidua {
namespace {

using json = nlohmann::ordered_json;

json group_json(const GroupOutcome& g, const EvaluationResult& r) {
    json j = group_head_json(g, r);
    size_t eligible = 0, ineligible = g.unlisted_ineligible, incomplete = 0;
    for (const CandidateOutcome& c : g.candidates) {
        switch (c.status) {
            case Status::Eligible:
                ++eligible;
                break;
            case Status::Ineligible:
                ++ineligible;
                break;
            case Status::Incomplete:
                ++incomplete;
                break;
        }
    }
    j["candidates"] = {{"total", g.candidates.size() + g.unlisted_ineligible},
                       {"eligible", eligible},
                       {"ineligible", ineligible},
                       {"incomplete", incomplete}};
    return j;
}

}  // namespace

void write_summary_json(const EvaluationResult& r, std::ostream& out) {
    json doc = evaluation_head(r);
    doc["history"] = history_rule_id(r.history);
    json awards = json::array();
    for (const AwardOutcome& award : r.awards) {
        json aj;
        aj["award"] = award.award->spec->id;
        aj["name"] = award.award->spec->name;
        aj["kind"] = award_kind_id(award.award->kind);
        json groups = json::array();
        for (const GroupOutcome& g : award.groups)
            groups.push_back(group_json(g, r));
        aj["groups"] = std::move(groups);
        awards.push_back(std::move(aj));
    }
    doc["awards"] = std::move(awards);
    int complete = 0;
    for (const DossierOutcome& d : r.dossiers)
        complete += d.complete ? 1 : 0;
    doc["dossiers"] = {{"total", r.dossiers.size()}, {"complete", complete}};
    out << doc.dump(2) << "\n";
}

}  // namespace thidua
