#pragma once
// Fills the placeholders of one XML part (the document body, a header, a footer) in place, or,
// without values, only records which placeholders the part uses. Both go through the same walk
// so that what validation lists is exactly what filling looks for.

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "base/Diagnostic.h"
#include "documents/TemplateValues.h"
#include "documents/WordNames.h"

namespace thidua::documents {

struct Placeholder;
class ParagraphEditor;

// What a walk saw, accumulated over the parts of a package.
struct PartFillLog {
    std::set<std::string> fields;                        // {{name}} and {{?name}} outside rows
    std::map<std::string, std::set<std::string>> lists;  // {{#list}} -> {{list.field}} in its row
    std::set<std::string> unknown;                       // names the values did not give
    Diagnostics problems;                                // malformed placeholders
    std::set<std::pair<std::string, std::string>> seen;  // (part, raw) already in problems
};

class PartFiller {
public:
    // `values` null: record mode, nothing in the part is changed.
    PartFiller(std::string part_name, const WordNames& names, const TemplateValues* values,
               bool blank_unknown, PartFillLog& log);

    void fill(pugi::xml_node root);

private:
    // The repeated row being filled: one record of `list`.
    struct RowScope {
        std::string list;
        const TemplateRecord* record = nullptr;  // null: a blank row (empty list) or record mode
        size_t index = 0;                        // 1-based, for {{list.#}}
    };

    void walk(pugi::xml_node root, const RowScope* scope);
    // False when the paragraph was removed by a {{?condition}}.
    bool fill_paragraph(pugi::xml_node paragraph, const RowScope* scope);
    // The list a table row repeats, or empty.
    std::string row_marker(pugi::xml_node row);
    void expand_row(pugi::xml_node row, const std::string& list);
    // The list a paragraph outside any marked row repeats, or empty.
    std::string paragraph_marker(pugi::xml_node paragraph);
    void expand_paragraph(pugi::xml_node paragraph, const std::string& list);
    // Nullopt: unknown (already logged).
    std::optional<std::string> resolve(std::string_view name, const RowScope* scope);
    void remove_paragraph(pugi::xml_node paragraph);
    void problem(const Placeholder& p, std::string vi, std::string en);

    std::string m_part;
    const WordNames& m_names;
    const TemplateValues* m_values;
    bool m_blank_unknown;
    PartFillLog& m_log;
};

}  // namespace thidua::documents
