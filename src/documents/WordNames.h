#pragma once
// Qualified element names of WordprocessingML in one part, as that part spells them. Word always
// writes the prefix "w:", but other producers may bind the namespace to another prefix or make
// it the default one, so names are built from the root element's declarations.

#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace thidua::documents {

inline constexpr std::string_view kWordNamespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
// ISO 29500 Strict: same vocabulary, another namespace; Word can save it but nothing else in the
// pipeline (LibreOffice included) handles it well, so templates in it are refused.
inline constexpr std::string_view kStrictWordNamespace =
    "http://purl.oclc.org/ooxml/wordprocessingml/main";

class WordNames {
public:
    // Nullopt when the root element does not declare the transitional WordprocessingML namespace.
    static std::optional<WordNames> for_root(pugi::xml_node root);
    static bool declares_strict(pugi::xml_node root);

    std::string p, r, t, tr, tbl, tc, br, cr, tab, ptab, pPr, sectPr, body;

    // The root's local name ("document", "hdr", "ftr"…).
    std::string_view local(pugi::xml_node node) const;

private:
    std::string m_prefix;  // "w:" or ""
};

}  // namespace thidua::documents
