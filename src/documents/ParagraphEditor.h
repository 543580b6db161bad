#pragma once
// The text of one w:p as a single string, editable across run boundaries. Word splits what the
// author typed into runs freely (spell-check marks, revision ids, autocorrect), so
// "{{plan.number}}" may arrive as "{{", "plan", ".number}}" in three runs with w:proofErr or
// w:bookmarkStart in between. Edits are made on the joined text and written back to the w:t
// elements: a replacement lands in the w:t holding its first character (its run keeps its rPr), the
// rest of the range is trimmed from the following w:t elements.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "documents/WordNames.h"

namespace thidua::documents {

// Inside replacement text: a line break (w:br) and a tab (w:tab) in the same run. Both are
// control characters XML 1.0 forbids, so they cannot come from a well-formed part.
inline constexpr char kLineBreakMark = '\x01';
inline constexpr char kTabMark = '\x02';

class ParagraphEditor {
public:
    // Text in w:t of nested paragraphs (text boxes) is not part of this one.
    ParagraphEditor(pugi::xml_node paragraph, const WordNames& names);

    // The joined text. A tab, a break or a carriage return between runs is kept as '\x1f' so a
    // placeholder cannot silently span it.
    const std::string& text() const { return m_text; }

    // Replaces text()[begin, end) by `replacement` (which may hold kLineBreakMark / kTabMark).
    // Several ranges may be replaced; they must not overlap and must come from the last to the
    // first, so that offsets of earlier ranges still hold.
    void replace(size_t begin, size_t end, std::string_view replacement);

    // Writes the changed w:t elements back into the XML.
    void commit();

private:
    struct Segment {
        pugi::xml_node t;
        size_t start = 0;  // offset of this w:t's text in m_text
        std::string text;
        bool changed = false;
    };
    void write_back(Segment& segment);

    const WordNames& m_names;
    std::vector<Segment> m_segments;
    std::string m_text;
};

}  // namespace thidua::documents
