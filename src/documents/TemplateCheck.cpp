#include "documents/TemplateCheck.h"

#include <fmt/format.h>

#include "documents/PlaceholderSyntax.h"

namespace thidua::documents {
namespace {

Diagnostic unknown(const std::string& file, std::string placeholder, std::string vi,
                   std::string en) {
    Diagnostic d = Diagnostic::about_file(file, std::move(vi), std::move(en));
    d.value = std::move(placeholder);
    return d;
}

}  // namespace

Diagnostics check_template(const TemplatePlaceholders& used, const TemplateSchema& schema,
                           const std::string& file_name) {
    Diagnostics out = used.problems;
    for (const std::string& name : used.fields) {
        if (schema.fields.contains(name)) continue;
        const std::string shown = "{{" + name + "}}";
        const auto [list, field] = split_list_field(name);
        if (!list.empty() && schema.lists.contains(list)) {
            // The usual slip: a record field in a row that lacks its {{#list}} marker.
            out.push_back(unknown(
                file_name, shown,
                fmt::format(
                    "{} là trường của danh sách \"{}\": dòng bảng chứa nó phải có {{{{#{}}}}}",
                    shown, list, list),
                fmt::format("{} is a field of the list \"{}\": the table row holding it needs "
                            "{{{{#{}}}}}",
                            shown, list, list)));
            continue;
        }
        out.push_back(unknown(file_name, shown,
                              fmt::format("Trường {} không có trong loại văn bản này", shown),
                              fmt::format("placeholder {} is unknown", shown)));
    }
    for (const auto& [list, fields] : used.lists) {
        const auto known = schema.lists.find(list);
        if (known == schema.lists.end()) {
            const std::string shown = "{{#" + list + "}}";
            out.push_back(
                unknown(file_name, shown,
                        fmt::format("Danh sách {} không có trong loại văn bản này", shown),
                        fmt::format("list {} is unknown", shown)));
            continue;
        }
        for (const std::string& field : fields) {
            if (known->second.contains(field)) continue;
            const std::string shown = "{{" + list + "." + field + "}}";
            out.push_back(unknown(
                file_name, shown, fmt::format("Danh sách \"{}\" không có trường {}", list, shown),
                fmt::format("placeholder {} is unknown: the list \"{}\" has no such field", shown,
                            list)));
        }
    }
    return out;
}

}  // namespace thidua::documents
