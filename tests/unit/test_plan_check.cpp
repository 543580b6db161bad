// `thidua check`: a broken plan fails with every error at its file:line:col; the seed plans pass.

#include <gtest/gtest.h>

#include <filesystem>

#include "io/plan/PlanLoader.h"

using namespace thidua;

namespace {

const char* kValid = R"(id: demo
title: Kế hoạch thử
issuer: {name: UBND tỉnh}
groups:
  - {id: so, name: Sở, types: [department]}
periods:
  annual: {from: 2023, to: 2024}
awards:
  - id: bk
    name: Bằng khen
    kind: collective
    periods: annual
    groups: {so: 2}
    criteria:
      - id: xs
        label: Xuất sắc
        rule: par_rating == xuat-sac
)";

std::vector<std::string> errors_of(const std::string& text) {
    auto plan = load_plan_text(text, "demo.yaml");
    std::vector<std::string> out;
    if (plan) return out;
    for (const auto& d : plan.error())
        out.push_back(d.format());
    return out;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

TEST(PlanCheck, ValidPlanCompiles) {
    EXPECT_TRUE(errors_of(kValid).empty());
}

TEST(PlanCheck, UnknownNameInACriterionPointsAtTheName) {
    const auto errors =
        errors_of(replace(kValid, "rule: par_rating == xuat-sac", "rule: par_ratin == xuat-sac"));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0], "demo.yaml:17:15: không biết tên 'par_ratin'; có phải 'par_rating'?");
}

TEST(PlanCheck, TypeErrorPointsAtTheLabel) {
    const auto errors = errors_of(replace(kValid, "par_rating == xuat-sac", "par_rating == htt"));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].substr(0, 18), "demo.yaml:17:29: k");
}

TEST(PlanCheck, QuotaOnAnUnknownGroup) {
    const auto errors = errors_of(replace(kValid, "groups: {so: 2}", "groups: {so: 2, huyen: 1}"));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0],
              "demo.yaml:13:21: chỉ tiêu cho nhóm 'huyen' nhưng kế hoạch không có nhóm này");
}

TEST(PlanCheck, WrongPeriodIsNamed) {
    const auto errors = errors_of(replace(kValid, "periods: annual\n", "periods: [2025]\n"));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0], "demo.yaml:12:14: kế hoạch không có kỳ '2025' (các kỳ: 2023, 2024)");
}

TEST(PlanCheck, EveryErrorIsListedNotOnlyTheFirst) {
    std::string text = replace(kValid, "kind: collective", "kind: colective");
    text = replace(text, "rule: par_rating", "rule: par_ratin");
    text = replace(text, "title:", "titel: x\ntitle:");
    const auto errors = errors_of(text);
    EXPECT_EQ(errors.size(),
              2u);  // the YAML shape first; names are checked once the shape is right
    EXPECT_NE(errors[0].find("khóa không hợp lệ 'titel'"), std::string::npos) << errors[0];
    EXPECT_NE(errors[1].find("colective"), std::string::npos) << errors[1];
}

TEST(PlanCheck, AwardsThatReferToAnAwardMissingInTheirPeriod) {
    const auto errors =
        errors_of(replace(kValid, "rule: par_rating == xuat-sac", "rule: selected(self, co)"));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("không có hình thức khen thưởng 'co'"), std::string::npos);
}

TEST(PlanCheck, YamlSyntaxErrorHasAPosition) {
    const auto errors = errors_of("id: [unclosed\n");
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].rfind("demo.yaml:", 0), 0u);
}

TEST(PlanCheck, MultiLineRuleMapsColumnsToTheRightLine) {
    const auto errors =
        errors_of(replace(kValid, "rule: par_rating == xuat-sac",
                          "rule: >-\n          par_rating == xuat-sac\n          and bogus"));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0], "demo.yaml:19:15: không biết tên 'bogus'");
}

TEST(PlanCheck, ScalarsWhereTablesBelongAreErrorsNotCrashes) {
    // Found by plan_fuzzer: yaml-cpp throws when a scalar is indexed like a map.
    const auto errors = errors_of(
        replace(kValid, "  - {id: so, name: Sở, types: [department]}", "  - so\n  - huyen"));
    ASSERT_FALSE(errors.empty());
    EXPECT_EQ(errors[0], "demo.yaml:5:5: cần một bảng khóa: giá trị");
}

TEST(PlanCheck, LegacyEncodedPlanIsRefusedWithItsLine) {
    const auto errors = errors_of(replace(kValid, "Kế hoạch thử",
                                          "K\xea ho\xb9"
                                          "ch"));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0],
              "demo.yaml:2: tệp kế hoạch phải là văn bản UTF-8 (dòng này có byte không hợp lệ)");
}

TEST(PlanCheck, TheSeedPlansPass) {
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(THIDUA_SOURCE_DIR) / "plans")) {
        auto plan = load_plan(entry.path());
        std::string errors;
        if (!plan)
            for (const auto& d : plan.error())
                errors += d.format() + "\n";
        EXPECT_TRUE(plan.has_value()) << errors;
    }
}

}  // namespace
