// Operators and functions: three-valued logic, interval arithmetic, comparisons, queries to the
// engine about other awards.

#include <cmath>

#include "expr/History.h"
#include "expr/Nodes.h"
#include "model/Lineage.h"

namespace thidua::expr {
namespace {

Unknown merge_why(const Value& a, const Value& b) {
    if (a.why == Unknown::Missing || b.why == Unknown::Missing) return Unknown::Missing;
    if (a.why == Unknown::Pending || b.why == Unknown::Pending) return Unknown::Pending;
    return Unknown::None;
}

bool is_known(const Value& v, const Type& t) {
    switch (t.kind) {
        case TypeKind::Bool:
            return v.tri != Tri::Unknown;
        case TypeKind::Number:
        case TypeKind::Rating:
            return v.range.known();
        default:
            return v.subject.index != kNoIndex;
    }
}

}  // namespace

Value NotNode::eval(Context& ctx) const {
    Value v = m_operand->eval(ctx);
    return Value::boolean(tri_not(v.tri), v.why);
}

Value LogicNode::eval(Context& ctx) const {
    const Value a = m_left->eval(ctx);
    // Short-circuit only where the right side cannot change the answer.
    if (m_and && a.tri == Tri::False) return a;
    if (!m_and && a.tri == Tri::True) return a;
    const Value b = m_right->eval(ctx);
    const Tri t = m_and ? tri_and(a.tri, b.tri) : tri_or(a.tri, b.tri);
    return Value::boolean(t, merge_why(a, b));
}

Value ArithNode::eval(Context& ctx) const {
    const Value a = m_left->eval(ctx);
    if (m_op == 'n') return Value::number(sub(Interval::point(0), a.range));
    const Value b = m_right->eval(ctx);
    Interval r;
    switch (m_op) {
        case '+':
            r = add(a.range, b.range);
            break;
        case '-':
            r = sub(a.range, b.range);
            break;
        case '*':
            r = mul(a.range, b.range);
            break;
        default:
            r = div(a.range, b.range);
            break;
    }
    Value v = Value::number(r);
    v.why = merge_why(a, b);
    return v;
}

Value CompareNode::eval(Context& ctx) const {
    const Value a = m_left->eval(ctx);
    const Value b = m_right->eval(ctx);
    const Unknown why = merge_why(a, b);
    if (m_left->type().kind == TypeKind::Bool) {
        if (a.tri == Tri::Unknown || b.tri == Tri::Unknown)
            return Value::boolean(Tri::Unknown, why);
        const bool same = a.tri == b.tri;
        return Value::boolean((m_op == CompareOp::Eq) == same ? Tri::True : Tri::False);
    }
    // Scale codes run best first, so "at least tot" is "code at most tot's code".
    CompareOp op = m_op;
    if (m_left->type().kind == TypeKind::Rating) {
        switch (op) {
            case CompareOp::Lt:
                op = CompareOp::Gt;
                break;
            case CompareOp::Le:
                op = CompareOp::Ge;
                break;
            case CompareOp::Gt:
                op = CompareOp::Lt;
                break;
            case CompareOp::Ge:
                op = CompareOp::Le;
                break;
            default:
                break;
        }
    }
    Tri t = Tri::Unknown;
    switch (op) {
        case CompareOp::Eq:
            t = equal(a.range, b.range);
            break;
        case CompareOp::Ne:
            t = tri_not(equal(a.range, b.range));
            break;
        case CompareOp::Lt:
            t = less(a.range, b.range);
            break;
        case CompareOp::Le:
            t = less_equal(a.range, b.range);
            break;
        case CompareOp::Gt:
            t = less(b.range, a.range);
            break;
        case CompareOp::Ge:
            t = less_equal(b.range, a.range);
            break;
    }
    return Value::boolean(t, why);
}

Value IfNode::eval(Context& ctx) const {
    const Value c = m_cond->eval(ctx);
    if (c.tri == Tri::True) return m_yes->eval(ctx);
    if (c.tri == Tri::False) return m_no->eval(ctx);
    // Either branch may hold: keep what both allow.
    const Value a = m_yes->eval(ctx);
    const Value b = m_no->eval(ctx);
    Value v;
    if (type().kind == TypeKind::Bool) {
        v = Value::boolean(a.tri == b.tri ? a.tri : Tri::Unknown);
    } else if (type().is_subject()) {
        v = Value::of_subject(a.subject.index == b.subject.index ? a.subject : Subject{});
    } else {
        v = Value::number(a.range.hull(b.range));
    }
    v.why = c.why;
    return v;
}

Value CoalesceNode::eval(Context& ctx) const {
    // A blank par_rating made good by the rate is not a missing fact: forget what the earlier
    // arguments missed once a later one is known.
    const size_t missing_before = ctx.trace ? ctx.trace->missing.size() : 0;
    Value last;
    for (const NodePtr& arg : m_args) {
        last = arg->eval(ctx);
        if (is_known(last, type())) {
            if (ctx.trace) ctx.trace->missing.resize(missing_before);
            return last;
        }
    }
    return last;
}

Value KnownNode::eval(Context& ctx) const {
    return Value::boolean(is_known(m_arg->eval(ctx), m_arg->type()) ? Tri::True : Tri::False);
}

Value AbsNode::eval(Context& ctx) const {
    Value v = m_arg->eval(ctx);
    const Interval r = v.range;
    if (r.lo >= 0) return v;
    if (r.hi <= 0) {
        v.range = {-r.hi, -r.lo};
        return v;
    }
    v.range = {0, std::max(-r.lo, r.hi)};
    return v;
}

Value AwardQueryNode::eval(Context& ctx) const {
    const Subject s = m_subject->eval(ctx).subject;
    if (s.index == kNoIndex) return Value::boolean(Tri::False);
    const Tri t = m_selected ? ctx.host->selected(s, m_award, ctx.trace)
                             : ctx.host->eligible(s, m_award, m_group, ctx.trace);
    if (ctx.observing()) {
        Observation o;
        o.name = m_name;
        o.subject = s;
        o.value = Value::boolean(t);
        o.type = type();
        if (m_selected)
            o.note =
                t == Tri::True ? "được chọn" : (t == Tri::False ? "không được chọn" : "chưa rõ");
        else
            o.note = t == Tri::True ? "đủ điều kiện"
                                    : (t == Tri::False ? "không đủ điều kiện" : "chưa rõ");
        ctx.trace->observations.push_back(std::move(o));
    }
    return Value::boolean(t, Unknown::Pending);
}

namespace {

const std::string kRegisteredName = "registered";

// A unit formed during the period could not register when its predecessors did: their
// registrations stand for its own by the plan's history rule, as its earlier years do.
Value registered_through_history(Context& ctx, const Unit& unit) {
    Trace* trace = ctx.observing() ? ctx.trace : nullptr;
    const int saved = ctx.year;
    ctx.year = ctx.first_year;  // a year before the merger: where the rule applies
    const HistorySource from = history_source(ctx, ctx.subject.index);
    ctx.year = saved;
    switch (from.kind) {
        case HistoryKind::Itself:
            return ctx.host->registered({SubjectKind::Unit, from.unit}, trace);
        case HistoryKind::Weighted: {
            bool equal = false;
            const std::vector<double> weights = predecessor_weights(unit, equal);
            double yes = 0, total = 0;
            bool unknown = false;
            for (size_t i = 0; i < unit.successor_of.size(); ++i) {
                const Value v =
                    ctx.host->registered({SubjectKind::Unit, unit.successor_of[i]}, trace);
                unknown |= v.tri == Tri::Unknown;
                if (v.tri == Tri::True) yes += weights[i];
                total += weights[i];
            }
            const Tri vote = unknown ? Tri::Unknown : weighted_vote(yes, total);
            return Value::boolean(vote, Unknown::Missing);
        }
        default:
            if (trace) {
                Observation o;
                o.name = &kRegisteredName;
                o.subject = ctx.subject;
                o.value = Value::boolean(Tri::Unknown, Unknown::Missing);
                o.type = {TypeKind::Bool};
                o.note = no_history_note(ctx, ctx.subject.index);
                trace->observations.push_back(std::move(o));
            }
            return Value::boolean(Tri::Unknown, Unknown::Missing);
    }
}

}  // namespace

Value RegisteredNode::eval(Context& ctx) const {
    Value own = ctx.host->registered(ctx.subject, ctx.observing() ? ctx.trace : nullptr);
    if (own.tri == Tri::True || ctx.subject.kind != SubjectKind::Unit ||
        ctx.subject.index == kNoIndex)
        return own;
    const Unit& unit = ctx.data->units[static_cast<size_t>(ctx.subject.index)];
    if (unit.successor_of.empty() || first_own_year(unit) <= ctx.first_year) return own;
    return registered_through_history(ctx, unit);
}

Value InGroupNode::eval(Context& ctx) const {
    const Subject s = m_subject->eval(ctx).subject;
    if (s.index == kNoIndex) return Value::boolean(Tri::False);
    return Value::boolean(ctx.host->in_group(s, m_group) ? Tri::True : Tri::False);
}

}  // namespace thidua::expr
