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

private:
    Type m_type;
};

using NodePtr = std::shared_ptr<const Node>;

// Evaluates a boolean node; Unknown when it is not boolean-typed.
inline Tri eval_tri(const Node& node, Context& ctx) {
    return node.eval(ctx).tri;
}

}  // namespace thidua::expr
