#pragma once
// The formatting Word applies to a paragraph or a run: direct formatting first, then the style
// chain (w:pStyle / w:rStyle, w:basedOn), then the document defaults of styles.xml. Enough for
// the layout tests of the default templates (table-style conditional formatting is not used).

#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace thidua::testing_support {

class WordFormatting {
public:
    explicit WordFormatting(pugi::xml_node styles) : m_styles(styles) {}

    // An attribute of a paragraph property (w:spacing w:before) or "" when nowhere set.
    std::string paragraph(pugi::xml_node p, const char* property, const char* attribute) const {
        if (auto a = p.child("w:pPr").child(property).attribute(attribute)) return a.value();
        for (pugi::xml_node s = paragraph_style(p); s; s = based_on(s))
            if (auto a = s.child("w:pPr").child(property).attribute(attribute)) return a.value();
        const auto d = m_styles.child("w:docDefaults").child("w:pPrDefault").child("w:pPr");
        return d.child(property).attribute(attribute).value();
    }

    // The run property element (w:b, w:sz, w:u) that applies to run r of paragraph p.
    pugi::xml_node run(pugi::xml_node p, pugi::xml_node r, const char* property) const {
        if (auto n = r.child("w:rPr").child(property)) return n;
        const std::string_view char_style =
            r.child("w:rPr").child("w:rStyle").attribute("w:val").value();
        for (pugi::xml_node s = style(char_style); s; s = based_on(s))
            if (auto n = s.child("w:rPr").child(property)) return n;
        for (pugi::xml_node s = paragraph_style(p); s; s = based_on(s))
            if (auto n = s.child("w:rPr").child(property)) return n;
        return m_styles.child("w:docDefaults").child("w:rPrDefault").child("w:rPr").child(property);
    }

    // A toggle (w:b, w:i, w:caps): present and not switched off.
    bool on(pugi::xml_node p, pugi::xml_node r, const char* property) const {
        const pugi::xml_node n = run(p, r, property);
        const std::string_view v = n.attribute("w:val").value();
        return n && v != "0" && v != "false" && v != "off" && v != "none";
    }

    int half_points(pugi::xml_node p, pugi::xml_node r) const {
        return run(p, r, "w:sz").attribute("w:val").as_int();
    }

    pugi::xml_node style(std::string_view id) const {
        if (id.empty()) return {};
        for (pugi::xml_node s : m_styles.children("w:style"))
            if (id == s.attribute("w:styleId").value()) return s;
        return {};
    }

private:
    pugi::xml_node paragraph_style(pugi::xml_node p) const {
        const std::string_view id = p.child("w:pPr").child("w:pStyle").attribute("w:val").value();
        if (!id.empty()) return style(id);
        for (pugi::xml_node s : m_styles.children("w:style"))
            if (std::string_view(s.attribute("w:type").value()) == "paragraph" &&
                s.attribute("w:default").as_bool())
                return s;
        return {};
    }
    pugi::xml_node based_on(pugi::xml_node s) const {
        return style(s.child("w:basedOn").attribute("w:val").value());
    }

    pugi::xml_node m_styles;
};

}  // namespace thidua::testing_support
