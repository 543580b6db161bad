#include "io/plan/YamlSource.h"

#include <fmt/format.h>

#include <charconv>
#include <regex>
#include <set>

namespace thidua {
namespace {

bool valid_id(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return false;
    return true;
}

int chars_in(std::string_view s) {
    int n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace

YamlSource::YamlSource(const std::string& text, const std::string& file)
    : m_text(text), m_file(file) {
    size_t start = 0;
    while (start <= m_text.size()) {
        size_t end = m_text.find('\n', start);
        if (end == std::string::npos) end = m_text.size();
        m_lines.emplace_back(m_text.data() + start, end - start);
        start = end + 1;
    }
}

SourceRef YamlSource::where(const YAML::Node& n) const {
    SourceRef ref{m_file, 0, 0};
    if (!n.IsDefined()) return ref;
    const YAML::Mark m = n.Mark();
    if (m.line < 0) return ref;
    ref.line = m.line + 1;
    // yaml-cpp counts bytes; users count characters.
    const std::string_view line =
        static_cast<size_t>(m.line) < m_lines.size() ? m_lines[m.line] : "";
    ref.column = chars_in(line.substr(0, std::min<size_t>(m.column, line.size()))) + 1;
    return ref;
}

void YamlSource::error(const YAML::Node& at, std::string message) {
    const SourceRef w = where(at);
    Diagnostic d;
    d.file = m_file;
    d.line = w.line;
    d.column = w.column;
    d.message = std::move(message);
    // A YAML alias (*anchor) reads the same node twice; say each problem once.
    for (const Diagnostic& e : m_errors)
        if (e.line == d.line && e.column == d.column && e.message == d.message) return;
    m_errors.push_back(std::move(d));
}

void YamlSource::keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                      std::initializer_list<std::string_view> required) {
    if (!map.IsMap()) {
        error(map, "cần một bảng khóa: giá trị");
        return;
    }
    std::set<std::string> seen;
    for (const auto& kv : map) {
        const std::string key = kv.first.Scalar();
        if (!seen.insert(key).second) error(kv.first, fmt::format("khóa '{}' lặp lại", key));
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            std::string list;
            for (auto a : allowed)
                list += (list.empty() ? "" : ", ") + std::string(a);
            error(kv.first,
                  fmt::format("khóa không hợp lệ '{}' (các khóa dùng được: {})", key, list));
        }
    }
    for (auto r : required)
        if (!seen.count(std::string(r))) error(map, fmt::format("thiếu khóa '{}'", r));
}

std::string YamlSource::str(const YAML::Node& n) {
    if (!n || n.IsNull()) return {};
    if (!n.IsScalar()) {
        error(n, "cần một giá trị chữ");
        return {};
    }
    return n.Scalar();
}

std::string YamlSource::id(const YAML::Node& n) {
    std::string s = str(n);
    if (n && !n.IsNull() && !valid_id(s))
        error(n,
              fmt::format("mã '{}' không hợp lệ: chỉ dùng chữ không dấu, số, '-', '_' và '.'", s));
    return s;
}

std::vector<YAML::Node> YamlSource::seq(const YAML::Node& n) {
    std::vector<YAML::Node> out;
    if (!n || n.IsNull()) return out;
    if (!n.IsSequence()) {
        error(n, "cần một danh sách");
        return out;
    }
    for (const auto& item : n)
        out.push_back(item);
    return out;
}

std::vector<std::string> YamlSource::strings(const YAML::Node& n) {
    std::vector<std::string> out;
    for (const auto& item : seq(n))
        out.push_back(str(item));
    return out;
}

std::vector<std::string> YamlSource::ids(const YAML::Node& n) {
    std::vector<std::string> out;
    for (const auto& item : seq(n))
        out.push_back(id(item));
    return out;
}

std::optional<Date> YamlSource::date(const YAML::Node& n) {
    if (!n || n.IsNull()) return std::nullopt;
    const std::string s = str(n);
    auto d = Date::parse_iso(s);
    if (!d) error(n, fmt::format("ngày '{}' không hợp lệ; viết YYYY-MM-DD, ví dụ 2022-03-30", s));
    return d;
}

std::optional<int> YamlSource::integer(const YAML::Node& n) {
    if (!n || n.IsNull()) return std::nullopt;
    const std::string s = str(n);
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) {
        error(n, fmt::format("cần một số nguyên, gặp '{}'", s));
        return std::nullopt;
    }
    return v;
}

std::optional<double> YamlSource::number(const YAML::Node& n) {
    if (!n || n.IsNull()) return std::nullopt;
    const std::string s = str(n);
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) {
        error(n, fmt::format("cần một số, gặp '{}'", s));
        return std::nullopt;
    }
    return v;
}

std::optional<int> YamlSource::quota(const YAML::Node& n) {
    if (!n || n.IsNull()) return std::nullopt;
    auto v = integer(n);
    if (v && *v < 0) error(n, "chỉ tiêu không được âm");
    return v;
}

PeriodSelector YamlSource::periods(const YAML::Node& n) {
    PeriodSelector s;
    s.where = where(n);
    std::vector<std::string> words;
    if (n && n.IsScalar())
        words.push_back(n.Scalar());
    else
        words = strings(n);
    for (const std::string& w : words) {
        if (w == "annual")
            s.annual = true;
        else if (w == "phases")
            s.phases = true;
        else
            s.ids.push_back(w);
    }
    if (words.empty()) error(n, "cần 'periods': annual, phases hoặc danh sách mã kỳ");
    return s;
}

std::vector<UnitType> YamlSource::unit_types(const YAML::Node& n) {
    std::vector<UnitType> out;
    for (const auto& item : seq(n)) {
        const std::string s = str(item);
        if (auto t = parse_unit_type(s)) {
            out.push_back(*t);
        } else {
            std::string list;
            for (auto id : unit_type_ids())
                list += (list.empty() ? "" : ", ") + std::string(id);
            error(item, fmt::format("loại đơn vị '{}' không có (các loại: {})", s, list));
        }
    }
    return out;
}

ExprText YamlSource::expr(const YAML::Node& n) {
    ExprText e;
    e.text = str(n);
    e.where = where(n);
    if (!n || e.where.line == 0) return e;
    size_t line = static_cast<size_t>(e.where.line - 1);
    const std::string_view raw = line < m_lines.size() ? m_lines[line] : "";
    const size_t col = static_cast<size_t>(n.Mark().column);
    const char first = col < raw.size() ? raw[col] : ' ';
    if (first == '"' || first == '\'') e.where.column += 1;
    const bool block = first == '|' || first == '>';
    if (!block && e.text.find('\n') == std::string::npos &&
        raw.substr(col).find(e.text) != std::string_view::npos)
        return e;  // all on one line
    // Over several lines: find each file line's content in the text, in order, so that an
    // offset maps to the line it came from whether the scalar keeps or folds its newlines.
    size_t from = 0;
    for (size_t i = block ? line + 1 : line; i < m_lines.size() && from < e.text.size(); ++i) {
        std::string_view content = m_lines[i];
        size_t start = i == line ? col + (first == '"' || first == '\'' ? 1 : 0)
                                 : content.find_first_not_of(' ');
        if (start == std::string_view::npos || start >= content.size()) continue;
        content = content.substr(start);
        const std::string_view probe = content.substr(0, std::min<size_t>(content.size(), 16));
        const size_t at = e.text.find(probe, from);
        if (at == std::string::npos) break;
        e.segments.push_back(
            {static_cast<uint32_t>(at), SourceRef{m_file, static_cast<int>(i + 1),
                                                  chars_in(m_lines[i].substr(0, start)) + 1}});
        from = at + probe.size();
    }
    return e;
}

}  // namespace thidua
