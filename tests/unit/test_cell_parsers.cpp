#include "io/dataset/CellParsers.h"

#include <gtest/gtest.h>

namespace thidua {
namespace {

Date ymd(int y, int m, int d) {
    return *Date::from_ymd(y, m, d);
}

TEST(TrimCell, RemovesSpacesTabsAndNoBreakSpaces) {
    EXPECT_EQ(trim_cell("  a b\t"), "a b");
    EXPECT_EQ(trim_cell("\xC2\xA0x\xC2\xA0"), "x");
    EXPECT_EQ(trim_cell("   "), "");
}

TEST(ParseNumber, AcceptsPointAndComma) {
    EXPECT_EQ(parse_number("87.5"), 87.5);
    EXPECT_EQ(parse_number("87,5"), 87.5);
    EXPECT_EQ(parse_number(" 90 "), 90.0);
    EXPECT_EQ(parse_number("-3"), -3.0);
    EXPECT_EQ(parse_number("+4,25"), 4.25);
    EXPECT_EQ(parse_number("0.5"), 0.5);
    EXPECT_EQ(parse_number(".5"), 0.5);
    EXPECT_EQ(parse_number("1e2"), 100.0);
}

TEST(ParseNumber, RejectsWhatIsNotANumber) {
    EXPECT_FALSE(parse_number(""));
    EXPECT_FALSE(parse_number("abc"));
    EXPECT_FALSE(parse_number("1.234,5"));
    EXPECT_FALSE(parse_number("1,2,3"));
    EXPECT_FALSE(parse_number("87.5 điểm"));
    EXPECT_FALSE(parse_number("inf"));
    EXPECT_FALSE(parse_number("nan"));
    EXPECT_FALSE(parse_number("-"));
    EXPECT_FALSE(parse_number("+-1"));
    EXPECT_FALSE(parse_number("1e999"));
}

TEST(ParseInteger, AcceptsWholeNumbersOnly) {
    EXPECT_EQ(parse_integer("12"), 12);
    EXPECT_EQ(parse_integer("12.0"), 12);
    EXPECT_EQ(parse_integer("12,0"), 12);
    EXPECT_EQ(parse_integer("-2"), -2);
    EXPECT_FALSE(parse_integer("1.5"));
    EXPECT_FALSE(parse_integer("x"));
}

TEST(ParseYear, PlausibleYearsOnly) {
    EXPECT_EQ(parse_year("2023"), 2023);
    EXPECT_EQ(parse_year("1990"), 1990);
    EXPECT_EQ(parse_year("2100"), 2100);
    EXPECT_FALSE(parse_year("1989"));
    EXPECT_FALSE(parse_year("2101"));
    EXPECT_FALSE(parse_year("23"));
    EXPECT_FALSE(parse_year("2023.5"));
    EXPECT_FALSE(parse_year("năm 2023"));
}

TEST(ParseDate, IsoWithOptionalTime) {
    EXPECT_EQ(parse_date("2023-10-14"), ymd(2023, 10, 14));
    EXPECT_EQ(parse_date(" 2023-10-14 "), ymd(2023, 10, 14));
    EXPECT_EQ(parse_date("2023-10-14 00:00:00"), ymd(2023, 10, 14));
    EXPECT_EQ(parse_date("2023-10-14T08:30"), ymd(2023, 10, 14));
    EXPECT_FALSE(parse_date("2023-02-29"));
    EXPECT_FALSE(parse_date("2023-13-01"));
    EXPECT_FALSE(parse_date("2023-10-14 noon"));
}

TEST(ParseDate, DayMonthYear) {
    EXPECT_EQ(parse_date("14/10/2023"), ymd(2023, 10, 14));
    EXPECT_EQ(parse_date("4/3/2022"), ymd(2022, 3, 4));
    EXPECT_EQ(parse_date("04/03/2022"), ymd(2022, 3, 4));
    EXPECT_EQ(parse_date("29/02/2024"), ymd(2024, 2, 29));
    EXPECT_EQ(parse_date("14-10-2023"), ymd(2023, 10, 14));
    EXPECT_EQ(parse_date("14.10.2023"), ymd(2023, 10, 14));
    EXPECT_FALSE(parse_date("29/02/2023"));
    EXPECT_FALSE(parse_date("10/14/2023"));
    EXPECT_FALSE(parse_date("14/10/23"));
    EXPECT_FALSE(parse_date("14/10-2023"));
    EXPECT_FALSE(parse_date("//"));
}

TEST(ParseDate, ExcelSerialNumbers) {
    EXPECT_EQ(parse_date("1"), ymd(1900, 1, 1));
    EXPECT_EQ(parse_date("59"), ymd(1900, 2, 28));
    EXPECT_FALSE(parse_date("60"));  // Excel's phantom 1900-02-29
    EXPECT_EQ(parse_date("61"), ymd(1900, 3, 1));
    EXPECT_EQ(parse_date("45000"), ymd(2023, 3, 15));
    EXPECT_EQ(parse_date("45213"), ymd(2023, 10, 14));
    EXPECT_EQ(parse_date("45213.75"), ymd(2023, 10, 14));
    EXPECT_EQ(parse_date("2958465"), ymd(9999, 12, 31));
    EXPECT_FALSE(parse_date("0"));
    EXPECT_FALSE(parse_date("-5"));
    EXPECT_FALSE(parse_date("2958466"));
    EXPECT_FALSE(parse_date(""));
    EXPECT_FALSE(parse_date("hôm qua"));
}

TEST(ParseBool, AcceptsTheSpreadsheetSpellings) {
    for (std::string_view yes :
         {"1", "true", "TRUE", "có", "Có", "co", "CÓ", "x", "X", "yes", "Đúng"})
        EXPECT_EQ(parse_bool(yes), true) << yes;
    for (std::string_view no : {"0", "false", "FALSE", "không", "Không", "khong", "no", "Sai"})
        EXPECT_EQ(parse_bool(no), false) << no;
    EXPECT_FALSE(parse_bool(""));
    EXPECT_FALSE(parse_bool("2"));
    EXPECT_FALSE(parse_bool("maybe"));
}

TEST(ParseFlag, BlankIsUnknown) {
    EXPECT_EQ(parse_flag(""), kUnknown);
    EXPECT_EQ(parse_flag("  "), kUnknown);
    EXPECT_EQ(parse_flag("x"), 1);
    EXPECT_EQ(parse_flag("không"), 0);
    EXPECT_FALSE(parse_flag("review"));
}

TEST(ParseDisciplined, ZeroOneAndReview) {
    EXPECT_EQ(parse_disciplined(""), kUnknown);
    EXPECT_EQ(parse_disciplined("0"), 0);
    EXPECT_EQ(parse_disciplined("1"), 1);
    EXPECT_EQ(parse_disciplined("có"), 1);
    EXPECT_EQ(parse_disciplined("review"), kReview);
    EXPECT_EQ(parse_disciplined("Review"), kReview);
    EXPECT_EQ(parse_disciplined("đang xem xét"), kReview);
    EXPECT_EQ(parse_disciplined("Dang xem xet"), kReview);
    EXPECT_FALSE(parse_disciplined("2"));
    EXPECT_FALSE(parse_disciplined("unknown"));
}

TEST(ParseGender, NuAndNam) {
    EXPECT_EQ(parse_gender("nu"), Gender::Female);
    EXPECT_EQ(parse_gender("Nữ"), Gender::Female);
    EXPECT_EQ(parse_gender("nam"), Gender::Male);
    EXPECT_EQ(parse_gender("Nam"), Gender::Male);
    EXPECT_FALSE(parse_gender("female"));
    EXPECT_FALSE(parse_gender("x"));
    EXPECT_FALSE(parse_gender(""));
}

TEST(ParsePercentage, ZeroToHundred) {
    EXPECT_EQ(parse_percentage("0"), 0.0);
    EXPECT_EQ(parse_percentage("100"), 100.0);
    EXPECT_EQ(parse_percentage("92,5"), 92.5);
    EXPECT_EQ(parse_percentage("92,5%"), 92.5);
    EXPECT_EQ(parse_percentage("92.5 %"), 92.5);
    EXPECT_FALSE(parse_percentage("100.01"));
    EXPECT_FALSE(parse_percentage("-1"));
    EXPECT_FALSE(parse_percentage("%"));
}

TEST(IsValidId, Pattern) {
    EXPECT_TRUE(is_valid_id("SNV"));
    EXPECT_TRUE(is_valid_id("so-noi-vu_2.0"));
    EXPECT_FALSE(is_valid_id(""));
    EXPECT_FALSE(is_valid_id("Sở"));
    EXPECT_FALSE(is_valid_id("a b"));
    EXPECT_FALSE(is_valid_id("a;b"));
}

TEST(ParsePeriod, YearsAndPhases) {
    EXPECT_EQ(parse_period("2023"), "2023");
    EXPECT_EQ(parse_period("2021-2025"), "2021-2025");
    EXPECT_EQ(parse_period(" 2021 - 2025 "), "2021-2025");
    EXPECT_EQ(parse_period("2021\xE2\x80\x93"
                           "2025"),
              "2021-2025");  // en dash
    EXPECT_FALSE(parse_period("2025-2021"));
    EXPECT_FALSE(parse_period("1980"));
    EXPECT_FALSE(parse_period("2021-25"));
    EXPECT_FALSE(parse_period("giai đoạn"));
    EXPECT_FALSE(parse_period(""));
}

}  // namespace
}  // namespace thidua
