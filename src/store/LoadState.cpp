#include "store/LoadState.h"

#include <algorithm>

#include <fmt/format.h>

namespace thidua::store {

std::vector<TagId> LoadState::tags(std::string_view text) {
    std::vector<TagId> out;
    while (!text.empty()) {
        const size_t end = std::min(text.find(';'), text.size());
        const std::string name(text.substr(0, end));
        text.remove_prefix(std::min(end + 1, text.size()));
        auto found = tag_by_name.find(name);
        if (found == tag_by_name.end()) {
            found = tag_by_name.emplace(name, static_cast<TagId>(data.tag_names.size())).first;
            data.tag_names.push_back(name);
        }
        out.push_back(found->second);
    }
    std::sort(out.begin(), out.end());
    return out;
}

Index LoadState::component(std::string_view id) {
    const auto [it, inserted] =
        component_by_id.emplace(std::string(id), static_cast<Index>(data.components.size()));
    if (inserted) data.components.emplace_back(id);
    return it->second;
}

Index LoadState::unit(std::string_view id) const {
    const auto found = data.unit_by_id.find(std::string(id));
    return found == data.unit_by_id.end() ? kNoIndex : found->second;
}

Index LoadState::person(std::string_view id) const {
    return data.find_person(id);
}

void LoadState::allocate_years() {
    const auto years = static_cast<size_t>(data.year_count);
    const size_t units = data.units.size() * years, people = data.people.size() * years;
    UnitYears& uy = data.unit_years;
    for (auto* c :
         {&uy.par_score, &uy.par_max, &uy.par_rank, &uy.satisfaction, &uy.task_completion})
        c->assign(units, NAN);
    for (auto* c : {&uy.par_rating, &uy.head_leads, &uy.compliance, &uy.excellent_achievement,
                    &uy.initiative, &uy.disciplined})
        c->assign(units, kUnknown);
    uy.present.assign(units, 0);
    PersonYears& py = data.person_years;
    py.unit.resize(people);
    for (size_t p = 0; p < data.people.size(); ++p)
        std::fill_n(py.unit.begin() + static_cast<ptrdiff_t>(p * years), years,
                    data.people.unit[p]);
    for (auto* c : {&py.rating, &py.excellent_par, &py.initiative, &py.ethics_ok,
                    &py.initiative_level, &py.disciplined})
        c->assign(people, kUnknown);
    py.present.assign(people, 0);
}

int8_t LoadState::scale(const SqlRow& r, int c, const Scale& s) {
    if (r.is_null(c)) return kUnknown;
    const std::string_view id = r.text(c);
    for (size_t i = 0; i < s.ids.size(); ++i) {
        if (s.ids[i] == id) return static_cast<int8_t>(i);
    }
    return kUnknown;
}

StoreError inconsistent_store(std::string_view what) {
    return {fmt::format("Dữ liệu trong cơ sở dữ liệu không nhất quán: {}", what),
            fmt::format("the stored data is inconsistent: {}", what),
            {}};
}

}  // namespace thidua::store
