#pragma once
// The node kinds the compiler builds. Only the compiler and the tests construct them.

#include <string>
#include <vector>

#include "expr/Node.h"

namespace thidua::expr {

class ConstNode final : public Node {
public:
    ConstNode(Type type, Value value) : Node(type), m_value(value) {}
    Value eval(Context&) const override { return m_value; }
    bool fixed_by_unit() const override { return true; }

private:
    Value m_value;
};

enum class YearKind : uint8_t { Current, First, Last };

class YearNode final : public Node {
public:
    explicit YearNode(YearKind kind) : Node({TypeKind::Number}), m_kind(kind) {}
    Value eval(Context& ctx) const override;

private:
    YearKind m_kind;
};

// --- facts -------------------------------------------------------------------------------------

enum class UnitField : uint8_t {
    ParScore,
    ParMax,
    ParRank,
    Satisfaction,
    TaskCompletion,  // numbers
    ParRating,       // rating
    HeadLeads,
    Compliance,
    ExcellentAchievement,
    Initiative,
    Disciplined,  // flags
    ComponentScore,
    ComponentMax,  // from component_years, summed over the unit's components
};

enum class PersonField : uint8_t {
    Rating,
    InitiativeLevel,  // ratings, yearly
    ExcellentPar,
    Initiative,
    EthicsOk,
    Disciplined,  // flags, yearly
    ComponentScore,
    ComponentMax,  // the person's component, yearly
    Gender,
    ParRole,
    Resident,
    HasComponent,  // from people.csv, no year
};

struct FactInfo {
    const std::string* name;  // stable, for observations
    const char* file;
    const char* column;
};

struct Reading;  // FactNodes.cpp: what a read found, and whose fact it was

class UnitFactNode final : public Node {
public:
    UnitFactNode(Type type, UnitField field, FactInfo info)
        : Node(type), m_field(field), m_info(info) {}
    Value eval(Context& ctx) const override;

private:
    Value read(Context& ctx, Index unit, Reading& reading) const;
    Value read_own(Context& ctx, Index unit) const;
    Value read_weighted(Context& ctx, Index unit, Reading& reading) const;
    UnitField m_field;
    FactInfo m_info;
};

class PersonFactNode final : public Node {
public:
    PersonFactNode(Type type, PersonField field, FactInfo info)
        : Node(type), m_field(field), m_info(info) {}
    Value eval(Context& ctx) const override;

private:
    Value read_yearly(Context& ctx, Index person) const;
    Value read_static(Context& ctx, Index person) const;
    PersonField m_field;
    FactInfo m_info;
};

// A plan definition (`rate`, `par_class`): evaluated in the caller's subject and year, observed
// as one value so the trace says "rate 2023 92.5" rather than its score and maximum.
class DefinitionNode final : public Node {
public:
    DefinitionNode(const std::string* name, NodePtr body, std::optional<Interval> range)
        : Node(body->type()), m_name(name), m_body(std::move(body)), m_range(range) {}
    Value eval(Context& ctx) const override;

private:
    const std::string* m_name;
    NodePtr m_body;
    std::optional<Interval> m_range;
};

// --- subjects and years -------------------------------------------------------------------------

enum class SubjectNav : uint8_t { Self, Parent, District, Province, Unit };

class SubjectNode final : public Node {
public:
    SubjectNode(Type type, SubjectNav nav) : Node(type), m_nav(nav) {}
    Value eval(Context& ctx) const override;
    // `unit`, `parent`, …: a person's unit in the context's year and the units above it.
    bool fixed_by_unit() const override { return m_nav != SubjectNav::Self; }

private:
    SubjectNav m_nav;
};

// `parent.rate`: evaluate the body with another subject.
class NavigateNode final : public Node {
public:
    NavigateNode(NodePtr subject, NodePtr body)
        : Node(body->type()), m_subject(std::move(subject)), m_body(std::move(body)) {}
    Value eval(Context& ctx) const override;

private:
    NodePtr m_subject, m_body;
};

// `rate@2022`: evaluate the body in another year.
class AtNode final : public Node {
public:
    AtNode(NodePtr body, NodePtr year)
        : Node(body->type()), m_body(std::move(body)), m_year(std::move(year)) {}
    Value eval(Context& ctx) const override;

private:
    NodePtr m_body, m_year;
};

// --- operators ---------------------------------------------------------------------------------

class NotNode final : public Node {
public:
    explicit NotNode(NodePtr operand) : Node({TypeKind::Bool}), m_operand(std::move(operand)) {}
    Value eval(Context& ctx) const override;
    bool fixed_by_unit() const override { return m_operand->fixed_by_unit(); }

private:
    NodePtr m_operand;
};

class LogicNode final : public Node {
public:
    LogicNode(bool is_and, NodePtr left, NodePtr right)
        : Node({TypeKind::Bool}),
          m_and(is_and),
          m_left(std::move(left)),
          m_right(std::move(right)) {}
    Value eval(Context& ctx) const override;
    bool fixed_by_unit() const override {
        return m_left->fixed_by_unit() && m_right->fixed_by_unit();
    }

private:
    bool m_and;
    NodePtr m_left, m_right;
};

class ArithNode final : public Node {
public:
    ArithNode(char op, NodePtr left, NodePtr right)
        : Node({TypeKind::Number}), m_op(op), m_left(std::move(left)), m_right(std::move(right)) {}
    Value eval(Context& ctx) const override;

private:
    char m_op;  // + - * / and 'n' for negation (right unused)
    NodePtr m_left, m_right;
};

enum class CompareOp : uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

// Compares numbers, ratings (by scale order: `>= tot` means tot or better) or booleans.
class CompareNode final : public Node {
public:
    CompareNode(CompareOp op, NodePtr left, NodePtr right)
        : Node({TypeKind::Bool}), m_op(op), m_left(std::move(left)), m_right(std::move(right)) {}
    Value eval(Context& ctx) const override;

private:
    CompareOp m_op;
    NodePtr m_left, m_right;
};

class IfNode final : public Node {
public:
    IfNode(NodePtr cond, NodePtr yes, NodePtr no)
        : Node(yes->type()), m_cond(std::move(cond)), m_yes(std::move(yes)), m_no(std::move(no)) {}
    Value eval(Context& ctx) const override;

private:
    NodePtr m_cond, m_yes, m_no;
};

// --- aggregates --------------------------------------------------------------------------------

enum class AggregateFn : uint8_t { All, Any, Count, Share, Mean, Sum, Min, Max };
enum class Domain : uint8_t { Years, Members, MemberYears };

class AggregateNode final : public Node {
public:
    AggregateNode(Type type, AggregateFn fn, Domain domain, NodePtr body, const std::string* label)
        : Node(type), m_fn(fn), m_domain(domain), m_body(std::move(body)), m_label(label) {}
    Value eval(Context& ctx) const override;

private:
    struct Accumulator;
    void over_members(Context& ctx, Accumulator& acc) const;
    Value finish(const Accumulator& acc) const;
    AggregateFn m_fn;
    Domain m_domain;
    NodePtr m_body;
    const std::string* m_label;  // "members", for the trace
};

// --- functions ---------------------------------------------------------------------------------

class CoalesceNode final : public Node {
public:
    CoalesceNode(Type type, std::vector<NodePtr> args) : Node(type), m_args(std::move(args)) {}
    Value eval(Context& ctx) const override;

private:
    std::vector<NodePtr> m_args;
};

class KnownNode final : public Node {
public:
    explicit KnownNode(NodePtr arg) : Node({TypeKind::Bool}), m_arg(std::move(arg)) {}
    Value eval(Context& ctx) const override;

private:
    NodePtr m_arg;
};

class AbsNode final : public Node {
public:
    explicit AbsNode(NodePtr arg) : Node({TypeKind::Number}), m_arg(std::move(arg)) {}
    Value eval(Context& ctx) const override;

private:
    NodePtr m_arg;
};

// eligible(subject, award[, group]) and selected(subject, award): the engine's decisions on
// other awards of the same period.
class AwardQueryNode final : public Node {
public:
    AwardQueryNode(bool selected, NodePtr subject, int award, int group, const std::string* name)
        : Node({TypeKind::Bool}),
          m_selected(selected),
          m_subject(std::move(subject)),
          m_award(award),
          m_group(group),
          m_name(name) {}
    Value eval(Context& ctx) const override;
    // The engine's decision on a subject depends on that subject alone.
    bool fixed_by_unit() const override { return m_subject->fixed_by_unit(); }

private:
    bool m_selected;
    NodePtr m_subject;
    int m_award, m_group;
    const std::string* m_name;  // the award id, for the trace
};

class RegisteredNode final : public Node {
public:
    RegisteredNode() : Node({TypeKind::Bool}) {}
    Value eval(Context& ctx) const override;
};

class InGroupNode final : public Node {
public:
    InGroupNode(NodePtr subject, int group)
        : Node({TypeKind::Bool}), m_subject(std::move(subject)), m_group(group) {}
    Value eval(Context& ctx) const override;

private:
    NodePtr m_subject;
    int m_group;
};

}  // namespace thidua::expr
