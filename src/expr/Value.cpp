#include "expr/Value.h"

namespace thidua::expr {

const char* tri_id(Tri t) {
    switch (t) {
        case Tri::True:
            return "pass";
        case Tri::False:
            return "fail";
        default:
            return "unknown";
    }
}

Interval add(Interval a, Interval b) {
    return {a.lo + b.lo, a.hi + b.hi};
}
Interval sub(Interval a, Interval b) {
    return {a.lo - b.hi, a.hi - b.lo};
}

namespace {
// 0 * inf is NaN in IEEE arithmetic; in interval bounds it means the zero side wins.
double times(double x, double y) {
    return (x == 0 || y == 0) ? 0 : x * y;
}
}  // namespace

Interval mul(Interval a, Interval b) {
    const double c[] = {times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)};
    return {*std::min_element(c, c + 4), *std::max_element(c, c + 4)};
}

Interval div(Interval a, Interval b) {
    if (b.lo <= 0 && b.hi >= 0) {
        if (b.known()) return {NAN, NAN};  // division by a known zero: no value at all
        return {};                         // a divisor that may be zero: anything
    }
    return mul(a, Interval{1.0 / b.hi, 1.0 / b.lo});
}

Tri less(Interval a, Interval b) {
    if (std::isnan(a.lo) || std::isnan(b.lo)) return Tri::False;
    if (a.hi < b.lo) return Tri::True;
    if (a.lo >= b.hi) return Tri::False;
    return Tri::Unknown;
}

Tri less_equal(Interval a, Interval b) {
    if (std::isnan(a.lo) || std::isnan(b.lo)) return Tri::False;
    if (a.hi <= b.lo) return Tri::True;
    if (a.lo > b.hi) return Tri::False;
    return Tri::Unknown;
}

Tri equal(Interval a, Interval b) {
    if (std::isnan(a.lo) || std::isnan(b.lo)) return Tri::False;
    if (a.known() && b.known()) return a.lo == b.lo ? Tri::True : Tri::False;
    if (a.hi < b.lo || b.hi < a.lo) return Tri::False;
    return Tri::Unknown;
}

}  // namespace thidua::expr
