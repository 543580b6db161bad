#include "documents/TemplateValues.h"

namespace thidua::documents {

TemplateValues& TemplateValues::set(std::string name, std::string value) {
    m_fields.insert_or_assign(std::move(name), std::move(value));
    return *this;
}

std::vector<TemplateRecord>& TemplateValues::list(std::string name) {
    return m_lists[std::move(name)];
}

TemplateValues& TemplateValues::add_record(std::string list_name, TemplateRecord record) {
    list(std::move(list_name)).push_back(std::move(record));
    return *this;
}

const std::string* TemplateValues::field(std::string_view name) const {
    const auto it = m_fields.find(name);
    return it == m_fields.end() ? nullptr : &it->second;
}

const std::vector<TemplateRecord>* TemplateValues::find_list(std::string_view name) const {
    const auto it = m_lists.find(name);
    return it == m_lists.end() ? nullptr : &it->second;
}

}  // namespace thidua::documents
