#pragma once
// A compiled, typed expression: names resolved to columns, awards and definitions, so that
// evaluating a criterion for a million candidates never looks at text again.

#include <memory>

#include "expr/Context.h"
#include "expr/Type.h"
#include "expr/Value.h"

namespace thidua::expr {

class Node {
public:
    explicit Node(Type type) : m_type(type) {}
    virtual ~Node() = default;
    Node(const Node&) = delete;
    Node& operator=(const Node&) = delete;

    virtual Value eval(Context& ctx) const = 0;
    const Type& type() const { return m_type; }
    // True when, for a person, the value depends on nothing but the unit the person belongs to
    // in the context's year: not on the person's own facts, nor on other years. The engine then
    // decides such a criterion once per unit for the millions of people of an individual award
    // (`selected(unit, co-thi-dua)`). Only the node kinds that are sure of it say so.
    virtual bool fixed_by_unit() const { return false; }

private:
    Type m_type;
};

using NodePtr = std::shared_ptr<const Node>;

// Evaluates a boolean node; Unknown when it is not boolean-typed.
inline Tri eval_tri(const Node& node, Context& ctx) {
    return node.eval(ctx).tri;
}

}  // namespace thidua::expr
