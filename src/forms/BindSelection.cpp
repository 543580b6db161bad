#include <fmt/format.h>

#include "forms/BinderParts.h"
#include "forms/DocumentDefaults.h"
#include "forms/RewardMoney.h"
#include "forms/Selection.h"
#include "forms/VietnameseFormat.h"
#include "present/Explain.h"

namespace thidua::forms {
namespace {

const char* kind_word(AwardKind k) {
    return k == AwardKind::Collective ? "tập thể" : "cá nhân";
}

documents::TemplateRecord proposal_record(const EvaluationResult& r, const Proposal& p) {
    const CandidateOutcome& c = *p.candidate;
    return {
        {"ten", subject_name(*r.data, c.subject)},
        {"ma", subject_id(*r.data, c.subject)},
        {"loai", c.subject.kind == SubjectKind::Unit ? "Tập thể" : "Cá nhân"},
        {"don_vi", unit_of(r, c.subject)},
        {"nhom", group_name(r, p)},
        {"hinh_thuc", award_title(p.award->award->spec->name)},
        {"xep_hang", c.rank ? std::to_string(*c.rank) : std::string()},
        {"thanh_tich", achievement_text(r, c)},
        {"ghi_chu", ""},
    };
}

// "Cờ thi đua ...: 05 đủ tiêu chuẩn, 03 được chọn theo chỉ tiêu; ..."
std::string outcome_summary(const EvaluationResult& r, const std::string& award_id) {
    std::string out;
    for (const AwardOutcome& a : r.awards) {
        if (!award_id.empty() && a.award->spec->id != award_id) continue;
        int eligible = 0, selected = 0;
        for (const GroupOutcome& g : a.groups) {
            selected += static_cast<int>(g.selected.size());
            for (const CandidateOutcome& c : g.candidates)
                if (c.status == Status::Eligible) ++eligible;
        }
        out += fmt::format("{}{}: {} {} đủ tiêu chuẩn, {} được chọn theo chỉ tiêu",
                           out.empty() ? "" : "; ", award_title(a.award->spec->name),
                           count_text(eligible), kind_word(a.award->kind), count_text(selected));
    }
    return out.empty() ? out : out + ".";
}

std::string ties_summary(const EvaluationResult& r, const std::vector<Proposal>& ties) {
    if (ties.empty()) return {};
    std::string groups;
    const GroupOutcome* last = nullptr;
    for (const Proposal& t : ties) {
        if (t.group == last) continue;
        last = t.group;
        int tied = 0;
        for (const Proposal& u : ties)
            if (u.group == t.group) ++tied;
        groups += fmt::format("{}{} - {}: {} trường hợp cho {} suất", groups.empty() ? "" : "; ",
                              award_title(t.award->award->spec->name), group_name(r, t),
                              count_text(tied), count_text(t.group->open_seats));
    }
    return "Có trường hợp bằng nhau ở suất cuối (" + groups +
           "), đề nghị Hội đồng Thi đua - Khen thưởng xem xét, quyết định.";
}

void put_money(documents::TemplateValues& v, const RewardSummary& money) {
    auto& lines = v.list("tong_hop");
    for (const RewardLine& l : money.lines) {
        const bool priced = l.multiple && money.base_salary;
        lines.push_back({
            {"hinh_thuc", l.award_name},
            {"doi_tuong", l.kind == AwardKind::Collective ? "Tập thể" : "Cá nhân"},
            {"so_luong", count_text(l.count)},
            {"he_so", l.multiple ? multiple_text(*l.multiple) : "Chưa quy định"},
            {"muc_thuong", priced ? money_text(l.per_award) : std::string()},
            {"thanh_tien", priced ? money_text(l.subtotal) : std::string()},
        });
    }
    v.set("luong_co_so", money.base_salary ? money_text(money.base_salary->amount) : "");
    v.set("luong_co_so.can_cu", money.base_salary ? money.base_salary->basis : "");
    v.set("tong_tien", money_text(money.total));
    v.set("tong_tien.bang_chu", money_words(money.total));
}

// "GIÁM ĐỐC" or "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" -> "Giám đốc": the head of the body, in a sentence.
std::string head_title(const std::string& signer_title) {
    std::string first = signer_title.substr(0, signer_title.find('\n'));
    for (const char* prefix : {"KT. ", "TM. ", "Q. ", "TL. ", "TUQ. "})
        if (first.rfind(prefix, 0) == 0) first = first.substr(std::string(prefix).size());
    return first.empty() ? "Thủ trưởng" : capitalize_first(lower_vi(first));
}

}  // namespace

void put_selection(documents::TemplateValues& v, const FormRequest& q) {
    const EvaluationResult& r = *q.result;
    const PlanSpec& plan = plan_of(q);
    const std::vector<Proposal> proposals = selected_proposals(r, q.award);
    const std::vector<Proposal> ties = tied_proposals(r, q.award);

    int units = 0, people = 0;
    auto& list = v.list("de_nghi");
    for (const Proposal& p : proposals) {
        (p.candidate->subject.kind == SubjectKind::Unit ? units : people)++;
        list.push_back(proposal_record(r, p));
    }
    std::vector<Proposal> all_awards = proposals;
    all_awards.insert(all_awards.end(), ties.begin(), ties.end());
    v.set("hinh_thuc", award_titles(all_awards));
    v.set("so_tap_the", count_text(units));
    v.set("so_ca_nhan", count_text(people));
    v.set("tong_so", count_text(units + people));

    auto& tied = v.list("dong_hang");
    for (const Proposal& t : ties) {
        tied.push_back({
            {"ten", subject_name(*r.data, t.candidate->subject)},
            {"don_vi", unit_of(r, t.candidate->subject)},
            {"hinh_thuc", award_title(t.award->award->spec->name)},
            {"nhom", group_name(r, t)},
            {"so_suat", count_text(t.group->open_seats)},
        });
    }
    v.set("tom_tat_dong_hang", ties_summary(r, ties));
    v.set("tom_tat_ket_qua", outcome_summary(r, q.award));
    put_money(v, reward_money(plan, proposals, q.date));
    v.set("kinh_gui", authority_on(plan.issuer, q.date).name);
    v.set("hoi_dong.ten", council_name(plan, q.date));
}

void put_minutes(documents::TemplateValues& v, const FormRequest& q) {
    const EvaluationResult& r = *q.result;
    const CouncilSpec& council = plan_of(q).documents.council;
    const std::string blank = "……………………";
    v.set("thoi_gian", "…… giờ …… phút, " + date_words(q.date));
    v.set("dia_diem", blank);
    v.set("chu_tri.ho_ten", blank);
    v.set("chu_tri.chuc_vu", blank);
    v.set("thu_ky.ho_ten", blank);
    v.set("thu_ky.chuc_vu", blank);
    auto& members = v.list("thanh_vien");
    for (const CouncilMemberSpec& m : council.members) {
        members.push_back({{"ho_ten", m.name}, {"chuc_vu", m.title}, {"vai_tro", m.role}});
        if (m.role.rfind("Chủ tịch", 0) == 0) {
            v.set("chu_tri.ho_ten", m.name);
            v.set("chu_tri.chuc_vu", m.title);
        } else if (m.role.rfind("Thư ký", 0) == 0) {
            v.set("thu_ky.ho_ten", m.name);
            v.set("thu_ky.chuc_vu", m.title);
        }
    }
    // No members in the plan: blank lines to write the attendance by hand.
    for (size_t i = members.size(); i < 5 && council.members.empty(); ++i)
        members.push_back({{"ho_ten", ""}, {"chuc_vu", ""}, {"vai_tro", ""}});
    v.set("so_thanh_vien", council.members.empty() ? "……" : count_text(council.members.size()));
    v.set("dieu_kien_hop", council.quorum.empty() ? kDefaultQuorum : council.quorum);
    v.set("nguong_thong_qua", council.approval.empty() ? kDefaultApproval : council.approval);

    auto& votes = v.list("bieu_quyet");
    auto add = [&](const Proposal& p, std::string proposal) {
        votes.push_back({
            {"ten", subject_name(*r.data, p.candidate->subject)},
            {"don_vi", unit_of(r, p.candidate->subject)},
            {"hinh_thuc", award_title(p.award->award->spec->name)},
            {"xep_hang", p.candidate->rank ? std::to_string(*p.candidate->rank) : ""},
            {"de_xuat", std::move(proposal)},
            {"dong_y", ""},
            {"ty_le", ""},
        });
    };
    for (const Proposal& p : selected_proposals(r, q.award))
        add(p, "Đủ tiêu chuẩn, trong chỉ tiêu");
    for (const Proposal& t : tied_proposals(r, q.award))
        add(t, fmt::format("Bằng nhau ở suất cuối: Hội đồng chọn {} suất",
                           count_text(t.group->open_seats)));
}

void put_decision(documents::TemplateValues& v, const FormRequest& q) {
    const EvaluationResult& r = *q.result;
    const PlanSpec& plan = plan_of(q);
    const DocumentsSpec& docs = plan.documents;
    const AgencySpec& authority = authority_on(plan.issuer, q.date);
    // `authority_title` names the issuer's head; a successor's head is its committee's chair.
    const bool own_title = !docs.authority_title.empty() && &authority == &plan.issuer;
    const std::string title = own_title ? docs.authority_title : "Chủ tịch " + authority.name;
    v.set("tham_quyen", upper_vi(title));
    const Heading proposer = proposer_heading(plan, q.date);
    v.set("xet_de_nghi", docs.proposer.name.empty()
                             ? "Xét đề nghị của " + council_name(plan, q.date)
                             : fmt::format("Xét đề nghị của {} tại Tờ trình số {}/TTr-{}",
                                           proposer.name, number_or_blank(""), proposer.symbol));

    const std::vector<Proposal> proposals = selected_proposals(r, q.award);
    const RewardSummary money = reward_money(plan, proposals, q.date);
    auto& articles = v.list("dieu_khen");
    for (const RewardLine& l : money.lines) {
        articles.push_back(
            {{"noi_dung", fmt::format("Tặng {} cho {} {} đã có thành tích xuất sắc trong {} {} "
                                      "(có danh sách kèm theo).",
                                      l.award_name, count_text(l.count), kind_word(l.kind),
                                      kDefaultMovement, period_words(r.period))}});
    }
    const bool priced = money.total > 0 && money.base_salary;
    const std::string fund = docs.fund.empty() ? kDefaultFund : docs.fund;
    v.set("tien_thuong",
          priced ? fmt::format("Tiền thưởng kèm theo tổng cộng {} ({}), theo mức lương cơ sở {} "
                               "({}), trích từ {} của {}.",
                               money_text(money.total), money_words(money.total),
                               money_text(money.base_salary->amount), money.base_salary->basis,
                               fund, authority.name)
                 : "Tiền thưởng kèm theo thực hiện theo quy định của Luật Thi đua, khen thưởng và "
                   "các văn bản quy định chi tiết thi hành.");
    v.set("thi_hanh",
          docs.executors.empty()
              ? fmt::format("Chánh Văn phòng {}, {} {}, thủ trưởng các cơ quan, đơn vị có liên "
                            "quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi "
                            "hành Quyết định này.",
                            authority.name, head_title(proposer.signer_title), proposer.name)
              : docs.executors);
    v.set("phu_luc.tieu_de",
          upper_vi("Danh sách tập thể, cá nhân được tặng " + award_titles(proposals)));
    v.set("phu_luc.kem_theo",
          fmt::format("(Kèm theo Quyết định số {}/QĐ-{} {} của {})", number_or_blank(q.number),
                      authority_heading(plan, q.date).symbol, date_words(q.date), title));
}

}  // namespace thidua::forms
