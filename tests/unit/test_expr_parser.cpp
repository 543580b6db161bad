#include <gtest/gtest.h>

#include "expr/Lexer.h"
#include "expr/Parser.h"

using namespace thidua::expr;

namespace {

// Renders the tree with explicit parentheses so precedence is visible in the assertion.
std::string show(const Syntax& s) {
    switch (s.kind) {
        case SyntaxKind::Number: {
            std::string n = std::to_string(s.number);
            n.erase(n.find_last_not_of('0') + 1);
            if (n.back() == '.') n.pop_back();
            return n;
        }
        case SyntaxKind::Name:
            return s.text;
        case SyntaxKind::Call: {
            std::string out = s.text + "(";
            for (size_t i = 0; i < s.children.size(); ++i)
                out += (i ? ", " : "") + show(*s.children[i]);
            return out + ")";
        }
        case SyntaxKind::Unary:
            return "(" + s.text + " " + show(*s.children[0]) + ")";
        case SyntaxKind::Binary:
            return "(" + show(*s.children[0]) + " " + s.text + " " + show(*s.children[1]) + ")";
        case SyntaxKind::If:
            return "(if " + show(*s.children[0]) + " then " + show(*s.children[1]) + " else " +
                   show(*s.children[2]) + ")";
        case SyntaxKind::Member:
            return show(*s.children[0]) + "." +
                   (s.children.size() > 1 ? show(*s.children[1]) : s.text);
        case SyntaxKind::At:
            return show(*s.children[0]) + "@" + show(*s.children[1]);
    }
    return "?";
}

std::string parsed(std::string_view text) {
    auto r = parse(text);
    return r ? show(**r) : "error@" + std::to_string(r.error().offset) + ": " + r.error().message;
}

TEST(ExprParser, PrecedenceOfLogicComparisonAndArithmetic) {
    EXPECT_EQ(parsed("a or b and not c"), "(a or (b and (not c)))");
    EXPECT_EQ(parsed("100 * par_score / par_max >= 90"), "(((100 * par_score) / par_max) >= 90)");
    EXPECT_EQ(parsed("-x + 2"), "((- x) + 2)");
}

TEST(ExprParser, HyphenatedNamesAndSpacedSubtraction) {
    EXPECT_EQ(parsed("par_rating == xuat-sac"), "(par_rating == xuat-sac)");
    EXPECT_EQ(parsed("band != nhom-5"), "(band != nhom-5)");
    EXPECT_EQ(parsed("rate@(year - 1)"), "rate@(year - 1)");
    // Without spaces it is one name; the compiler explains that (see the compiler tests).
    EXPECT_EQ(parsed("year-1"), "year-1");
}

TEST(ExprParser, AtMemberAndCalls) {
    EXPECT_EQ(parsed("province.par_rank@2022"), "province.par_rank@2022");
    EXPECT_EQ(parsed("parent.mean(years, rate)"), "parent.mean(years, rate)");
    EXPECT_EQ(parsed("count(years, par_class == xuat-sac) >= 3"),
              "(count(years, (par_class == xuat-sac)) >= 3)");
    EXPECT_EQ(parsed("if rate >= 90 then xuat-sac else tot"),
              "(if (rate >= 90) then xuat-sac else tot)");
}

TEST(ExprParser, WordOperatorsFromWord) {
    EXPECT_EQ(parsed("satisfaction \u2265 90"), "(satisfaction >= 90)");
    EXPECT_EQ(parsed("rank \u2260 1"), "(rank != 1)");
    EXPECT_EQ(parsed("a = b"), "(a == b)");
}

TEST(ExprParser, ErrorsPointAtTheOffendingPlace) {
    EXPECT_EQ(parsed("count(years, rating"),
              "error@19: thiếu ')' cho 'count(' (gặp 'cuối biểu thức')");
    EXPECT_EQ(parsed("rate >= "), "error@8: cần một giá trị nhưng gặp 'cuối biểu thức'");
    EXPECT_EQ(parsed("rate 90"), "error@5: thừa '90' sau biểu thức");
    EXPECT_EQ(parsed("a < b < c"),
              "error@6: không so sánh liền nhau được; dùng 'and' để nối hai phép so sánh");
    EXPECT_EQ(parsed("if a then b"), "error@11: cần 'else' nhưng gặp 'cuối biểu thức'");
    EXPECT_EQ(parsed("rate # 2"), "error@5: ký tự không hợp lệ '#'");
}

}  // namespace
