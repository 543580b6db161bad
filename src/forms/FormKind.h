#pragma once
// The administrative documents thidua writes for a plan (Decree 30/2020/NĐ-CP, Appendix I
// layout), by id. The id is a contract: CLI (`thidua doc ID`), API paths, per-plan template
// uploads and the default template folders (templates/docx/ID) all use it. The three dossier
// papers of the seed plans (`to-trinh`, `bien-ban-hoi-dong`, `bao-cao-thanh-tich`) share their
// ids with the plans' `dossier.documents`.

#include <span>
#include <string_view>

namespace thidua::forms {

enum class FormKind {
    Registration,       // dang-ky-thi-dua: a unit's registration (collective + individuals)
    ProposalList,       // danh-sach-de-nghi: the proposals per award, landscape table
    Submission,         // to-trinh: the submission to the authority
    CouncilMinutes,     // bien-ban-hoi-dong: the council meeting, attendance, quorum, votes
    AchievementReport,  // bao-cao-thanh-tich: a unit's thematic achievement report
    Decision,           // quyet-dinh: the draft award decision with its annex list
};

// What a document is about, beyond the plan and period.
enum class FormSubject {
    Plan,  // the whole plan's selection (list, submission, minutes, decision)
    Unit,  // one unit (registration, achievement report): needs --unit
};

struct FormInfo {
    FormKind kind;
    std::string_view id;       // "to-trinh"
    std::string_view name_vi;  // "Tờ trình đề nghị khen thưởng"
    FormSubject subject;
    bool landscape;  // A4 landscape (the proposal list); otherwise A4 portrait
};

std::span<const FormInfo> form_kinds();
const FormInfo* find_form(std::string_view id);
const FormInfo& form_info(FormKind kind);

}  // namespace thidua::forms
