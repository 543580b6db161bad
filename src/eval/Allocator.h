#pragma once
// Fills the seats of a quota from ranked eligible candidates. Candidates equal on every ranking
// key form a class; a class that does not fit in the remaining seats is first split by the legal
// preference (women first, only when it is known for every member of the class), and what still
// does not fit is flagged as tied and left for the council, with its seats open.

#include <optional>
#include <vector>

#include "expr/Value.h"
#include "model/Dataset.h"

namespace thidua {

struct Entrant {
    std::vector<double> keys;  // higher is better
    expr::Tri preference = expr::Tri::Unknown;
    Index partition = kNoIndex;  // the unit a per-unit cap counts against
};

struct Allocation {
    std::vector<bool> selected, tied, capped_out;
    int open_seats = 0;
    std::vector<int> order;  // entrants best first (keys, then preference where it decided)
};

// `entrants` in any order; `quota` nullopt: no limit; `cap`: at most this many per partition.
Allocation allocate(const std::vector<Entrant>& entrants, std::optional<int> quota,
                    std::optional<int> cap);

// Competition ranks (1, 2, 2, 4) by keys alone, for entrants in `order`.
std::vector<int> competition_ranks(const std::vector<Entrant>& entrants,
                                   const std::vector<int>& order);

}  // namespace thidua
