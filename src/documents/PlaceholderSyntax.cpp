#include "documents/PlaceholderSyntax.h"

namespace thidua::documents {
namespace {

bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

bool blank(char c) {
    return c == ' ' || c == '\t';
}

// Word's autocorrect and hand editing leave spaces next to the braces: "{{ plan.number }}".
std::string_view trim(std::string_view s) {
    while (!s.empty() && blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && blank(s.back()))
        s.remove_suffix(1);
    return s;
}

// Dot-separated segments of name characters; `#` is allowed as the last segment only, for the
// record number of a repeated row.
bool valid_name(std::string_view name) {
    if (name.empty()) return false;
    size_t start = 0;
    for (;;) {
        const size_t dot = name.find('.', start);
        const std::string_view segment = name.substr(
            start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (segment.empty()) return false;
        const bool last = dot == std::string_view::npos;
        if (!(last && start > 0 && segment == "#")) {
            for (char c : segment) {
                if (!name_char(c)) return false;
            }
        }
        if (last) return true;
        start = dot + 1;
    }
}

void set_error(Placeholder& p, std::string vi, std::string en) {
    p.error_vi = std::move(vi);
    p.error_en = std::move(en);
}

}  // namespace

std::vector<Placeholder> scan_placeholders(std::string_view text) {
    std::vector<Placeholder> out;
    size_t pos = 0;
    while ((pos = text.find("{{", pos)) != std::string_view::npos) {
        Placeholder p;
        p.begin = pos;
        const size_t close = text.find("}}", pos + 2);
        const size_t next_open = text.find("{{", pos + 2);
        if (close == std::string_view::npos ||
            (next_open != std::string_view::npos && next_open < close)) {
            const size_t stop = next_open == std::string_view::npos ? text.size() : next_open;
            p.end = stop;
            p.raw = std::string(text.substr(pos, std::min<size_t>(stop - pos, 60)));
            set_error(p, "thiếu \"}}\" đóng", "\"{{\" is never closed with \"}}\"");
            out.push_back(std::move(p));
            pos = stop;
            continue;
        }
        p.end = close + 2;
        p.raw = std::string(text.substr(pos, p.end - pos));
        std::string_view inside = trim(text.substr(pos + 2, close - pos - 2));
        if (!inside.empty() && (inside.front() == '#' || inside.front() == '?')) {
            p.kind =
                inside.front() == '#' ? PlaceholderKind::RowMarker : PlaceholderKind::Condition;
            inside = trim(inside.substr(1));
        }
        p.name = std::string(inside);
        if (!valid_name(inside)) {
            set_error(p,
                      "tên trường không hợp lệ (chỉ dùng chữ không dấu, chữ số, \"_\", \"-\" và "
                      "dấu chấm)",
                      "invalid field name (use ASCII letters, digits, '_', '-' and dots)");
        } else if (p.kind == PlaceholderKind::RowMarker && inside.find('.') != inside.npos) {
            set_error(p, "tên danh sách sau \"#\" không được chứa dấu chấm",
                      "a list name after '#' cannot contain a dot");
        } else if (inside.size() > 1 && inside.substr(inside.size() - 2) == ".#" &&
                   p.kind != PlaceholderKind::Field) {
            set_error(p, "\"#\" (số thứ tự) chỉ dùng trong {{danh_sách.#}}",
                      "'#' (the row number) is only valid as {{list.#}}");
        }
        out.push_back(std::move(p));
        pos = close + 2;
    }
    return out;
}

std::pair<std::string_view, std::string_view> split_list_field(std::string_view name) {
    const size_t dot = name.find('.');
    if (dot == std::string_view::npos) return {std::string_view{}, name};
    return {name.substr(0, dot), name.substr(dot + 1)};
}

}  // namespace thidua::documents
