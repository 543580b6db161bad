#include "plan/PlanCompiler.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

#include "expr/Nodes.h"
#include "expr/Parser.h"

namespace thidua {

SourceRef locate(const ExprText& text, uint32_t offset) {
    offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.text.size()));
    SourceRef ref = text.where;
    uint32_t from = 0;
    for (const ExprText::Segment& seg : text.segments) {
        if (seg.offset > offset) break;
        ref = seg.at;
        from = seg.offset;
    }
    // Columns count characters, not UTF-8 bytes.
    for (uint32_t i = from; i < offset; ++i)
        if ((static_cast<unsigned char>(text.text[i]) & 0xC0) != 0x80) ++ref.column;
    return ref;
}

namespace {

Diagnostic at(const SourceRef& where, std::string message) {
    Diagnostic d;
    d.file = where.file;
    d.line = where.line;
    d.column = where.column;
    d.message = std::move(message);
    return d;
}

class PlanCompiler {
public:
    explicit PlanCompiler(CompiledPlan& plan) : m_plan(plan), m_spec(plan.spec) {}

    Diagnostics run() {
        m_plan.env = std::make_unique<expr::Environment>();
        m_compiler = std::make_unique<expr::Compiler>(*m_plan.env);
        check_ids();
        register_scales();
        register_names();
        register_definitions();
        for (const AwardSpec& a : m_spec.awards)
            compile_award(a);
        add_precedence();
        compile_preference();
        m_compiler->check_unused_definitions();
        check_award_references();
        check_cycles();
        for (const auto& e : m_compiler->errors())
            m_errors.push_back(at(locate(*m_sources[e.source], e.offset), e.message));
        std::stable_sort(m_errors.begin(), m_errors.end(), [](const auto& a, const auto& b) {
            return std::tie(a.line, a.column) < std::tie(b.line, b.column);
        });
        m_errors.erase(std::unique(m_errors.begin(), m_errors.end(),
                                   [](const auto& a, const auto& b) {
                                       return a.line == b.line && a.column == b.column &&
                                              a.message == b.message;
                                   }),
                       m_errors.end());
        return m_errors;
    }

private:
    void error(const SourceRef& where, std::string message) {
        m_errors.push_back(at(where, std::move(message)));
    }

    const expr::Syntax* parse(const ExprText& text) {
        auto parsed = expr::parse(text.text);
        if (!parsed) {
            error(locate(text, parsed.error().offset), parsed.error().message);
            return nullptr;
        }
        m_syntax.push_back(std::move(*parsed));
        return m_syntax.back().get();
    }

    int source(const ExprText& text) {
        m_sources.push_back(&text);
        return static_cast<int>(m_sources.size() - 1);
    }

    expr::NodePtr compile(const ExprText& text, SubjectKind subject, expr::TypeKind kind) {
        const expr::Syntax* syntax = parse(text);
        if (!syntax) return nullptr;
        return m_compiler->compile_as(*syntax, subject, source(text), kind);
    }

    void check_ids() {
        std::set<std::string> groups;
        for (const GroupSpec& g : m_spec.groups)
            if (!groups.insert(g.id).second)
                error(g.where, fmt::format("nhóm '{}' khai báo hai lần", g.id));
        std::set<std::string> phases;
        for (const PhaseSpec& p : m_spec.phases)
            if (!phases.insert(p.id).second)
                error(p.where, fmt::format("giai đoạn '{}' khai báo hai lần", p.id));
        auto check_selector = [&](const PeriodSelector& s) {
            for (const std::string& id : s.ids)
                if (!find_period(m_spec, id))
                    error(s.where, fmt::format("kế hoạch không có kỳ '{}' (các kỳ: {})", id,
                                               period_list(m_spec)));
            if (s.annual && !m_spec.annual)
                error(s.where, "kế hoạch không có kỳ hằng năm (thiếu 'periods.annual')");
            if (s.phases && m_spec.phases.empty())
                error(s.where, "kế hoạch không có giai đoạn nào (thiếu 'periods.phases')");
        };
        for (const AwardSpec& a : m_spec.awards)
            check_selector(a.periods);
        for (const DeadlineSpec& d : m_spec.registration.deadlines)
            check_selector(d.periods);
        // The same award id twice in one period would make eligible()/selected() ambiguous.
        for (const Period& p : plan_periods(m_spec)) {
            std::set<std::string> seen;
            for (const AwardSpec& a : m_spec.awards)
                if (selector_matches(a.periods, p) && !seen.insert(a.id).second)
                    error(a.where, fmt::format("hình thức '{}' được khai báo hai lần cho kỳ {}",
                                               a.id, p.id));
        }
        for (const RewardSpec& r : m_spec.documents.rewards) {
            const bool known = std::any_of(m_spec.awards.begin(), m_spec.awards.end(),
                                           [&](const AwardSpec& a) { return a.id == r.award; });
            if (!known)
                error(r.where, fmt::format("'documents.rewards': kế hoạch không có hình thức '{}'",
                                           r.award));
        }
    }

    void register_scales() {
        for (const ScaleSpec& s : m_spec.scales) {
            for (const std::string& v : s.values)
                if (m_plan.env->label(v) || m_plan.env->is_reserved(v))
                    error(s.where,
                          fmt::format("nhãn '{}' của thang '{}' trùng một tên đã có", v, s.name));
            m_plan.env->add_scale(expr::ScaleDef{s.name, s.values, s.labels});
        }
    }

    void register_names() {
        for (size_t i = 0; i < m_spec.groups.size(); ++i)
            m_plan.env->add_group(m_spec.groups[i].id, static_cast<int>(i));
        for (const AwardSpec& a : m_spec.awards) {
            auto it = std::find(m_plan.award_ids.begin(), m_plan.award_ids.end(), a.id);
            if (it == m_plan.award_ids.end()) {
                m_plan.award_ids.push_back(a.id);
                m_plan.env->add_award(a.id, static_cast<int>(m_plan.award_ids.size() - 1));
            }
        }
    }

    int award_id(const std::string& id) const {
        auto it = std::find(m_plan.award_ids.begin(), m_plan.award_ids.end(), id);
        return it == m_plan.award_ids.end() ? -1 : static_cast<int>(it - m_plan.award_ids.begin());
    }

    void register_definitions() {
        for (const DefinitionSpec& d : m_spec.definitions) {
            if (m_plan.env->is_reserved(d.name) || m_plan.env->has_definition(d.name)) {
                error(d.expr.where, fmt::format("tên định nghĩa '{}' trùng một tên đã có", d.name));
                continue;
            }
            const expr::Syntax* syntax = parse(d.expr);
            if (!syntax) continue;
            std::optional<expr::Interval> range;
            if (d.range) range = expr::Interval{d.range->first, d.range->second};
            m_plan.env->add_definition(d.name, syntax, source(d.expr), range);
        }
    }

    int group_index(const std::string& id) const {
        for (size_t i = 0; i < m_spec.groups.size(); ++i)
            if (m_spec.groups[i].id == id) return static_cast<int>(i);
        return -1;
    }

    std::vector<CompiledKey> compile_keys(const std::vector<RankingKeySpec>& keys, SubjectKind s) {
        std::vector<CompiledKey> out;
        for (const RankingKeySpec& k : keys) {
            const expr::Syntax* syntax = parse(k.key);
            if (!syntax) continue;
            expr::NodePtr n = m_compiler->compile(*syntax, s, source(k.key));
            if (n && n->type().is_subject()) {
                error(k.key.where, "khóa xếp hạng phải là số, đúng/sai hoặc xếp loại");
                continue;
            }
            if (n) out.push_back({k.label, k.key.text, n, k.descending});
        }
        return out;
    }

    void compile_award(const AwardSpec& a) {
        CompiledAward award;
        award.spec = &a;
        award.award_id = award_id(a.id);
        award.kind = a.kind;
        award.dossier =
            a.dossier ? &*a.dossier : (m_spec.dossier.present ? &m_spec.dossier : nullptr);
        const SubjectKind subject =
            a.kind == AwardKind::Collective ? SubjectKind::Unit : SubjectKind::Person;
        m_compiler->reset_references();
        const std::vector<CompiledKey> default_keys = compile_keys(a.ranking, subject);
        for (const AwardGroupSpec& g : a.groups)
            award.groups.push_back(compile_group(a, g, subject, default_keys));
        for (size_t i = 0; i < a.criteria.size(); ++i) {
            const CriterionSpec& c = a.criteria[i];
            // One id may be written twice for disjoint groups (the same criterion, worded per
            // group).
            for (size_t j = 0; j < i; ++j)
                if (a.criteria[j].id == c.id && !disjoint(a.criteria[j].groups, c.groups))
                    error(c.where,
                          fmt::format("tiêu chí '{}' khai báo hai lần cho cùng nhóm trong '{}'",
                                      c.id, a.id));
            award.criteria.push_back(compile_criterion(a, award, c, subject));
        }
        for (int id : m_compiler->references().eligible_awards)
            award.depends_on.push_back(id);
        for (int id : m_compiler->references().selected_awards)
            award.depends_on.push_back(id);
        m_plan.awards.push_back(std::move(award));
    }

    static bool disjoint(const std::vector<std::string>& a, const std::vector<std::string>& b) {
        if (a.empty() || b.empty()) return false;
        for (const auto& x : a)
            if (std::find(b.begin(), b.end(), x) != b.end()) return false;
        return true;
    }

    CompiledAwardGroup compile_group(const AwardSpec& a, const AwardGroupSpec& g,
                                     SubjectKind subject,
                                     const std::vector<CompiledKey>& default_keys) {
        CompiledAwardGroup out;
        out.id = g.group;
        out.quota = g.quota;
        if (a.kind == AwardKind::Collective) {
            out.plan_group = group_index(g.group);
            if (out.plan_group < 0)
                error(g.where,
                      fmt::format("chỉ tiêu cho nhóm '{}' nhưng kế hoạch không có nhóm này",
                                  g.group));
        }
        out.ranking = g.ranking ? compile_keys(*g.ranking, subject) : default_keys;
        if (g.cap) {
            CompiledCap cap;
            cap.max = g.cap->max;
            cap.label = g.cap->label;
            cap.source = g.cap->per.text;
            cap.per = compile(g.cap->per, subject, expr::TypeKind::Unit);
            if (cap.per) out.cap = std::move(cap);
        }
        return out;
    }

    CompiledCriterion compile_criterion(const AwardSpec& a, const CompiledAward& award,
                                        const CriterionSpec& c, SubjectKind subject) {
        CompiledCriterion out;
        out.id = c.id;
        out.label = c.label;
        out.source = c.rule.text;
        for (const std::string& g : c.groups) {
            auto it = std::find_if(award.groups.begin(), award.groups.end(),
                                   [&](const CompiledAwardGroup& x) { return x.id == g; });
            if (it == award.groups.end())
                error(c.groups_where,
                      fmt::format("tiêu chí '{}' ghi nhóm '{}' nhưng '{}' không xét nhóm này", c.id,
                                  g, a.id));
            else
                out.groups.push_back(static_cast<int>(it - award.groups.begin()));
        }
        if (c.applies_to) out.applies_to = compile(*c.applies_to, subject, expr::TypeKind::Bool);
        out.rule = compile(c.rule, subject, expr::TypeKind::Bool);
        return out;
    }

    bool share_a_period(const AwardSpec& a, const AwardSpec& b) const {
        for (const Period& p : plan_periods(m_spec))
            if (selector_matches(a.periods, p) && selector_matches(b.periods, p)) return true;
        return false;
    }

    // Precedence becomes a criterion of the lower award, so the output says why a unit that won
    // the flag is not among the certificates.
    void add_precedence() {
        for (const std::string& id : m_spec.precedence)
            if (award_id(id) < 0)
                error(m_spec.precedence_where,
                      fmt::format("thứ tự ưu tiên ghi '{}' nhưng kế hoạch không có hình thức này",
                                  id));
        for (CompiledAward& award : m_plan.awards) {
            auto pos =
                std::find(m_spec.precedence.begin(), m_spec.precedence.end(), award.spec->id);
            if (pos == m_spec.precedence.end()) continue;
            std::vector<std::string> names;
            for (auto it = m_spec.precedence.begin(); it != pos; ++it) {
                for (const CompiledAward& other : m_plan.awards) {
                    if (other.spec->id != *it || !share_a_period(*award.spec, *other.spec))
                        continue;
                    award.higher_award_ids.push_back(other.award_id);
                    names.push_back(other.spec->name);
                    break;
                }
            }
            if (award.higher_award_ids.empty()) continue;
            CompiledCriterion c;
            c.id = "higher-award";
            c.implicit = true;
            std::string joined;
            for (const auto& n : names)
                joined += (joined.empty() ? "" : ", ") + n;
            c.label = "Không được chọn khen thưởng cao hơn trong cùng kỳ (" + joined + ")";
            expr::NodePtr self = std::make_shared<expr::SubjectNode>(
                expr::Type{expr::TypeKind::Unit}, expr::SubjectNav::Self);
            expr::NodePtr rule;
            for (int h : award.higher_award_ids) {
                c.source += (c.source.empty() ? "" : " and ") +
                            fmt::format("not selected(self, {})", m_plan.award_ids[h]);
                expr::NodePtr q =
                    std::make_shared<expr::NotNode>(std::make_shared<expr::AwardQueryNode>(
                        true, self, h, -1, &m_plan.award_ids[h]));
                rule = rule ? std::make_shared<expr::LogicNode>(true, rule, q) : q;
                award.depends_on.push_back(h);
            }
            c.rule = rule;
            award.criteria.insert(award.criteria.begin(), std::move(c));
        }
    }

    void compile_preference() {
        const PreferenceSpec& p = m_spec.preference;
        if (p.collective)
            m_plan.preference_collective =
                compile(*p.collective, SubjectKind::Unit, expr::TypeKind::Bool);
        if (p.individual)
            m_plan.preference_individual =
                compile(*p.individual, SubjectKind::Person, expr::TypeKind::Bool);
    }

    // eligible()/selected() must name an award given in every period the asking award is.
    void check_award_references() {
        for (const CompiledAward& award : m_plan.awards) {
            for (int dep : award.depends_on) {
                for (const Period& p : plan_periods(m_spec)) {
                    if (!selector_matches(award.spec->periods, p)) continue;
                    const bool given = std::any_of(
                        m_plan.awards.begin(), m_plan.awards.end(), [&](const CompiledAward& o) {
                            return o.award_id == dep && selector_matches(o.spec->periods, p);
                        });
                    if (!given) {
                        error(award.spec->where,
                              fmt::format("'{}' dựa vào '{}' nhưng '{}' không được xét trong kỳ {}",
                                          award.spec->id, m_plan.award_ids[dep],
                                          m_plan.award_ids[dep], p.id));
                        break;
                    }
                }
            }
        }
    }

    void check_cycles() {
        for (const Period& p : plan_periods(m_spec)) {
            std::vector<const CompiledAward*> in_period;
            for (const CompiledAward& a : m_plan.awards)
                if (selector_matches(a.spec->periods, p)) in_period.push_back(&a);
            std::map<int, int> state;  // 1 visiting, 2 done
            std::function<bool(const CompiledAward*)> visit = [&](const CompiledAward* a) {
                state[a->award_id] = 1;
                for (int dep : a->depends_on) {
                    if (dep == a->award_id) continue;  // eligible(parent, same award): by subject
                    auto it = std::find_if(in_period.begin(), in_period.end(),
                                           [&](auto* o) { return o->award_id == dep; });
                    if (it == in_period.end()) continue;
                    if (state[dep] == 1) {
                        error(a->spec->where,
                              fmt::format("vòng phụ thuộc giữa '{}' và '{}' trong kỳ {}",
                                          a->spec->id, (*it)->spec->id, p.id));
                        return false;
                    }
                    if (state[dep] == 0 && !visit(*it)) return false;
                }
                state[a->award_id] = 2;
                return true;
            };
            for (const CompiledAward* a : in_period)
                if (state[a->award_id] == 0 && !visit(a)) return;
        }
    }

    CompiledPlan& m_plan;
    const PlanSpec& m_spec;
    std::unique_ptr<expr::Compiler> m_compiler;
    std::vector<expr::SyntaxPtr> m_syntax;
    std::vector<const ExprText*> m_sources;
    Diagnostics m_errors;
};

}  // namespace

tl::expected<std::shared_ptr<const CompiledPlan>, Diagnostics> compile_plan(PlanSpec spec) {
    auto plan = std::make_shared<CompiledPlan>();
    plan->spec = std::move(spec);
    Diagnostics errors = PlanCompiler(*plan).run();
    if (!errors.empty()) return tl::unexpected(std::move(errors));
    return plan;
}

}  // namespace thidua
