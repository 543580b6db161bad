#include "web/app/PlanViews.h"

#include <chrono>

#include <fmt/format.h>

#include "eval/Deadlines.h"
#include "store/Clock.h"
#include "web/app/LineageViews.h"

namespace thidua::web {
namespace {

using json = nlohmann::json;

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const std::string& p : parts)
        out += (out.empty() ? "" : std::string(sep)) + p;
    return out;
}

std::string types_words(const std::vector<UnitType>& types) {
    std::vector<std::string> names;
    for (UnitType t : types)
        names.emplace_back(unit_type_name_vi(t));
    return join(names, ", ");
}

std::string group_members_words(const GroupSpec& g) {
    std::string out = "Đơn vị loại: " + types_words(g.types);
    if (!g.parent_types.empty()) out += "; trực thuộc: " + types_words(g.parent_types);
    if (!g.tags.empty()) out += "; có thẻ: " + join(g.tags, ", ");
    return out;
}

std::string periods_words(const PeriodSelector& s) {
    std::vector<std::string> parts;
    if (s.annual) parts.emplace_back("hằng năm");
    if (s.phases) parts.emplace_back("giai đoạn");
    for (const std::string& id : s.ids)
        parts.push_back(id);
    return join(parts, ", ");
}

std::string group_name(const CompiledPlan& plan, const CompiledAwardGroup& g) {
    if (g.plan_group < 0) return "Cá nhân";
    return plan.spec.groups[static_cast<size_t>(g.plan_group)].name;
}

json award_group_json(const CompiledPlan& plan, const CompiledAwardGroup& g) {
    json ranking = json::array();
    for (const CompiledKey& k : g.ranking)
        ranking.push_back({{"label", k.label}, {"rule", k.source}, {"descending", k.descending}});
    json out = {{"group", g.id},
                {"group_name", group_name(plan, g)},
                {"quota", g.quota ? json(*g.quota) : json(nullptr)},
                {"ranking", ranking}};
    if (g.cap) out["cap"] = {{"label", g.cap->label}, {"max", g.cap->max}, {"per", g.cap->source}};
    return out;
}

json criteria_json(const CompiledAward& award) {
    json out = json::array();
    for (const CompiledCriterion& c : award.criteria)
        out.push_back(
            {{"id", c.id}, {"words", c.label}, {"text", c.source}, {"implicit", c.implicit}});
    return out;
}

// An award appears once per period kind in the compiled plan; the page lists each version.
json awards_json(const CompiledPlan& plan) {
    json out = json::array();
    for (const CompiledAward& a : plan.awards) {
        json groups = json::array();
        for (const CompiledAwardGroup& g : a.groups)
            groups.push_back(award_group_json(plan, g));
        out.push_back({{"id", a.spec->id},
                       {"name", a.spec->name},
                       {"kind", award_kind_id(a.kind)},
                       {"periods", periods_words(a.spec->periods)},
                       {"total", a.spec->total ? json(*a.spec->total) : json(nullptr)},
                       {"groups", groups},
                       {"criteria", criteria_json(a)}});
    }
    return out;
}

std::string due_words(const DueSpec& due) {
    if (!due.text.empty()) return due.text;
    switch (due.kind) {
        case DueSpec::Kind::None:
            return "";
        case DueSpec::Kind::Date:
            return due.date ? due.date->dmy() : "";
        case DueSpec::Kind::AfterEvent:
            return fmt::format("{} ngày sau sự kiện {}", due.days, due.event);
    }
    return "";
}

json dossier_json(const DossierSpec& d, const std::string& award) {
    json documents = json::array();
    for (const DocumentSpec& doc : d.documents)
        documents.push_back({{"document", doc.id},
                             {"name", doc.name},
                             {"copies", doc.copies},
                             {"groups", doc.groups},
                             {"note", doc.note}});
    return {{"award", award.empty() ? json(nullptr) : json(award)},
            {"recipient", d.recipient},
            {"via", d.via},
            {"due", due_words(d.due)},
            {"documents", documents}};
}

json dossiers_json(const PlanSpec& spec) {
    json out = json::array();
    if (spec.dossier.present) out.push_back(dossier_json(spec.dossier, ""));
    for (const AwardSpec& a : spec.awards)
        if (a.dossier && a.dossier->present) out.push_back(dossier_json(*a.dossier, a.id));
    return out;
}

json periods_json(const PlanSpec& spec, Date today) {
    json out = json::array();
    for (const Period& p : plan_periods(spec)) {
        const auto deadline = registration_deadline(spec, p);
        out.push_back(
            {{"id", p.id},
             {"kind", p.is_phase ? "phase" : "year"},
             {"from", p.first_year},
             {"to", p.last_year},
             {"state", period_state(p, today)},
             {"registration_deadline", deadline ? json(deadline->iso()) : json(nullptr)}});
    }
    return out;
}

json milestones_json(const PlanSpec& spec) {
    json out = json::array();
    for (const MilestoneSpec& m : spec.milestones)
        out.push_back({{"id", m.id},
                       {"name", m.name},
                       {"when", m.when},
                       {"date", m.date ? json(m.date->iso()) : json(nullptr)}});
    return out;
}

}  // namespace

Date today() {
    return store::vietnam_today();
}

const char* period_state(const Period& period, Date today) {
    if (period.to < today) return "done";
    if (today < period.from) return "future";
    return "under-way";
}

json plan_summary_json(const PlanVersion& version, const CompiledPlan& plan, Date today,
                       const Dataset* units) {
    const PlanSpec& s = plan.spec;
    json out = {{"id", s.id},
                {"name", s.title},
                {"issuer", s.issuer.name},
                {"issuer_unit", s.issuer.unit.empty() ? json(nullptr) : json(s.issuer.unit)},
                {"number", s.number},
                {"parent_plan", s.parent_plan.empty() ? json(nullptr) : json(s.parent_plan)},
                {"date", s.date ? json(s.date->iso()) : json(nullptr)},
                {"version", version.version},
                {"saved_at", version.saved_at},
                {"saved_by", version.saved_by},
                {"periods", periods_json(s, today)}};
    if (units) out["issuer_status"] = issuer_status_json(forms::issuer_status(s, *units));
    return out;
}

json plan_detail_json(const PlanVersion& version, const CompiledPlan& plan, Date today,
                      const Dataset* units) {
    const PlanSpec& s = plan.spec;
    json out = plan_summary_json(version, plan, today, units);
    json groups = json::array();
    for (const GroupSpec& g : s.groups)
        groups.push_back({{"id", g.id}, {"name", g.name}, {"members", group_members_words(g)}});
    json areas = json::array();
    for (const TaskAreaSpec& t : s.task_areas)
        areas.push_back({{"id", t.id}, {"name", t.name}});
    out["text"] = version.text;
    out["theme"] = s.theme;
    out["contents"] = s.contents;
    out["legal_bases"] = s.legal_bases;
    out["task_areas"] = areas;
    out["groups"] = groups;
    out["awards"] = awards_json(plan);
    out["precedence"] = s.precedence;
    out["dossier"] = dossiers_json(s);
    out["registration"] = {{"description", s.registration.description},
                           {"form", s.registration.form},
                           {"individuals_per_unit", s.registration.individuals_per_unit}};
    out["milestones"] = milestones_json(s);
    out["decisions"] = s.decisions;
    return out;
}

json diagnostic_json(const Diagnostic& d) {
    return {{"file", d.file},
            {"line", d.line},
            {"column", d.column},
            {"field", d.field},
            {"value", d.value},
            {"message", d.message},
            {"message_en", d.message_en},
            {"text", d.format()}};
}

}  // namespace thidua::web
