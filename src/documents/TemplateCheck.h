#pragma once
// Checks an uploaded template against the fields a kind of document offers, so the author reads
// "{{plan.numbr}} is unknown" when uploading rather than a half-filled document later.

#include <map>
#include <set>
#include <string>

#include "base/Diagnostic.h"
#include "documents/DocxTemplate.h"

namespace thidua::documents {

// What the caller can fill: field names, and lists with the fields of their records.
struct TemplateSchema {
    std::set<std::string, std::less<>> fields;
    std::map<std::string, std::set<std::string, std::less<>>, std::less<>> lists;
};

// One Diagnostic per unknown placeholder (file = `file_name`, value = the placeholder as written),
// after the template's own malformed-placeholder problems. Empty: the template is usable.
Diagnostics check_template(const TemplatePlaceholders& used, const TemplateSchema& schema,
                           const std::string& file_name);

}  // namespace thidua::documents
