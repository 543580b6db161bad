#pragma once
// The syntax tree of a criterion expression, as written in a plan file. Names are not resolved
// here; the Compiler turns this tree into typed, resolved nodes.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace thidua::expr {

// Byte offsets into the expression text, so errors can point at file:line:col.
struct Span {
    uint32_t begin = 0;
    uint32_t end = 0;
};

enum class SyntaxKind : uint8_t {
    Number,  // 90, 87.5
    Name,    // rate, xuat-sac, co-thi-dua
    Call,    // count(years, rating == xuat-sac)
    Unary,   // not x, -x
    Binary,  // a and b, a >= b, a + b
    If,      // if c then a else b
    Member,  // parent.rate  (children[0] . name)
    At,      // rate@2022     (children[0] @ children[1])
};

struct Syntax {
    SyntaxKind kind = SyntaxKind::Number;
    Span span;
    double number = 0;
    std::string text;  // the name, the function name or the operator
    std::vector<std::unique_ptr<Syntax>> children;
};

using SyntaxPtr = std::unique_ptr<Syntax>;

}  // namespace thidua::expr
