#include "eval/Evaluator.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>
#include <span>
#include <stdexcept>
#include <thread>
#include <tuple>

#include "base/HugePages.h"
#include "eval/Allocator.h"
#include "eval/Deadlines.h"
#include "eval/Indexes.h"
#include "eval/LineageDecisions.h"
#include "eval/OutcomeSlots.h"
#include "model/Lineage.h"

namespace thidua {

const char* status_id(Status s) {
    switch (s) {
        case Status::Eligible:
            return "eligible";
        case Status::Ineligible:
            return "ineligible";
        default:
            return "incomplete";
    }
}

namespace {

using expr::Tri;
using expr::Value;

const std::string kRegisteredName = "registered";

// A collective group or the individual group of one award in this period, with its candidates.
struct GroupState {
    const CompiledAward* award = nullptr;
    int group = 0;  // index into award->groups
    std::vector<Subject> candidates;
    std::vector<int32_t> position;  // subject index -> candidate position, -1 if not a candidate
    OutcomeSlots outcomes;          // by position, valid where decided
    std::vector<uint8_t> decided, in_progress;
    bool allocated = false, allocating = false;
    std::vector<int> order;  // output order of positions
    // While the group is decided on several threads: for each criterion fixed by a person's unit
    // (Node::fixed_by_unit), its verdict per unit, written by whichever thread decides first.
    mutable std::vector<std::vector<int8_t>> unit_memo;
    int open_seats = 0;
    std::optional<CouncilOutcome> council;
};

class Engine final : public expr::Host {
public:
    Engine(const CompiledPlan& plan, const Dataset& data, const Period& period,
           const EvaluateOptions& options)
        : m_plan(plan),
          m_data(data),
          m_period(period),
          m_options(options),
          m_indexes(plan, data, options.indexes),
          m_history(options.history.value_or(plan.spec.lineage.history)),
          m_scope(subtree(data, options.within)) {
        if (options.within != kNoIndex) add_successors(data, m_scope);
        m_groups.resize(plan.award_ids.size());
        m_selected_memo.assign(plan.award_ids.size(),
                               std::vector<int8_t>(data.units.size(), kNotKnown));
        for (const CompiledAward& award : plan.awards) {
            if (!selector_matches(award.spec->periods, period)) continue;
            m_awards.push_back(&award);
            for (size_t g = 0; g < award.groups.size(); ++g)
                m_groups[award.award_id].push_back(make_group(award, static_cast<int>(g)));
        }
    }

    EvaluationResult run() {
        EvaluationResult result;
        result.plan = &m_plan;
        result.data = &m_data;
        result.period = m_period;
        result.history = m_history;
        result.history_chosen = m_options.history.has_value();
        for (const CompiledAward* award : m_awards)
            for (GroupState& gs : m_groups[award->award_id])
                allocate(gs);
        // Everything is decided: the outcomes can move into the result instead of being copied.
        for (const CompiledAward* award : m_awards) {
            AwardOutcome out;
            out.award = award;
            for (GroupState& gs : m_groups[award->award_id])
                if (gs.award == award) out.groups.push_back(take(gs));
            result.awards.push_back(std::move(out));
        }
        result.dossiers = dossiers(result);
        return result;
    }

    // --- expr::Host ---

    Tri eligible(Subject s, int award, int group, expr::Trace* trace) override {
        Tri result = Tri::False;
        for (GroupState& gs : m_groups[award]) {
            if (group >= 0 && gs.award->groups[gs.group].plan_group != group) continue;
            const CandidateOutcome* o = status(gs, s);
            if (!o) continue;
            if (o->status == Status::Eligible) return Tri::True;
            if (o->status == Status::Incomplete) {
                result = Tri::Unknown;
                borrow_missing(*o, trace);
            }
        }
        return result;
    }

    Tri selected(Subject s, int award, expr::Trace* trace) override {
        // Every person of a unit asks about the same unit: once its groups are allocated the
        // answer is final, and millions of people then read it from here.
        // Relaxed atomics: the threads of decide_all() may write the same final answer at once.
        std::optional<std::atomic_ref<int8_t>> memo;
        if (s.kind == SubjectKind::Unit && s.index >= 0 &&
            static_cast<size_t>(s.index) < m_data.units.size()) {
            memo.emplace(m_selected_memo[static_cast<size_t>(award)][static_cast<size_t>(s.index)]);
            const int8_t known = memo->load(std::memory_order_relaxed);
            if (known != kNotKnown) return static_cast<Tri>(known);
        }
        const Tri result = selected_in_groups(s, award, trace);
        if (memo && result != Tri::Unknown)
            memo->store(static_cast<int8_t>(result), std::memory_order_relaxed);
        return result;
    }

    Tri selected_in_groups(Subject s, int award, expr::Trace* trace) {
        Tri result = Tri::False;
        for (GroupState& gs : m_groups[award]) {
            const int32_t pos = position(gs, s);
            if (pos < 0) continue;
            allocate(gs);
            if (!gs.allocated) return Tri::Unknown;  // a cycle: cannot be decided here
            const CandidateOutcome& o = gs.outcomes.at(static_cast<size_t>(pos));
            if (o.selected) return Tri::True;
            if (o.tied || o.status == Status::Incomplete) {
                result = Tri::Unknown;
                borrow_missing(o, trace);
            }
        }
        return result;
    }

    Value registered(Subject s, expr::Trace* trace) override {
        if (!m_data.has_registrations) {
            if (trace) trace->missing.push_back({"registrations", "", 0, s, m_period.id});
            return Value::boolean(Tri::Unknown, expr::Unknown::Missing);
        }
        const Registration* reg = m_indexes.registration(s, m_period.id);
        const std::optional<Date> deadline = registration_deadline(m_plan.spec, m_period);
        const bool late = reg != nullptr && deadline && reg->registered_on > *deadline;
        const Tri t = reg == nullptr || (late && !reg->late_accepted) ? Tri::False : Tri::True;
        if (trace) trace_registration(*trace, s, t, reg, deadline);
        return Value::boolean(t);
    }

    // Only written when traced: the words cost more than the decision over millions of people.
    void trace_registration(expr::Trace& trace, Subject s, Tri t, const Registration* reg,
                            const std::optional<Date>& deadline) const {
        std::string note;
        if (reg == nullptr) {
            note = fmt::format("không có đăng ký cho kỳ {}", m_period.id);
        } else if (deadline && reg->registered_on > *deadline && !reg->late_accepted) {
            note = fmt::format("đăng ký ngày {}, sau hạn {}", reg->registered_on.iso(),
                               deadline->iso());
        } else if (deadline && reg->registered_on > *deadline) {
            note = fmt::format("đăng ký ngày {}, sau hạn {}, được chấp nhận: {}",
                               reg->registered_on.iso(), deadline->iso(), reg->late_reason);
        } else {
            note = fmt::format("đăng ký ngày {}", reg->registered_on.iso());
            if (deadline) note += fmt::format(" (hạn {})", deadline->iso());
        }
        expr::Observation o;
        o.name = &kRegisteredName;
        o.subject = s;
        o.value = Value::boolean(t);
        o.type = {expr::TypeKind::Bool};
        o.note = std::move(note);
        trace.observations.push_back(std::move(o));
    }

    bool in_group(Subject s, int group) override {
        if (s.kind != SubjectKind::Unit) return false;
        return m_indexes.in_group(s.index, group);
    }

    std::span<const Index> members(Index unit, int year) override {
        return m_indexes.members(unit, year);
    }
    std::pair<double, double> unit_component(Index unit, int year) override {
        return m_indexes.unit_component(unit, year);
    }
    std::pair<double, double> component(Index c, int year) override {
        return m_indexes.component(c, year);
    }

private:
    GroupState make_group(const CompiledAward& award, int g) {
        GroupState gs;
        gs.award = &award;
        gs.group = g;
        if (award.kind == AwardKind::Individual) {
            reserve_huge(gs.position, m_data.people.size());
            gs.position.assign(m_data.people.size(), -1);
            reserve_huge(gs.candidates, m_data.people.size());  // most people are in scope
            for (size_t p = 0; p < m_data.people.size(); ++p) {
                if (!in_scope(m_data.unit_of_person(static_cast<Index>(p), m_period.last_year)))
                    continue;
                gs.position[p] = static_cast<int32_t>(gs.candidates.size());
                gs.candidates.push_back({SubjectKind::Person, static_cast<Index>(p)});
            }
        } else {
            gs.position.assign(m_data.units.size(), -1);
            for (Index u : m_indexes.group_units(award.groups[g].plan_group)) {
                if (!in_scope(u) || !active_in(m_data.units[static_cast<size_t>(u)], m_period))
                    continue;
                gs.position[u] = static_cast<int32_t>(gs.candidates.size());
                gs.candidates.push_back({SubjectKind::Unit, u});
            }
        }
        gs.outcomes.reset(gs.candidates.size(), m_options.trace);
        gs.decided.assign(gs.candidates.size(), 0);
        gs.in_progress.assign(gs.candidates.size(), 0);
        return gs;
    }

    bool in_scope(Index unit) const {
        return m_options.within == kNoIndex || (unit != kNoIndex && m_scope[unit]);
    }

    // Every unit whose chain of parents reaches options.within.
    static std::vector<bool> subtree(const Dataset& data, Index root) {
        std::vector<bool> inside(data.units.size(), false);
        if (root == kNoIndex) return inside;
        for (size_t u = 0; u < data.units.size(); ++u) {
            // Bounded walk: a parent cycle in bad data cannot loop forever.
            Index at = static_cast<Index>(u);
            for (size_t steps = 0; at != kNoIndex && steps <= data.units.size(); ++steps) {
                if (at == root) {
                    inside[u] = true;
                    break;
                }
                at = data.units[static_cast<size_t>(at)].parent;
            }
        }
        return inside;
    }

    int32_t position(const GroupState& gs, Subject s) const {
        const bool unit_award = gs.award->kind == AwardKind::Collective;
        if ((s.kind == SubjectKind::Unit) != unit_award || s.index < 0) return -1;
        if (static_cast<size_t>(s.index) >= gs.position.size()) return -1;
        return gs.position[s.index];
    }

    void borrow_missing(const CandidateOutcome& o, expr::Trace* trace) const {
        if (!trace) return;
        trace->missing.insert(trace->missing.end(), o.missing.begin(), o.missing.end());
    }

    // A closed unit is judged on its own years: the period ends for it with its last one.
    expr::Context context(Subject s, expr::Trace* trace, HistoryRule history,
                          Index world = kNoIndex) {
        expr::Context ctx;
        ctx.data = &m_data;
        ctx.host = this;
        ctx.subject = s;
        ctx.first_year = m_period.first_year;
        ctx.last_year = m_period.last_year;
        if (s.kind == SubjectKind::Unit && s.index != kNoIndex)
            ctx.last_year =
                std::min(ctx.last_year, last_own_year(m_data.units[static_cast<size_t>(s.index)]));
        ctx.year = ctx.last_year;
        ctx.trace = trace;
        ctx.history = history;
        ctx.world = world;
        return ctx;
    }
    expr::Context context(Subject s, expr::Trace* trace) { return context(s, trace, m_history); }

    // Null while this candidate is being decided further up the stack (a cycle through data).
    const CandidateOutcome* status(GroupState& gs, Subject s) {
        const int32_t pos = position(gs, s);
        if (pos < 0) return nullptr;
        if (gs.decided[pos]) return &gs.outcomes.at(static_cast<size_t>(pos));
        if (gs.in_progress[pos]) return nullptr;
        gs.in_progress[pos] = 1;
        CandidateOutcome out = decide(gs, s);
        gs.in_progress[pos] = 0;
        gs.outcomes.store(static_cast<size_t>(pos), std::move(out));
        gs.decided[pos] = 1;
        return &gs.outcomes.at(static_cast<size_t>(pos));
    }

    CandidateOutcome decide(const GroupState& gs, Subject s) {
        CandidateOutcome out = decide_by(gs, s, m_history, m_options.trace);
        if (s.kind != SubjectKind::Unit) return out;
        out.lineage = lineage_of(gs, s.index);
        if (out.lineage && out.lineage->merged) {
            for (auto& [rule, status] : out.lineage->by_rule) {
                if (rule == m_history) status = out.status;
                out.lineage->depends_on_rule |= status != out.status;
            }
        }
        return out;
    }

    // Under `all`, a criterion over a merged unit's early years must hold for each predecessor:
    // it is evaluated once per predecessor's years, and the results are joined with "and".
    // A view, not a copy: this runs for every criterion of millions of candidates.
    std::span<const Index> worlds(Subject s, HistoryRule history) const {
        static constexpr Index kOwnWorld[] = {kNoIndex};
        if (history != HistoryRule::All || s.kind != SubjectKind::Unit) return kOwnWorld;
        const Unit& u = m_data.units[static_cast<size_t>(s.index)];
        if (!reads_history(u, m_period)) return kOwnWorld;
        return u.successor_of;
    }

    // One world's result; nothing when the criterion does not apply there (applies_to false).
    static std::optional<Tri> result_in(const CompiledCriterion& c, expr::Context& ctx) {
        Tri applies = Tri::True;
        if (c.applies_to) {
            applies = c.applies_to->eval(ctx).tri;
            if (applies == Tri::False) return std::nullopt;
        }
        const Tri r = c.rule->eval(ctx).tri;
        // Whether the criterion applies is itself unknown: only a pass stays a pass.
        return applies == Tri::Unknown && r != Tri::True ? Tri::Unknown : r;
    }

    // The criterion's result with what it read; nothing when it does not apply to the subject.
    std::optional<CriterionOutcome> judge(const CompiledCriterion& c, Subject s,
                                          HistoryRule history) {
        CriterionOutcome co;
        co.criterion = &c;
        bool first = true;
        for (Index world : worlds(s, history)) {
            expr::Trace trace;
            expr::Context ctx = context(s, &trace, history, world);
            const std::optional<Tri> r = result_in(c, ctx);
            if (!r) return std::nullopt;
            co.result = first ? *r : expr::tri_and(co.result, *r);
            first = false;
            append_new(co.observations, trace.observations);
            co.missing.insert(co.missing.end(), trace.missing.begin(), trace.missing.end());
        }
        if (co.result != Tri::Unknown) co.missing.clear();
        return co;
    }

    // judge() without a trace: the result alone, with nothing built around it. An untraced
    // evaluation decides millions of people this way.
    std::optional<Tri> verdict(const CompiledCriterion& c, Subject s, HistoryRule history) {
        std::optional<Tri> result;
        for (Index world : worlds(s, history)) {
            expr::Context ctx = context(s, nullptr, history, world);
            const std::optional<Tri> r = result_in(c, ctx);
            if (!r) return std::nullopt;
            result = result ? expr::tri_and(*result, *r) : *r;
        }
        return result.value_or(Tri::Unknown);
    }

    // Observations not already listed: every predecessor's pass reads the unit's own years too.
    static void append_new(std::vector<expr::Observation>& to,
                           std::vector<expr::Observation>& from) {
        for (expr::Observation& o : from) {
            const bool seen = std::any_of(to.begin(), to.end(), [&](const expr::Observation& t) {
                return t.name == o.name && t.subject.kind == o.subject.kind &&
                       t.subject.index == o.subject.index && t.year == o.year && t.note == o.note;
            });
            if (!seen) to.push_back(std::move(o));
        }
    }

    CandidateOutcome decide_by(const GroupState& gs, Subject s, HistoryRule history, bool tracing) {
        CandidateOutcome out;
        out.subject = s;
        bool any_fail = false, all_pass = true;
        const std::vector<CompiledCriterion>& criteria = gs.award->criteria;
        for (size_t ci = 0; ci < criteria.size(); ++ci) {
            const CompiledCriterion& c = criteria[ci];
            if (!c.applies_to_group(gs.group)) continue;
            Tri result = Tri::Unknown;
            if (tracing) {
                std::optional<CriterionOutcome> co = judge(c, s, history);
                if (!co) continue;
                result = co->result;
                out.criteria.edit().push_back(std::move(*co));
            } else {
                const std::optional<Tri> r = verdict_in_group(gs, ci, s, history);
                if (!r) continue;
                result = *r;
            }
            any_fail |= result == Tri::False;
            all_pass &= result == Tri::True;
            // Without a trace a candidate keeps its status only: over millions of people the
            // criteria would cost more memory than the dataset. One failed criterion decides.
            if (!tracing && any_fail) break;
        }
        out.status =
            any_fail ? Status::Ineligible : (all_pass ? Status::Eligible : Status::Incomplete);
        if (out.status == Status::Incomplete) collect_missing(out);
        return out;
    }

    std::optional<LineageOutcome> lineage_of(const GroupState& gs, Index unit) {
        const Unit& u = m_data.units[static_cast<size_t>(unit)];
        if (u.active_to)
            return closed_outcome(m_data, unit, m_plan.spec.lineage, m_history, successors(unit),
                                  standing_successors(gs, unit));
        if (!reads_history(u, m_period)) return std::nullopt;
        LineageOutcome out = merged_outcome(m_data, unit, m_history);
        // The current rule's status is filled in by decide().
        for (HistoryRule rule : kHistoryRules) {
            const Subject s{SubjectKind::Unit, unit};
            out.by_rule.push_back({rule, rule == m_history ? Status::Incomplete
                                                           : decide_by(gs, s, rule, false).status});
        }
        return out;
    }

    const std::vector<Index>& successors(Index unit) {
        if (m_successors.empty()) m_successors = successor_lists(m_data);
        return m_successors[static_cast<size_t>(unit)];
    }

    // Successors of a closed unit that compete in the same group and read its years.
    std::vector<Index> standing_successors(const GroupState& gs, Index unit) {
        std::vector<Index> out;
        if (m_history == HistoryRule::Own) return out;
        for (Index s : successors(unit)) {
            const Unit& su = m_data.units[static_cast<size_t>(s)];
            // Under `main` too: the successor stands for the whole merged unit, whose line
            // only chooses whose facts are read.
            if (position(gs, {SubjectKind::Unit, s}) < 0 || !reads_history(su, m_period)) continue;
            out.push_back(s);
        }
        return out;
    }

    static auto missing_key(const expr::MissingFact& m) {
        return std::make_tuple(std::string_view(m.file), std::string_view(m.column), m.year,
                               m.subject.kind, m.subject.index, std::string_view(m.key));
    }

    // The facts that left some criterion unknown, each once, in a stable order.
    static void collect_missing(CandidateOutcome& out) {
        std::vector<expr::MissingFact> missing;
        for (const CriterionOutcome& c : out.criteria)
            missing.insert(missing.end(), c.missing.begin(), c.missing.end());
        std::sort(missing.begin(), missing.end(),
                  [](const auto& a, const auto& b) { return missing_key(a) < missing_key(b); });
        missing.erase(std::unique(missing.begin(), missing.end(),
                                  [](const auto& a, const auto& b) {
                                      return missing_key(a) == missing_key(b);
                                  }),
                      missing.end());
        out.missing = std::move(missing);
    }

    // Ranking keys as "higher is better" numbers, counting only what is certain: the pessimistic
    // end of each interval (a missing fact counts as not having it).
    static double key_value(const Value& v, const expr::Type& type, bool descending) {
        double x = 0;
        switch (type.kind) {
            case expr::TypeKind::Bool:
                x = v.tri == Tri::True ? 1 : 0;
                break;
            case expr::TypeKind::Rating:
                x = -v.range.hi;
                break;  // codes run best first
            default:
                x = descending ? v.range.lo : -v.range.hi;
                break;
        }
        if (type.kind != expr::TypeKind::Number && !descending) x = -x;
        if (std::isnan(x) || std::isinf(x)) return x > 0 ? x : -expr::kInf;
        // Means of different years can differ in the last binary digit while equal on paper
        // (88 + 90.8 vs 89.4 + 89.4): compare at a millionth, well below any published precision.
        return std::round(x * 1e6) / 1e6;
    }

    void allocate(GroupState& gs) {
        if (gs.allocated || gs.allocating) return;
        gs.allocating = true;
        decide_all(gs);
        const CompiledAwardGroup& group = gs.award->groups[gs.group];
        const expr::NodePtr& pref = gs.award->kind == AwardKind::Collective
                                        ? m_plan.preference_collective
                                        : m_plan.preference_individual;
        std::vector<Entrant> entrants;
        std::vector<int> who;
        for (size_t i = 0; i < gs.candidates.size(); ++i) {
            if (!gs.outcomes.kept(i)) continue;  // untraced and ineligible
            CandidateOutcome& o = gs.outcomes.mutable_at(i);
            if (o.status != Status::Eligible || !competes(o)) continue;
            expr::Context ctx = context(o.subject, nullptr);
            Entrant e;
            for (const CompiledKey& k : group.ranking)
                e.keys.push_back(key_value(k.key->eval(ctx), k.key->type(), k.descending));
            if (pref) e.preference = pref->eval(ctx).tri;
            if (group.cap) e.partition = group.cap->per->eval(ctx).subject.index;
            o.keys = e.keys;
            o.preference = e.preference;
            o.cap_unit = e.partition;
            entrants.push_back(std::move(e));
            who.push_back(static_cast<int>(i));
        }
        std::optional<int> cap;
        if (group.cap) cap = group.cap->max;
        const Allocation a = thidua::allocate(entrants, group.quota, cap);
        const std::vector<int> ranks = competition_ranks(entrants, a.order);
        for (size_t r = 0; r < a.order.size(); ++r) {
            const int k = a.order[r];
            CandidateOutcome& o = gs.outcomes.mutable_at(static_cast<size_t>(who[k]));
            o.rank = ranks[r];
            o.selected = a.selected[k];
            o.tied = a.tied[k];
            o.capped_out = a.capped_out[k];
            gs.order.push_back(who[k]);
        }
        gs.open_seats = a.open_seats;
        append_others(gs);
        apply_council(gs);
        gs.allocating = false;
        gs.allocated = true;
    }

    // Candidates of one group are independent of each other once everything they can ask
    // about is settled: every other group allocated (their outcomes only read), the lookups
    // built. People are never asked about by people, so an individual group then splits into
    // ranges decided on separate threads, each writing only its own candidates' slots.
    void decide_all(GroupState& gs) {
        constexpr size_t kMinPerThread = 20000;
        const size_t threads = std::min(m_options.threads, gs.candidates.size() / kMinPerThread);
        if (threads <= 1 || gs.award->kind != AwardKind::Individual || !others_settled(gs)) {
            for (const Subject& s : gs.candidates)
                status(gs, s);
            return;
        }
        m_indexes.build_all();
        prepare_unit_memo(gs);
        const auto decide_range = [&](size_t part) {
            const size_t begin = gs.candidates.size() * part / threads;
            const size_t end = gs.candidates.size() * (part + 1) / threads;
            for (size_t i = begin; i < end; ++i)
                status(gs, gs.candidates[i]);
        };
        {
            std::vector<std::jthread> workers;
            for (size_t part = 1; part < threads; ++part)
                workers.emplace_back(decide_range, part);
            decide_range(0);
        }
        gs.unit_memo.clear();
    }

    // Only here, where every other group is settled, is an answer about a unit final: elsewhere
    // a cycle can leave one unknown or not yet selected for a while. Untraced only: a traced
    // candidate keeps what each criterion read.
    void prepare_unit_memo(GroupState& gs) const {
        if (m_options.trace) return;
        const std::vector<CompiledCriterion>& criteria = gs.award->criteria;
        gs.unit_memo.assign(criteria.size(), {});
        for (size_t ci = 0; ci < criteria.size(); ++ci) {
            const CompiledCriterion& c = criteria[ci];
            if (c.rule->fixed_by_unit() && (!c.applies_to || c.applies_to->fixed_by_unit()))
                gs.unit_memo[ci].assign(m_data.units.size(), kNotKnown);
        }
    }

    // verdict(), once per unit for a criterion fixed by the person's unit (prepare_unit_memo).
    // Relaxed atomics: two deciding threads may write the same answer at once.
    std::optional<Tri> verdict_in_group(const GroupState& gs, size_t ci, Subject s,
                                        HistoryRule history) {
        const CompiledCriterion& c = gs.award->criteria[ci];
        if (ci >= gs.unit_memo.size() || gs.unit_memo[ci].empty() ||
            s.kind != SubjectKind::Person || history != m_history)
            return verdict(c, s, history);
        // The unit `unit` names for a person: the one of the context's year (context()).
        const Index unit = m_data.unit_of_person(s.index, m_period.last_year);
        if (unit == kNoIndex) return verdict(c, s, history);
        const std::atomic_ref<int8_t> slot(gs.unit_memo[ci][static_cast<size_t>(unit)]);
        const int8_t known = slot.load(std::memory_order_relaxed);
        if (known == kNotApplicable) return std::nullopt;
        if (known != kNotKnown) return static_cast<Tri>(known);
        const std::optional<Tri> result = verdict(c, s, history);
        slot.store(result ? static_cast<int8_t>(*result) : kNotApplicable,
                   std::memory_order_relaxed);
        return result;
    }

    bool others_settled(const GroupState& gs) const {
        for (const auto& groups : m_groups)
            for (const GroupState& other : groups)
                if (&other != &gs && !other.allocated) return false;
        return true;
    }

    static bool competes(const CandidateOutcome& o) { return !o.lineage || o.lineage->competes; }

    const CouncilChoice* council_choice(const GroupState& gs) const {
        const std::string& group = gs.award->groups[gs.group].id;
        for (const CouncilChoice& c : m_options.council)
            if (c.award == gs.award->spec->id && c.group == group) return &c;
        return nullptr;
    }

    // The council's choice replaces the ranking's selection; ties are settled. Only eligible
    // candidates can be chosen; others are listed as ignored.
    void apply_council(GroupState& gs) {
        const CouncilChoice* choice = council_choice(gs);
        if (choice == nullptr) return;
        CouncilOutcome c;
        c.choice = *choice;
        c.computed_open_seats = gs.open_seats;
        std::vector<uint8_t> chosen(gs.candidates.size(), 0);
        for (const std::string& id : choice->chosen) {
            int found = -1;
            for (size_t i = 0; i < gs.candidates.size(); ++i)
                if (subject_id(gs.candidates[i]) == id &&
                    gs.outcomes.at(i).status == Status::Eligible)
                    found = static_cast<int>(i);
            if (found < 0)
                c.ignored.push_back(id);
            else
                chosen[static_cast<size_t>(found)] = 1;
        }
        int added_from_ties = 0;
        for (int i : gs.order) {
            CandidateOutcome& o = gs.outcomes.mutable_at(static_cast<size_t>(i));
            if (o.selected) c.computed_selected.push_back(o.subject);
            if (o.tied) c.computed_tied.push_back(o.subject);
            const bool now = chosen[static_cast<size_t>(i)] != 0;
            if (o.selected && !now) c.departs = true;
            if (!o.selected && now && !o.tied) c.departs = true;
            if (!o.selected && now && o.tied) ++added_from_ties;
            o.selected = now;
            o.tied = false;
        }
        if (added_from_ties > c.computed_open_seats) c.departs = true;
        gs.open_seats = 0;
        gs.council = std::move(c);
    }

    // After the ranked eligible candidates: the eligible who do not compete (closed units), the
    // incomplete, then the ineligible, by id. An untraced evaluation leaves the ineligible out.
    void append_others(GroupState& gs) {
        // One pass over the outcomes (millions of them for an individual award), into three lists.
        std::vector<int> unranked, incomplete, ineligible;
        for (size_t i = 0; i < gs.candidates.size(); ++i) {
            const CandidateOutcome& o = gs.outcomes.at(i);
            if (o.status == Status::Ineligible) {
                if (m_options.trace) ineligible.push_back(static_cast<int>(i));
            } else if (o.status == Status::Incomplete)
                incomplete.push_back(static_cast<int>(i));
            else if (!competes(o))
                unranked.push_back(static_cast<int>(i));
        }
        const auto by_id = [&](int a, int b) {
            return subject_id(gs.candidates[a]) < subject_id(gs.candidates[b]);
        };
        for (std::vector<int>* rest : {&unranked, &incomplete, &ineligible}) {
            // Datasets usually list people by id already; sorting millions of ids costs seconds.
            if (!std::is_sorted(rest->begin(), rest->end(), by_id))
                std::sort(rest->begin(), rest->end(), by_id);
            gs.order.insert(gs.order.end(), rest->begin(), rest->end());
        }
    }

    const std::string& subject_id(Subject s) const {
        return s.kind == SubjectKind::Unit ? m_data.units[s.index].id : m_data.people.id[s.index];
    }

    GroupOutcome take(GroupState& gs) {
        GroupOutcome out;
        out.group = &gs.award->groups[gs.group];
        out.open_seats = gs.open_seats;
        out.council = gs.council;
        for (int i : gs.order) {
            const CandidateOutcome& o = gs.outcomes.at(static_cast<size_t>(i));
            if (o.selected) out.selected.push_back(o.subject);
            if (o.tied) out.tied.push_back(o.subject);
        }
        // Untraced, the order leaves the ineligible out (append_others): they are counted.
        out.unlisted_ineligible = m_options.trace ? 0 : gs.outcomes.size() - gs.order.size();
        out.candidates = gs.outcomes.take(gs.order);
        return out;
    }

    std::vector<DossierOutcome> dossiers(const EvaluationResult& result) const {
        std::vector<DossierOutcome> out;
        for (const AwardOutcome& award : result.awards) {
            // Every selected candidate gets an entry, even where the plan names no papers.
            static const DossierSpec kNone;
            const DossierSpec* spec = award.award->dossier ? award.award->dossier : &kNone;
            DueDate due = dossier_due(spec->due, m_period, m_data);
            if (!award.award->dossier) due.note = "kế hoạch không quy định hồ sơ, hạn nộp";
            for (const GroupOutcome& g : award.groups) {
                for (const Subject& s : g.selected) {
                    DossierOutcome d;
                    d.subject = s;
                    d.award = award.award;
                    d.group = g.group->id;
                    d.due = due.date;
                    d.due_note = due.note;
                    d.complete = true;
                    for (const DocumentSpec& doc : spec->documents) {
                        if (!doc.groups.empty() && std::find(doc.groups.begin(), doc.groups.end(),
                                                             g.group->id) == doc.groups.end())
                            continue;
                        DocumentOutcome dd;
                        dd.document = &doc;
                        dd.required = doc.copies;
                        const auto sub =
                            m_indexes.submitted(s, award.award->spec->id, m_period.id, doc.id);
                        dd.submitted = sub.copies;
                        dd.late = due.date && sub.last && *sub.last > *due.date;
                        d.complete &= dd.submitted >= dd.required;
                        d.documents.push_back(dd);
                    }
                    out.push_back(std::move(d));
                }
            }
        }
        return out;
    }

    const CompiledPlan& m_plan;
    const Dataset& m_data;
    Period m_period;
    EvaluateOptions m_options;
    Indexes m_indexes;
    HistoryRule m_history;
    std::vector<std::vector<Index>> m_successors;  // by unit, built on first need
    std::vector<bool> m_scope;  // units inside options.within; empty when there is none
    std::vector<const CompiledAward*> m_awards;
    std::vector<std::vector<GroupState>> m_groups;  // by award_id
    // selected(unit, award) once final (True or False), by award_id then unit; kNotKnown before.
    static constexpr int8_t kNotKnown = -1;
    static constexpr int8_t kNotApplicable = -2;  // unit_memo: the criterion does not apply
    std::vector<std::vector<int8_t>> m_selected_memo;
};

}  // namespace

EvaluationResult evaluate(const CompiledPlan& plan, const Dataset& data, const Period& period,
                          const EvaluateOptions& options) {
    return Engine(plan, data, period, options).run();
}

Index issuer_unit(const CompiledPlan& plan, const Dataset& data) {
    const auto found = data.unit_by_id.find(plan.spec.issuer.unit);
    return found == data.unit_by_id.end() ? kNoIndex : found->second;
}

}  // namespace thidua
