#pragma once
// Who a document speaks for: the heading block (governing body, issuing body, the symbol in the
// number), the place, and the signature. Chosen per kind: the plan's issuer (or its successor
// once the issuer was dissolved), the proposer, the council, or a unit.

#include <string>

#include "base/Date.h"
#include "model/Dataset.h"
#include "plan/PlanSpec.h"

namespace thidua::forms {

struct Heading {
    std::string parent;  // as written ("Ủy ban nhân dân tỉnh Kiên Giang"); "" for none
    std::string name;    // "Sở Nội vụ tỉnh Kiên Giang"
    std::string symbol;  // "SNV"
    std::string place;   // "Kiên Giang"
    std::string signer_title;
    std::string signer;
};

// The agency, or its successor when the document is dated on or after the successor's start.
const AgencySpec& authority_on(const AgencySpec& agency, Date on);
Heading authority_heading(const PlanSpec& plan, Date on);
Heading proposer_heading(const PlanSpec& plan, Date on);
Heading council_heading(const PlanSpec& plan, Date on);
Heading unit_heading(const PlanSpec& plan, const Dataset& data, Index unit, Date on);

// "UBND" from "64/KH-UBND": the part after the last '-' of the plan's number.
std::string symbol_from_number(const std::string& number);
// The council's name: the plan's, else "Hội đồng Thi đua - Khen thưởng" + the authority's area.
std::string council_name(const PlanSpec& plan, Date on);

}  // namespace thidua::forms
