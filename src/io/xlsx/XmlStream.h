#pragma once
// Streaming XML (expat) over a zip entry, read in chunks: nothing of a sheet is held as a tree.
// Names arrive split into namespace URI and local name, so prefixes (x:, s:, none) do not matter.
// A DOCTYPE is refused: OOXML parts never have one, and refusing it rules out entity expansion
// attacks.

#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "io/zip/ZipArchive.h"

namespace thidua {

struct XmlName {
    std::string_view ns;
    std::string_view local;
};

// Attributes as expat gives them: name, value, name, value, ..., nullptr.
class XmlAttributes {
public:
    explicit XmlAttributes(const char** attrs) : m_attrs(attrs) {}
    // The value of the attribute with this local name (any namespace), or nullptr.
    const char* get(std::string_view local) const;
    // The same, only in the given namespace.
    const char* get(std::string_view ns, std::string_view local) const;

private:
    const char** m_attrs;
};

class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void start(const XmlName& name, const XmlAttributes& attrs) = 0;
    virtual void end(const XmlName& name) = 0;
    virtual void text(std::string_view) {}
    // A handler sets this to stop the parse (e.g. after a fatal problem it has recorded).
    bool stop = false;
};

// Parses a whole zip entry. `part` names it in problems.
tl::expected<void, ZipProblem> parse_xml_entry(ZipArchive& archive, size_t index,
                                               XmlHandler& handler);

}  // namespace thidua
