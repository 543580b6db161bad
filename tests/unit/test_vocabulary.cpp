#include "model/Vocabulary.h"

#include <gtest/gtest.h>

namespace thidua {
namespace {

TEST(UnitTypes, IdsAndNamesRoundTrip) {
    ASSERT_EQ(unit_type_ids().size(), 10u);
    for (std::string_view id : unit_type_ids()) {
        const std::optional<UnitType> type = parse_unit_type(id);
        ASSERT_TRUE(type) << id;
        EXPECT_EQ(unit_type_id(*type), id);
    }
    EXPECT_EQ(unit_type_id(UnitType::PublicServiceUnit), "public-service-unit");
    EXPECT_EQ(unit_type_name_vi(UnitType::PublicServiceUnit), "Đơn vị sự nghiệp công lập");
    EXPECT_EQ(parse_unit_type("Đơn vị sự nghiệp công lập"), UnitType::PublicServiceUnit);
    EXPECT_EQ(parse_unit_type("Department"), UnitType::Department);
    EXPECT_FALSE(parse_unit_type("ministry"));
    EXPECT_FALSE(parse_unit_type(""));
}

TEST(Scales, ListValuesBestFirst) {
    const Scale& par = par_rating_scale();
    ASSERT_EQ(par.ids.size(), 5u);
    EXPECT_EQ(par.ids[0], "xuat-sac");
    EXPECT_EQ(par.ids[4], "yeu");
    EXPECT_EQ(par.names_vi[3], "Trung bình");
    EXPECT_EQ(person_rating_scale().ids[1], "htt");
    EXPECT_EQ(person_rating_scale().names_vi[0], "Hoàn thành xuất sắc nhiệm vụ");
    EXPECT_EQ(initiative_level_scale().ids[0], "national");
    EXPECT_EQ(initiative_level_scale().names_vi[3], "Cấp cơ sở");
}

TEST(Scales, ParRatingAcceptsIdsNamesAndFolds) {
    const Scale& s = par_rating_scale();
    EXPECT_EQ(parse_scale_value(s, "xuat-sac"), 0);
    EXPECT_EQ(parse_scale_value(s, "Xuất sắc"), 0);
    EXPECT_EQ(parse_scale_value(s, "XUAT SAC"), 0);
    EXPECT_EQ(parse_scale_value(s, "Tốt"), 1);
    EXPECT_EQ(parse_scale_value(s, "kha"), 2);
    EXPECT_EQ(parse_scale_value(s, "Trung  bình"), 3);
    EXPECT_EQ(parse_scale_value(s, "trung_binh"), 3);
    EXPECT_EQ(parse_scale_value(s, "yếu"), 4);
    EXPECT_FALSE(parse_scale_value(s, "gioi"));
    EXPECT_FALSE(parse_scale_value(s, ""));
}

TEST(Scales, PersonRatingAcceptsAbbreviations) {
    const Scale& s = person_rating_scale();
    EXPECT_EQ(parse_scale_value(s, "htxs"), 0);
    EXPECT_EQ(parse_scale_value(s, "HTXSNV"), 0);
    EXPECT_EQ(parse_scale_value(s, "Hoàn thành xuất sắc nhiệm vụ"), 0);
    EXPECT_EQ(parse_scale_value(s, "hoan thanh xuat sac nhiem vu"), 0);
    EXPECT_EQ(parse_scale_value(s, "HTTNV"), 1);
    EXPECT_EQ(parse_scale_value(s, "Hoàn thành tốt nhiệm vụ"), 1);
    EXPECT_EQ(parse_scale_value(s, "HTNV"), 2);
    EXPECT_EQ(parse_scale_value(s, "ht"), 2);
    EXPECT_EQ(parse_scale_value(s, "Hoàn thành nhiệm vụ"), 2);
    EXPECT_EQ(parse_scale_value(s, "KHT"), 3);
    EXPECT_EQ(parse_scale_value(s, "KHTNV"), 3);
    EXPECT_EQ(parse_scale_value(s, "Không hoàn thành nhiệm vụ"), 3);
    EXPECT_FALSE(parse_scale_value(s, "xuat-sac"));
}

TEST(Scales, InitiativeLevel) {
    const Scale& s = initiative_level_scale();
    EXPECT_EQ(parse_scale_value(s, "national"), 0);
    EXPECT_EQ(parse_scale_value(s, "Toàn quốc"), 0);
    EXPECT_EQ(parse_scale_value(s, "Cấp tỉnh"), 1);
    EXPECT_EQ(parse_scale_value(s, "district"), 2);
    EXPECT_EQ(parse_scale_value(s, "cap huyen"), 2);
    EXPECT_EQ(parse_scale_value(s, "Cấp cơ sở"), 3);
    EXPECT_EQ(parse_scale_value(s, "unit"), 3);
}

TEST(Scales, AScaleDefinedElsewhereMatchesIdsAndNames) {
    static constexpr std::string_view kIds[] = {"nhom-1", "nhom-2"};
    static constexpr std::string_view kNames[] = {"Nhóm 1", "Nhóm 2"};
    const Scale band{"band", kIds, kNames};
    EXPECT_EQ(parse_scale_value(band, "nhom-2"), 1);
    EXPECT_EQ(parse_scale_value(band, "Nhóm 1"), 0);
    EXPECT_FALSE(parse_scale_value(band, "nhom-3"));
}

}  // namespace
}  // namespace thidua
