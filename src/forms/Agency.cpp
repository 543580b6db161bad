#include "forms/Agency.h"

namespace thidua::forms {
namespace {

Heading from_agency(const AgencySpec& a) {
    return {a.parent, a.name, a.symbol, a.place, a.signer_title, a.signer};
}

// "Ủy ban nhân dân tỉnh Kiên Giang" -> "tỉnh Kiên Giang": the area a people's committee serves.
std::string area_of(const std::string& name) {
    static const std::string prefix = "Ủy ban nhân dân ";
    return name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : std::string();
}

}  // namespace

const AgencySpec& authority_on(const AgencySpec& agency, Date on) {
    if (agency.successor && agency.successor_from && *agency.successor_from <= on)
        return *agency.successor;
    return agency;
}

std::string symbol_from_number(const std::string& number) {
    const size_t dash = number.rfind('-');
    return dash == std::string::npos ? std::string() : number.substr(dash + 1);
}

Heading authority_heading(const PlanSpec& plan, Date on) {
    const AgencySpec& a = authority_on(plan.issuer, on);
    Heading h = from_agency(a);
    if (h.symbol.empty() && &a == &plan.issuer) h.symbol = symbol_from_number(plan.number);
    return h;
}

Heading proposer_heading(const PlanSpec& plan, Date on) {
    if (plan.documents.proposer.name.empty()) return authority_heading(plan, on);
    Heading h = from_agency(authority_on(plan.documents.proposer, on));
    const AgencySpec& authority = authority_on(plan.issuer, on);
    if (h.place.empty()) h.place = authority.place;
    return h;
}

std::string council_name(const PlanSpec& plan, Date on) {
    if (!plan.documents.council.name.empty()) return plan.documents.council.name;
    const std::string area = area_of(authority_on(plan.issuer, on).name);
    return area.empty() ? "Hội đồng Thi đua - Khen thưởng"
                        : "Hội đồng Thi đua - Khen thưởng " + area;
}

Heading council_heading(const PlanSpec& plan, Date on) {
    const AgencySpec& authority = authority_on(plan.issuer, on);
    Heading h;
    h.parent = authority.name;
    h.name = "Hội đồng Thi đua - Khen thưởng";
    h.symbol = "HĐTĐKT";
    h.place = authority.place;
    h.signer_title = "CHỦ TỊCH HỘI ĐỒNG";
    for (const CouncilMemberSpec& m : plan.documents.council.members)
        if (m.role.rfind("Chủ tịch", 0) == 0) h.signer = m.name;
    return h;
}

Heading unit_heading(const PlanSpec& plan, const Dataset& data, Index unit, Date on) {
    const Unit& u = data.units[unit];
    Heading h;
    if (u.parent != kNoIndex) h.parent = data.units[u.parent].name;
    h.name = u.name;
    h.place = authority_on(plan.issuer, on).place;
    h.signer_title = "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ";
    return h;
}

}  // namespace thidua::forms
