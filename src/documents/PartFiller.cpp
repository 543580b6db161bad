#include "documents/PartFiller.h"

#include <string>

#include "documents/ParagraphEditor.h"
#include "documents/PlaceholderSyntax.h"

namespace thidua::documents {
namespace {

pugi::xml_node next_node(pugi::xml_node node, pugi::xml_node root, bool descend) {
    if (descend && node.first_child()) return node.first_child();
    while (node && node != root && !node.next_sibling())
        node = node.parent();
    if (!node || node == root) return {};
    return node.next_sibling();
}

void append_replacement_char(std::string& out) {
    out += "\xEF\xBF\xBD";
}

// Length of the well-formed UTF-8 sequence at `s[i]`, 0 when it is not one.
size_t utf8_length(std::string_view s, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    size_t n = 0;
    char32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    const bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    // U+FFFE and U+FFFF are not XML characters: Word refuses a part holding them.
    if (overlong || surrogate || cp > 0x10FFFF || cp == 0xFFFE || cp == 0xFFFF) return 0;
    return n;
}

// A caller's value as text a run can hold: line breaks and tabs become marks that the editor
// turns into w:br / w:tab, other control characters (invalid in XML 1.0) are dropped, and bytes
// that are not UTF-8 become U+FFFD, so that whatever the data holds, Word still opens the file.
std::string to_run_text(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (size_t i = 0; i < value.size();) {
        const unsigned char c = static_cast<unsigned char>(value[i]);
        if (c == '\r' || c == '\n') {
            out += kLineBreakMark;
            i += (c == '\r' && i + 1 < value.size() && value[i + 1] == '\n') ? 2 : 1;
        } else if (c == '\t') {
            out += kTabMark;
            ++i;
        } else if (c < 0x20) {
            ++i;
        } else if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
        } else if (const size_t n = utf8_length(value, i); n > 0) {
            out.append(value.substr(i, n));
            i += n;
        } else {
            append_replacement_char(out);
            ++i;
        }
    }
    return out;
}

bool blank(std::string_view s) {
    for (char c : s) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
    }
    return true;
}

}  // namespace

PartFiller::PartFiller(std::string part_name, const WordNames& names, const TemplateValues* values,
                       bool blank_unknown, PartFillLog& log)
    : m_part(std::move(part_name)),
      m_names(names),
      m_values(values),
      m_blank_unknown(blank_unknown),
      m_log(log) {}

void PartFiller::fill(pugi::xml_node root) {
    walk(root, nullptr);
}

// Iterative: a hostile part can nest elements deeply enough to overflow a recursive walk. The
// only recursion is one level, into the copies of a repeated row.
void PartFiller::walk(pugi::xml_node root, const RowScope* scope) {
    pugi::xml_node node = root.first_child();
    while (node) {
        if (node.type() == pugi::node_element) {
            const char* name = node.name();
            if (m_names.p == name) {
                const pugi::xml_node next = next_node(node, root, false);
                if (scope == nullptr) {
                    if (const std::string list = paragraph_marker(node); !list.empty()) {
                        expand_paragraph(node, list);
                        node = next;
                        continue;
                    }
                }
                if (!fill_paragraph(node, scope)) {
                    node = next;
                    continue;
                }
            } else if (scope == nullptr && m_names.tr == name) {
                if (const std::string list = row_marker(node); !list.empty()) {
                    const pugi::xml_node next = next_node(node, root, false);
                    expand_row(node, list);
                    node = next;
                    continue;
                }
            }
        }
        node = next_node(node, root, true);
    }
}

bool PartFiller::fill_paragraph(pugi::xml_node paragraph, const RowScope* scope) {
    ParagraphEditor editor(paragraph, m_names);
    if (editor.text().find("{{") == std::string::npos) return true;
    const std::vector<Placeholder> found = scan_placeholders(editor.text());

    for (const Placeholder& p : found) {
        if (!p.valid() || p.kind != PlaceholderKind::Condition) continue;
        const std::optional<std::string> value = resolve(p.name, scope);
        if (m_values != nullptr && (!value || blank(*value))) {
            remove_paragraph(paragraph);
            return false;
        }
    }

    for (const Placeholder& p : found) {
        if (!p.valid()) {
            problem(p, p.error_vi, p.error_en);
        } else if (p.kind == PlaceholderKind::RowMarker &&
                   (scope == nullptr || scope->list != p.name)) {
            problem(p,
                    "{{#danh_sách}} phải nằm trong một dòng của bảng hoặc một đoạn văn; mỗi dòng "
                    "(kể cả bảng lồng trong dòng đó) hoặc đoạn văn chỉ lặp theo một danh sách",
                    "{{#list}} must sit in a table row or a paragraph, and a row (with any table "
                    "nested in it) or a paragraph repeats one list only");
        }
    }

    // From the last to the first, as the editor requires.
    for (auto it = found.rbegin(); it != found.rend(); ++it) {
        const Placeholder& p = *it;
        if (!p.valid()) continue;
        switch (p.kind) {
            case PlaceholderKind::Condition:
                editor.replace(p.begin, p.end, "");
                break;
            case PlaceholderKind::RowMarker:
                if (scope != nullptr && scope->list == p.name) editor.replace(p.begin, p.end, "");
                break;
            case PlaceholderKind::Field: {
                const std::optional<std::string> value = resolve(p.name, scope);
                if (value) {
                    editor.replace(p.begin, p.end, to_run_text(*value));
                } else if (m_blank_unknown) {
                    editor.replace(p.begin, p.end, "");
                }
                break;
            }
        }
    }
    if (m_values != nullptr) editor.commit();
    return true;
}

std::string PartFiller::paragraph_marker(pugi::xml_node paragraph) {
    ParagraphEditor editor(paragraph, m_names);
    if (editor.text().find("{{#") == std::string::npos) return {};
    for (const Placeholder& p : scan_placeholders(editor.text())) {
        if (p.valid() && p.kind == PlaceholderKind::RowMarker) return p.name;
    }
    return {};
}

// The paragraph version of expand_row, for lists outside tables (the legal bases of a decision,
// one "Căn cứ ..." paragraph each).
void PartFiller::expand_paragraph(pugi::xml_node paragraph, const std::string& list) {
    if (m_values == nullptr) {
        m_log.lists[list];
        RowScope scope{list, nullptr, 1};
        fill_paragraph(paragraph, &scope);
        return;
    }
    const std::vector<TemplateRecord>* records = m_values->find_list(list);
    if (records == nullptr) m_log.unknown.insert("#" + list);
    if (records == nullptr || records->empty()) {
        remove_paragraph(paragraph);
        return;
    }
    pugi::xml_node parent = paragraph.parent();
    for (size_t i = 0; i < records->size(); ++i) {
        pugi::xml_node copy = parent.insert_copy_before(paragraph, paragraph);
        // Section properties stay with the original alone: copies would each start a section.
        copy.child(m_names.pPr.c_str()).remove_child(m_names.sectPr.c_str());
        RowScope scope{list, &(*records)[i], i + 1};
        fill_paragraph(copy, &scope);
    }
    // A paragraph carrying the section's properties stays, emptied, rather than lose them.
    remove_paragraph(paragraph);
}

std::string PartFiller::row_marker(pugi::xml_node row) {
    pugi::xml_node node = row.first_child();
    while (node) {
        bool descend = true;
        if (node.type() == pugi::node_element) {
            const char* name = node.name();
            if (m_names.tbl == name) {
                descend = false;  // a nested table's rows have markers of their own
            } else if (m_names.p == name) {
                ParagraphEditor editor(node, m_names);
                if (editor.text().find("{{") != std::string::npos) {
                    for (const Placeholder& p : scan_placeholders(editor.text())) {
                        if (p.valid() && p.kind == PlaceholderKind::RowMarker) return p.name;
                    }
                }
            }
        }
        node = next_node(node, row, descend);
    }
    return {};
}

void PartFiller::expand_row(pugi::xml_node row, const std::string& list) {
    if (m_values == nullptr) {
        m_log.lists[list];
        RowScope scope{list, nullptr, 1};
        walk(row, &scope);
        return;
    }
    pugi::xml_node table = row.parent();
    const std::vector<TemplateRecord>* records = m_values->find_list(list);
    if (records == nullptr) m_log.unknown.insert("#" + list);
    if (records == nullptr || records->empty()) {
        // No records, no rows; but a table must keep one row, so a lone row stays, blank.
        const bool lone =
            !row.previous_sibling(m_names.tr.c_str()) && !row.next_sibling(m_names.tr.c_str());
        if (lone) {
            RowScope scope{list, nullptr, 0};
            walk(row, &scope);
        } else {
            table.remove_child(row);
        }
        return;
    }
    for (size_t i = 0; i < records->size(); ++i) {
        pugi::xml_node copy = table.insert_copy_before(row, row);
        RowScope scope{list, &(*records)[i], i + 1};
        walk(copy, &scope);
    }
    table.remove_child(row);
}

std::optional<std::string> PartFiller::resolve(std::string_view name, const RowScope* scope) {
    const auto [list, field] = split_list_field(name);
    if (scope != nullptr && list == scope->list) {
        if (m_values == nullptr) {
            if (field != "#") m_log.lists[scope->list].insert(std::string(field));
            return std::string(name);
        }
        if (scope->record == nullptr) return std::string();  // a blank row
        if (field == "#") return std::to_string(scope->index);
        if (const auto it = scope->record->find(field); it != scope->record->end())
            return it->second;
        m_log.unknown.insert(std::string(name));
        return std::nullopt;
    }
    if (m_values == nullptr) {
        m_log.fields.insert(std::string(name));
        return std::string(name);
    }
    if (const std::string* value = m_values->field(name)) return *value;
    m_log.unknown.insert(std::string(name));
    return std::nullopt;
}

void PartFiller::remove_paragraph(pugi::xml_node paragraph) {
    pugi::xml_node parent = paragraph.parent();
    const bool carries_section =
        !paragraph.child(m_names.pPr.c_str()).child(m_names.sectPr.c_str()).empty();
    // A cell, header, footer or text box must end with a paragraph: the last one is emptied
    // instead of removed.
    const bool removable =
        m_names.body == parent.name() || !paragraph.next_sibling(m_names.p.c_str()).empty();
    if (removable && !carries_section) {
        parent.remove_child(paragraph);
        return;
    }
    for (pugi::xml_node child = paragraph.first_child(); child;) {
        const pugi::xml_node next = child.next_sibling();
        if (m_names.pPr != child.name()) paragraph.remove_child(child);
        child = next;
    }
}

void PartFiller::problem(const Placeholder& p, std::string vi, std::string en) {
    if (!m_log.seen.insert({m_part, p.raw}).second) return;
    Diagnostic d = Diagnostic::about_file(m_part, std::move(vi), std::move(en));
    d.value = p.raw;
    for (char& c : d.value) {
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';  // the tab or break it spans
    }
    m_log.problems.push_back(std::move(d));
}

}  // namespace thidua::documents
