#pragma once
// Splits criterion text into tokens. Kept apart from the parser so the parser reads as grammar.

#include <string>
#include <string_view>
#include <vector>

#include "expr/Ast.h"

namespace thidua::expr {

enum class TokenKind : uint8_t {
    Number,
    Name,
    Operator,
    LParen,
    RParen,
    Comma,
    Dot,
    At,
    End,
    Error
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;  // operators are normalised: '=' -> '==', '≥' -> '>=', ...
    double number = 0;
    Span span;
};

// Always ends with an End token, or stops at the first Error token (its text is the message).
std::vector<Token> tokenize(std::string_view text);

}  // namespace thidua::expr
