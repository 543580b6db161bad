// Aggregates over the years of the period and over the people of a unit. They decide as soon as
// the known items decide: all() fails on the first known failure, count() is an interval from
// "known true" to "known true + unknown", mean() spans the unknown items' domains.

#include <cmath>

#include "expr/Nodes.h"

namespace thidua::expr {

struct AggregateNode::Accumulator {
    int n = 0, n_true = 0, n_false = 0, n_unknown = 0;
    bool any_missing = false;
    double lo_sum = 0, hi_sum = 0;
    Interval min{kInf, kInf}, max{-kInf, -kInf};

    void add_bool(const Value& v) {
        ++n;
        if (v.tri == Tri::True)
            ++n_true;
        else if (v.tri == Tri::False)
            ++n_false;
        else {
            ++n_unknown;
            any_missing |= v.why != Unknown::Pending;
        }
    }
    void add_number(const Value& v) {
        ++n;
        Interval r = v.range;
        if (std::isnan(r.lo)) r = {};  // no value at all (a zero maximum): nothing is certain
        if (!r.known()) {
            ++n_unknown;
            any_missing |= v.why != Unknown::Pending;
        }
        lo_sum += r.lo;
        hi_sum += r.hi;
        min = {std::min(min.lo, r.lo), std::min(min.hi, r.hi)};
        max = {std::max(max.lo, r.lo), std::max(max.hi, r.hi)};
    }
};

Value AggregateNode::eval(Context& ctx) const {
    Accumulator acc;
    const bool is_bool = m_body->type().kind == TypeKind::Bool;
    const int saved_year = ctx.year;
    if (m_domain == Domain::Members) {
        over_members(ctx, acc);
    } else {
        for (int y = ctx.first_year; y <= ctx.last_year; ++y) {
            ctx.year = y;
            if (m_domain == Domain::MemberYears) {
                over_members(ctx, acc);
                continue;
            }
            const Value v = m_body->eval(ctx);
            is_bool ? acc.add_bool(v) : acc.add_number(v);
            // Past this point the answer cannot change; skip the work unless explaining.
            if (!ctx.trace && m_fn == AggregateFn::All && acc.n_false > 0) break;
            if (!ctx.trace && m_fn == AggregateFn::Any && acc.n_true > 0) break;
        }
    }
    ctx.year = saved_year;
    return finish(acc);
}

void AggregateNode::over_members(Context& ctx, Accumulator& acc) const {
    const Subject unit = ctx.subject;
    if (unit.kind != SubjectKind::Unit || unit.index == kNoIndex) return;
    const bool is_bool = m_body->type().kind == TypeKind::Bool;
    Accumulator local;
    ++ctx.quiet;
    for (Index person : ctx.host->members(unit.index, ctx.year)) {
        ctx.subject = {SubjectKind::Person, person};
        const Value v = m_body->eval(ctx);
        is_bool ? local.add_bool(v) : local.add_number(v);
    }
    --ctx.quiet;
    ctx.subject = unit;
    if (ctx.observing()) {
        Observation o;
        o.name = m_label;
        o.subject = unit;
        o.year = ctx.year;
        o.type = m_body->type();
        o.count_true = local.n_true;
        o.count_total = local.n;
        o.value = Value::boolean(local.n_unknown ? Tri::Unknown : Tri::True);
        ctx.trace->observations.push_back(o);
    }
    acc.n += local.n;
    acc.n_true += local.n_true;
    acc.n_false += local.n_false;
    acc.n_unknown += local.n_unknown;
    acc.any_missing |= local.any_missing;
    acc.lo_sum += local.lo_sum;
    acc.hi_sum += local.hi_sum;
    acc.min = {std::min(acc.min.lo, local.min.lo), std::min(acc.min.hi, local.min.hi)};
    acc.max = {std::max(acc.max.lo, local.max.lo), std::max(acc.max.hi, local.max.hi)};
}

Value AggregateNode::finish(const Accumulator& acc) const {
    const Unknown why = acc.any_missing ? Unknown::Missing : Unknown::Pending;
    auto with_why = [&](Value v) {
        if (acc.n_unknown > 0) v.why = why;
        return v;
    };
    switch (m_fn) {
        case AggregateFn::All:
            if (acc.n_false > 0) return Value::boolean(Tri::False);
            return Value::boolean(acc.n_unknown > 0 ? Tri::Unknown : Tri::True, why);
        case AggregateFn::Any:
            if (acc.n_true > 0) return Value::boolean(Tri::True);
            return Value::boolean(acc.n_unknown > 0 ? Tri::Unknown : Tri::False, why);
        case AggregateFn::Count:
            return with_why(Value::number({static_cast<double>(acc.n_true),
                                           static_cast<double>(acc.n_true + acc.n_unknown)}));
        case AggregateFn::Share: {
            if (acc.n == 0) return Value::number({NAN, NAN});
            const double n = acc.n;
            return with_why(
                Value::number({100.0 * acc.n_true / n, 100.0 * (acc.n_true + acc.n_unknown) / n}));
        }
        case AggregateFn::Mean:
            if (acc.n == 0) return Value::number({NAN, NAN});
            return with_why(Value::number({acc.lo_sum / acc.n, acc.hi_sum / acc.n}));
        case AggregateFn::Sum:
            return with_why(Value::number({acc.lo_sum, acc.hi_sum}));
        case AggregateFn::Min:
            if (acc.n == 0) return Value::number({NAN, NAN});
            return with_why(Value::number(acc.min));
        case AggregateFn::Max:
            if (acc.n == 0) return Value::number({NAN, NAN});
            return with_why(Value::number(acc.max));
    }
    return Value{};
}

}  // namespace thidua::expr
