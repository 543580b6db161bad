#pragma once
// Lookups the engine needs over and over, built once per evaluation from the flat dataset:
// which units each group selects, the people of each unit per year, component sums,
// registrations and submitted dossier papers by subject.

#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/Dataset.h"
#include "plan/CompiledPlan.h"

namespace thidua {

// Which of a subject's registrations for a period counts: the earliest; on the same day, one whose
// lateness Home Affairs accepted (an app entry made over an imported registration).
bool counts_before(const Registration& a, const Registration& b);

class Indexes {
public:
    Indexes(const CompiledPlan& plan, const Dataset& data);

    const std::vector<Index>& group_units(int plan_group) const {
        return m_group_units[plan_group];
    }
    bool in_group(Index unit, int plan_group) const;  // -1: any group of the plan

    std::span<const Index> members(Index unit, int year);
    std::pair<double, double> unit_component(Index unit, int year);
    std::pair<double, double> component(Index component, int year);

    // Builds every lookup now, so that candidates can then be decided on several threads that
    // only read them.
    void build_all();

    // The subject's earliest registration for the period, or null.
    const Registration* registration(Subject s, const std::string& period);

    struct Submitted {
        int copies = 0;
        std::optional<Date> last;
    };
    Submitted submitted(Subject s, const std::string& award, const std::string& period,
                        const std::string& document) const;

private:
    void build_members();
    void build_components();
    void build_registrations();
    static uint64_t key(Subject s) {
        return (static_cast<uint64_t>(s.kind) << 32) | static_cast<uint32_t>(s.index);
    }

    const Dataset& m_data;
    std::vector<std::vector<Index>> m_group_units;
    std::vector<std::vector<uint8_t>> m_group_member;  // [group][unit]

    bool m_members_built = false;
    std::vector<std::vector<uint32_t>> m_member_offsets;  // per year offset: unit -> begin
    std::vector<std::vector<Index>> m_member_people;      // per year, grouped by unit

    bool m_components_built = false;
    std::vector<std::pair<double, double>> m_unit_components;  // units x years
    std::vector<std::pair<double, double>> m_components;       // components x years

    bool m_registrations_built = false;
    std::unordered_multimap<uint64_t, size_t> m_registrations;  // subject -> row
};

}  // namespace thidua
