#pragma once
// Runtime values of the criterion language, with three-valued logic.
//
// A number or a rating is an interval [lo, hi] of what it can still be: a known value is a point,
// an unknown one spans its domain (a missing satisfaction is [0, 100]). Arithmetic and aggregates
// work on intervals, so "mean rate over 2021-2025 >= 80" fails as soon as the known years make 80
// unreachable even with 100 in the unknown ones, and passes once it is certain. Ratings are
// intervals of scale codes (best first). Comparisons give True, False or Unknown.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "model/Dataset.h"

namespace thidua::expr {

enum class Tri : int8_t { False = 0, True = 1, Unknown = 2 };

inline Tri tri_not(Tri a) {
    return a == Tri::Unknown ? Tri::Unknown : (a == Tri::True ? Tri::False : Tri::True);
}
inline Tri tri_and(Tri a, Tri b) {
    if (a == Tri::False || b == Tri::False) return Tri::False;
    if (a == Tri::True && b == Tri::True) return Tri::True;
    return Tri::Unknown;
}
inline Tri tri_or(Tri a, Tri b) {
    if (a == Tri::True || b == Tri::True) return Tri::True;
    if (a == Tri::False && b == Tri::False) return Tri::False;
    return Tri::Unknown;
}
const char* tri_id(Tri t);  // "pass" / "fail" / "unknown"

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Interval {
    double lo = -kInf;
    double hi = kInf;

    static Interval point(double v) { return {v, v}; }
    bool known() const { return lo == hi; }
    Interval hull(const Interval& o) const { return {std::min(lo, o.lo), std::max(hi, o.hi)}; }
    Interval clamp(const Interval& domain) const {
        const double l = std::clamp(lo, domain.lo, domain.hi);
        const double h = std::clamp(hi, domain.lo, domain.hi);
        return {l, h};
    }
};

Interval add(Interval a, Interval b);
Interval sub(Interval a, Interval b);
Interval mul(Interval a, Interval b);
Interval div(Interval a, Interval b);
Tri less(Interval a, Interval b);
Tri less_equal(Interval a, Interval b);
Tri equal(Interval a, Interval b);

// Why a value is unknown: a blank cell, or a matter still pending (a disciplinary review).
enum class Unknown : uint8_t { None, Missing, Pending };

struct Value {
    Tri tri = Tri::Unknown;  // booleans
    Interval range;          // numbers and ratings
    Subject subject;         // units and people; index kNoIndex for "none"
    Unknown why = Unknown::None;

    static Value boolean(Tri t, Unknown why = Unknown::None) {
        Value v;
        v.tri = t;
        v.why = t == Tri::Unknown ? why : Unknown::None;
        return v;
    }
    static Value number(Interval r) {
        Value v;
        v.range = r;
        return v;
    }
    static Value of_subject(Subject s) {
        Value v;
        v.subject = s;
        return v;
    }
};

}  // namespace thidua::expr
