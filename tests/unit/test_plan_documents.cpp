// The `documents:` section of a plan file and the issuer's successor: read into PlanSpec, and
// every mistake reported at its line and column.

#include <gtest/gtest.h>

#include "io/plan/PlanLoader.h"

using namespace thidua;

namespace {

std::string plan_with(const std::string& issuer_extra, const std::string& documents) {
    return "id: p\ntitle: Kế hoạch thử\nissuer:\n  name: Ủy ban nhân dân tỉnh A\n  place: A\n" +
           issuer_extra +
           "groups:\n  - {id: xa, name: Xã, types: [commune]}\n"
           "periods:\n  annual: {from: 2024, to: 2024}\n"
           "awards:\n  - id: gk\n    name: Giấy khen\n    kind: collective\n    periods: annual\n"
           "    groups: {xa: 1}\n    criteria:\n      - {id: c, label: C, rule: par_rating >= "
           "tot}\n"
           "    ranking:\n      - {label: Điểm, key: par_score}\n" +
           documents;
}

std::vector<std::string> errors_of(const std::string& text) {
    auto plan = load_plan_text(text, "p.yaml");
    std::vector<std::string> out;
    if (!plan)
        for (const Diagnostic& d : plan.error())
            out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " +
                          d.message);
    return out;
}

}  // namespace

TEST(PlanDocuments, ReadsProposerCouncilRewardsRecipientsAndSuccessors) {
    const std::string text = plan_with(
        "  successor:\n    name: Ủy ban nhân dân tỉnh B\n    place: B\n    from: 2025-07-01\n",
        "documents:\n"
        "  proposer:\n    name: Sở Nội vụ tỉnh A\n    symbol: SNV\n"
        "    successor: {name: Sở Nội vụ tỉnh B, from: 2025-07-01}\n"
        "  council:\n    name: Hội đồng tỉnh A\n    members:\n"
        "      - {name: Nguyễn Văn An, title: Chủ tịch UBND tỉnh, role: Chủ tịch Hội đồng}\n"
        "  rewards: {gk: 0.3}\n"
        "  base_salary:\n    - {from: 2026-07-01, amount: 2530000, basis: Nghị định X}\n"
        "  recipients: {quyet-dinh: [Như Điều 3, 'Lưu: VT']}\n"
        "  legal_bases: [Luật A]\n");
    auto plan = load_plan_text(text, "p.yaml");
    ASSERT_TRUE(plan) << plan.error().front().message;
    const PlanSpec& s = (*plan)->spec;
    ASSERT_TRUE(s.issuer.successor);
    EXPECT_EQ(s.issuer.successor->name, "Ủy ban nhân dân tỉnh B");
    EXPECT_EQ(s.issuer.successor_from->iso(), "2025-07-01");
    EXPECT_EQ(s.documents.proposer.symbol, "SNV");
    ASSERT_TRUE(s.documents.proposer.successor);
    EXPECT_EQ(s.documents.proposer.successor->name, "Sở Nội vụ tỉnh B");
    ASSERT_EQ(s.documents.council.members.size(), 1u);
    EXPECT_EQ(s.documents.council.members[0].role, "Chủ tịch Hội đồng");
    ASSERT_EQ(s.documents.rewards.size(), 1u);
    EXPECT_DOUBLE_EQ(s.documents.rewards[0].multiple, 0.3);
    EXPECT_EQ(s.documents.base_salary.at(0).amount, 2'530'000);
    EXPECT_EQ(s.documents.recipients.at("quyet-dinh").size(), 2u);
    EXPECT_EQ(s.documents.legal_bases, std::vector<std::string>{"Luật A"});
}

TEST(PlanDocuments, ReportsEveryMistakeAtItsPlace) {
    const std::string text =
        plan_with("  successor:\n    name: Ủy ban nhân dân tỉnh B\n",  // no `from`
                  "documents:\n"
                  "  recipients: {to-trinh-sai: [A]}\n"
                  "  base_salary:\n    - {from: 2026-07-01, amount: -5}\n"
                  "  signer: X\n");
    const std::vector<std::string> errors = errors_of(text);
    std::string all;
    for (const auto& e : errors)
        all += e + "\n";
    EXPECT_NE(all.find("from"), std::string::npos) << all;
    EXPECT_NE(all.find("to-trinh-sai"), std::string::npos) << all;
    EXPECT_NE(all.find("mức lương cơ sở phải dương"), std::string::npos) << all;
    EXPECT_NE(all.find("signer"), std::string::npos) << all;
    for (const auto& e : errors)
        EXPECT_NE(e.rfind("0:0", 0), 0u) << "every error has a place: " << e;
}

// The compiler's check, once the file's shape is right: a reward names an award of the plan.
TEST(PlanDocuments, RewardForAnUnknownAwardIsAnError) {
    const std::vector<std::string> errors =
        errors_of(plan_with("", "documents:\n  rewards: {khong-co: 1.0}\n"));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("khong-co"), std::string::npos) << errors[0];
    EXPECT_EQ(errors[0].rfind("21:13 ", 0), 0u) << errors[0];
}
