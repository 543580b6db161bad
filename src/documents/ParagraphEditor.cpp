#include "documents/ParagraphEditor.h"

#include <algorithm>

namespace thidua::documents {
namespace {

constexpr char kBarrier = '\x1f';

std::string without_marks(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c != kLineBreakMark && c != kTabMark) out += c;
    }
    return out;
}

void preserve_space(pugi::xml_node t) {
    pugi::xml_attribute space = t.attribute("xml:space");
    if (!space) space = t.append_attribute("xml:space");
    space.set_value("preserve");
}

}  // namespace

ParagraphEditor::ParagraphEditor(pugi::xml_node paragraph, const WordNames& names)
    : m_names(names) {
    // Iterative: a hostile part can nest elements deeply enough to overflow a recursive walk.
    pugi::xml_node node = paragraph.first_child();
    while (node && node != paragraph) {
        bool descend = true;
        if (node.type() == pugi::node_element) {
            const char* name = node.name();
            if (m_names.p == name) {
                descend = false;
            } else if (m_names.t == name) {
                m_segments.push_back({node, m_text.size(), without_marks(node.text().get())});
                m_text += m_segments.back().text;
                descend = false;
            } else if (m_names.tab == name || m_names.br == name || m_names.cr == name ||
                       m_names.ptab == name) {
                m_text += kBarrier;
            }
        }
        if (descend && node.first_child()) {
            node = node.first_child();
            continue;
        }
        while (node && node != paragraph && !node.next_sibling())
            node = node.parent();
        if (!node || node == paragraph) break;
        node = node.next_sibling();
    }
}

void ParagraphEditor::replace(size_t begin, size_t end, std::string_view replacement) {
    bool placed = false;
    for (Segment& s : m_segments) {
        const size_t s_end = s.start + s.text.size();
        if (s_end <= begin) continue;  // also skips empty w:t ahead of the range
        if (s.start >= end) break;
        const size_t from = std::max(begin, s.start) - s.start;
        const size_t to = std::min(end, s_end) - s.start;
        if (from == to && placed) continue;
        s.text.replace(from, to - from, placed ? std::string_view{} : replacement);
        s.changed = true;
        placed = true;
    }
}

void ParagraphEditor::commit() {
    for (Segment& s : m_segments) {
        if (s.changed) write_back(s);
    }
}

void ParagraphEditor::write_back(Segment& segment) {
    pugi::xml_node t = segment.t;
    pugi::xml_node run = t.parent();
    pugi::xml_node cursor = t;
    bool t_holds_text = false;
    bool t_open = true;  // nothing inserted after t yet, so t is still the first place
    size_t pos = 0;
    const std::string& text = segment.text;
    while (pos <= text.size()) {
        const size_t mark = text.find_first_of("\x01\x02", pos);
        const size_t stop = mark == std::string::npos ? text.size() : mark;
        if (stop > pos) {
            const std::string piece = text.substr(pos, stop - pos);
            if (t_open) {
                t.text().set(piece.c_str());
                t_holds_text = true;
                t_open = false;
            } else {
                cursor = run.insert_child_after(m_names.t.c_str(), cursor);
                cursor.text().set(piece.c_str());
                preserve_space(cursor);
            }
        }
        if (mark == std::string::npos) break;
        // A break first: t stays empty ahead of it and is dropped below.
        t_open = false;
        cursor = run.insert_child_after(
            text[mark] == kLineBreakMark ? m_names.br.c_str() : m_names.tab.c_str(), cursor);
        pos = mark + 1;
    }
    if (t_holds_text) {
        preserve_space(t);
    } else {
        run.remove_child(t);
    }
    segment.t = pugi::xml_node();
}

}  // namespace thidua::documents
