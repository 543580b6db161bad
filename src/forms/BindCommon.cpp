#include <fmt/format.h>

#include "forms/BinderParts.h"
#include "forms/DocumentDefaults.h"
#include "forms/VietnameseFormat.h"

namespace thidua::forms {
namespace {

std::string summary_line(const FormRequest& q) {
    const EvaluationResult& r = *q.result;
    const std::string what = std::string(kDefaultMovement) + " " + period_words(r.period);
    switch (q.kind) {
        case FormKind::Registration:
            return "Thi đua thực hiện nhiệm vụ cải cách hành chính " + period_words(r.period);
        case FormKind::ProposalList:
            return "Tập thể, cá nhân đề nghị khen thưởng trong " + what;
        case FormKind::Submission:
            return "Về việc đề nghị khen thưởng cho tập thể, cá nhân có thành tích xuất sắc "
                   "trong " +
                   what;
        case FormKind::CouncilMinutes:
            return "Họp xét đề nghị khen thưởng " + what;
        case FormKind::AchievementReport:
            return "Thành tích đề nghị khen thưởng thi đua theo chuyên đề " + what;
        case FormKind::Decision:
            return "Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc trong " + what;
    }
    return {};
}

std::vector<std::string> default_recipients(const FormRequest& q) {
    const PlanSpec& plan = plan_of(q);
    switch (q.kind) {
        case FormKind::Registration:
        case FormKind::AchievementReport: {
            std::string to = plan.dossier.recipient.empty() ? plan.documents.proposer.name
                                                            : plan.dossier.recipient;
            if (to.empty()) to = plan.issuer.name;
            return {to, "Lưu: VT"};
        }
        case FormKind::Submission:
            return {"Như trên", "Lưu: VT"};
        case FormKind::Decision:
            return {"Như Điều 3", "Lưu: VT"};
        default:
            return {"Lưu: VT"};
    }
}

// "- Như trên;\n- Lưu: VT." : the dash and the punctuation of Decree 30's "Nơi nhận".
std::string recipients_text(const std::vector<std::string>& lines) {
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string line = lines[i];
        if (line.rfind("- ", 0) == 0) line.erase(0, 2);
        while (!line.empty() && (line.back() == ';' || line.back() == '.' || line.back() == ' '))
            line.pop_back();
        out += "- " + line + (i + 1 == lines.size() ? "." : ";");
        if (i + 1 != lines.size()) out += '\n';
    }
    return out;
}

void put_legal_bases(documents::TemplateValues& v, const FormRequest& q) {
    const PlanSpec& plan = plan_of(q);
    std::vector<std::string> bases = plan.documents.legal_bases.empty()
                                         ? default_legal_bases(q.date)
                                         : plan.documents.legal_bases;
    std::string about = plan.title;
    if (about.rfind("Kế hoạch ", 0) == 0) about = about.substr(std::string("Kế hoạch ").size());
    bases.push_back(plan_citation(plan) + (about.empty() ? "" : " về " + about));
    auto& list = v.list("can_cu");
    for (std::string& b : bases)
        list.push_back({{"noi_dung", std::move(b)}});
}

}  // namespace

std::string plan_citation(const PlanSpec& plan) {
    std::string out = "Kế hoạch số " + plan.number;
    if (plan.date) out += " ngày " + date_numeric(*plan.date);
    return out + " của " + plan.issuer.name;
}

std::string number_or_blank(const std::string& number) {
    return number.empty() ? std::string("      ") : number;
}

void put_common(documents::TemplateValues& v, const FormRequest& q, const Heading& h) {
    const PlanSpec& plan = plan_of(q);
    v.set("co_quan.chu_quan", upper_vi(h.parent));
    v.set("co_quan.ten", upper_vi(h.name));
    v.set("co_quan.ky_hieu", h.symbol);
    v.set("so", number_or_blank(q.number));
    v.set("dia_danh", h.place.empty() ? plan.issuer.place : h.place);
    v.set("ngay_thang", date_words(q.date));
    v.set("ngay", date_numeric(q.date));
    v.set("nam", std::to_string(q.date.year()));
    v.set("trich_yeu", summary_line(q));
    v.set("nguoi_ky.chuc_vu", upper_vi(h.signer_title));
    v.set("nguoi_ky.ho_ten", h.signer);
    const auto own = plan.documents.recipients.find(std::string(form_info(q.kind).id));
    v.set("noi_nhan",
          recipients_text(own != plan.documents.recipients.end() ? own->second
                                                                 : default_recipients(q)));
    v.set("ke_hoach.so", plan.number);
    v.set("ke_hoach.ngay", plan.date ? date_numeric(*plan.date) : std::string());
    v.set("ke_hoach.ten", plan.title);
    v.set("ke_hoach.co_quan", plan.issuer.name);
    v.set("ke_hoach.trich_dan", plan_citation(plan));
    v.set("ky_danh_gia", period_words(q.result->period));
    put_legal_bases(v, q);
}

}  // namespace thidua::forms
