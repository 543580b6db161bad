#include "model/Lineage.h"

#include <algorithm>
#include <cmath>

namespace thidua {

int first_own_year(const Unit& unit) {
    return unit.active_from ? unit.active_from->year() : INT_MIN;
}

int last_own_year(const Unit& unit) {
    if (!unit.active_to) return INT_MAX;
    const Date end = *unit.active_to;
    return end.month() == 12 && end.day() == 31 ? end.year() : end.year() - 1;
}

Index main_predecessor(const Dataset& data, Index unit) {
    const Unit& u = data.units[static_cast<size_t>(unit)];
    if (u.main_predecessor != kNoIndex) return u.main_predecessor;
    if (u.successor_of.size() == 1) return u.successor_of.front();
    Index best = kNoIndex;
    double best_weight = -1;
    bool unique = false;
    for (size_t i = 0; i < u.successor_of.size(); ++i) {
        const double w = i < u.predecessor_weight.size() ? u.predecessor_weight[i] : NAN;
        if (std::isnan(w)) return kNoIndex;
        if (w > best_weight) {
            best = u.successor_of[i];
            best_weight = w;
            unique = true;
        } else if (w == best_weight) {
            unique = false;
        }
    }
    return unique ? best : kNoIndex;
}

std::vector<double> predecessor_weights(const Unit& unit, bool& equal) {
    equal = false;
    std::vector<double> out(unit.successor_of.size(), 1.0);
    for (size_t i = 0; i < out.size(); ++i) {
        const double w = i < unit.predecessor_weight.size() ? unit.predecessor_weight[i] : NAN;
        if (std::isnan(w) || w <= 0) {
            equal = true;
            std::fill(out.begin(), out.end(), 1.0);
            return out;
        }
        out[i] = w;
    }
    return out;
}

std::vector<Index> successors_of(const Dataset& data, Index unit) {
    std::vector<Index> out;
    for (size_t u = 0; u < data.units.size(); ++u)
        for (Index p : data.units[u].successor_of)
            if (p == unit) out.push_back(static_cast<Index>(u));
    return out;
}

std::vector<std::vector<Index>> successor_lists(const Dataset& data) {
    std::vector<std::vector<Index>> out(data.units.size());
    for (size_t u = 0; u < data.units.size(); ++u)
        for (Index p : data.units[u].successor_of)
            out[static_cast<size_t>(p)].push_back(static_cast<Index>(u));
    return out;
}

}  // namespace thidua
