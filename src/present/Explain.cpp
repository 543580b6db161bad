#include "present/Explain.h"

#include <algorithm>

#include <fmt/format.h>

#include <cmath>
#include <map>

namespace thidua {
namespace {

using expr::Tri;

std::string_view fact_label_vi(std::string_view name) {
    static const std::map<std::string_view, std::string_view> kLabels = {
        {"par_score", "Điểm chỉ số CCHC"},
        {"par_max", "Điểm tối đa"},
        {"par_rank", "Thứ hạng chỉ số CCHC"},
        {"par_rating", "Xếp loại CCHC"},
        {"satisfaction", "Tỷ lệ hài lòng (%)"},
        {"task_completion", "Tỷ lệ hoàn thành nhiệm vụ CCHC (%)"},
        {"head_leads", "Người đứng đầu trực tiếp chỉ đạo"},
        {"compliance", "Gương mẫu chấp hành, nội bộ đoàn kết"},
        {"excellent_achievement", "Thành tích xuất sắc"},
        {"initiative", "Sáng kiến, mô hình mới"},
        {"disciplined", "Kỷ luật"},
        {"component_score", "Điểm chỉ số thành phần"},
        {"component_max", "Điểm tối đa chỉ số thành phần"},
        {"rating", "Xếp loại cá nhân"},
        {"initiative_level", "Cấp công nhận sáng kiến"},
        {"excellent_par", "Xuất sắc trong công tác CCHC"},
        {"ethics_ok", "Phẩm chất đạo đức tốt"},
        {"gender", "Giới tính"},
        {"par_role", "Trực tiếp làm CCHC"},
        {"resident", "Người dân"},
        {"has_component", "Tham mưu chỉ số thành phần"},
        {"members", "Cá nhân của đơn vị đạt"},
        {"registered", "Đăng ký thi đua"},
    };
    auto it = kLabels.find(name);
    return it == kLabels.end() ? name : it->second;
}

std::string label_of(const std::string& name, const EvaluationResult& r, Wording w) {
    if (w == Wording::Ids) return name;
    for (const DefinitionSpec& d : r.plan->spec.definitions)
        if (d.name == name && !d.label.empty()) return d.label;
    return std::string(fact_label_vi(name));
}

std::string value_text(const expr::Observation& o, Wording w) {
    if (!o.note.empty()) return o.note;
    const expr::Value& v = o.value;
    if (o.count_total > 0 || (o.name && *o.name == "members")) {
        std::string s = fmt::format("{}/{}", o.count_true, o.count_total);
        return s;
    }
    switch (o.type.kind) {
        case expr::TypeKind::Bool:
            if (v.tri == Tri::Unknown)
                return v.why == expr::Unknown::Pending
                           ? (w == Wording::Ids ? "review" : "đang xem xét")
                           : "?";
            if (w == Wording::Ids) return v.tri == Tri::True ? "1" : "0";
            return v.tri == Tri::True ? "có" : "không";
        case expr::TypeKind::Rating: {
            if (!v.range.known()) return "?";
            const auto code = static_cast<size_t>(v.range.lo);
            if (code >= o.type.scale->ids.size()) return "?";
            if (w == Wording::Vietnamese && code < o.type.scale->labels_vi.size())
                return o.type.scale->labels_vi[code];
            return o.type.scale->ids[code];
        }
        default:
            if (v.range.known() && !std::isnan(v.range.lo)) return format_number(v.range.lo);
            return "?";
    }
}

}  // namespace

std::string format_number(double v) {
    if (std::isnan(v)) return "?";
    std::string s = fmt::format("{:.2f}", v);
    while (s.back() == '0')
        s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string subject_id(const Dataset& data, Subject s) {
    if (s.index == kNoIndex) return "";
    return s.kind == SubjectKind::Unit ? data.units[s.index].id : data.people.id[s.index];
}

std::string subject_name(const Dataset& data, Subject s) {
    if (s.index == kNoIndex) return "";
    return s.kind == SubjectKind::Unit ? data.units[s.index].name : data.people.name[s.index];
}

std::string explain(const CriterionOutcome& c, const EvaluationResult& r, Subject candidate,
                    Wording wording) {
    // One run of values per (name, subject), in the order they were first used.
    struct Run {
        const std::string* name;
        Subject subject;
        std::vector<std::string> items;
    };
    std::vector<Run> runs;
    for (const expr::Observation& o : c.observations) {
        if (!o.name) continue;
        auto it = std::find_if(runs.begin(), runs.end(), [&](const Run& run) {
            return *run.name == *o.name && run.subject.kind == o.subject.kind &&
                   run.subject.index == o.subject.index;
        });
        if (it == runs.end()) {
            runs.push_back({o.name, o.subject, {}});
            it = runs.end() - 1;
        }
        std::string item =
            o.year ? fmt::format("{} {}", o.year, value_text(o, wording)) : value_text(o, wording);
        if (std::find(it->items.begin(), it->items.end(), item) == it->items.end())
            it->items.push_back(std::move(item));
    }
    std::string out;
    for (const Run& run : runs) {
        if (!out.empty()) out += "; ";
        out += label_of(*run.name, r, wording);
        const bool other =
            run.subject.kind != candidate.kind || run.subject.index != candidate.index;
        if (other) {
            out += wording == Wording::Ids
                       ? fmt::format("[{}]", subject_id(*r.data, run.subject))
                       : fmt::format(" ({})", subject_name(*r.data, run.subject));
        }
        out += wording == Wording::Ids ? " " : ": ";
        for (size_t i = 0; i < run.items.size(); ++i)
            out += (i ? ", " : "") + run.items[i];
    }
    return out;
}

std::string missing_fact(const expr::MissingFact& m, const Dataset& data, Subject candidate) {
    const std::string whose = subject_id(data, m.subject);
    if (std::string_view(m.file) == "registrations")
        return fmt::format("registrations:{}:{}", whose, m.key);
    std::string out = m.year ? fmt::format("{}:{}:{}", m.file, m.column, m.year)
                             : fmt::format("{}:{}", m.file, m.column);
    if (m.subject.kind != candidate.kind || m.subject.index != candidate.index) out += ":" + whose;
    return out;
}

std::vector<std::string> missing_facts_vi(const std::vector<expr::MissingFact>& facts,
                                          const Dataset& data, Subject candidate) {
    struct Line {
        std::string key, label;
        std::vector<int> years;
    };
    std::vector<Line> lines;
    for (const expr::MissingFact& m : facts) {
        const bool other = m.subject.kind != candidate.kind || m.subject.index != candidate.index;
        std::string label = std::string_view(m.file) == "registrations"
                                ? fmt::format("Đăng ký thi đua kỳ {}", m.key)
                                : std::string(fact_label_vi(m.column));
        if (other) label += " của " + subject_name(data, m.subject);
        const std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}", m.file, m.column, m.key,
                                            other ? subject_id(data, m.subject) : "");
        auto it =
            std::find_if(lines.begin(), lines.end(), [&](const Line& l) { return l.key == key; });
        if (it == lines.end()) it = lines.insert(lines.end(), Line{key, label, {}});
        if (m.year && std::find(it->years.begin(), it->years.end(), m.year) == it->years.end())
            it->years.push_back(m.year);
    }
    std::vector<std::string> out;
    for (Line& l : lines) {
        std::sort(l.years.begin(), l.years.end());
        std::string text = l.label;
        for (size_t i = 0; i < l.years.size(); ++i)
            text += fmt::format("{}{}", i == 0 ? ": năm " : ", ", l.years[i]);
        out.push_back(std::move(text));
    }
    return out;
}

const char* result_vi(Tri t) {
    switch (t) {
        case Tri::True:
            return "đạt";
        case Tri::False:
            return "không đạt";
        default:
            return "chưa rõ";
    }
}

const char* status_vi(Status s) {
    switch (s) {
        case Status::Eligible:
            return "đủ điều kiện";
        case Status::Ineligible:
            return "không đủ điều kiện";
        default:
            return "chưa đủ dữ liệu";
    }
}

std::string lineage_vi(const LineageOutcome& l) {
    std::string out = l.note;
    if (!l.depends_on_rule) return out;
    out += ". Phụ thuộc cách xét:";
    for (const auto& [rule, status] : l.by_rule)
        out += fmt::format(" {} → {};", history_rule_name(rule), status_vi(status));
    out.pop_back();
    return out;
}

}  // namespace thidua
