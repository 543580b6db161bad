#pragma once
// The placeholder language of DOCX templates, on the plain text of one paragraph (the runs
// already joined). Kept apart from the XML so the rules read in one place; README.md is the
// template author's view of the same rules.
//
//   {{name}}        a field: plan.number, unit.name (ASCII letters, digits, _ and -, dot-separated)
//   {{#list}}       marks the table row it sits in as repeated once per record of `list`
//   {{list.field}}  inside such a row, the field of the current record; {{list.#}} is 1, 2, 3…
//   {{?name}}       removes its paragraph when `name` is empty; otherwise it disappears itself

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace thidua::documents {

enum class PlaceholderKind { Field, RowMarker, Condition };

struct Placeholder {
    size_t begin = 0;  // offset of the first '{' in the paragraph text
    size_t end = 0;    // one past the last '}'
    PlaceholderKind kind = PlaceholderKind::Field;
    std::string name;  // without the '#' or '?' sign and without surrounding spaces
    // Set when the text between the braces is not a valid placeholder (or "{{" is never closed);
    // the placeholder is then left in the document as written.
    std::string error_vi;
    std::string error_en;
    std::string raw;  // the text as written, for messages

    bool valid() const { return error_en.empty(); }
};

// Every "{{…}}" of `text` in order, valid or not. A "{{" followed by another "{{" before any
// "}}" is reported unclosed and scanning resumes at the second one.
std::vector<Placeholder> scan_placeholders(std::string_view text);

// "list.field" -> {"list", "field"}; a name without a dot has an empty list part.
std::pair<std::string_view, std::string_view> split_list_field(std::string_view name);

}  // namespace thidua::documents
