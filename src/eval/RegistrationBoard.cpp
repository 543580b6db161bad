#include "eval/RegistrationBoard.h"

#include <algorithm>
#include <unordered_map>

#include "eval/Deadlines.h"
#include "eval/Indexes.h"

namespace thidua {
namespace {

uint64_t key(Subject s) {
    return (static_cast<uint64_t>(s.kind) << 32) | static_cast<uint32_t>(s.index);
}

// The earliest registration of each subject for the period: a subject that registered twice
// counts from its first form, as the criterion `registered` does.
std::unordered_map<uint64_t, const Registration*> earliest_registrations(
    const Dataset& data, const std::string& period) {
    std::unordered_map<uint64_t, const Registration*> out;
    for (const Registration& r : data.registrations) {
        if (r.period != period) continue;
        auto [it, inserted] = out.emplace(key(r.subject), &r);
        if (!inserted && counts_before(r, *it->second)) it->second = &r;
    }
    return out;
}

// For each unit, the plan groups (indexes into PlanSpec::groups) it is a candidate of in any
// collective award of the period, in plan order.
std::vector<std::vector<int>> unit_groups(const EvaluationResult& r) {
    std::vector<std::vector<int>> out(r.data->units.size());
    for (const AwardOutcome& award : r.awards) {
        if (award.award->kind != AwardKind::Collective) continue;
        for (const GroupOutcome& g : award.groups) {
            const int plan_group = g.group->plan_group;
            if (plan_group < 0) continue;
            for (const CandidateOutcome& c : g.candidates) {
                std::vector<int>& groups = out[static_cast<size_t>(c.subject.index)];
                if (std::find(groups.begin(), groups.end(), plan_group) == groups.end())
                    groups.push_back(plan_group);
            }
        }
    }
    for (std::vector<int>& groups : out)
        std::sort(groups.begin(), groups.end());
    return out;
}

// Units that compete, ordered by their first plan group, then as units.csv lists them.
std::vector<Index> competing_units(const std::vector<std::vector<int>>& groups) {
    std::vector<Index> out;
    for (size_t u = 0; u < groups.size(); ++u)
        if (!groups[u].empty()) out.push_back(static_cast<Index>(u));
    std::stable_sort(out.begin(), out.end(), [&](Index a, Index b) {
        return groups[static_cast<size_t>(a)].front() < groups[static_cast<size_t>(b)].front();
    });
    return out;
}

// People candidates of any individual award of the period, in people.csv order.
std::vector<Index> competing_people(const EvaluationResult& r) {
    std::vector<uint8_t> seen(r.data->people.size(), 0);
    for (const AwardOutcome& award : r.awards) {
        if (award.award->kind != AwardKind::Individual) continue;
        for (const GroupOutcome& g : award.groups)
            for (const CandidateOutcome& c : g.candidates)
                seen[static_cast<size_t>(c.subject.index)] = 1;
    }
    std::vector<Index> out;
    for (size_t p = 0; p < seen.size(); ++p)
        if (seen[p]) out.push_back(static_cast<Index>(p));
    return out;
}

class BoardBuilder {
public:
    BoardBuilder(const EvaluationResult& r, RegistrationBoard& board)
        : m_r(r),
          m_board(board),
          m_registered(earliest_registrations(*r.data, r.period.id)),
          m_group_counts(r.plan->spec.groups.size()),
          m_group_used(r.plan->spec.groups.size(), 0) {}

    void add_unit(Index u, const std::vector<int>& groups) {
        RegistrationRow& row = add({SubjectKind::Unit, u});
        for (int g : groups) {
            row.groups.push_back(&m_r.plan->spec.groups[static_cast<size_t>(g)]);
            m_group_counts[static_cast<size_t>(g)].add(row.status);
            m_group_used[static_cast<size_t>(g)] = 1;
        }
    }

    void add_person(Index p) {
        RegistrationRow& row = add({SubjectKind::Person, p});
        row.unit = m_r.data->unit_of_person(p, m_r.period.last_year);
        m_people_counts.add(row.status);
        m_any_person = true;
    }

    void finish() {
        for (size_t g = 0; g < m_group_used.size(); ++g)
            if (m_group_used[g])
                m_board.groups.push_back({&m_r.plan->spec.groups[g], m_group_counts[g]});
        if (m_any_person) m_board.groups.push_back({nullptr, m_people_counts});
    }

private:
    RegistrationRow& add(Subject s) {
        RegistrationRow row;
        row.subject = s;
        if (const auto found = m_registered.find(key(s)); found != m_registered.end()) {
            row.registration = found->second;
            row.registered_on = found->second->registered_on;
        }
        row.status = registration_status(row.registered_on, m_board.deadline,
                                         row.registration && row.registration->late_accepted);
        m_board.totals.add(row.status);
        m_board.rows.push_back(std::move(row));
        return m_board.rows.back();
    }

    const EvaluationResult& m_r;
    RegistrationBoard& m_board;
    std::unordered_map<uint64_t, const Registration*> m_registered;
    std::vector<StatusCounts> m_group_counts;
    std::vector<uint8_t> m_group_used;
    StatusCounts m_people_counts;
    bool m_any_person = false;
};

}  // namespace

const char* registration_status_id(RegistrationStatus s) {
    switch (s) {
        case RegistrationStatus::OnTime:
            return "on_time";
        case RegistrationStatus::Late:
            return "late";
        case RegistrationStatus::Missing:
            return "missing";
        case RegistrationStatus::Registered:
            return "registered";
        case RegistrationStatus::LateAccepted:
            return "late_accepted";
    }
    return "";
}

RegistrationStatus registration_status(const std::optional<Date>& registered_on,
                                       const std::optional<Date>& deadline, bool late_accepted) {
    if (!registered_on) return RegistrationStatus::Missing;
    if (!deadline) return RegistrationStatus::Registered;
    if (*registered_on <= *deadline) return RegistrationStatus::OnTime;
    return late_accepted ? RegistrationStatus::LateAccepted : RegistrationStatus::Late;
}

int StatusCounts::total() const {
    int sum = 0;
    for (int n : by_status)
        sum += n;
    return sum;
}

RegistrationBoard registration_board(const EvaluationResult& result, bool list_unknown) {
    RegistrationBoard board;
    board.plan_has_registration = result.plan->spec.registration.present;
    board.data_has_registrations = result.data->has_registrations;
    board.deadline = registration_deadline(result.plan->spec, result.period);
    if (!board.plan_has_registration || (!board.data_has_registrations && !list_unknown))
        return board;
    BoardBuilder builder(result, board);
    const std::vector<std::vector<int>> groups = unit_groups(result);
    for (Index u : competing_units(groups))
        builder.add_unit(u, groups[static_cast<size_t>(u)]);
    for (Index p : competing_people(result))
        builder.add_person(p);
    builder.finish();
    return board;
}

}  // namespace thidua
