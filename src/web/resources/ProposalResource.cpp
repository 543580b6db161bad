// Plans that implement plans (issue 6, item 6): a sub-plan's selected nominations forwarded as
// proposals into its parent plan's period, where they appear with their origin.
//   POST /api/v1/plans/{id}/forward            {period, parent_period, award, subjects?, note}:
//        the sub-plan {id}'s selected candidates of `period` (all of the award's kind, or the
//        listed ids) proposed for the parent plan's `award` in `parent_period`
//   GET  /api/v1/plans/{id}/proposals?period=P  the proposals forwarded into plan {id}'s period,
//        each with its origin and what plan {id}'s own evaluation makes of the candidate
//   POST /api/v1/plans/{id}/proposals/withdraw {period, award, subject_kind, subject_id, reason}
// Forwarding and withdrawing are Home Affairs' (noi-vu, quan-tri); each is a version, audited.

#include <map>

#include <fmt/format.h>

#include "present/Explain.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/StoredEvaluation.h"
#include "web/app/UnitScope.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

struct Nomination {
    std::string kind;  // "unit" or "person"
    std::string award;
    std::string group;
    int rank = 0;
};

std::string kind_id(SubjectKind k) {
    return k == SubjectKind::Unit ? "unit" : "person";
}

// The selected candidates of a sub-plan's period whose award is of `kind`, by subject id.
std::map<std::string, Nomination> nominations(const EvaluationResult& r, AwardKind kind) {
    std::map<std::string, Nomination> out;
    for (const AwardOutcome& a : r.awards) {
        if (a.award->kind != kind) continue;
        for (const GroupOutcome& g : a.groups)
            for (const CandidateOutcome& c : g.candidates)
                if (c.selected)
                    out.emplace(subject_id(*r.data, c.subject),
                                Nomination{kind_id(c.subject.kind), a.award->spec->id, g.group->id,
                                           c.rank.value_or(0)});
    }
    return out;
}

const AwardSpec* find_award(const PlanSpec& plan, const std::string& id, const Period& period) {
    for (const AwardSpec& a : plan.awards)
        if (a.id == id && selector_matches(a.periods, period)) return &a;
    return nullptr;
}

json proposal_json(const ForwardedProposal& p) {
    return {{"award", p.award},
            {"subject_kind", p.subject_kind},
            {"subject_id", p.subject_id},
            {"origin",
             {{"plan", p.origin_plan},
              {"period", p.origin_period},
              {"award", p.origin_award},
              {"group", p.origin_group},
              {"rank", p.origin_rank == 0 ? json(nullptr) : json(p.origin_rank)}}},
            {"withdrawn", p.withdrawn},
            {"note", p.note},
            {"forwarded_by", p.forwarded_by},
            {"forwarded_at", p.forwarded_at}};
}

std::vector<std::string> requested_subjects(const json& body) {
    std::vector<std::string> out;
    const auto it = body.find("subjects");
    if (it == body.end() || !it->is_array()) return out;
    for (const json& s : *it)
        if (s.is_string()) out.push_back(s.get<std::string>());
    return out;
}

Response forward(WebApp& app, Request& request, const Principal& who, Store& store) {
    auto body = json_body(request);
    if (!body) return std::move(body.error());
    auto found =
        evaluate_stored_plan(app, store, request.param("id"), text_member(*body, "period"));
    if (!found) return std::move(found.error());
    const StoredEvaluation* sub = found->get();
    const PlanSpec& sub_spec = sub->plan.plan->spec;
    if (sub_spec.parent_plan.empty())
        return Response::error(409, "no_parent_plan",
                               "Kế hoạch này không thực hiện kế hoạch cấp trên nào");
    auto parent = find_stored_plan(app, store, sub_spec.parent_plan);
    if (!parent)
        return Response::error(
            409, "parent_plan_missing",
            fmt::format("Kế hoạch cấp trên {} chưa được lưu trong hệ thống", sub_spec.parent_plan));
    const PlanSpec& parent_spec = parent->plan->spec;
    const auto parent_period = find_period(parent_spec, text_member(*body, "parent_period"));
    if (!parent_period)
        return Response::error(
            400, "bad_request",
            fmt::format("Kế hoạch {} có các kỳ: {}", parent_spec.id, period_list(parent_spec)));
    const Period& period = sub->result.period;
    if (period.last_year < parent_period->first_year || period.last_year > parent_period->last_year)
        return Response::error(
            422, "period_mismatch",
            fmt::format("Kỳ {} của kế hoạch cấp dưới không thuộc kỳ {} của kế hoạch cấp trên",
                        period.id, parent_period->id));
    const std::string award_id = text_member(*body, "award");
    const AwardSpec* award = find_award(parent_spec, award_id, *parent_period);
    if (award == nullptr)
        return Response::error(404, "not_found",
                               fmt::format("Kỳ {} của kế hoạch {} không xét hình thức {}",
                                           parent_period->id, parent_spec.id, award_id));
    const auto selected = nominations(sub->result, award->kind);
    std::vector<std::string> subjects = requested_subjects(*body);
    if (subjects.empty())
        for (const auto& [id, n] : selected)
            subjects.push_back(id);
    json not_selected = json::array();
    for (const std::string& id : subjects)
        if (!selected.contains(id)) not_selected.push_back(id);
    if (!not_selected.empty())
        return Response::error(422, "not_selected",
                               "Chỉ chuyển được các đề nghị đã được chọn ở kế hoạch cấp dưới",
                               {{"details", not_selected}});
    if (subjects.empty())
        return Response::error(422, "nothing_selected",
                               "Kỳ này của kế hoạch cấp dưới chưa chọn ai cho loại khen thưởng đó");
    json out = json::array();
    for (const std::string& id : subjects) {
        const Nomination& n = selected.at(id);
        ForwardedProposal p;
        p.plan_id = parent_spec.id;
        p.period = parent_period->id;
        p.award = award->id;
        p.subject_kind = n.kind;
        p.subject_id = id;
        p.origin_plan = sub_spec.id;
        p.origin_period = period.id;
        p.origin_award = n.award;
        p.origin_group = n.group;
        p.origin_rank = n.rank;
        p.note = text_member(*body, "note");
        p.forwarded_by = who.user.username;
        auto saved = store.save_forwarded_proposal(std::move(p));
        if (!saved) return store_failure(saved.error());
        out.push_back(proposal_json(*saved));
    }
    return Response::json(
        201, {{"plan", parent_spec.id}, {"period", parent_period->id}, {"forwarded", out}});
}

// What the parent plan's own evaluation makes of each proposed candidate: null when the plan
// does not consider it for that award (not in any of its groups).
json parent_outcome(const EvaluationResult& r, const ForwardedProposal& p) {
    for (const AwardOutcome& a : r.awards) {
        if (a.award->spec->id != p.award) continue;
        for (const GroupOutcome& g : a.groups)
            for (const CandidateOutcome& c : g.candidates)
                if (kind_id(c.subject.kind) == p.subject_kind &&
                    subject_id(*r.data, c.subject) == p.subject_id)
                    return {{"group", g.group->id},
                            {"status", status_id(c.status)},
                            {"selected", c.selected},
                            {"tied", c.tied},
                            {"rank", c.rank ? json(*c.rank) : json(nullptr)},
                            {"name", subject_name(*r.data, c.subject)}};
    }
    return nullptr;
}

Index unit_of_subject(const Dataset& data, const ForwardedProposal& p, int year) {
    if (p.subject_kind == "unit") {
        const auto it = data.unit_by_id.find(p.subject_id);
        return it == data.unit_by_id.end() ? kNoIndex : it->second;
    }
    const Index person = data.find_person(p.subject_id);
    return person == kNoIndex ? kNoIndex : data.unit_of_person(person, year);
}

Response list(WebApp& app, Request& request, const Principal& who, Store& store) {
    const std::string plan = request.param("id");
    auto found = evaluate_for(app, store, who, plan, request.query_param("period").value_or(""));
    if (!found) return std::move(found.error());
    const StoredEvaluation* evaluation = found->get();
    auto proposals = store.forwarded_proposals(plan, evaluation->result.period.id);
    if (!proposals) return store_failure(proposals.error());
    const bool with_withdrawn = request.query_param("all").value_or("") == "1";
    auto units = store.list_units();
    if (!units) return store_failure(units.error());
    const UnitScope scope = UnitScope::of(who, *units);
    const Dataset& data = *evaluation->data;
    json out = json::array();
    for (const ForwardedProposal& p : *proposals) {
        if (p.withdrawn && !with_withdrawn) continue;
        const Index unit = unit_of_subject(data, p, evaluation->result.period.last_year);
        if (!scope.all() && (unit == kNoIndex || !scope.contains(data.units[unit].id))) continue;
        json j = proposal_json(p);
        j["unit"] = unit == kNoIndex ? json(nullptr) : json(data.units[unit].id);
        j["outcome"] = parent_outcome(evaluation->result, p);
        out.push_back(std::move(j));
    }
    return Response::json(
        200, {{"plan", plan}, {"period", evaluation->result.period.id}, {"proposals", out}});
}

Response withdraw(Request& request, const Principal& who, Store& store) {
    auto body = json_body(request);
    if (!body) return std::move(body.error());
    const std::string plan = request.param("id");
    const std::string period = text_member(*body, "period");
    const std::string reason = text_member(*body, "reason");
    if (reason.empty())
        return Response::error(400, "bad_request", "Cần lý do (reason) khi rút đề nghị");
    auto proposals = store.forwarded_proposals(plan, period);
    if (!proposals) return store_failure(proposals.error());
    for (ForwardedProposal p : *proposals) {
        if (p.award != text_member(*body, "award") ||
            p.subject_kind != text_member(*body, "subject_kind") ||
            p.subject_id != text_member(*body, "subject_id") || p.withdrawn)
            continue;
        p.withdrawn = true;
        p.note = reason;
        p.forwarded_by = who.user.username;
        auto saved = store.save_forwarded_proposal(std::move(p));
        if (!saved) return store_failure(saved.error());
        return Response::json(200, proposal_json(*saved));
    }
    return Response::error(404, "not_found", "Không có đề nghị này đang chờ xét");
}

}  // namespace

void add_proposal_routes(Router& router, WebApp& app) {
    router.add("POST", "/api/v1/plans/{id}/forward",
               secured(app, Access::Edit, [&app](Request& r, const Principal& p, Store& s) {
                   return forward(app, r, p, s);
               }));
    router.add("GET", "/api/v1/plans/{id}/proposals",
               secured(app, Access::SignedIn, [&app](Request& r, const Principal& p, Store& s) {
                   return list(app, r, p, s);
               }));
    router.add("POST", "/api/v1/plans/{id}/proposals/withdraw",
               secured(app, Access::Edit, withdraw));
}

}  // namespace thidua::web
