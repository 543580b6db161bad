#pragma once
// Turns criterion syntax into typed nodes: resolves every name (facts, plan definitions, rating
// labels, awards, groups), checks types, and reports what is wrong with the offset it is at.
// A plan is compiled once; evaluation never sees a name again.

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "expr/Ast.h"
#include "expr/Node.h"
#include "expr/Type.h"

namespace thidua::expr {

struct CompileError {
    int source = 0;  // which text the offset is in (the caller's numbering)
    uint32_t offset = 0;
    std::string message;  // Vietnamese
};

// What the expressions of one plan may name besides the built-in facts.
class Environment {
public:
    Environment();

    // Plan-defined scales, best first. Labels must be unique across all scales.
    const ScaleDef* add_scale(ScaleDef scale);
    const ScaleDef* scale(std::string_view name) const;
    const ScaleDef& gender_scale() const { return *m_gender; }

    void add_definition(std::string name, const Syntax* syntax, int source,
                        std::optional<Interval> range);
    bool has_definition(std::string_view name) const {
        return m_definitions.count(std::string(name));
    }

    void add_award(std::string id, int index) { m_awards[std::move(id)] = index; }
    void add_group(std::string id, int index) { m_groups[std::move(id)] = index; }

    // Names a definition may not take: facts, functions and words of the language.
    bool is_reserved(std::string_view name) const;
    std::optional<std::pair<const ScaleDef*, int>> label(std::string_view id) const;

private:
    friend class Compiler;
    struct Definition {
        const std::string* name;
        const Syntax* syntax;
        int source;
        std::optional<Interval> range;
        NodePtr compiled[2];  // per SubjectKind
        bool failed[2] = {false, false};
        bool in_progress[2] = {false, false};
    };
    std::deque<ScaleDef> m_scales;
    const ScaleDef* m_gender = nullptr;
    std::deque<std::string> m_names;
    std::map<std::string, Definition, std::less<>> m_definitions;
    std::map<std::string, int, std::less<>> m_awards;
    std::map<std::string, int, std::less<>> m_groups;
};

// What a compiled expression refers to, so the plan compiler can order awards and check periods.
struct References {
    std::set<int> eligible_awards;
    std::set<int> selected_awards;
    bool uses_members = false;
};

class Compiler {
public:
    explicit Compiler(Environment& env) : m_env(env) {}

    // Returns nullptr when there were errors; they are appended to errors().
    NodePtr compile(const Syntax& syntax, SubjectKind subject, int source);
    // As compile(), and the result must have the given kind (Bool for criteria).
    NodePtr compile_as(const Syntax& syntax, SubjectKind subject, int source, TypeKind kind);

    const std::vector<CompileError>& errors() const { return m_errors; }
    const References& references() const { return m_refs; }
    void reset_references() { m_refs = {}; }
    // Definitions nobody used still get checked, as a unit's and as a person's.
    void check_unused_definitions();

private:
    struct Scope {
        SubjectKind subject;
        int source;
    };
    NodePtr node(const Syntax& s, const Scope& scope);
    NodePtr name(const Syntax& s, const Scope& scope);
    NodePtr fact(std::string_view id, const Scope& scope);
    NodePtr definition(const Syntax& s, const Scope& scope);
    NodePtr call(const Syntax& s, const Scope& scope);
    NodePtr aggregate(const Syntax& s, const Scope& scope);
    NodePtr award_query(const Syntax& s, const Scope& scope);
    NodePtr in_group(const Syntax& s, const Scope& scope);
    NodePtr binary(const Syntax& s, const Scope& scope);
    NodePtr comparison(const Syntax& s, const Scope& scope);
    NodePtr label_for(const Syntax& s, const NodePtr& other);
    NodePtr conditional(const Syntax& s, const Scope& scope);
    NodePtr member(const Syntax& s, const Scope& scope);
    NodePtr at(const Syntax& s, const Scope& scope);
    NodePtr expect(const Syntax& s, const Scope& scope, TypeKind kind, std::string_view role);
    NodePtr error(const Syntax& s, const Scope& scope, std::string message);
    std::string suggest(std::string_view name, const Scope& scope) const;

    Environment& m_env;
    std::vector<CompileError> m_errors;
    References m_refs;
};

}  // namespace thidua::expr
