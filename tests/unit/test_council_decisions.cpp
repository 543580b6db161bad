// The council's decisions in the engine, on the Châu Thành scenario ranking-second-key-and-tie:
// for the Giấy khen (tập thể), group co-quan-huyen has 2 seats, CT-PNV takes the first, CT-PTP
// and CT-VP tie for the second (tests/scenarios/chau-thanh-2023/ranking-second-key-and-tie), and
// CT-PTCKH is eligible but ranked below them.

#include <gtest/gtest.h>

#include "eval/Evaluator.h"
#include "io/DatasetSource.h"
#include "io/plan/PlanLoader.h"

using namespace thidua;

namespace {

struct Scenario {
    std::shared_ptr<const CompiledPlan> plan;
    Dataset data;
    Scenario() {
        const std::string root = THIDUA_SOURCE_DIR;
        auto p = load_plan(root + "/plans/chau-thanh-2023.yaml");
        EXPECT_TRUE(p);
        plan = *p;
        auto d = read_dataset_path(
            root + "/tests/scenarios/chau-thanh-2023/ranking-second-key-and-tie/data");
        EXPECT_TRUE(d);
        data = std::move(*d);
    }
    EvaluationResult evaluate_with(std::vector<std::string> chosen, std::string reason = "") {
        EvaluateOptions options;
        options.council.push_back({"giay-khen-tap-the", "co-quan-huyen", std::move(chosen), "7/9",
                                   "12/BB-HĐTĐKT", "2024-01-10", std::move(reason), "hd", ""});
        return evaluate(*plan, data, *find_period(plan->spec, "2023"), options);
    }
};

const GroupOutcome& group(const EvaluationResult& r, const std::string& id) {
    for (const AwardOutcome& a : r.awards)
        if (a.award->spec->id == "giay-khen-tap-the")
            for (const GroupOutcome& g : a.groups)
                if (g.group->id == id) return g;
    throw std::logic_error("no group " + id);
}

std::vector<std::string> ids(const Dataset& d, const std::vector<Subject>& subjects) {
    std::vector<std::string> out;
    for (const Subject& s : subjects)
        out.push_back(d.units[s.index].id);
    return out;
}

}  // namespace

TEST(CouncilDecisions, ChoosingAmongTheTiedSettlesTheTieAndFollowsTheRanking) {
    Scenario s;
    const EvaluationResult r = s.evaluate_with({"CT-PNV", "CT-VP"});
    const GroupOutcome& g = group(r, "co-quan-huyen");
    EXPECT_EQ(ids(s.data, g.selected), (std::vector<std::string>{"CT-PNV", "CT-VP"}));
    EXPECT_TRUE(g.tied.empty());
    EXPECT_EQ(g.open_seats, 0);
    ASSERT_TRUE(g.council);
    EXPECT_FALSE(g.council->departs);
    EXPECT_EQ(ids(s.data, g.council->computed_selected), std::vector<std::string>{"CT-PNV"});
    EXPECT_EQ(ids(s.data, g.council->computed_tied), (std::vector<std::string>{"CT-PTP", "CT-VP"}));
    EXPECT_EQ(g.council->computed_open_seats, 1);
    // The dossier follows the decision: CT-VP now owes one.
    bool vp = false;
    for (const DossierOutcome& d : r.dossiers)
        vp = vp || s.data.units[d.subject.index].id == "CT-VP";
    EXPECT_TRUE(vp);
    // The other group is untouched.
    EXPECT_FALSE(group(r, "ubnd-xa").council);
}

TEST(CouncilDecisions, PassingOverTheTiedOrDroppingTheFirstDepartsFromTheRanking) {
    Scenario s;
    EXPECT_TRUE(group(s.evaluate_with({"CT-PNV", "CT-PTCKH"}), "co-quan-huyen").council->departs);
    EXPECT_TRUE(group(s.evaluate_with({"CT-PTP", "CT-VP"}), "co-quan-huyen").council->departs);
    // Both tied for one open seat is one more than the ranking left.
    EXPECT_TRUE(
        group(s.evaluate_with({"CT-PNV", "CT-PTP", "CT-VP"}), "co-quan-huyen").council->departs);
    // Leaving the seat open (only the computed selection) follows the ranking.
    EXPECT_FALSE(group(s.evaluate_with({"CT-PNV"}), "co-quan-huyen").council->departs);
}

TEST(CouncilDecisions, OnlyEligibleCandidatesOfTheGroupCanBeChosen) {
    Scenario s;
    const EvaluationResult r = s.evaluate_with({"CT-PNV", "CT-X-TT", "KHONG-CO"});
    const GroupOutcome& g = group(r, "co-quan-huyen");
    EXPECT_EQ(ids(s.data, g.selected), std::vector<std::string>{"CT-PNV"});
    EXPECT_EQ(g.council->ignored, (std::vector<std::string>{"CT-X-TT", "KHONG-CO"}));
}
