#pragma once
// What a template is filled with: named text fields and named lists of records (one record per
// repeated table row). Only text: the caller formats numbers and dates the way the document
// wants them ("05/3/2024", "1.250.000 đồng").

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace thidua::documents {

// One record of a list: field name -> text ("name" -> "Nguyễn Thị Hồng Nhung").
using TemplateRecord = std::map<std::string, std::string, std::less<>>;

class TemplateValues {
public:
    // A field such as "plan.number". A value may hold '\n' (a line break in the same run) and
    // '\t' (a tab stop).
    TemplateValues& set(std::string name, std::string value);
    // Declares the list (so an empty list is not reported unknown) and returns it to append to.
    std::vector<TemplateRecord>& list(std::string name);
    TemplateValues& add_record(std::string list_name, TemplateRecord record);

    const std::string* field(std::string_view name) const;
    const std::vector<TemplateRecord>* find_list(std::string_view name) const;

    const std::map<std::string, std::string, std::less<>>& fields() const { return m_fields; }
    const std::map<std::string, std::vector<TemplateRecord>, std::less<>>& lists() const {
        return m_lists;
    }

private:
    std::map<std::string, std::string, std::less<>> m_fields;
    std::map<std::string, std::vector<TemplateRecord>, std::less<>> m_lists;
};

}  // namespace thidua::documents
