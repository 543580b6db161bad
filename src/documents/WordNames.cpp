#include "documents/WordNames.h"

#include <cstring>

namespace thidua::documents {
namespace {

std::optional<std::string> prefix_of(pugi::xml_node root, std::string_view ns) {
    for (pugi::xml_attribute a : root.attributes()) {
        if (ns != a.value()) continue;
        const std::string_view name = a.name();
        if (name == "xmlns") return std::string();
        if (name.substr(0, 6) == "xmlns:") return std::string(name.substr(6)) + ":";
    }
    return std::nullopt;
}

}  // namespace

std::optional<WordNames> WordNames::for_root(pugi::xml_node root) {
    auto prefix = prefix_of(root, kWordNamespace);
    if (!prefix) return std::nullopt;
    WordNames n;
    n.m_prefix = *prefix;
    const auto q = [&](const char* local) { return n.m_prefix + local; };
    n.p = q("p");
    n.r = q("r");
    n.t = q("t");
    n.tr = q("tr");
    n.tbl = q("tbl");
    n.tc = q("tc");
    n.br = q("br");
    n.cr = q("cr");
    n.tab = q("tab");
    n.ptab = q("ptab");
    n.pPr = q("pPr");
    n.sectPr = q("sectPr");
    n.body = q("body");
    return n;
}

bool WordNames::declares_strict(pugi::xml_node root) {
    return prefix_of(root, kStrictWordNamespace).has_value();
}

std::string_view WordNames::local(pugi::xml_node node) const {
    const std::string_view name = node.name();
    if (name.size() > m_prefix.size() && name.substr(0, m_prefix.size()) == m_prefix)
        return name.substr(m_prefix.size());
    return name;
}

}  // namespace thidua::documents
