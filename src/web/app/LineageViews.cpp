#include "web/app/LineageViews.h"

#include <cmath>

#include "model/Lineage.h"
#include "model/Vocabulary.h"

namespace thidua::web {
namespace {

using json = nlohmann::json;

// A bound on the units one answer lists, whatever the data: a tree across a few levels of a
// province's reorganisation stays far below it.
constexpr int kMaxLineageNodes = 500;

json date_or_null(const std::optional<Date>& day) {
    return day ? json(day->iso()) : json(nullptr);
}

enum class Direction : uint8_t { Back, Forward };

struct Walk {
    const Dataset& data;
    const UnitScope& scope;
    int nodes = 0;

    // The unit's dates and whether it closed, shared by the root and every related unit.
    void dates(json& out, const Unit& u) const {
        out["active_from"] = date_or_null(u.active_from);
        out["active_to"] = date_or_null(u.active_to);
        out["closed"] = u.active_to.has_value();
        out["closed_from"] = u.active_to ? json(u.active_to->plus_days(1).iso()) : json(nullptr);
    }

    // The units one step from `at` in `direction`, each followed `levels - 1` levels further.
    json related(Index at, Direction direction, int levels) {
        json out = json::array();
        if (levels <= 0) return out;
        const Unit& unit = data.units[static_cast<size_t>(at)];
        if (direction == Direction::Back) {
            const Index main = main_predecessor(data, at);
            for (size_t i = 0; i < unit.successor_of.size(); ++i) {
                const Index p = unit.successor_of[i];
                const double w =
                    i < unit.predecessor_weight.size() ? unit.predecessor_weight[i] : NAN;
                if (auto node = edge(p, w, p == main, direction, levels)) out.push_back(*node);
            }
        } else {
            for (const Index s : successors_of(data, at)) {
                const Unit& next = data.units[static_cast<size_t>(s)];
                double w = NAN;
                for (size_t i = 0; i < next.successor_of.size(); ++i)
                    if (next.successor_of[i] == at && i < next.predecessor_weight.size())
                        w = next.predecessor_weight[i];
                const bool main = main_predecessor(data, s) == at;
                if (auto node = edge(s, w, main, direction, levels)) out.push_back(*node);
            }
        }
        return out;
    }

    std::optional<json> edge(Index other, double weight, bool main, Direction direction,
                             int levels) {
        if (other == kNoIndex || ++nodes > kMaxLineageNodes) return std::nullopt;
        const Unit& u = data.units[static_cast<size_t>(other)];
        json node = {{"id", u.id},
                     {"name", u.name},
                     {"type", unit_type_id(u.type)},
                     {"weight", std::isnan(weight) ? json(nullptr) : json(weight)},
                     {"main", main},
                     {"readable", scope.contains(u.id)}};
        dates(node, u);
        node[direction == Direction::Back ? "predecessors" : "successors"] =
            related(other, direction, levels - 1);
        return node;
    }
};

}  // namespace

json unit_lineage_json(const Dataset& units, const std::string& unit_id, const UnitScope& scope,
                       int levels) {
    const auto found = units.unit_by_id.find(unit_id);
    if (found == units.unit_by_id.end()) return nullptr;
    const Index at = found->second;
    const Unit& unit = units.units[static_cast<size_t>(at)];
    Walk walk{units, scope};
    json out = json::object();
    walk.dates(out, unit);
    const Index main = main_predecessor(units, at);
    out["main_predecessor"] =
        main == kNoIndex ? json(nullptr) : json(units.units[static_cast<size_t>(main)].id);
    out["levels"] = levels;
    out["predecessors"] = walk.related(at, Direction::Back, levels);
    out["successors"] = walk.related(at, Direction::Forward, levels);
    return out;
}

json issuer_status_json(const forms::IssuerStatus& s) {
    return {{"dissolved", s.dissolved},
            {"last_day", date_or_null(s.last_day)},
            {"closed_from", s.last_day ? json(s.last_day->plus_days(1).iso()) : json(nullptr)},
            {"source", std::string(forms::successor_source_id(s.source))},
            {"successor", s.successor.empty() ? json(nullptr) : json(s.successor)},
            {"successor_from", date_or_null(s.successor_from)},
            {"warning", s.warning.empty() ? json(nullptr) : json(s.warning)}};
}

}  // namespace thidua::web
