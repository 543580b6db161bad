#pragma once
// How Vietnamese administrative documents write dates, counts and money (Decree 30/2020,
// Appendix I: "ngày 05 tháng 02 năm 2026", with a leading zero on days below 10 and on months
// 1 and 2), and capitals for headings.

#include <string>
#include <string_view>

#include "base/Date.h"

namespace thidua::forms {

std::string date_words(Date d);               // "ngày 05 tháng 3 năm 2026"
std::string date_numeric(Date d);             // "05/3/2026", "22/02/2022"
std::string count_text(long long n);          // "02", "15": counts in documents have two digits
std::string money_text(long long dong);       // "2.340.000 đồng"
std::string money_words(long long dong);      // "Hai triệu ba trăm bốn mươi nghìn đồng"
std::string multiple_text(double multiple);   // "8,0", "0,3"
std::string percent_text(double value);       // "87,5"
std::string upper_vi(std::string_view text);  // ICU's Vietnamese upper case: "ỦY BAN"
std::string lower_vi(std::string_view text);
std::string capitalize_first(std::string_view text);  // "đạt" -> "Đạt"
// "Bằng khen của Chủ tịch UBND tỉnh (tập thể)" -> without the trailing "(...)"
std::string award_title(std::string_view award_name);

}  // namespace thidua::forms
