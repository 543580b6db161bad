#include "forms/FormBinder.h"

#include <fmt/format.h>

#include "forms/Agency.h"
#include "forms/BinderParts.h"
#include "forms/FormKind.h"
#include "forms/IssuerSuccession.h"

namespace thidua::forms {
namespace {

tl::expected<void, std::string> check(const FormRequest& q) {
    const EvaluationResult& r = *q.result;
    const FormInfo& info = form_info(q.kind);
    if (info.subject == FormSubject::Unit) {
        if (q.unit < 0 || static_cast<size_t>(q.unit) >= r.data->units.size())
            return tl::unexpected(fmt::format("Văn bản \"{}\" cần chọn một đơn vị", info.name_vi));
    }
    if (!q.award.empty()) {
        for (const AwardOutcome& a : r.awards)
            if (a.award->spec->id == q.award) return {};
        return tl::unexpected(fmt::format("Kỳ {} của kế hoạch không có hình thức khen thưởng '{}'",
                                          r.period.id, q.award));
    }
    return {};
}

}  // namespace

tl::expected<documents::TemplateValues, std::string> bind_form(const FormRequest& request) {
    if (request.result == nullptr) return tl::unexpected(std::string("Chưa có kết quả xét"));
    if (auto ok = check(request); !ok) return tl::unexpected(ok.error());
    const std::optional<PlanSpec> succeeded =
        with_lineage_successor(request.result->plan->spec, *request.result->data);
    FormRequest q = request;
    if (succeeded) q.spec = &*succeeded;
    const PlanSpec& plan = plan_of(q);
    documents::TemplateValues v;
    switch (q.kind) {
        case FormKind::Registration:
            put_common(v, q, unit_heading(plan, *q.result->data, q.unit, q.date));
            put_unit(v, q);
            put_registration(v, q);
            break;
        case FormKind::AchievementReport:
            put_common(v, q, unit_heading(plan, *q.result->data, q.unit, q.date));
            put_unit(v, q);
            put_achievement(v, q);
            break;
        case FormKind::ProposalList:
        case FormKind::Submission:
            put_common(v, q, proposer_heading(plan, q.date));
            put_selection(v, q);
            break;
        case FormKind::CouncilMinutes:
            put_common(v, q, council_heading(plan, q.date));
            put_selection(v, q);
            put_minutes(v, q);
            break;
        case FormKind::Decision:
            put_common(v, q, authority_heading(plan, q.date));
            put_selection(v, q);
            put_decision(v, q);
            break;
    }
    return v;
}

}  // namespace thidua::forms
