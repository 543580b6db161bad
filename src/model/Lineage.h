#pragma once
// Which years belong to a unit, and who came before it. Vietnam's 2025 reorganisation closed
// districts and merged communes mid-year (2025-07-01); a yearly PAR assessment is made of the
// units that exist at the end of the year, so a year is a unit's own when the unit was active on
// 31 December of it. Years before a successor's first own year are its predecessors' years.

#include <climits>
#include <vector>

#include "model/Dataset.h"

namespace thidua {

// The first and last years the unit was active on 31 December (INT_MIN / INT_MAX when open).
int first_own_year(const Unit& unit);
int last_own_year(const Unit& unit);
inline bool owns_year(const Unit& unit, int year) {
    return year >= first_own_year(unit) && year <= last_own_year(unit);
}

// The predecessor whose history continues the unit's: the one marked main, else the heaviest by
// a strictly larger weight, else the only one; kNoIndex when the data does not say.
Index main_predecessor(const Dataset& data, Index unit);

// The weights used for a weighted reading, parallel to successor_of: as given, or all 1 when any
// is missing (the caller says so). Sets `equal` when it fell back to equal weights.
std::vector<double> predecessor_weights(const Unit& unit, bool& equal);

// Units that name `unit` among their predecessors, in dataset order.
std::vector<Index> successors_of(const Dataset& data, Index unit);
// The same for every unit at once, by unit index: one pass instead of one per closed unit.
std::vector<std::vector<Index>> successor_lists(const Dataset& data);

// The unit is closed on `day` (its active_to is before it).
inline bool closed_on(const Unit& unit, Date day) {
    return unit.active_to && *unit.active_to < day;
}

}  // namespace thidua
