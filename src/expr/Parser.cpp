#include "expr/Parser.h"

#include <fmt/format.h>

#include <optional>

#include "expr/Lexer.h"

namespace thidua::expr {
namespace {

SyntaxPtr make_node(SyntaxKind kind, Span span, std::string text = {}) {
    auto node = std::make_unique<Syntax>();
    node->kind = kind;
    node->span = span;
    node->text = std::move(text);
    return node;
}

Span join(const Span& a, const Span& b) {
    return {a.begin, b.end};
}

bool is_keyword(std::string_view name) {
    return name == "and" || name == "or" || name == "not" || name == "if" || name == "then" ||
           name == "else";
}

class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

    tl::expected<SyntaxPtr, ParseError> run() {
        if (m_tokens.back().kind == TokenKind::Error)
            return tl::unexpected(ParseError{m_tokens.back().span.begin, m_tokens.back().text});
        auto root = expression();
        if (!m_error && current().kind != TokenKind::End)
            fail(fmt::format("thừa '{}' sau biểu thức", describe(current())));
        if (m_error) return tl::unexpected(*m_error);
        return root;
    }

private:
    const Token& current() const { return m_tokens[m_pos]; }
    bool at_keyword(std::string_view word) const {
        return current().kind == TokenKind::Name && current().text == word;
    }
    bool at_operator(std::string_view op) const {
        return current().kind == TokenKind::Operator && current().text == op;
    }
    const Token& advance() { return m_tokens[m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos]; }

    static std::string describe(const Token& t) {
        if (t.kind == TokenKind::End) return "cuối biểu thức";
        if (!t.text.empty()) return t.text;
        switch (t.kind) {
            case TokenKind::LParen:
                return "(";
            case TokenKind::RParen:
                return ")";
            case TokenKind::Comma:
                return ",";
            case TokenKind::Dot:
                return ".";
            case TokenKind::At:
                return "@";
            default:
                return "?";
        }
    }

    SyntaxPtr fail(std::string message) {
        if (!m_error) m_error = ParseError{current().span.begin, std::move(message)};
        return make_node(SyntaxKind::Number, current().span);
    }

    void expect_keyword(std::string_view word) {
        if (at_keyword(word)) {
            advance();
            return;
        }
        fail(fmt::format("cần '{}' nhưng gặp '{}'", word, describe(current())));
    }

    SyntaxPtr expression() {
        if (m_error) return make_node(SyntaxKind::Number, current().span);
        if (!at_keyword("if")) return disjunction();
        const Span start = advance().span;
        auto cond = expression();
        expect_keyword("then");
        auto yes = expression();
        expect_keyword("else");
        auto no = expression();
        auto node = make_node(SyntaxKind::If, join(start, no->span), "if");
        node->children.push_back(std::move(cond));
        node->children.push_back(std::move(yes));
        node->children.push_back(std::move(no));
        return node;
    }

    SyntaxPtr binary(SyntaxPtr left, std::string op, SyntaxPtr right) {
        auto node = make_node(SyntaxKind::Binary, join(left->span, right->span), std::move(op));
        node->children.push_back(std::move(left));
        node->children.push_back(std::move(right));
        return node;
    }

    SyntaxPtr disjunction() {
        auto left = conjunction();
        while (!m_error && at_keyword("or")) {
            advance();
            left = binary(std::move(left), "or", conjunction());
        }
        return left;
    }

    SyntaxPtr conjunction() {
        auto left = negation();
        while (!m_error && at_keyword("and")) {
            advance();
            left = binary(std::move(left), "and", negation());
        }
        return left;
    }

    SyntaxPtr negation() {
        if (!at_keyword("not")) return comparison();
        const Span start = advance().span;
        auto operand = negation();
        auto node = make_node(SyntaxKind::Unary, join(start, operand->span), "not");
        node->children.push_back(std::move(operand));
        return node;
    }

    static bool is_comparison(const Token& t) {
        if (t.kind != TokenKind::Operator) return false;
        return t.text == "==" || t.text == "!=" || t.text == "<" || t.text == "<=" ||
               t.text == ">" || t.text == ">=";
    }

    SyntaxPtr comparison() {
        auto left = sum();
        if (!m_error && is_comparison(current())) {
            std::string op = advance().text;
            left = binary(std::move(left), std::move(op), sum());
            if (!m_error && is_comparison(current()))
                return fail("không so sánh liền nhau được; dùng 'and' để nối hai phép so sánh");
        }
        return left;
    }

    SyntaxPtr sum() {
        auto left = product();
        while (!m_error && (at_operator("+") || at_operator("-"))) {
            std::string op = advance().text;
            left = binary(std::move(left), std::move(op), product());
        }
        return left;
    }

    SyntaxPtr product() {
        auto left = unary();
        while (!m_error && (at_operator("*") || at_operator("/"))) {
            std::string op = advance().text;
            left = binary(std::move(left), std::move(op), unary());
        }
        return left;
    }

    SyntaxPtr unary() {
        if (!at_operator("-")) return postfix();
        const Span start = advance().span;
        auto operand = unary();
        auto node = make_node(SyntaxKind::Unary, join(start, operand->span), "-");
        node->children.push_back(std::move(operand));
        return node;
    }

    SyntaxPtr postfix() {
        auto node = primary();
        while (!m_error) {
            if (current().kind == TokenKind::Dot) {
                advance();
                if (current().kind != TokenKind::Name || is_keyword(current().text))
                    return fail(fmt::format("cần tên sau '.' nhưng gặp '{}'", describe(current())));
                // `parent.rate` or `parent.mean(years, rate)`: the call runs for the parent.
                const bool is_call = m_tokens[m_pos + 1].kind == TokenKind::LParen;
                SyntaxPtr inner = is_call ? name_or_call() : nullptr;
                const Token& name = is_call ? m_tokens[m_pos - 1] : advance();
                const Span end = is_call ? inner->span : name.span;
                auto member = make_node(SyntaxKind::Member, join(node->span, end),
                                        is_call ? inner->text : name.text);
                member->children.push_back(std::move(node));
                if (inner) member->children.push_back(std::move(inner));
                node = std::move(member);
            } else if (current().kind == TokenKind::At) {
                advance();
                auto year = at_year();
                auto at = make_node(SyntaxKind::At, join(node->span, year->span), "@");
                at->children.push_back(std::move(node));
                at->children.push_back(std::move(year));
                node = std::move(at);
            } else {
                return node;
            }
        }
        return node;
    }

    SyntaxPtr at_year() {
        const Token& t = current();
        if (t.kind == TokenKind::Number) {
            advance();
            auto node = make_node(SyntaxKind::Number, t.span);
            node->number = t.number;
            return node;
        }
        if (t.kind == TokenKind::Name && !is_keyword(t.text)) {
            advance();
            return make_node(SyntaxKind::Name, t.span, t.text);
        }
        if (t.kind == TokenKind::LParen) return primary();
        return fail(
            fmt::format("cần năm sau '@' (một số, một tên hoặc một biểu thức trong ngoặc) "
                        "nhưng gặp '{}'",
                        describe(t)));
    }

    SyntaxPtr primary() {
        const Token& t = current();
        switch (t.kind) {
            case TokenKind::Number: {
                advance();
                auto node = make_node(SyntaxKind::Number, t.span);
                node->number = t.number;
                return node;
            }
            case TokenKind::LParen: {
                advance();
                auto inner = expression();
                if (current().kind != TokenKind::RParen)
                    return fail(fmt::format("thiếu ')' (gặp '{}')", describe(current())));
                advance();
                return inner;
            }
            case TokenKind::Name:
                if (is_keyword(t.text))
                    return fail(fmt::format("'{}' không đứng ở đây được", t.text));
                return name_or_call();
            default:
                return fail(fmt::format("cần một giá trị nhưng gặp '{}'", describe(t)));
        }
    }

    SyntaxPtr name_or_call() {
        const Token& name = advance();
        if (current().kind != TokenKind::LParen)
            return make_node(SyntaxKind::Name, name.span, name.text);
        advance();
        auto call = make_node(SyntaxKind::Call, name.span, name.text);
        if (current().kind != TokenKind::RParen) {
            while (!m_error) {
                call->children.push_back(expression());
                if (current().kind != TokenKind::Comma) break;
                advance();
            }
        }
        if (m_error) return call;
        if (current().kind != TokenKind::RParen)
            return fail(
                fmt::format("thiếu ')' cho '{}(' (gặp '{}')", name.text, describe(current())));
        call->span.end = advance().span.end;
        return call;
    }

    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    std::optional<ParseError> m_error;
};

}  // namespace

tl::expected<SyntaxPtr, ParseError> parse(std::string_view text) {
    return Parser(tokenize(text)).run();
}

}  // namespace thidua::expr
