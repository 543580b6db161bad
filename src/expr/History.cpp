#include "expr/History.h"

#include <fmt/format.h>

#include <algorithm>

#include "model/Lineage.h"

namespace thidua::expr {
namespace {

bool reads_predecessors(const Context& ctx, const Unit& u) {
    return !u.successor_of.empty() && ctx.year < first_own_year(u);
}

// One step back under main or all; kNoIndex when the data does not say which.
Index step_back(const Context& ctx, Index unit) {
    const Unit& u = ctx.data->units[static_cast<size_t>(unit)];
    const bool subject = ctx.subject.kind == SubjectKind::Unit && ctx.subject.index == unit;
    if (ctx.history == HistoryRule::All && subject &&
        std::find(u.successor_of.begin(), u.successor_of.end(), ctx.world) != u.successor_of.end())
        return ctx.world;
    // Deeper steps, and `all` outside the subject's own predecessors, follow the main line.
    return main_predecessor(*ctx.data, unit);
}

}  // namespace

HistorySource history_source(const Context& ctx, Index unit) {
    // Bounded: lineage in bad data could loop.
    for (size_t steps = 0; steps <= ctx.data->units.size(); ++steps) {
        const Unit& u = ctx.data->units[static_cast<size_t>(unit)];
        if (!reads_predecessors(ctx, u)) return {HistoryKind::Itself, unit};
        if (ctx.history == HistoryRule::Own) return {HistoryKind::None, unit};
        if (ctx.history == HistoryRule::Weighted) return {HistoryKind::Weighted, unit};
        const Index back = step_back(ctx, unit);
        if (back == kNoIndex) return {HistoryKind::None, unit};
        unit = back;
    }
    return {HistoryKind::None, unit};
}

Tri weighted_vote(double yes_weight, double total_weight) {
    if (yes_weight * 2 == total_weight) return Tri::Unknown;
    return yes_weight * 2 > total_weight ? Tri::True : Tri::False;
}

std::string no_history_note(const Context& ctx, Index unit) {
    const Unit& u = ctx.data->units[static_cast<size_t>(unit)];
    const std::string since = u.active_from ? u.active_from->dmy() : "?";
    if (ctx.history == HistoryRule::Own)
        return fmt::format("? (đơn vị thành lập ngày {}; kế hoạch chỉ xét năm của chính đơn vị)",
                           since);
    return fmt::format("? (đơn vị thành lập ngày {}; chưa xác định đơn vị tiền thân chính)", since);
}

}  // namespace thidua::expr
