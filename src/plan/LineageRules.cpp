#include "plan/LineageRules.h"

namespace thidua {

std::string_view history_rule_id(HistoryRule rule) {
    switch (rule) {
        case HistoryRule::Main:
            return "main";
        case HistoryRule::All:
            return "all";
        case HistoryRule::Weighted:
            return "weighted";
        default:
            return "own";
    }
}

std::string_view history_rule_name(HistoryRule rule) {
    switch (rule) {
        case HistoryRule::Main:
            return "theo đơn vị tiền thân chính";
        case HistoryRule::All:
            return "mọi đơn vị tiền thân đều phải đạt";
        case HistoryRule::Weighted:
            return "bình quân theo trọng số các đơn vị tiền thân";
        default:
            return "chỉ các năm của chính đơn vị";
    }
}

std::optional<HistoryRule> parse_history_rule(std::string_view id) {
    for (HistoryRule r : kHistoryRules)
        if (history_rule_id(r) == id) return r;
    return std::nullopt;
}

std::string_view closed_award_id(ClosedAward rule) {
    return rule == ClosedAward::Successor ? "successor" : "lapse";
}

std::optional<ClosedAward> parse_closed_award(std::string_view id) {
    if (id == "successor") return ClosedAward::Successor;
    if (id == "lapse") return ClosedAward::Lapse;
    return std::nullopt;
}

}  // namespace thidua
