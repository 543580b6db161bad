#pragma once
// Parses the criterion language of plan files. Grammar, loosest binding first:
//
//   expr    := 'if' expr 'then' expr 'else' expr | or
//   or      := and ('or' and)*
//   and     := not ('and' not)*
//   not     := 'not' not | compare
//   compare := sum (('=='|'='|'!='|'<'|'<='|'>'|'>='|'≥'|'≤'|'≠') sum)?
//   sum     := product (('+'|'-') product)*
//   product := unary (('*'|'/') unary)*
//   unary   := '-' unary | postfix
//   postfix := primary ('.' name | '@' (number | name | '(' expr ')'))*
//   primary := number | name | name '(' [expr (',' expr)*] ')' | '(' expr ')'
//
// Names may contain '-' (`xuat-sac`, `co-thi-dua`, `nhom-1`), so subtraction is written with
// spaces: `year - 1`. The compiler says so when `year-1` turns out to be an unknown name.

#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "expr/Ast.h"

namespace thidua::expr {

struct ParseError {
    uint32_t offset = 0;
    std::string message;  // Vietnamese
};

tl::expected<SyntaxPtr, ParseError> parse(std::string_view text);

}  // namespace thidua::expr
