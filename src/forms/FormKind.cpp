#include "forms/FormKind.h"

#include <array>

namespace thidua::forms {
namespace {

constexpr std::array<FormInfo, 6> kForms{{
    {FormKind::Registration, "dang-ky-thi-dua", "Bản đăng ký thi đua", FormSubject::Unit, false},
    {FormKind::ProposalList, "danh-sach-de-nghi", "Danh sách đề nghị khen thưởng",
     FormSubject::Plan, true},
    {FormKind::Submission, "to-trinh", "Tờ trình đề nghị khen thưởng", FormSubject::Plan, false},
    {FormKind::CouncilMinutes, "bien-ban-hoi-dong", "Biên bản họp Hội đồng Thi đua - Khen thưởng",
     FormSubject::Plan, false},
    {FormKind::AchievementReport, "bao-cao-thanh-tich",
     "Báo cáo thành tích đề nghị khen thưởng thi đua theo chuyên đề", FormSubject::Unit, false},
    {FormKind::Decision, "quyet-dinh", "Dự thảo quyết định khen thưởng (kèm danh sách)",
     FormSubject::Plan, false},
}};

}  // namespace

std::span<const FormInfo> form_kinds() {
    return kForms;
}

const FormInfo* find_form(std::string_view id) {
    for (const FormInfo& f : kForms)
        if (f.id == id) return &f;
    return nullptr;
}

const FormInfo& form_info(FormKind kind) {
    for (const FormInfo& f : kForms)
        if (f.kind == kind) return f;
    return kForms[0];  // unreachable: every kind is in the table
}

}  // namespace thidua::forms
