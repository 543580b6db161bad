#include <fmt/format.h>

#include "eval/Deadlines.h"
#include "forms/BinderParts.h"
#include "forms/Selection.h"
#include "forms/VietnameseFormat.h"
#include "present/Explain.h"

namespace thidua::forms {
namespace {

// Every outcome of the unit in this period, selected ones first.
std::vector<Proposal> unit_outcomes(const EvaluationResult& r, Index unit) {
    std::vector<Proposal> selected, others;
    for (const AwardOutcome& a : r.awards)
        for (const GroupOutcome& g : a.groups)
            for (const CandidateOutcome& c : g.candidates)
                if (c.subject.kind == SubjectKind::Unit && c.subject.index == unit)
                    (c.selected ? selected : others).push_back({&a, &g, &c});
    selected.insert(selected.end(), others.begin(), others.end());
    return selected;
}

std::string number_or_empty(double v) {
    return std::isnan(v) ? std::string() : percent_text(v);
}

documents::TemplateRecord year_record(const Dataset& data, Index unit, int year) {
    documents::TemplateRecord rec{{"nam", std::to_string(year)},
                                  {"diem", ""},
                                  {"ty_le", ""},
                                  {"xep_loai", ""},
                                  {"xep_hang", ""},
                                  {"hai_long", ""},
                                  {"hoan_thanh", ""}};
    if (!data.has_year(year)) return rec;
    const size_t at =
        unit * static_cast<size_t>(data.year_count) + static_cast<size_t>(year - data.first_year);
    const UnitYears& y = data.unit_years;
    if (at >= y.present.size() || !y.present[at]) return rec;
    const double score = y.par_score[at], max = y.par_max[at];
    if (!std::isnan(score))
        rec["diem"] = percent_text(score) + (std::isnan(max) ? "" : "/" + percent_text(max));
    if (!std::isnan(score) && !std::isnan(max) && max > 0)
        rec["ty_le"] = percent_text(100 * score / max);
    if (const int8_t code = y.par_rating[at]; code >= 0)
        rec["xep_loai"] = std::string(par_rating_scale().names_vi[static_cast<size_t>(code)]);
    if (!std::isnan(y.par_rank[at])) rec["xep_hang"] = format_number(y.par_rank[at]);
    rec["hai_long"] = number_or_empty(y.satisfaction[at]);
    rec["hoan_thanh"] = number_or_empty(y.task_completion[at]);
    return rec;
}

}  // namespace

void put_unit(documents::TemplateValues& v, const FormRequest& q) {
    const EvaluationResult& r = *q.result;
    const Unit& u = r.data->units[q.unit];
    v.set("don_vi.ten", u.name);
    v.set("don_vi.ma", u.id);
    v.set("don_vi.cap_tren", u.parent == kNoIndex ? "" : r.data->units[u.parent].name);
    std::vector<std::string> groups;
    for (const Proposal& p : unit_outcomes(r, q.unit)) {
        const std::string name = group_name(r, p);
        if (std::find(groups.begin(), groups.end(), name) == groups.end()) groups.push_back(name);
    }
    std::string joined;
    for (const std::string& g : groups)
        joined += (joined.empty() ? "" : "; ") + g;
    v.set("nhom", joined);
    const PlanSpec& plan = plan_of(q);
    v.set("gui", !plan.dossier.recipient.empty() ? plan.dossier.recipient
                                                 : proposer_heading(plan, q.date).name);
}

void put_registration(documents::TemplateValues& v, const FormRequest& q) {
    const EvaluationResult& r = *q.result;
    const PlanSpec& plan = plan_of(q);
    const std::string content =
        plan.registration.form.empty()
            ? "Hoàn thành xuất sắc nhiệm vụ cải cách hành chính " + period_words(r.period)
            : plan.registration.form;
    v.set("noi_dung_dang_ky", content);
    const std::optional<Date> deadline = registration_deadline(plan, r.period);
    v.set("han_dang_ky", deadline ? date_numeric(*deadline) : "");
    const int wanted = plan.registration.individuals_per_unit;
    v.set("so_ca_nhan", wanted > 0 ? count_text(wanted) : "");

    auto& people = v.list("ca_nhan");
    const Dataset& data = *r.data;
    for (const Registration& reg : data.registrations) {
        if (reg.subject.kind != SubjectKind::Person || reg.period != r.period.id) continue;
        if (data.people.unit[reg.subject.index] != q.unit) continue;
        people.push_back({{"ho_ten", data.people.name[reg.subject.index]},
                          {"don_vi", data.units[q.unit].name},
                          {"noi_dung", content},
                          {"ngay_dang_ky", date_numeric(reg.registered_on)}});
    }
    // Lines left to fill by hand up to the number the plan asks for.
    while (people.size() < static_cast<size_t>(wanted))
        people.push_back(
            {{"ho_ten", ""}, {"don_vi", ""}, {"noi_dung", content}, {"ngay_dang_ky", ""}});
}

void put_achievement(documents::TemplateValues& v, const FormRequest& q) {
    const EvaluationResult& r = *q.result;
    const PlanSpec& plan = plan_of(q);
    const std::vector<Proposal> outcomes = unit_outcomes(r, q.unit);
    std::vector<Proposal> chosen;
    for (const Proposal& p : outcomes)
        if (p.candidate->selected) chosen.push_back(p);
    v.set("hinh_thuc", award_titles(chosen.empty() ? outcomes : chosen));
    v.set("thanh_tich", outcomes.empty() ? "" : achievement_text(r, *outcomes.front().candidate));
    const Unit& u = r.data->units[q.unit];
    v.set("cap_trinh", upper_vi(u.parent != kNoIndex ? r.data->units[u.parent].name
                                                     : proposer_heading(plan, q.date).name));
    v.set("kinh_gui", authority_on(plan.issuer, q.date).name);

    auto& years = v.list("ket_qua_nam");
    for (int y = r.period.first_year; y <= r.period.last_year; ++y)
        years.push_back(year_record(*r.data, q.unit, y));

    auto& criteria = v.list("tieu_chi");
    for (const Proposal& p : outcomes) {
        for (const CriterionOutcome& c : p.candidate->criteria) {
            if (c.criterion->implicit) continue;
            criteria.push_back(
                {{"ten", c.criterion->label},
                 {"hinh_thuc", award_title(p.award->award->spec->name)},
                 {"ket_qua", capitalize_first(result_vi(c.result))},
                 {"can_cu", explain(c, r, p.candidate->subject, Wording::Vietnamese)}});
        }
    }
}

}  // namespace thidua::forms
