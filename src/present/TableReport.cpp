#include "present/TableReport.h"

#include <fmt/format.h>

#include "present/Explain.h"

namespace thidua {
namespace {

// Display width in characters (Vietnamese NFC text is one code point a letter).
size_t width(std::string_view s) {
    size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string pad(std::string s, size_t w) {
    const size_t n = width(s);
    if (n < w) s.append(w - n, ' ');
    return s;
}

std::string named(const Dataset& d, Subject s) {
    return fmt::format("{} ({})", subject_name(d, s), subject_id(d, s));
}

std::string list(const Dataset& d, const std::vector<Subject>& subjects) {
    std::string out;
    for (size_t i = 0; i < subjects.size(); ++i)
        out += fmt::format("{}{}. {}", i ? "; " : "", i + 1, named(d, subjects[i]));
    return out.empty() ? "(không có)" : out;
}

std::string mark(const CandidateOutcome& c) {
    if (c.selected) return "ĐƯỢC CHỌN";
    if (c.tied) return "HÒA - chờ HĐ";
    if (c.status == Status::Eligible && c.lineage && !c.lineage->competes)
        return "đủ ĐK, không xét (sáp nhập)";
    if (c.status == Status::Eligible)
        return c.capped_out ? "đủ ĐK, hết suất đơn vị" : "đủ ĐK, ngoài chỉ tiêu";
    return status_vi(c.status);
}

// Why a candidate that is not selected is not: the criteria it fails, or the ones still unknown.
std::string why_not(const CandidateOutcome& c, const EvaluationResult& r) {
    std::string out;
    for (const CriterionOutcome& co : c.criteria) {
        if (co.result == expr::Tri::True) continue;
        if (c.status == Status::Ineligible && co.result != expr::Tri::False) continue;
        const std::string evidence = explain(co, r, c.subject, Wording::Vietnamese);
        out += fmt::format("\n      - {}: {}{}", result_vi(co.result), co.criterion->label,
                           evidence.empty() ? "" : " — " + evidence);
    }
    if (c.status == Status::Incomplete && !c.missing.empty()) {
        out += "\n      - còn thiếu hoặc đang chờ:";
        for (const auto& m : c.missing)
            out += " " + missing_fact(m, *r.data, c.subject);
    }
    return out;
}

// The ranking key values the order was decided on, "4 / 91.2 / 93", for eligible candidates.
std::string keys(const CandidateOutcome& c) {
    std::string out;
    for (size_t i = 0; i < c.keys.size(); ++i)
        out += (i ? " / " : "") + format_number(c.keys[i]);
    return out;
}

std::string key_legend(const CompiledAwardGroup& g) {
    std::string out;
    for (size_t i = 0; i < g.ranking.size(); ++i)
        out += (i ? " / " : "") + g.ranking[i].label;
    return out;
}

void write_group(const GroupOutcome& g, const EvaluationResult& r, std::ostream& out) {
    const Dataset& d = *r.data;
    const std::string name =
        g.group->plan_group >= 0 ? r.plan->spec.groups[g.group->plan_group].name : "Cá nhân";
    const std::string quota = g.group->quota ? std::to_string(*g.group->quota) : "không giới hạn";
    out << fmt::format(
        "\n  Nhóm: {} ({}) — chỉ tiêu: {}; được chọn: {}; hòa: {}; suất còn trống: {}\n", name,
        g.group->id, quota, g.selected.size(), g.tied.size(), g.open_seats);
    out << "    Được chọn: " << list(d, g.selected) << "\n";
    if (!g.group->ranking.empty()) out << "    Xếp hạng theo: " << key_legend(*g.group) << "\n";
    if (!g.tied.empty())
        out << "    Hòa ở suất cuối (Hội đồng quyết định): " << list(d, g.tied) << "\n";
    size_t id_w = 4, name_w = 4;
    for (const CandidateOutcome& c : g.candidates) {
        id_w = std::max(id_w, width(subject_id(d, c.subject)));
        name_w = std::min<size_t>(40, std::max(name_w, width(subject_name(d, c.subject))));
    }
    out << "    " << pad("Hạng", 5) << pad("Mã", id_w + 2) << pad("Tên", name_w + 2)
        << pad("Kết quả", 24) << "Khóa xếp hạng\n";
    size_t rows = 0;
    for (const CandidateOutcome& c : g.candidates) {
        if (++rows > 60) {
            out << fmt::format("    … và {} ứng viên khác\n", g.candidates.size() - 60);
            break;
        }
        const std::string rank = c.rank ? std::to_string(*c.rank) : "-";
        out << "    " << pad(rank, 5) << pad(subject_id(d, c.subject), id_w + 2)
            << pad(subject_name(d, c.subject), name_w + 2) << pad(mark(c), 24) << keys(c) << "\n";
    }
    // Individual awards list everyone of the dataset: explain the first ones, count the rest.
    constexpr size_t kMaxReasons = 40;
    size_t shown = 0, hidden = 0;
    for (const CandidateOutcome& c : g.candidates) {
        const bool lineage = c.lineage.has_value();
        if (!lineage && (c.selected || c.status == Status::Eligible)) continue;
        if (shown == kMaxReasons) {
            ++hidden;
            continue;
        }
        if (shown++ == 0) out << "    Lý do chưa được chọn, sáp nhập:\n";
        out << "    * " << named(d, c.subject) << ": " << status_vi(c.status) << why_not(c, r);
        if (lineage) out << "\n      - sáp nhập: " << lineage_vi(*c.lineage);
        out << "\n";
    }
    if (hidden > 0)
        out << fmt::format("    … và {} ứng viên khác chưa đủ điều kiện (xem --format json).\n",
                           hidden);
}

void write_dossiers(const EvaluationResult& r, std::ostream& out) {
    if (r.dossiers.empty()) return;
    out << "\nHồ sơ đề nghị khen thưởng\n";
    for (const DossierOutcome& d : r.dossiers) {
        const std::string due = d.due ? d.due->dmy() : "chưa xác định (" + d.due_note + ")";
        std::string missing;
        for (const DocumentOutcome& doc : d.documents)
            if (doc.submitted < doc.required)
                missing += fmt::format("{}{} ({}/{})", missing.empty() ? "" : ", ",
                                       doc.document->name, doc.submitted, doc.required);
        out << fmt::format("  - {} — {}: hạn nộp {}; {}\n", named(*r.data, d.subject),
                           d.award->spec->name, due,
                           d.complete ? "đủ hồ sơ" : "còn thiếu: " + missing);
    }
}

}  // namespace

void write_table(const EvaluationResult& r, std::ostream& out) {
    const PlanSpec& p = r.plan->spec;
    out << p.title << "\n";
    out << fmt::format("{} — Kế hoạch số {}{}\n", p.issuer.name, p.number,
                       p.date ? " ngày " + p.date->dmy() : "");
    out << fmt::format("Kỳ xét: {} ({})\n", r.period.id,
                       r.period.is_phase
                           ? fmt::format("giai đoạn {}–{}", r.period.first_year, r.period.last_year)
                           : fmt::format("năm {}", r.period.first_year));
    if (r.awards.empty())
        out << "\nKế hoạch không quy định hình thức khen thưởng nào cho kỳ này.\n";
    for (const AwardOutcome& a : r.awards) {
        out << fmt::format("\n== {} ({}, {}) ==\n", a.award->spec->name, a.award->spec->id,
                           a.award->kind == AwardKind::Collective ? "tập thể" : "cá nhân");
        for (const GroupOutcome& g : a.groups)
            write_group(g, r, out);
    }
    write_dossiers(r, out);
}

}  // namespace thidua
