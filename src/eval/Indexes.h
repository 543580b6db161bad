#pragma once
// Lookups the engine needs over and over: which units each of the plan's groups selects (built
// per evaluation), and over the dataset alone (DataIndexes: the people of each unit per year,
// component sums, registrations by subject), shared by the evaluations that are given one.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "eval/DataIndexes.h"
#include "model/Dataset.h"
#include "plan/CompiledPlan.h"

namespace thidua {

// Which of a subject's registrations for a period counts: the earliest; on the same day, one whose
// lateness Home Affairs accepted (an app entry made over an imported registration).
bool counts_before(const Registration& a, const Registration& b);

class Indexes {
public:
    // `shared`: the dataset's lookups kept by the caller; null: made for this evaluation.
    Indexes(const CompiledPlan& plan, const Dataset& data,
            std::shared_ptr<const DataIndexes> shared = nullptr);

    const std::vector<Index>& group_units(int plan_group) const {
        return m_group_units[plan_group];
    }
    bool in_group(Index unit, int plan_group) const;  // -1: any group of the plan

    std::span<const Index> members(Index unit, int year) const {
        return m_shared->members(unit, year);
    }
    std::pair<double, double> unit_component(Index unit, int year) const {
        return m_shared->unit_component(unit, year);
    }
    std::pair<double, double> component(Index component, int year) const {
        return m_shared->component(component, year);
    }

    // Builds every lookup now, before candidates are decided on several threads.
    void build_all() const { m_shared->build_all(); }

    // The subject's earliest registration for the period, or null.
    const Registration* registration(Subject s, const std::string& period) const;

    struct Submitted {
        int copies = 0;
        std::optional<Date> last;
    };
    Submitted submitted(Subject s, const std::string& award, const std::string& period,
                        const std::string& document) const;

private:
    const Dataset& m_data;
    std::shared_ptr<const DataIndexes> m_shared;
    std::vector<std::vector<Index>> m_group_units;
    std::vector<std::vector<uint8_t>> m_group_member;  // [group][unit]
};

}  // namespace thidua
