#pragma once
// Who has registered to compete in a period, and when: one row per subject that competes (each
// unit of a collective award group once, each person candidate of an individual award), with its
// registration date from the dataset, the plan's deadline and a status. Pure: it reads an
// evaluation, its plan and its dataset; presenters turn it into a sheet.

#include <array>
#include <optional>
#include <vector>

#include "eval/Evaluation.h"

namespace thidua {

enum class RegistrationStatus : uint8_t {
    OnTime,        // registered on or before the deadline
    Late,          // registered after the deadline
    Missing,       // no registration for the period
    Registered,    // registered, and the plan sets no deadline for the period
    LateAccepted,  // registered after the deadline, accepted by Home Affairs with a reason
};
constexpr size_t kRegistrationStatusCount = 5;

// "on_time", "late", "missing", "registered", "late_accepted".
const char* registration_status_id(RegistrationStatus s);

// The same rule as the criterion `registered` (eval/Evaluator): late only strictly after the
// deadline.
RegistrationStatus registration_status(const std::optional<Date>& registered_on,
                                       const std::optional<Date>& deadline,
                                       bool late_accepted = false);

struct StatusCounts {
    std::array<int, kRegistrationStatusCount> by_status{};
    int operator[](RegistrationStatus s) const { return by_status[static_cast<size_t>(s)]; }
    void add(RegistrationStatus s) { ++by_status[static_cast<size_t>(s)]; }
    int total() const;
};

struct RegistrationRow {
    Subject subject;
    std::vector<const GroupSpec*> groups;  // units: the plan groups it competes in, plan order
    Index unit = kNoIndex;                 // people: their unit in the period's last year
    std::optional<Date> registered_on;     // the earliest registration for the period
    const Registration* registration = nullptr;  // that registration, when there is one
    RegistrationStatus status = RegistrationStatus::Missing;
};

struct GroupCounts {
    const GroupSpec* group = nullptr;  // nullptr: the people of the individual awards
    StatusCounts counts;
};

struct RegistrationBoard {
    // A plan without a registration section asks nobody to register, and a dataset without
    // registrations.csv does not say who did: either way no row is listed, rather than every
    // subject shown as missing.
    bool plan_has_registration = false;
    bool data_has_registrations = false;
    std::optional<Date> deadline;
    std::vector<RegistrationRow> rows;  // units (by first plan group, then file order), people
    std::vector<GroupCounts> groups;    // plan group order, then the people
    StatusCounts totals;                // each subject once
    bool listed() const { return plan_has_registration && data_has_registrations; }
};

// `list_unknown`: list the rows (each as missing) even when the dataset does not say who
// registered: the application's own registration starts from such a board.
RegistrationBoard registration_board(const EvaluationResult& result, bool list_unknown = false);

}  // namespace thidua
