#include "eval/LineageDecisions.h"

#include <fmt/format.h>

#include "model/Lineage.h"

namespace thidua {
namespace {

std::string names(const Dataset& data, const std::vector<Index>& units) {
    std::string out;
    for (Index u : units)
        out += (out.empty() ? "" : ", ") + data.units[static_cast<size_t>(u)].name;
    return out;
}

const std::string& name_of(const Dataset& data, Index unit) {
    return data.units[static_cast<size_t>(unit)].name;
}

// Whose award it becomes: the successor that continues this unit's line, or the only one.
Index heir(const Dataset& data, Index unit, const std::vector<Index>& successors) {
    if (successors.size() == 1) return successors.front();
    Index found = kNoIndex;
    for (Index s : successors) {
        if (main_predecessor(data, s) != unit) continue;
        if (found != kNoIndex) return kNoIndex;
        found = s;
    }
    return found;
}

}  // namespace

bool active_in(const Unit& unit, const Period& period) {
    return first_own_year(unit) <= period.last_year && last_own_year(unit) >= period.first_year;
}

bool reads_history(const Unit& unit, const Period& period) {
    return !unit.successor_of.empty() && first_own_year(unit) > period.first_year;
}

void add_successors(const Dataset& data, std::vector<bool>& inside) {
    // Repeated until nothing changes: a successor of a successor joins on a later pass.
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t u = 0; u < data.units.size(); ++u) {
            if (inside[u]) continue;
            for (Index p : data.units[u].successor_of) {
                if (!inside[static_cast<size_t>(p)]) continue;
                inside[u] = true;
                changed = true;
                break;
            }
        }
    }
}

LineageOutcome closed_outcome(const Dataset& data, Index unit, const LineageSpec& rules,
                              HistoryRule history, const std::vector<Index>& successors,
                              const std::vector<Index>& successor_candidates) {
    const Unit& u = data.units[static_cast<size_t>(unit)];
    LineageOutcome out;
    out.closed = true;
    out.closed_on = u.active_to;
    out.last_year = last_own_year(u);
    out.successors = successors;
    const std::string closed =
        fmt::format("Đơn vị đã giải thể, sáp nhập (hoạt động đến ngày {}{})",
                    u.active_to ? u.active_to->dmy() : "?",
                    out.successors.empty() ? "" : "; kế thừa: " + names(data, out.successors));
    const std::string years =
        fmt::format("xét trên các năm của chính đơn vị, đến năm {}", out.last_year);
    if (history != HistoryRule::Own && !successor_candidates.empty()) {
        out.competes = false;
        out.note = fmt::format(
            "{}; {}; không xét khen riêng vì {} được xét thay, với lịch sử "
            "của đơn vị này ({})",
            closed, years, names(data, successor_candidates), history_rule_name(history));
        return out;
    }
    if (rules.closed_units == ClosedAward::Lapse || out.successors.empty()) {
        out.competes = false;
        out.note = fmt::format("{}; {}; {}", closed, years,
                               out.successors.empty()
                                   ? "không có đơn vị kế thừa nên khen thưởng không được xét"
                                   : "theo kế hoạch, khen thưởng của đơn vị đã giải thể không "
                                     "chuyển cho đơn vị kế thừa");
        return out;
    }
    out.award_to = heir(data, unit, out.successors);
    out.note = out.award_to != kNoIndex
                   ? fmt::format("{}; {}; nếu được khen, khen thưởng chuyển cho {}", closed, years,
                                 name_of(data, out.award_to))
                   : fmt::format(
                         "{}; {}; có nhiều đơn vị kế thừa: Hội đồng chọn đơn vị nhận "
                         "khen thưởng",
                         closed, years);
    return out;
}

LineageOutcome merged_outcome(const Dataset& data, Index unit, HistoryRule history) {
    const Unit& u = data.units[static_cast<size_t>(unit)];
    LineageOutcome out;
    out.merged = true;
    out.predecessors = u.successor_of;
    out.main_predecessor = main_predecessor(data, unit);
    out.note = fmt::format("Thành lập ngày {} từ {}; các năm trước được xét {}",
                           u.active_from ? u.active_from->dmy() : "?", names(data, u.successor_of),
                           history_rule_name(history));
    if (history == HistoryRule::Main)
        out.note += out.main_predecessor != kNoIndex
                        ? fmt::format(" ({})", name_of(data, out.main_predecessor))
                        : " (chưa xác định đơn vị tiền thân chính)";
    return out;
}

}  // namespace thidua
