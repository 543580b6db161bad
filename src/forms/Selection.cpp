#include "forms/Selection.h"

#include <algorithm>

#include "forms/VietnameseFormat.h"

namespace thidua::forms {
namespace {

template <typename Pick>
std::vector<Proposal> collect(const EvaluationResult& r, std::string_view award_id, Pick pick) {
    std::vector<Proposal> out;
    for (const AwardOutcome& a : r.awards) {
        if (!award_id.empty() && a.award->spec->id != award_id) continue;
        for (const GroupOutcome& g : a.groups)
            for (const CandidateOutcome& c : g.candidates)
                if (pick(c)) out.push_back({&a, &g, &c});
    }
    return out;
}

}  // namespace

std::vector<Proposal> selected_proposals(const EvaluationResult& r, std::string_view award_id) {
    return collect(r, award_id, [](const CandidateOutcome& c) { return c.selected; });
}

std::vector<Proposal> tied_proposals(const EvaluationResult& r, std::string_view award_id) {
    return collect(r, award_id, [](const CandidateOutcome& c) { return c.tied; });
}

std::string group_name(const EvaluationResult& r, const Proposal& p) {
    const int index = p.group->group->plan_group;
    if (index < 0) return "Cá nhân";
    return r.plan->spec.groups[static_cast<size_t>(index)].name;
}

std::string unit_of(const EvaluationResult& r, Subject s) {
    const Dataset& data = *r.data;
    if (s.kind == SubjectKind::Unit) {
        const Index parent = data.units[s.index].parent;
        return parent == kNoIndex ? std::string() : data.units[parent].name;
    }
    Index unit = data.people.unit[s.index];
    const int year = r.period.last_year;
    if (data.has_year(year)) {
        const size_t at = s.index * static_cast<size_t>(data.year_count) +
                          static_cast<size_t>(year - data.first_year);
        if (at < data.person_years.unit.size() && data.person_years.unit[at] != kNoIndex)
            unit = data.person_years.unit[at];
    }
    return unit == kNoIndex ? std::string() : data.units[unit].name;
}

std::string achievement_text(const EvaluationResult&, const CandidateOutcome& c) {
    std::string out;
    for (const CriterionOutcome& k : c.criteria) {
        if (k.result != expr::Tri::True || k.criterion->implicit) continue;
        out += out.empty() ? "Đạt các tiêu chuẩn: " : "; ";
        out += k.criterion->label;
    }
    return out.empty() ? out : out + ".";
}

std::string award_titles(const std::vector<Proposal>& proposals) {
    std::vector<std::string> titles;
    for (const Proposal& p : proposals) {
        std::string t = award_title(p.award->award->spec->name);
        if (std::find(titles.begin(), titles.end(), t) == titles.end()) titles.push_back(t);
    }
    std::string out;
    for (const std::string& t : titles)
        out += (out.empty() ? "" : ", ") + t;
    return out;
}

}  // namespace thidua::forms
