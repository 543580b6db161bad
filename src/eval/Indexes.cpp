#include "eval/Indexes.h"

#include <stdexcept>

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

}  // namespace

Indexes::Indexes(const CompiledPlan& plan, const Dataset& data,
                 std::shared_ptr<const DataIndexes> shared)
    : m_data(data), m_shared(shared ? std::move(shared) : std::make_shared<DataIndexes>(data)) {
    if (&m_shared->data() != &data)
        throw std::logic_error("Indexes: the shared lookups are of another dataset");
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

bool counts_before(const Registration& a, const Registration& b) {
    if (a.registered_on != b.registered_on) return a.registered_on < b.registered_on;
    return a.late_accepted && !b.late_accepted;
}

const Registration* Indexes::registration(Subject s, const std::string& period) const {
    const Registration* earliest = nullptr;
    for (size_t row : m_shared->registrations(s)) {
        const Registration& r = m_data.registrations[row];
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
