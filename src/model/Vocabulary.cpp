#include "model/Vocabulary.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

#include "base/Text.h"

namespace thidua {
namespace {

constexpr std::string_view kUnitTypeIds[] = {
    "province",       "department",        "district",        "commune", "public-service-unit",
    "central-agency", "provincial-agency", "district-agency", "office",  "other",
};

constexpr std::string_view kUnitTypeNames[] = {
    "Ủy ban nhân dân tỉnh, thành phố",
    "Sở, ban, ngành tỉnh",
    "Ủy ban nhân dân huyện, thị xã, thành phố",
    "Ủy ban nhân dân xã, phường, thị trấn",
    "Đơn vị sự nghiệp công lập",
    "Cơ quan Trung ương đóng tại địa phương",
    "Cơ quan tỉnh đóng tại huyện",
    "Cơ quan, ban ngành cấp huyện",
    "Phòng chuyên môn",
    "Khác",
};

constexpr std::string_view kParRatingIds[] = {"xuat-sac", "tot", "kha", "trung-binh", "yeu"};
constexpr std::string_view kParRatingNames[] = {"Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"};

constexpr std::string_view kPersonRatingIds[] = {"htxs", "htt", "ht", "kht"};
constexpr std::string_view kPersonRatingNames[] = {
    "Hoàn thành xuất sắc nhiệm vụ",
    "Hoàn thành tốt nhiệm vụ",
    "Hoàn thành nhiệm vụ",
    "Không hoàn thành nhiệm vụ",
};

constexpr std::string_view kInitiativeLevelIds[] = {"national", "province", "district", "unit"};
constexpr std::string_view kInitiativeLevelNames[] = {"Toàn quốc", "Cấp tỉnh", "Cấp huyện",
                                                      "Cấp cơ sở"};

constexpr Scale kParRating{"par_rating", kParRatingIds, kParRatingNames};
constexpr Scale kPersonRating{"rating", kPersonRatingIds, kPersonRatingNames};
constexpr Scale kInitiativeLevel{"initiative_level", kInitiativeLevelIds, kInitiativeLevelNames};

struct Alias {
    std::string_view text;
    int8_t code;
};

// What people actually type in the sheets besides the ids and the full names.
constexpr Alias kPersonRatingAliases[] = {
    {"htxsnv", 0}, {"hoan thanh xuat sac", 0}, {"httnv", 1}, {"hoan thanh tot", 1},
    {"htnv", 2},   {"hoan thanh", 2},          {"khtnv", 3}, {"khong hoan thanh", 3},
};
constexpr Alias kInitiativeLevelAliases[] = {
    {"quoc gia", 0}, {"cap quoc gia", 0}, {"cap toan quoc", 0}, {"tinh", 1},
    {"huyen", 2},    {"co so", 3},        {"don vi", 3},        {"cap don vi", 3},
};

// Accent-free lowercase with hyphens, underscores and runs of spaces made one space, so that
// "trung-binh", "Trung bình" and "TRUNG  BINH" meet.
std::string canonical(std::string_view text) {
    const std::string folded = fold(text);
    std::string out;
    out.reserve(folded.size());
    for (char c : folded) {
        const bool space = c == ' ' || c == '-' || c == '_' || c == '\t';
        if (!space) {
            out += c;
        } else if (!out.empty() && out.back() != ' ') {
            out += ' ';
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

using Lookup = std::unordered_map<std::string, int8_t>;

Lookup make_lookup(const Scale& scale, std::span<const Alias> aliases) {
    Lookup lookup;
    for (size_t i = 0; i < scale.ids.size(); ++i) {
        lookup.emplace(canonical(scale.ids[i]), static_cast<int8_t>(i));
        if (i < scale.names_vi.size())
            lookup.emplace(canonical(scale.names_vi[i]), static_cast<int8_t>(i));
    }
    for (const Alias& alias : aliases)
        lookup.emplace(alias.text, alias.code);
    return lookup;
}

const Lookup* known_lookup(const Scale& scale) {
    static const Lookup par = make_lookup(kParRating, {});
    static const Lookup person = make_lookup(kPersonRating, kPersonRatingAliases);
    static const Lookup initiative = make_lookup(kInitiativeLevel, kInitiativeLevelAliases);
    if (&scale == &kParRating) return &par;
    if (&scale == &kPersonRating) return &person;
    if (&scale == &kInitiativeLevel) return &initiative;
    return nullptr;
}

}  // namespace

std::string_view unit_type_id(UnitType type) {
    return kUnitTypeIds[static_cast<size_t>(type)];
}

std::string_view unit_type_name_vi(UnitType type) {
    return kUnitTypeNames[static_cast<size_t>(type)];
}

std::optional<UnitType> parse_unit_type(std::string_view id) {
    const std::string key = canonical(id);
    for (size_t i = 0; i < std::size(kUnitTypeIds); ++i) {
        if (key == canonical(kUnitTypeIds[i]) || key == canonical(kUnitTypeNames[i]))
            return static_cast<UnitType>(i);
    }
    return std::nullopt;
}

std::span<const std::string_view> unit_type_ids() {
    return kUnitTypeIds;
}

const Scale& par_rating_scale() {
    return kParRating;
}
const Scale& person_rating_scale() {
    return kPersonRating;
}
const Scale& initiative_level_scale() {
    return kInitiativeLevel;
}

std::optional<int8_t> parse_scale_value(const Scale& scale, std::string_view text) {
    // Most cells hold the id itself; millions of rating cells need not be folded.
    for (size_t i = 0; i < scale.ids.size(); ++i) {
        if (text == scale.ids[i]) return static_cast<int8_t>(i);
    }
    const std::string key = canonical(text);
    if (key.empty()) return std::nullopt;
    if (const Lookup* lookup = known_lookup(scale)) {
        const auto found = lookup->find(key);
        if (found == lookup->end()) return std::nullopt;
        return found->second;
    }
    // A scale defined elsewhere (a plan's bands): ids and names only.
    const Lookup lookup = make_lookup(scale, {});
    const auto found = lookup.find(key);
    if (found == lookup.end()) return std::nullopt;
    return found->second;
}

namespace {
constexpr std::array<std::string_view, 3> kUnitJudged = {"head_leads", "compliance",
                                                         "excellent_achievement"};
constexpr std::array<std::string_view, 2> kPersonJudged = {"excellent_par", "ethics_ok"};
}  // namespace

bool council_judged_fact(std::string_view subject_kind, std::string_view fact) {
    if (subject_kind == "unit")
        return std::find(kUnitJudged.begin(), kUnitJudged.end(), fact) != kUnitJudged.end();
    if (subject_kind == "person")
        return std::find(kPersonJudged.begin(), kPersonJudged.end(), fact) != kPersonJudged.end();
    return false;
}

bool council_judged_fact(std::string_view fact) {
    return council_judged_fact("unit", fact) || council_judged_fact("person", fact);
}

}  // namespace thidua
