// POST /api/v1/plans/{id}/decisions {period, award, group, chosen: [ids], votes, minutes_number,
// minutes_date, reason}: the council's decision on a group's selection (hoi-dong, quan-tri). It is
// checked on the evaluation it would make before it is saved: only eligible candidates of the
// group, no more than the quota, and a reason when it departs from the ranking. The evaluation
// then shows the decided selection beside the computed one (`council` in each group).

#include <fmt/format.h>

#include "present/JsonReport.h"
#include "web/app/Guard.h"
#include "web/app/JsonViews.h"
#include "web/app/StoredEvaluation.h"
#include "web/resources/Resources.h"

namespace thidua::web {
namespace {

tl::expected<CouncilChoice, Response> choice_of(const json& body, const Principal& who) {
    CouncilChoice c;
    c.award = text_member(body, "award");
    c.group = text_member(body, "group");
    c.votes = text_member(body, "votes");
    c.minutes_number = text_member(body, "minutes_number");
    c.minutes_date = text_member(body, "minutes_date");
    c.reason = text_member(body, "reason");
    c.decided_by = who.user.username;
    const auto chosen = body.find("chosen");
    if (chosen == body.end() || !chosen->is_array())
        return tl::unexpected(Response::error(400, "bad_request", "Cần danh sách chosen (mã)"));
    for (const json& id : *chosen) {
        if (!id.is_string())
            return tl::unexpected(Response::error(400, "bad_request", "chosen chỉ chứa mã"));
        c.chosen.push_back(id.get<std::string>());
    }
    if (c.award.empty() || c.group.empty() || c.votes.empty() || c.minutes_number.empty())
        return tl::unexpected(Response::error(
            400, "bad_request",
            "Cần hình thức (award), nhóm (group), kết quả biểu quyết (votes) và số biên bản "
            "(minutes_number)"));
    if (!c.minutes_date.empty() && !Date::parse_iso(c.minutes_date))
        return tl::unexpected(
            Response::error(400, "bad_request", "Ngày biên bản phải có dạng YYYY-MM-DD"));
    return c;
}

const GroupOutcome* find_group(const EvaluationResult& r, const CouncilChoice& c) {
    for (const AwardOutcome& a : r.awards)
        if (a.award->spec->id == c.award)
            for (const GroupOutcome& g : a.groups)
                if (g.group->id == c.group) return &g;
    return nullptr;
}

Response decide(WebApp& app, Request& request, const Principal& who, Store& store) {
    auto body = json_body(request);
    if (!body) return std::move(body.error());
    auto choice = choice_of(*body, who);
    if (!choice) return std::move(choice.error());
    const std::string plan = request.param("id");
    auto found = evaluate_with_decision(app, store, plan, text_member(*body, "period"), *choice);
    if (!found) return std::move(found.error());
    const StoredEvaluation* evaluation = found->get();
    const GroupOutcome* group = find_group(evaluation->result, *choice);
    if (group == nullptr || !group->council)
        return Response::error(404, "not_found", "Kỳ này không có hình thức hoặc nhóm đó");
    const CouncilOutcome& outcome = *group->council;
    if (!outcome.ignored.empty())
        return Response::error(422, "not_eligible",
                               "Hội đồng chỉ chọn được ứng viên đủ điều kiện của nhóm",
                               {{"details", outcome.ignored}});
    const auto quota = group->group->quota;
    if (quota && group->selected.size() > static_cast<size_t>(*quota))
        return Response::error(
            422, "over_quota",
            fmt::format("Nhóm có {} suất; Hội đồng chọn {}", *quota, group->selected.size()));
    if (outcome.departs && choice->reason.empty())
        return Response::error(422, "reason_required",
                               "Quyết định khác thứ tự xếp hạng phải ghi lý do");
    auto saved = store.save_council_decision(plan, evaluation->result.period.id, *choice);
    if (!saved) return store_failure(saved.error());
    CouncilOutcome shown = outcome;
    shown.choice = *saved;
    return Response::json(201, council_json(shown, *evaluation->data));
}

}  // namespace

void add_decision_routes(Router& router, WebApp& app) {
    router.add("POST", "/api/v1/plans/{id}/decisions",
               secured(app, Access::Council, [&app](Request& r, const Principal& p, Store& s) {
                   return decide(app, r, p, s);
               }));
}

}  // namespace thidua::web
