#pragma once
// Who acts for a plan's issuer once it was dissolved: the successor the plan file names
// (`issuer.successor`, the user's choice), else the one the lineage gives (the issuer's unit
// closed, with exactly one successor unit). A district's Giấy khen plan reviewed in 2026 has
// no district left to sign it.

#include <optional>
#include <string>

#include "model/Dataset.h"
#include "plan/PlanSpec.h"

namespace thidua::forms {

enum class SuccessorSource : uint8_t { None, Plan, Lineage };
std::string_view successor_source_id(SuccessorSource source);  // "none" | "plan" | "lineage"

struct IssuerStatus {
    bool dissolved = false;
    std::optional<Date> last_day;  // the issuer's last active day
    SuccessorSource source = SuccessorSource::None;
    std::string successor;  // the successor's name; "" when nobody is named
    std::optional<Date> successor_from;
    std::string warning;  // Vietnamese, for the UI; "" when the issuer still exists
};

IssuerStatus issuer_status(const PlanSpec& plan, const Dataset& data);

// The plan with its issuer's successor filled in from the lineage, when the plan names none
// and the lineage gives one; nullopt when nothing changes.
std::optional<PlanSpec> with_lineage_successor(const PlanSpec& plan, const Dataset& data);

}  // namespace thidua::forms
