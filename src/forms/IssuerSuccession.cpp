#include "forms/IssuerSuccession.h"

#include <fmt/format.h>

#include "model/Lineage.h"

namespace thidua::forms {
namespace {

Index issuer_index(const PlanSpec& plan, const Dataset& data) {
    const auto found = data.unit_by_id.find(plan.issuer.unit);
    return found == data.unit_by_id.end() ? kNoIndex : found->second;
}

// "Ủy ban nhân dân thành phố Cần Thơ" -> "Cần Thơ": the place documents are dated at.
std::string place_of(const std::string& name) {
    std::string rest = name;
    for (const std::string prefix :
         {"Ủy ban nhân dân ", "tỉnh ", "thành phố ", "phường ", "xã ", "đặc khu ", "thị trấn "}) {
        if (rest.rfind(prefix, 0) == 0) rest = rest.substr(prefix.size());
    }
    return rest;
}

std::optional<AgencySpec> successor_from_lineage(const PlanSpec& plan, const Dataset& data) {
    const Index issuer = issuer_index(plan, data);
    if (issuer == kNoIndex) return std::nullopt;
    const Unit& u = data.units[static_cast<size_t>(issuer)];
    if (!u.active_to) return std::nullopt;
    const std::vector<Index> next = successors_of(data, issuer);
    if (next.size() != 1) return std::nullopt;
    const Unit& s = data.units[static_cast<size_t>(next.front())];
    AgencySpec a;
    a.name = s.name;
    a.unit = s.id;
    a.place = place_of(s.name);
    const bool committee = s.name.rfind("Ủy ban nhân dân", 0) == 0;
    a.symbol = committee ? "UBND" : "";
    a.signer_title = committee ? "CHỦ TỊCH" : "THỦ TRƯỞNG CƠ QUAN";
    return a;
}

}  // namespace

std::string_view successor_source_id(SuccessorSource source) {
    switch (source) {
        case SuccessorSource::Plan:
            return "plan";
        case SuccessorSource::Lineage:
            return "lineage";
        default:
            return "none";
    }
}

IssuerStatus issuer_status(const PlanSpec& plan, const Dataset& data) {
    IssuerStatus st;
    const Index issuer = issuer_index(plan, data);
    if (issuer != kNoIndex) st.last_day = data.units[static_cast<size_t>(issuer)].active_to;
    if (plan.issuer.successor && plan.issuer.successor_from) {
        st.source = SuccessorSource::Plan;
        st.successor = plan.issuer.successor->name;
        st.successor_from = plan.issuer.successor_from;
        if (!st.last_day) st.last_day = plan.issuer.successor_from->plus_days(-1);
    } else if (auto from_lineage = successor_from_lineage(plan, data)) {
        st.source = SuccessorSource::Lineage;
        st.successor = from_lineage->name;
        st.successor_from = st.last_day->plus_days(1);
    }
    st.dissolved = st.last_day.has_value();
    if (!st.dissolved) return st;
    const std::string issuer_name = plan.issuer.name;
    st.warning =
        st.successor.empty()
            ? fmt::format(
                  "{} không còn từ ngày {} và chưa có cơ quan kế thừa: hãy ghi "
                  "issuer.successor trong tệp kế hoạch hoặc bảng sáp nhập (lineage.csv) "
                  "trước khi đề nghị khen thưởng.",
                  issuer_name, st.last_day->plus_days(1).dmy())
            : fmt::format(
                  "{} không còn từ ngày {}; văn bản đề nghị, quyết định mang tên {} "
                  "({}). Kiểm tra thẩm quyền khen thưởng trước khi đề nghị.",
                  issuer_name, st.last_day->plus_days(1).dmy(), st.successor,
                  st.source == SuccessorSource::Plan ? "theo kế hoạch" : "theo bảng sáp nhập");
    return st;
}

std::optional<PlanSpec> with_lineage_successor(const PlanSpec& plan, const Dataset& data) {
    if (plan.issuer.successor) return std::nullopt;
    std::optional<AgencySpec> next = successor_from_lineage(plan, data);
    if (!next) return std::nullopt;
    const Index issuer = issuer_index(plan, data);
    PlanSpec out = plan;
    out.issuer.successor = std::make_shared<const AgencySpec>(std::move(*next));
    out.issuer.successor_from = data.units[static_cast<size_t>(issuer)].active_to->plus_days(1);
    return out;
}

}  // namespace thidua::forms
