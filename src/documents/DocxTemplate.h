#pragma once
// A .docx template held in memory: opened and checked once, then filled any number of times
// with TemplateValues. Placeholders are written in the document text ({{plan.number}}); see
// README.md for the conventions. Knows nothing of plans or awards: callers name the fields.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "base/Diagnostic.h"
#include "documents/TemplateValues.h"

namespace thidua::documents {

struct DocxLimits {
    uint64_t max_entries = 1'000;
    // Pictures included; a template with a logo or a signature scan is a few MB.
    uint64_t max_total_bytes = 64ULL << 20;
    // One XML part is held as a DOM several times its size.
    uint64_t max_xml_part_bytes = 16ULL << 20;
};

// Placeholders a template uses, for "placeholder X is unknown" messages on upload.
struct TemplatePlaceholders {
    std::vector<std::string> fields;                        // {{name}} and {{?name}}, sorted
    std::map<std::string, std::vector<std::string>> lists;  // {{#list}} -> fields of its row
    Diagnostics problems;                                   // malformed placeholders
};

struct FillOptions {
    // false: an unknown placeholder stays in the output as written (and is reported);
    // true: it is replaced by nothing (and still reported).
    bool blank_unknown = false;
};

struct FilledDocument {
    std::string docx;
    // Names the values did not give, as written in the template: "plan.number",
    // "candidates.name" (a record field), "#candidates" (a whole list). Sorted.
    std::vector<std::string> unknown;
    Diagnostics problems;  // malformed placeholders, left as written
};

class DocxTemplate {
public:
    // `file_name` is only for messages. The bytes are copied.
    static tl::expected<DocxTemplate, Diagnostic> open(std::string_view bytes,
                                                       std::string file_name = "template.docx",
                                                       const DocxLimits& limits = {});

    TemplatePlaceholders placeholders() const;
    tl::expected<FilledDocument, Diagnostic> fill(const TemplateValues& values,
                                                  const FillOptions& options = {}) const;

    // The XML parts searched for placeholders: the main document, headers, footers, footnotes
    // and endnotes.
    std::vector<std::string> text_parts() const;

    struct Package;  // the entries and parsed parts; shared, never changed after open()

private:
    explicit DocxTemplate(std::shared_ptr<const Package> package) : m_package(std::move(package)) {}
    std::shared_ptr<const Package> m_package;
};

}  // namespace thidua::documents
