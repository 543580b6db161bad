#include "forms/DocumentDefaults.h"

#include <algorithm>

namespace thidua::forms {
namespace {

Date ymd(int y, int m, int d) {
    return *Date::from_ymd(y, m, d);
}

// Each line is an act and the dates it applied between. Check a new act's exact citation
// (number, date, title) against the official gazette before adding it.
const std::vector<DatedText>& legal_bases() {
    static const std::vector<DatedText> table = {
        {ymd(2016, 1, 1), ymd(2025, 6, 15),
         "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một "
         "số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng "
         "11 năm 2019"},
        {ymd(2025, 6, 16), std::nullopt,
         "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"},
        {ymd(2014, 6, 1), ymd(2023, 12, 31),
         "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều "
         "của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013"},
        {ymd(2024, 1, 1), std::nullopt, "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"},
        {ymd(2017, 10, 1), ymd(2023, 12, 31),
         "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi "
         "hành một số điều của Luật Thi đua, khen thưởng"},
        {ymd(2024, 1, 1), ymd(2025, 6, 30),
         "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi "
         "hành một số điều của Luật Thi đua, khen thưởng"},
        {ymd(2025, 7, 1), std::nullopt,
         "Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của "
         "Luật Thi đua, khen thưởng"},
    };
    return table;
}

const std::vector<BaseSalarySpec>& base_salaries() {
    static const std::vector<BaseSalarySpec> table = {
        {ymd(2019, 7, 1), 1'490'000, "Nghị định số 38/2019/NĐ-CP"},
        {ymd(2023, 7, 1), 1'800'000, "Nghị định số 24/2023/NĐ-CP"},
        {ymd(2024, 7, 1), 2'340'000, "Nghị định số 73/2024/NĐ-CP"},
    };
    return table;
}

std::optional<BaseSalarySpec> latest_on(const std::vector<BaseSalarySpec>& table, Date on) {
    std::optional<BaseSalarySpec> best;
    for (const BaseSalarySpec& b : table)
        if (b.from <= on && (!best || best->from < b.from)) best = b;
    return best;
}

}  // namespace

std::vector<std::string> default_legal_bases(Date on) {
    std::vector<std::string> out;
    for (const DatedText& t : legal_bases())
        if (t.from <= on && (!t.to || on <= *t.to)) out.push_back(t.text);
    return out;
}

std::optional<BaseSalarySpec> base_salary_on(const PlanSpec& plan, Date on) {
    const std::optional<BaseSalarySpec> own = latest_on(plan.documents.base_salary, on);
    const std::optional<BaseSalarySpec> product = latest_on(base_salaries(), on);
    if (own && (!product || product->from <= own->from)) return own;
    return product;
}

}  // namespace thidua::forms
