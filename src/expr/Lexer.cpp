#include "expr/Lexer.h"

#include <cctype>
#include <charconv>

namespace thidua::expr {
namespace {

bool is_name_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

class Lexer {
public:
    explicit Lexer(std::string_view text) : m_text(text) {}

    std::vector<Token> run() {
        std::vector<Token> tokens;
        while (true) {
            skip_space();
            Token token = next();
            const bool stop = token.kind == TokenKind::End || token.kind == TokenKind::Error;
            tokens.push_back(std::move(token));
            if (stop) return tokens;
        }
    }

private:
    void skip_space() {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }

    Token make(TokenKind kind, size_t begin, std::string text = {}) {
        Token t;
        t.kind = kind;
        t.text = std::move(text);
        t.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(m_pos)};
        return t;
    }

    Token next() {
        const size_t begin = m_pos;
        if (m_pos >= m_text.size()) return make(TokenKind::End, begin);
        const char c = m_text[m_pos];
        if (std::isdigit(static_cast<unsigned char>(c))) return number(begin);
        if (is_name_start(c)) return name(begin);
        if (auto op = unicode_operator(); !op.empty()) return make(TokenKind::Operator, begin, op);
        ++m_pos;
        switch (c) {
            case '(':
                return make(TokenKind::LParen, begin);
            case ')':
                return make(TokenKind::RParen, begin);
            case ',':
                return make(TokenKind::Comma, begin);
            case '.':
                return make(TokenKind::Dot, begin);
            case '@':
                return make(TokenKind::At, begin);
            case '+':
            case '-':
            case '*':
            case '/':
                return make(TokenKind::Operator, begin, std::string(1, c));
            case '=':
                if (peek('=')) ++m_pos;
                return make(TokenKind::Operator, begin, "==");
            case '!':
                if (peek('=')) {
                    ++m_pos;
                    return make(TokenKind::Operator, begin, "!=");
                }
                break;
            case '<':
            case '>':
                if (peek('=')) {
                    ++m_pos;
                    return make(TokenKind::Operator, begin, std::string(1, c) + "=");
                }
                return make(TokenKind::Operator, begin, std::string(1, c));
            default:
                break;
        }
        return make(TokenKind::Error, begin, "ký tự không hợp lệ '" + std::string(1, c) + "'");
    }

    bool peek(char c) const { return m_pos < m_text.size() && m_text[m_pos] == c; }

    // Officers copy criteria from Word, where ≥ ≤ ≠ are common.
    std::string unicode_operator() {
        static constexpr std::pair<std::string_view, std::string_view> kOps[] = {
            {"\u2265", ">="}, {"\u2264", "<="}, {"\u2260", "!="}};
        for (auto [utf8, op] : kOps) {
            if (m_text.substr(m_pos).starts_with(utf8)) {
                m_pos += utf8.size();
                return std::string(op);
            }
        }
        return {};
    }

    Token number(size_t begin) {
        while (m_pos < m_text.size() &&
               (std::isdigit(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '.'))
            ++m_pos;
        Token t = make(TokenKind::Number, begin, std::string(m_text.substr(begin, m_pos - begin)));
        auto [ptr, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), t.number);
        if (ec != std::errc() || ptr != t.text.data() + t.text.size()) {
            t.kind = TokenKind::Error;
            t.text = "số không hợp lệ '" + t.text + "'";
        }
        return t;
    }

    // A '-' between a letter or digit and another letter or digit belongs to the name, so
    // `xuat-sac` and `nhom-1` are names; subtraction is written with spaces: `year - 1`.
    Token name(size_t begin) {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (is_name_char(c)) {
                ++m_pos;
            } else if (c == '-' && m_pos + 1 < m_text.size() && is_name_char(m_text[m_pos + 1])) {
                ++m_pos;
            } else {
                break;
            }
        }
        return make(TokenKind::Name, begin, std::string(m_text.substr(begin, m_pos - begin)));
    }

    std::string_view m_text;
    size_t m_pos = 0;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    return Lexer(text).run();
}

}  // namespace thidua::expr
