#pragma once
// The closed vocabularies of DATA.md: unit types and the ordered rating scales. Each scale lists
// its values best first, so a smaller code is a better rating everywhere in the engine.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace thidua {

enum class UnitType : uint8_t {
    Province,
    Department,
    District,
    Commune,
    PublicServiceUnit,
    CentralAgency,
    ProvincialAgency,
    DistrictAgency,
    Office,
    Other,
};

std::string_view unit_type_id(UnitType type);       // "public-service-unit"
std::string_view unit_type_name_vi(UnitType type);  // "Đơn vị sự nghiệp công lập"
std::optional<UnitType> parse_unit_type(std::string_view id);
std::span<const std::string_view> unit_type_ids();

// A scale: the ordered values of a rating column. Codes are indexes into `ids`, best first.
struct Scale {
    std::string_view name;                  // "par_rating"
    std::span<const std::string_view> ids;  // {"xuat-sac", "tot", ...}
    std::span<const std::string_view> names_vi;
};

const Scale& par_rating_scale();        // xuat-sac tot kha trung-binh yeu
const Scale& person_rating_scale();     // htxs htt ht kht
const Scale& initiative_level_scale();  // national province district unit (best first)

// Accepts the id or a Vietnamese label, in any case and with or without diacritics
// ("Xuất sắc", "xuat sac", "HTXS", "Hoàn thành tốt nhiệm vụ"). Returns the code.
std::optional<int8_t> parse_scale_value(const Scale& scale, std::string_view text);

// The facts a council judges rather than measures, by subject kind ("unit": head_leads,
// compliance, excellent_achievement; "person": excellent_par, ethics_ok): attested in the
// application with their minutes, by the roles the plans name (`judges:`).
bool council_judged_fact(std::string_view subject_kind, std::string_view fact);
// Either kind's.
bool council_judged_fact(std::string_view fact);

}  // namespace thidua
