#include "expr/Compiler.h"

#include <fmt/format.h>
#include <algorithm>

#include "expr/Facts.h"
#include "expr/Nodes.h"
#include "model/Vocabulary.h"

namespace thidua::expr {
namespace {

constexpr std::string_view kDomains[] = {"years", "members", "member_years"};
constexpr std::string_view kAggregates[] = {"all",  "any", "count", "share",
                                            "mean", "sum", "min",   "max"};
constexpr std::string_view kFunctions[] = {"coalesce", "known",    "abs",
                                           "eligible", "selected", "in_group"};
constexpr std::string_view kNames[] = {"year",     "first_year", "last_year", "self",      "parent",
                                       "district", "province",   "unit",      "registered"};

int kind_index(SubjectKind k) {
    return k == SubjectKind::Unit ? 0 : 1;
}
std::string_view kind_vi(SubjectKind k) {
    return k == SubjectKind::Unit ? "đơn vị" : "cá nhân";
}

ScaleDef from_vocabulary(const Scale& s) {
    ScaleDef d;
    d.name = std::string(s.name);
    for (auto id : s.ids)
        d.ids.emplace_back(id);
    for (auto n : s.names_vi)
        d.labels_vi.emplace_back(n);
    return d;
}

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
            diag = up;
        }
    }
    return row[b.size()];
}

template <typename Range>
bool contains(const Range& r, std::string_view x) {
    return std::find(std::begin(r), std::end(r), x) != std::end(r);
}

}  // namespace

std::string type_name_vi(const Type& t) {
    switch (t.kind) {
        case TypeKind::Bool:
            return "đúng/sai";
        case TypeKind::Number:
            return "số";
        case TypeKind::Rating: {
            std::string ids;
            for (const auto& id : t.scale->ids)
                ids += (ids.empty() ? "" : ", ") + id;
            return fmt::format("xếp loại {} ({})", t.scale->name, ids);
        }
        case TypeKind::Unit:
            return "đơn vị";
        case TypeKind::Person:
            return "cá nhân";
        default:
            return "lỗi";
    }
}

// --- Environment --------------------------------------------------------------------------------

Environment::Environment() {
    m_scales.push_back(from_vocabulary(par_rating_scale()));
    m_scales.push_back(from_vocabulary(person_rating_scale()));
    m_scales.push_back(from_vocabulary(initiative_level_scale()));
    m_scales.push_back(ScaleDef{"gender", {"nu", "nam"}, {"Nữ", "Nam"}});
    m_gender = &m_scales.back();
}

const ScaleDef* Environment::add_scale(ScaleDef scale) {
    m_scales.push_back(std::move(scale));
    return &m_scales.back();
}

const ScaleDef* Environment::scale(std::string_view name) const {
    for (const auto& s : m_scales)
        if (s.name == name) return &s;
    return nullptr;
}

std::optional<std::pair<const ScaleDef*, int>> Environment::label(std::string_view id) const {
    for (const auto& s : m_scales)
        if (int code = s.code_of(id); code >= 0) return std::make_pair(&s, code);
    return std::nullopt;
}

void Environment::add_definition(std::string name, const Syntax* syntax, int source,
                                 std::optional<Interval> range) {
    m_names.push_back(name);
    m_definitions[std::move(name)] = Definition{&m_names.back(), syntax, source, range, {}, {}, {}};
}

bool Environment::is_reserved(std::string_view name) const {
    return find_fact_any(name) || contains(kDomains, name) || contains(kAggregates, name) ||
           contains(kFunctions, name) || contains(kNames, name) || label(name).has_value() ||
           name == "and" || name == "or" || name == "not" || name == "if" || name == "then" ||
           name == "else";
}

// --- Compiler -----------------------------------------------------------------------------------

NodePtr Compiler::compile(const Syntax& syntax, SubjectKind subject, int source) {
    const size_t before = m_errors.size();
    NodePtr n = node(syntax, Scope{subject, source});
    return m_errors.size() == before ? n : nullptr;
}

NodePtr Compiler::compile_as(const Syntax& syntax, SubjectKind subject, int source, TypeKind kind) {
    const size_t before = m_errors.size();
    NodePtr n = expect(syntax, Scope{subject, source}, kind, "biểu thức");
    return m_errors.size() == before ? n : nullptr;
}

NodePtr Compiler::error(const Syntax& s, const Scope& scope, std::string message) {
    m_errors.push_back({scope.source, s.span.begin, std::move(message)});
    return nullptr;
}

NodePtr Compiler::expect(const Syntax& s, const Scope& scope, TypeKind kind,
                         std::string_view role) {
    NodePtr n = node(s, scope);
    if (!n || n->type().kind == kind) return n;
    return error(s, scope,
                 fmt::format("{} phải là {} nhưng đây là {}", role, type_name_vi(Type{kind}),
                             type_name_vi(n->type())));
}

NodePtr Compiler::node(const Syntax& s, const Scope& scope) {
    switch (s.kind) {
        case SyntaxKind::Number:
            return std::make_shared<ConstNode>(Type{TypeKind::Number},
                                               Value::number(Interval::point(s.number)));
        case SyntaxKind::Name:
            return name(s, scope);
        case SyntaxKind::Call:
            return call(s, scope);
        case SyntaxKind::Unary:
            if (s.text == "not")
                if (auto a = expect(*s.children[0], scope, TypeKind::Bool, "vế sau 'not'"))
                    return std::make_shared<NotNode>(a);
            if (s.text == "-")
                if (auto a = expect(*s.children[0], scope, TypeKind::Number, "vế sau '-'"))
                    return std::make_shared<ArithNode>('n', a, nullptr);
            return nullptr;
        case SyntaxKind::Binary:
            return binary(s, scope);
        case SyntaxKind::If:
            return conditional(s, scope);
        case SyntaxKind::Member:
            return member(s, scope);
        case SyntaxKind::At:
            return at(s, scope);
    }
    return nullptr;
}

NodePtr Compiler::name(const Syntax& s, const Scope& scope) {
    const std::string& id = s.text;
    if (id == "year") return std::make_shared<YearNode>(YearKind::Current);
    if (id == "first_year") return std::make_shared<YearNode>(YearKind::First);
    if (id == "last_year") return std::make_shared<YearNode>(YearKind::Last);
    if (id == "registered") return std::make_shared<RegisteredNode>();
    if (id == "self") {
        const TypeKind k = scope.subject == SubjectKind::Unit ? TypeKind::Unit : TypeKind::Person;
        return std::make_shared<SubjectNode>(Type{k}, SubjectNav::Self);
    }
    static const std::pair<std::string_view, SubjectNav> kNav[] = {
        {"parent", SubjectNav::Parent},
        {"district", SubjectNav::District},
        {"province", SubjectNav::Province},
        {"unit", SubjectNav::Unit}};
    for (auto [word, nav] : kNav) {
        if (id != word) continue;
        if (nav == SubjectNav::Parent && scope.subject == SubjectKind::Person)
            return error(s, scope,
                         "'parent' là đơn vị cấp trên của một đơn vị; với cá nhân "
                         "hãy dùng 'unit' (đơn vị công tác) hoặc 'unit.parent'");
        return std::make_shared<SubjectNode>(Type{TypeKind::Unit}, nav);
    }
    if (NodePtr f = fact(id, scope)) return f;
    if (m_env.m_definitions.count(id)) return definition(s, scope);
    if (auto lbl = m_env.label(id))
        return std::make_shared<ConstNode>(Type{TypeKind::Rating, lbl->first},
                                           Value::number(Interval::point(lbl->second)));
    if (contains(kDomains, id))
        return error(s, scope,
                     fmt::format("'{}' chỉ dùng làm đối số đầu của một hàm gộp, ví dụ "
                                 "all({}, ...) hoặc count({}, ...)",
                                 id, id, id));
    if (const FactDef* other = find_fact_any(id))
        return error(s, scope,
                     fmt::format("'{}' là dữ kiện của {}, không dùng được cho {} ở đây", id,
                                 kind_vi(other->subject), kind_vi(scope.subject)));
    return error(s, scope, fmt::format("không biết tên '{}'{}", id, suggest(id, scope)));
}

NodePtr Compiler::fact(std::string_view id, const Scope& scope) {
    const FactDef* f = find_fact(id, scope.subject);
    if (!f) return nullptr;
    Type type{TypeKind::Number};
    switch (f->type) {
        case FactType::Flag:
            type = {TypeKind::Bool};
            break;
        case FactType::ParRating:
            type = {TypeKind::Rating, m_env.scale("par_rating")};
            break;
        case FactType::PersonRating:
            type = {TypeKind::Rating, m_env.scale("rating")};
            break;
        case FactType::InitiativeLevel:
            type = {TypeKind::Rating, m_env.scale("initiative_level")};
            break;
        case FactType::Gender:
            type = {TypeKind::Rating, &m_env.gender_scale()};
            break;
        default:
            break;
    }
    const FactInfo info{f->name, f->file, f->column};
    if (f->subject == SubjectKind::Unit)
        return std::make_shared<UnitFactNode>(type, static_cast<UnitField>(f->field), info);
    return std::make_shared<PersonFactNode>(type, static_cast<PersonField>(f->field), info);
}

NodePtr Compiler::definition(const Syntax& s, const Scope& scope) {
    auto& def = m_env.m_definitions.find(s.text)->second;
    const int k = kind_index(scope.subject);
    if (def.in_progress[k])
        return error(s, scope, fmt::format("định nghĩa '{}' tự gọi lại chính nó", s.text));
    if (!def.compiled[k] && !def.failed[k]) {
        def.in_progress[k] = true;
        const size_t before = m_errors.size();
        NodePtr body = node(*def.syntax, Scope{scope.subject, def.source});
        def.in_progress[k] = false;
        if (!body || m_errors.size() != before) {
            def.failed[k] = true;
        } else {
            std::optional<Interval> range;
            if (def.range) range = *def.range;
            def.compiled[k] = std::make_shared<DefinitionNode>(def.name, body, range);
        }
    }
    if (def.failed[k])
        return error(s, scope,
                     fmt::format("định nghĩa '{}' không dùng được cho {} (xem lỗi ở định nghĩa)",
                                 s.text, kind_vi(scope.subject)));
    return def.compiled[k];
}

void Compiler::check_unused_definitions() {
    for (auto& [name, def] : m_env.m_definitions) {
        if (def.compiled[0] || def.compiled[1] || def.failed[0] || def.failed[1]) continue;
        // A definition is for units or for people; report it only if it suits neither.
        Compiler as_unit(m_env);
        if (as_unit.node(*def.syntax, Scope{SubjectKind::Unit, def.source}) &&
            as_unit.errors().empty())
            continue;
        Compiler as_person(m_env);
        if (as_person.node(*def.syntax, Scope{SubjectKind::Person, def.source}) &&
            as_person.errors().empty())
            continue;
        m_errors.insert(m_errors.end(), as_unit.errors().begin(), as_unit.errors().end());
    }
}

NodePtr Compiler::call(const Syntax& s, const Scope& scope) {
    const std::string& fn = s.text;
    if (contains(kAggregates, fn)) return aggregate(s, scope);
    if (fn == "eligible" || fn == "selected") return award_query(s, scope);
    if (fn == "in_group") return in_group(s, scope);
    const size_t argc = s.children.size();
    if (fn == "known" || fn == "abs") {
        if (argc != 1) return error(s, scope, fmt::format("'{}' cần đúng 1 đối số", fn));
        if (fn == "abs") {
            auto a = expect(*s.children[0], scope, TypeKind::Number, "đối số của abs");
            return a ? std::make_shared<AbsNode>(a) : nullptr;
        }
        auto a = node(*s.children[0], scope);
        return a ? std::make_shared<KnownNode>(a) : nullptr;
    }
    if (fn == "coalesce") {
        if (argc < 2) return error(s, scope, "'coalesce' cần ít nhất 2 đối số");
        std::vector<NodePtr> args;
        for (const auto& c : s.children)
            args.push_back(node(*c, scope));
        for (const auto& a : args)
            if (!a) return nullptr;
        for (size_t i = 1; i < args.size(); ++i)
            if (!(args[i]->type() == args[0]->type()))
                return error(
                    *s.children[i], scope,
                    fmt::format("các đối số của coalesce phải cùng kiểu: {} khác {}",
                                type_name_vi(args[i]->type()), type_name_vi(args[0]->type())));
        return std::make_shared<CoalesceNode>(args[0]->type(), std::move(args));
    }
    return error(s, scope, fmt::format("không biết hàm '{}'{}", fn, suggest(fn, scope)));
}

NodePtr Compiler::aggregate(const Syntax& s, const Scope& scope) {
    const std::string& fn = s.text;
    if (s.children.size() != 2)
        return error(s, scope,
                     fmt::format("'{}' cần 2 đối số: miền (years, members hoặc member_years) và "
                                 "biểu thức, ví dụ {}(years, par_rating >= tot)",
                                 fn, fn));
    const Syntax& dom = *s.children[0];
    if (dom.kind != SyntaxKind::Name || !contains(kDomains, dom.text))
        return error(
            dom, scope,
            fmt::format("đối số đầu của '{}' phải là years, members hoặc member_years", fn));
    Domain domain = Domain::Years;
    SubjectKind body_subject = scope.subject;
    if (dom.text != "years") {
        if (scope.subject != SubjectKind::Unit)
            return error(dom, scope,
                         fmt::format("'{}' là những người của một đơn vị; ở đây đang xét cá nhân",
                                     dom.text));
        domain = dom.text == "members" ? Domain::Members : Domain::MemberYears;
        body_subject = SubjectKind::Person;
        m_refs.uses_members = true;
    }
    const bool boolean = fn == "all" || fn == "any" || fn == "count" || fn == "share";
    const TypeKind body_kind = boolean ? TypeKind::Bool : TypeKind::Number;
    NodePtr body = expect(*s.children[1], Scope{body_subject, scope.source}, body_kind,
                          fmt::format("biểu thức trong {}()", fn));
    if (!body) return nullptr;
    static const std::pair<std::string_view, AggregateFn> kFns[] = {
        {"all", AggregateFn::All},     {"any", AggregateFn::Any},   {"count", AggregateFn::Count},
        {"share", AggregateFn::Share}, {"mean", AggregateFn::Mean}, {"sum", AggregateFn::Sum},
        {"min", AggregateFn::Min},     {"max", AggregateFn::Max}};
    AggregateFn f = AggregateFn::All;
    for (auto [word, value] : kFns)
        if (word == fn) f = value;
    const Type type{f == AggregateFn::All || f == AggregateFn::Any ? TypeKind::Bool
                                                                   : TypeKind::Number};
    static const std::string kMembers = "members";
    return std::make_shared<AggregateNode>(type, f, domain, body, &kMembers);
}

NodePtr Compiler::award_query(const Syntax& s, const Scope& scope) {
    const bool selected = s.text == "selected";
    const size_t argc = s.children.size();
    if (argc < 2 || argc > (selected ? 2u : 3u))
        return error(s, scope,
                     selected ? "'selected' cần 2 đối số: selected(đơn vị, hình thức khen thưởng)"
                              : "'eligible' cần 2 hoặc 3 đối số: eligible(đơn vị, hình thức khen "
                                "thưởng[, nhóm])");
    NodePtr subject = node(*s.children[0], scope);
    if (!subject) return nullptr;
    if (!subject->type().is_subject())
        return error(*s.children[0], scope,
                     fmt::format("đối số đầu của '{}' phải là một đơn vị hoặc cá nhân", s.text));
    const Syntax& award = *s.children[1];
    auto a =
        award.kind == SyntaxKind::Name ? m_env.m_awards.find(award.text) : m_env.m_awards.end();
    if (a == m_env.m_awards.end())
        return error(award, scope,
                     fmt::format("không có hình thức khen thưởng '{}' trong kế hoạch", award.text));
    int group = -1;
    if (argc == 3) {
        const Syntax& g = *s.children[2];
        auto it = g.kind == SyntaxKind::Name ? m_env.m_groups.find(g.text) : m_env.m_groups.end();
        if (it == m_env.m_groups.end())
            return error(g, scope, fmt::format("không có nhóm '{}' trong kế hoạch", g.text));
        group = it->second;
    }
    (selected ? m_refs.selected_awards : m_refs.eligible_awards).insert(a->second);
    return std::make_shared<AwardQueryNode>(selected, subject, a->second, group, &a->first);
}

NodePtr Compiler::in_group(const Syntax& s, const Scope& scope) {
    if (s.children.empty() || s.children.size() > 2)
        return error(s, scope, "'in_group' cần 1 hoặc 2 đối số: in_group(đơn vị[, nhóm])");
    NodePtr subject = node(*s.children[0], scope);
    if (!subject) return nullptr;
    if (subject->type().kind != TypeKind::Unit)
        return error(*s.children[0], scope, "đối số đầu của 'in_group' phải là một đơn vị");
    int group = -1;
    if (s.children.size() == 2) {
        const Syntax& g = *s.children[1];
        auto it = g.kind == SyntaxKind::Name ? m_env.m_groups.find(g.text) : m_env.m_groups.end();
        if (it == m_env.m_groups.end())
            return error(g, scope, fmt::format("không có nhóm '{}' trong kế hoạch", g.text));
        group = it->second;
    }
    return std::make_shared<InGroupNode>(subject, group);
}

NodePtr Compiler::binary(const Syntax& s, const Scope& scope) {
    const std::string& op = s.text;
    if (op == "and" || op == "or") {
        auto l = expect(*s.children[0], scope, TypeKind::Bool, fmt::format("vế trái của '{}'", op));
        auto r = expect(*s.children[1], scope, TypeKind::Bool, fmt::format("vế phải của '{}'", op));
        if (!l || !r) return nullptr;
        return std::make_shared<LogicNode>(op == "and", l, r);
    }
    if (op.size() == 1 && std::string_view("+-*/").find(op[0]) != std::string_view::npos) {
        auto l =
            expect(*s.children[0], scope, TypeKind::Number, fmt::format("vế trái của '{}'", op));
        auto r =
            expect(*s.children[1], scope, TypeKind::Number, fmt::format("vế phải của '{}'", op));
        if (!l || !r) return nullptr;
        return std::make_shared<ArithNode>(op[0], l, r);
    }
    return comparison(s, scope);
}

// A bare name compared with a rating is read as a label of that rating's scale first, so that
// `initiative_level >= district` means the level, not the district the unit belongs to.
NodePtr Compiler::label_for(const Syntax& s, const NodePtr& other) {
    if (!other || other->type().kind != TypeKind::Rating || s.kind != SyntaxKind::Name)
        return nullptr;
    const int code = other->type().scale->code_of(s.text);
    if (code < 0) return nullptr;
    return std::make_shared<ConstNode>(other->type(), Value::number(Interval::point(code)));
}

NodePtr Compiler::comparison(const Syntax& s, const Scope& scope) {
    NodePtr l, r;
    if (s.children[0]->kind == SyntaxKind::Name && s.children[1]->kind != SyntaxKind::Name) {
        r = node(*s.children[1], scope);
        l = label_for(*s.children[0], r);
        if (!l) l = node(*s.children[0], scope);
    } else {
        l = node(*s.children[0], scope);
        r = label_for(*s.children[1], l);
        if (!r) r = node(*s.children[1], scope);
    }
    if (!l || !r) return nullptr;
    const Type lt = l->type(), rt = r->type();
    if (lt.kind == TypeKind::Rating && rt.kind == TypeKind::Rating && lt.scale != rt.scale) {
        const Syntax& lbl = s.children[1]->kind == SyntaxKind::Name ? *s.children[1] : s;
        return error(
            lbl, scope,
            fmt::format("không so sánh được {} với {}", type_name_vi(lt), type_name_vi(rt)));
    }
    if (lt.kind != rt.kind)
        return error(
            s, scope,
            fmt::format("không so sánh được {} với {}", type_name_vi(lt), type_name_vi(rt)));
    if (lt.is_subject()) return error(s, scope, "không so sánh trực tiếp đơn vị hay cá nhân được");
    static const std::pair<std::string_view, CompareOp> kOps[] = {
        {"==", CompareOp::Eq}, {"!=", CompareOp::Ne}, {"<", CompareOp::Lt},
        {"<=", CompareOp::Le}, {">", CompareOp::Gt},  {">=", CompareOp::Ge}};
    CompareOp op = CompareOp::Eq;
    for (auto [word, value] : kOps)
        if (word == s.text) op = value;
    if (lt.kind == TypeKind::Bool && op != CompareOp::Eq && op != CompareOp::Ne)
        return error(s, scope, "giá trị đúng/sai chỉ so sánh bằng '==' hoặc '!='");
    return std::make_shared<CompareNode>(op, l, r);
}

NodePtr Compiler::conditional(const Syntax& s, const Scope& scope) {
    auto c = expect(*s.children[0], scope, TypeKind::Bool, "điều kiện sau 'if'");
    auto a = node(*s.children[1], scope);
    auto b = node(*s.children[2], scope);
    if (!c || !a || !b) return nullptr;
    if (!(a->type() == b->type()))
        return error(*s.children[2], scope,
                     fmt::format("hai nhánh của if phải cùng kiểu: {} khác {}",
                                 type_name_vi(a->type()), type_name_vi(b->type())));
    return std::make_shared<IfNode>(c, a, b);
}

NodePtr Compiler::member(const Syntax& s, const Scope& scope) {
    auto subject = node(*s.children[0], scope);
    if (!subject) return nullptr;
    if (!subject->type().is_subject())
        return error(*s.children[0], scope,
                     fmt::format("trước '.{}' phải là một đơn vị hoặc cá nhân, nhưng đây là {}",
                                 s.text, type_name_vi(subject->type())));
    const SubjectKind k =
        subject->type().kind == TypeKind::Unit ? SubjectKind::Unit : SubjectKind::Person;
    if (s.children.size() == 2) {
        auto body = call(*s.children[1], Scope{k, scope.source});
        return body ? std::make_shared<NavigateNode>(subject, body) : nullptr;
    }
    Syntax inner;
    inner.kind = SyntaxKind::Name;
    inner.text = s.text;
    inner.span = {s.span.end - static_cast<uint32_t>(s.text.size()), s.span.end};
    auto body = name(inner, Scope{k, scope.source});
    if (!body) return nullptr;
    return std::make_shared<NavigateNode>(subject, body);
}

NodePtr Compiler::at(const Syntax& s, const Scope& scope) {
    auto body = node(*s.children[0], scope);
    auto year = expect(*s.children[1], scope, TypeKind::Number, "năm sau '@'");
    if (!body || !year) return nullptr;
    return std::make_shared<AtNode>(body, year);
}

std::string Compiler::suggest(std::string_view name, const Scope& scope) const {
    std::vector<std::string> candidates;
    for (const FactDef& f : fact_table())
        if (f.subject == scope.subject) candidates.emplace_back(f.id);
    for (const auto& [n, d] : m_env.m_definitions)
        candidates.push_back(n);
    for (auto n : kNames)
        candidates.emplace_back(n);
    for (auto n : kAggregates)
        candidates.emplace_back(n);
    for (auto n : kFunctions)
        candidates.emplace_back(n);
    for (const auto& sc : m_env.m_scales)
        for (const auto& id : sc.ids)
            candidates.push_back(id);
    std::string best;
    size_t best_d = 3;
    for (const auto& c : candidates) {
        const size_t d = edit_distance(name, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    if (const size_t dash = name.find('-'); dash != std::string_view::npos) {
        return fmt::format("; nếu là phép trừ, hãy viết có dấu cách: '{} - {}'",
                           name.substr(0, dash), name.substr(dash + 1));
    }
    return best.empty() ? "" : fmt::format("; có phải '{}'?", best);
}

}  // namespace thidua::expr
