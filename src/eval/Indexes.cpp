#include "eval/Indexes.h"

#include <cmath>

namespace thidua {
namespace {

bool group_selects(const GroupSpec& g, const Dataset& d, Index u) {
    const Unit& unit = d.units[u];
    if (!g.types.empty() && std::find(g.types.begin(), g.types.end(), unit.type) == g.types.end())
        return false;
    for (const std::string& tag : g.tags) {
        const auto id = d.find_tag(tag);
        if (!id || !d.unit_has_tag(u, *id)) return false;
    }
    if (!g.parent_types.empty()) {
        if (unit.parent == kNoIndex) return false;
        const UnitType pt = d.units[unit.parent].type;
        if (std::find(g.parent_types.begin(), g.parent_types.end(), pt) == g.parent_types.end())
            return false;
    }
    return true;
}

void add_to(std::pair<double, double>& sum, double score, double max) {
    sum.first += score;  // NaN stays NaN: one unknown part makes the sum unknown
    sum.second += max;
}

}  // namespace

Indexes::Indexes(const CompiledPlan& plan, const Dataset& data) : m_data(data) {
    const auto& groups = plan.spec.groups;
    m_group_units.resize(groups.size());
    m_group_member.assign(groups.size(), std::vector<uint8_t>(data.units.size(), 0));
    for (size_t g = 0; g < groups.size(); ++g) {
        for (size_t u = 0; u < data.units.size(); ++u) {
            if (!group_selects(groups[g], data, static_cast<Index>(u))) continue;
            m_group_units[g].push_back(static_cast<Index>(u));
            m_group_member[g][u] = 1;
        }
    }
}

bool Indexes::in_group(Index unit, int plan_group) const {
    if (plan_group >= 0) return m_group_member[plan_group][unit] != 0;
    for (const auto& member : m_group_member)
        if (member[unit]) return true;
    return false;
}

void Indexes::build_all() {
    if (!m_members_built) build_members();
    if (!m_components_built) build_components();
    if (!m_registrations_built) build_registrations();
}

void Indexes::build_members() {
    m_members_built = true;
    const size_t units = m_data.units.size();
    const size_t people = m_data.people.size();
    const int years = m_data.year_count;
    m_member_offsets.assign(years, std::vector<uint32_t>(units + 1, 0));
    m_member_people.assign(years, std::vector<Index>(people));
    for (int y = 0; y < years; ++y) {
        auto& offsets = m_member_offsets[y];
        const int year = m_data.first_year + y;
        for (size_t p = 0; p < people; ++p) {
            const Index u = m_data.person_years.unit[m_data.slot(static_cast<Index>(p), year)];
            if (u != kNoIndex) ++offsets[u + 1];
        }
        for (size_t u = 0; u < units; ++u)
            offsets[u + 1] += offsets[u];
        std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
        auto& out = m_member_people[y];
        for (size_t p = 0; p < people; ++p) {
            const Index u = m_data.person_years.unit[m_data.slot(static_cast<Index>(p), year)];
            if (u != kNoIndex) out[fill[u]++] = static_cast<Index>(p);
        }
    }
}

std::span<const Index> Indexes::members(Index unit, int year) {
    if (!m_members_built) build_members();
    if (!m_data.has_year(year)) {
        // No yearly data at all for that year: people belong to the unit people.csv names.
        return {};
    }
    const int y = year - m_data.first_year;
    const auto& offsets = m_member_offsets[y];
    return std::span<const Index>(m_member_people[y].data() + offsets[unit],
                                  offsets[unit + 1] - offsets[unit]);
}

void Indexes::build_components() {
    m_components_built = true;
    const size_t years = static_cast<size_t>(m_data.year_count);
    m_unit_components.assign(m_data.units.size() * years, {NAN, NAN});
    m_components.assign(m_data.components.size() * years, {NAN, NAN});
    std::vector<uint8_t> seen(m_unit_components.size(), 0);
    for (const ComponentYear& c : m_data.component_years) {
        if (!m_data.has_year(c.year)) continue;
        const size_t y = static_cast<size_t>(c.year - m_data.first_year);
        m_components[static_cast<size_t>(c.component) * years + y] = {c.score, c.max};
        if (c.unit == kNoIndex) continue;
        const size_t slot = static_cast<size_t>(c.unit) * years + y;
        if (!seen[slot]) {
            seen[slot] = 1;
            m_unit_components[slot] = {0, 0};
        }
        // An office that advises on several components: its rate is over their sum.
        add_to(m_unit_components[slot], c.score, c.max);
    }
}

std::pair<double, double> Indexes::unit_component(Index unit, int year) {
    if (!m_components_built) build_components();
    if (!m_data.has_year(year)) return {NAN, NAN};
    return m_unit_components[m_data.slot(unit, year)];
}

std::pair<double, double> Indexes::component(Index c, int year) {
    if (!m_components_built) build_components();
    if (!m_data.has_year(year) || c < 0) return {NAN, NAN};
    return m_components[static_cast<size_t>(c) * m_data.year_count + (year - m_data.first_year)];
}

void Indexes::build_registrations() {
    m_registrations_built = true;
    for (size_t i = 0; i < m_data.registrations.size(); ++i)
        m_registrations.emplace(key(m_data.registrations[i].subject), i);
}

bool counts_before(const Registration& a, const Registration& b) {
    if (a.registered_on != b.registered_on) return a.registered_on < b.registered_on;
    return a.late_accepted && !b.late_accepted;
}

const Registration* Indexes::registration(Subject s, const std::string& period) {
    if (!m_registrations_built) build_registrations();
    const Registration* earliest = nullptr;
    auto [begin, end] = m_registrations.equal_range(key(s));
    for (auto it = begin; it != end; ++it) {
        const Registration& r = m_data.registrations[it->second];
        if (r.period != period) continue;
        if (earliest == nullptr || counts_before(r, *earliest)) earliest = &r;
    }
    return earliest;
}

Indexes::Submitted Indexes::submitted(Subject s, const std::string& award,
                                      const std::string& period,
                                      const std::string& document) const {
    Submitted out;
    for (const DossierDocument& d : m_data.dossiers) {
        if (d.subject.kind != s.kind || d.subject.index != s.index || d.award != award ||
            d.period != period || d.document != document)
            continue;
        out.copies += d.copies;
        if (d.submitted_on && (!out.last || *d.submitted_on > *out.last)) out.last = d.submitted_on;
    }
    return out;
}

}  // namespace thidua
