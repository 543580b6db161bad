#pragma once
// How a plan judges units that merged or closed in a reorganisation (the `lineage:` section).
// No published guidance says how a phase award is judged for a merged unit, so the plan states
// its reading and every affected decision names it.

#include <cstdint>
#include <optional>
#include <string_view>

namespace thidua {

// Which facts stand for the years before a unit existed.
enum class HistoryRule : uint8_t {
    Own,       // none: those years are unknown
    Main,      // the main predecessor's
    All,       // a criterion must hold for every predecessor (the strict reading)
    Weighted,  // numbers: the weighted mean; ratings and yes/no facts: the weighted median
};
inline constexpr HistoryRule kHistoryRules[] = {HistoryRule::Own, HistoryRule::Main,
                                                HistoryRule::All, HistoryRule::Weighted};

std::string_view history_rule_id(HistoryRule rule);    // "weighted"
std::string_view history_rule_name(HistoryRule rule);  // Vietnamese, for people
std::optional<HistoryRule> parse_history_rule(std::string_view id);

// What becomes of an award a closed unit earns on its own years.
enum class ClosedAward : uint8_t { Lapse, Successor };
std::string_view closed_award_id(ClosedAward rule);
std::optional<ClosedAward> parse_closed_award(std::string_view id);
}  // namespace thidua
