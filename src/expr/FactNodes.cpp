// Nodes that read the dataset: facts of units and people, definitions, subjects and years.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "expr/History.h"
#include "expr/Nodes.h"
#include "model/Lineage.h"

namespace thidua::expr {

// What a fact read found, and whose fact it was: a predecessor's for a merged unit's early years.
struct Reading {
    Subject source;
    std::string note;             // replaces the value in the trace where it needs words
    bool missing_listed = false;  // the parts of a weighted reading listed their own gaps
};

namespace {

constexpr double kTiny = 1e-9;

Interval number_domain(UnitField f) {
    switch (f) {
        case UnitField::Satisfaction:
        case UnitField::TaskCompletion:
            return {0, 100};
        case UnitField::ParRank:
            return {1, kInf};
        case UnitField::ParMax:
        case UnitField::ComponentMax:
            return {kTiny, kInf};
        default:
            return {0, kInf};
    }
}

Value number_or_unknown(double v, Interval domain) {
    if (std::isnan(v)) {
        Value out = Value::number(domain);
        out.why = Unknown::Missing;
        return out;
    }
    return Value::number(Interval::point(v));
}

Value rating_or_unknown(int8_t code, const Type& type) {
    if (code < 0) {
        Value out = Value::number({0, static_cast<double>(type.scale->ids.size() - 1)});
        out.why = Unknown::Missing;
        return out;
    }
    return Value::number(Interval::point(code));
}

// Data flags: 0, 1, blank (kUnknown) and for `disciplined` kReview: pending, not missing.
Value flag(int8_t code) {
    if (code == 0) return Value::boolean(Tri::False);
    if (code == 1) return Value::boolean(Tri::True);
    return Value::boolean(Tri::Unknown, code == kReview ? Unknown::Pending : Unknown::Missing);
}

Value unknown_of(const Type& type) {
    switch (type.kind) {
        case TypeKind::Bool:
            return Value::boolean(Tri::Unknown, Unknown::Missing);
        case TypeKind::Rating:
            return rating_or_unknown(-1, type);
        default: {
            Value v = Value::number({});
            v.why = Unknown::Missing;
            return v;
        }
    }
}

void note(Context& ctx, const FactInfo& info, const Type& type, int year, const Value& v,
          const Reading& r, bool yearly = true) {
    if (!ctx.trace) return;
    if (ctx.quiet == 0) {
        Observation o;
        o.name = info.name;
        o.subject = r.source;
        o.year = yearly ? year : 0;
        o.value = v;
        o.type = type;
        o.note = r.note;
        ctx.trace->observations.push_back(std::move(o));
    }
    // A pending review is listed too: it is what the decision waits for.
    if (v.why != Unknown::None && !r.missing_listed)
        ctx.trace->missing.push_back({info.file, info.column, yearly ? year : 0, r.source, {}});
}

std::string value_words(const Value& v, const Type& type) {
    if (type.kind == TypeKind::Bool)
        return v.tri == Tri::Unknown ? "?" : (v.tri == Tri::True ? "1" : "0");
    if (!v.range.known() || std::isnan(v.range.lo)) return "?";
    if (type.kind == TypeKind::Rating) {
        const auto code = static_cast<size_t>(v.range.lo);
        return code < type.scale->ids.size() ? std::string(type.scale->ids[code]) : "?";
    }
    return fmt::format("{:.4g}", v.range.lo);
}

// The weighted median of known codes (ratings best first, or 1/0 flags): the value at which the
// weight counted from the worse end reaches half. A flag split exactly in half is unknown.
Value weighted_median(const std::vector<Value>& values, const std::vector<double>& weights,
                      const Type& type) {
    const bool flag = type.kind == TypeKind::Bool;
    std::vector<std::pair<double, double>> items;  // (badness, weight)
    double total = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        const double badness = flag ? (values[i].tri == Tri::True ? 0 : 1) : values[i].range.lo;
        items.push_back({badness, weights[i]});
        total += weights[i];
    }
    if (flag) {
        double yes = 0;
        for (const auto& [badness, w] : items)
            if (badness == 0) yes += w;
        const Tri vote = weighted_vote(yes, total);
        return Value::boolean(vote, Unknown::Missing);
    }
    std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a > b; });
    double seen = 0;
    for (const auto& [badness, w] : items) {
        seen += w;
        if (seen * 2 >= total) return Value::number(Interval::point(badness));
    }
    return Value::number(Interval::point(items.back().first));
}

Value weighted_mean(const std::vector<Value>& values, const std::vector<double>& weights) {
    double lo = 0, hi = 0, total = 0;
    bool known = true;
    for (size_t i = 0; i < values.size(); ++i) {
        Interval r = values[i].range;
        if (std::isnan(r.lo)) r = {};
        lo += weights[i] * r.lo;
        hi += weights[i] * r.hi;
        total += weights[i];
        known &= r.known();
    }
    // Rounded at a billionth: equal parts (100 and 100 by 1.2 and 1) must give exactly 100.
    const auto exact = [](double x) { return std::isinf(x) ? x : std::round(x * 1e9) / 1e9; };
    Value v = Value::number({exact(lo / total), exact(hi / total)});
    if (!known) v.why = Unknown::Missing;
    return v;
}

}  // namespace

Value YearNode::eval(Context& ctx) const {
    switch (m_kind) {
        case YearKind::First:
            return Value::number(Interval::point(ctx.first_year));
        case YearKind::Last:
            return Value::number(Interval::point(ctx.last_year));
        default:
            return Value::number(Interval::point(ctx.year));
    }
}

Value UnitFactNode::read(Context& ctx, Index unit, Reading& reading) const {
    const bool component =
        m_field == UnitField::ComponentScore || m_field == UnitField::ComponentMax;
    const HistorySource from =
        component ? HistorySource{HistoryKind::Itself, unit} : history_source(ctx, unit);
    reading.source = {SubjectKind::Unit, from.unit};
    switch (from.kind) {
        case HistoryKind::None:
            reading.note = no_history_note(ctx, from.unit);
            if (type().kind == TypeKind::Number)
                return number_or_unknown(NAN, number_domain(m_field));
            return unknown_of(type());
        case HistoryKind::Weighted:
            return read_weighted(ctx, from.unit, reading);
        default:
            return read_own(ctx, from.unit);
    }
}

// Each predecessor read for the year (through its own history), then combined by weight.
Value UnitFactNode::read_weighted(Context& ctx, Index unit, Reading& reading) const {
    const Unit& u = ctx.data->units[static_cast<size_t>(unit)];
    bool equal = false;
    const std::vector<double> weights = predecessor_weights(u, equal);
    std::vector<Value> values;
    std::string parts;
    bool any_unknown = false;
    for (size_t i = 0; i < u.successor_of.size(); ++i) {
        Reading part;
        Value v = read(ctx, u.successor_of[i], part);
        any_unknown |= type().kind == TypeKind::Bool ? v.tri == Tri::Unknown : !v.range.known();
        if (ctx.trace && v.why != Unknown::None)
            ctx.trace->missing.push_back({m_info.file, m_info.column, ctx.year, part.source,
                                          part.note.empty() ? "" : "history"});
        parts += fmt::format("{}{} {}×{:g}", parts.empty() ? "" : ", ",
                             ctx.data->units[static_cast<size_t>(part.source.index)].id,
                             value_words(v, type()), weights[i]);
        values.push_back(std::move(v));
    }
    reading.missing_listed = true;
    Value out;
    if (type().kind == TypeKind::Number)
        out = weighted_mean(values, weights);
    else if (any_unknown)
        out = unknown_of(type());
    else
        out = weighted_median(values, weights, type());
    const char* how = type().kind == TypeKind::Number ? "bình quân" : "trung vị";
    reading.note = fmt::format("{} ({} theo trọng số{}: {})", value_words(out, type()), how,
                               equal ? " bằng nhau vì thiếu trọng số" : "", parts);
    return out;
}

Value UnitFactNode::read_own(Context& ctx, Index unit) const {
    const Dataset& d = *ctx.data;
    if (m_field == UnitField::ComponentScore || m_field == UnitField::ComponentMax) {
        auto [score, max] = ctx.host->unit_component(unit, ctx.year);
        const double v = m_field == UnitField::ComponentScore ? score : max;
        return number_or_unknown(v, number_domain(m_field));
    }
    if (!d.has_year(ctx.year)) {
        // A year the dataset does not reach yet: unknown, but still within the fact's domain, so
        // a phase mean can already be decided from the years that are known.
        if (type().kind == TypeKind::Number) return number_or_unknown(NAN, number_domain(m_field));
        return unknown_of(type());
    }
    const size_t i = d.slot(unit, ctx.year);
    const UnitYears& y = d.unit_years;
    switch (m_field) {
        case UnitField::ParScore:
            return number_or_unknown(y.par_score[i], number_domain(m_field));
        case UnitField::ParMax:
            return number_or_unknown(y.par_max[i], number_domain(m_field));
        case UnitField::ParRank:
            return number_or_unknown(y.par_rank[i], number_domain(m_field));
        case UnitField::Satisfaction:
            return number_or_unknown(y.satisfaction[i], number_domain(m_field));
        case UnitField::TaskCompletion:
            return number_or_unknown(y.task_completion[i], number_domain(m_field));
        case UnitField::ParRating:
            return rating_or_unknown(y.par_rating[i], type());
        case UnitField::HeadLeads:
            return flag(y.head_leads[i]);
        case UnitField::Compliance:
            return flag(y.compliance[i]);
        case UnitField::ExcellentAchievement:
            return flag(y.excellent_achievement[i]);
        case UnitField::Initiative:
            return flag(y.initiative[i]);
        case UnitField::Disciplined:
            return flag(y.disciplined[i]);
        default:
            return unknown_of(type());
    }
}

Value UnitFactNode::eval(Context& ctx) const {
    if (ctx.subject.kind != SubjectKind::Unit || ctx.subject.index == kNoIndex)
        return unknown_of(type());
    Reading reading;
    Value v = read(ctx, ctx.subject.index, reading);
    note(ctx, m_info, type(), ctx.year, v, reading);
    return v;
}

Value PersonFactNode::read_yearly(Context& ctx, Index person) const {
    const Dataset& d = *ctx.data;
    if (m_field == PersonField::ComponentScore || m_field == PersonField::ComponentMax) {
        const Index c = d.people.component[person];
        if (c == kNoIndex) return unknown_of(type());
        auto [score, max] = ctx.host->component(c, ctx.year);
        const double v = m_field == PersonField::ComponentScore ? score : max;
        return number_or_unknown(
            v, m_field == PersonField::ComponentMax ? Interval{kTiny, kInf} : Interval{0, kInf});
    }
    if (!d.has_year(ctx.year)) return unknown_of(type());
    const size_t i = d.slot(person, ctx.year);
    const PersonYears& y = d.person_years;
    switch (m_field) {
        case PersonField::Rating:
            return rating_or_unknown(y.rating[i], type());
        case PersonField::InitiativeLevel:
            return rating_or_unknown(y.initiative_level[i], type());
        case PersonField::ExcellentPar:
            return flag(y.excellent_par[i]);
        case PersonField::Initiative:
            return flag(y.initiative[i]);
        case PersonField::EthicsOk:
            return flag(y.ethics_ok[i]);
        case PersonField::Disciplined:
            return flag(y.disciplined[i]);
        default:
            return unknown_of(type());
    }
}

Value PersonFactNode::read_static(Context& ctx, Index person) const {
    const People& p = ctx.data->people;
    switch (m_field) {
        case PersonField::Gender: {
            const Gender g = p.gender[person];
            // The gender scale lists `nu` first.
            return rating_or_unknown(g == Gender::Unknown ? -1 : (g == Gender::Female ? 0 : 1),
                                     type());
        }
        case PersonField::ParRole:
            return flag(p.par_role[person]);
        case PersonField::Resident:
            return flag(p.resident[person]);
        case PersonField::HasComponent:
            return Value::boolean(p.component[person] != kNoIndex ? Tri::True : Tri::False);
        default:
            return unknown_of(type());
    }
}

Value PersonFactNode::eval(Context& ctx) const {
    if (ctx.subject.kind != SubjectKind::Person || ctx.subject.index == kNoIndex)
        return unknown_of(type());
    const bool yearly = m_field < PersonField::Gender;
    Value v = yearly ? read_yearly(ctx, ctx.subject.index) : read_static(ctx, ctx.subject.index);
    note(ctx, m_info, type(), ctx.year, v, Reading{ctx.subject, {}, false}, yearly);
    return v;
}

Value DefinitionNode::eval(Context& ctx) const {
    ++ctx.quiet;
    Value v = m_body->eval(ctx);
    --ctx.quiet;
    if (m_range && type().kind == TypeKind::Number && !std::isnan(v.range.lo))
        v.range = v.range.clamp(*m_range);
    if (ctx.observing()) {
        Observation o;
        o.name = m_name;
        o.subject = ctx.subject;
        // A merged unit's early years are its predecessor's: say whose (weighted: the unit's).
        if (ctx.subject.kind == SubjectKind::Unit && ctx.subject.index != kNoIndex) {
            const HistorySource from = history_source(ctx, ctx.subject.index);
            if (from.kind == HistoryKind::Itself) o.subject.index = from.unit;
            if (from.kind == HistoryKind::None) o.note = no_history_note(ctx, from.unit);
        }
        o.year = ctx.year;
        o.value = v;
        o.type = type();
        ctx.trace->observations.push_back(o);
    }
    return v;
}

namespace {

Index ancestor_of_type(const Dataset& d, Index unit, UnitType type) {
    for (Index u = unit; u != kNoIndex; u = d.units[u].parent)
        if (d.units[u].type == type) return u;
    return kNoIndex;
}

Index unit_of(const Context& ctx) {
    const Subject s = ctx.subject;
    if (s.index == kNoIndex) return kNoIndex;
    if (s.kind == SubjectKind::Unit) return s.index;
    return ctx.data->unit_of_person(s.index, ctx.year);
}

}  // namespace

Value SubjectNode::eval(Context& ctx) const {
    if (m_nav == SubjectNav::Self) return Value::of_subject(ctx.subject);
    const Index unit = unit_of(ctx);
    Index target = kNoIndex;
    if (unit != kNoIndex) {
        const Dataset& d = *ctx.data;
        switch (m_nav) {
            case SubjectNav::Unit:
                target = unit;
                break;
            case SubjectNav::Parent:
                target = d.units[unit].parent;
                break;
            case SubjectNav::District:
                target = ancestor_of_type(d, unit, UnitType::District);
                break;
            case SubjectNav::Province:
                target = ancestor_of_type(d, unit, UnitType::Province);
                break;
            default:
                break;
        }
    }
    return Value::of_subject({SubjectKind::Unit, target});
}

Value NavigateNode::eval(Context& ctx) const {
    const Subject target = m_subject->eval(ctx).subject;
    const Subject saved = ctx.subject;
    ctx.subject = target;
    Value v = m_body->eval(ctx);
    ctx.subject = saved;
    return v;
}

Value AtNode::eval(Context& ctx) const {
    const Value year = m_year->eval(ctx);
    if (!year.range.known() || std::isnan(year.range.lo)) {
        Value v = Value::number({});
        v.tri = Tri::Unknown;
        return v;
    }
    const int saved = ctx.year;
    ctx.year = static_cast<int>(year.range.lo);
    Value v = m_body->eval(ctx);
    ctx.year = saved;
    return v;
}

}  // namespace thidua::expr
