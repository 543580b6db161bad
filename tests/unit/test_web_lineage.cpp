// The 2025 reorganisation over the API, on SQLite and PostgreSQL, with the Ngã Năm merger: the
// town of Ngã Năm closed on 2025-06-30 and its wards and communes merged into three new ones
// (CTH-P-NN from NN-P1 (main, weight 3), NN-P2 and NN-X-VQ; CTH-X-TL also from Thạnh Trị's
// TT-X-TT). A unit's page reads its predecessors and successors; the evaluation can be read under
// another history rule than the plan's (`?history=`); a plan says whether its issuer still exists.

#include <gtest/gtest.h>

#include "WebTestHelpers.h"

namespace thidua::testing_support {
namespace {

using nlohmann::json;

const std::string kNn = "nga-nam-2021-2030";
const std::string kPeriod = "2021-2025";

json find_by_id(const json& list, const std::string& id) {
    for (const json& item : list)
        if (item["id"] == id) return item;
    return nullptr;
}

// The candidate of the commune group's collective award; null when absent.
json commune_candidate(HttpTestClient& c, const std::string& id, const std::string& query = "") {
    const json g = evaluation_group(c, kNn, kPeriod + query, "giay-khen-tap-the", "xa-phuong");
    if (g.is_null()) return nullptr;
    return find_by_id(g["candidates"], id);
}

class WebLineageTest : public WebTest {
protected:
    void SetUp() override {
        WebTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        HttpTestClient a = admin();
        seed_scenario(a, kNn, "nga-nam-merger");
    }
};

TEST_P(WebLineageTest, ANewUnitListsItsPredecessorsWithWeightsAndTheMainOne) {
    HttpTestClient a = admin();
    const HttpReply r = a.get("/api/v1/units/CTH-P-NN");
    ASSERT_EQ(r.status, 200) << r.body;
    const json unit = r.json();
    const json lineage = unit["lineage"];
    ASSERT_TRUE(lineage.is_object()) << unit.dump();
    EXPECT_EQ(lineage["active_from"], "2025-07-01");
    EXPECT_TRUE(lineage["active_to"].is_null());
    EXPECT_EQ(lineage["closed"], false);
    EXPECT_EQ(lineage["main_predecessor"], "NN-P1");
    EXPECT_TRUE(lineage["successors"].empty());
    const json preds = lineage["predecessors"];
    ASSERT_EQ(preds.size(), 3u);
    const json p1 = find_by_id(preds, "NN-P1");
    ASSERT_FALSE(p1.is_null());
    EXPECT_EQ(p1["name"], "Ủy ban nhân dân Phường 1");
    EXPECT_EQ(p1["weight"], 3.0);
    EXPECT_EQ(p1["main"], true);
    EXPECT_EQ(p1["closed"], true);
    EXPECT_EQ(p1["active_to"], "2025-06-30");
    EXPECT_EQ(p1["closed_from"], "2025-07-01");
    EXPECT_EQ(p1["readable"], true);
    EXPECT_TRUE(p1["predecessors"].empty());
    const json p2 = find_by_id(preds, "NN-P2");
    ASSERT_FALSE(p2.is_null());
    EXPECT_EQ(p2["weight"], 2.0);
    EXPECT_EQ(p2["main"], false);
}

TEST_P(WebLineageTest, AClosedUnitListsItsSuccessorAndItsWeightInTheMerger) {
    HttpTestClient a = admin();
    const json lineage = a.get("/api/v1/units/TT-X-TT").json()["lineage"];
    EXPECT_EQ(lineage["closed"], true);
    EXPECT_EQ(lineage["active_to"], "2025-06-30");
    EXPECT_TRUE(lineage["predecessors"].empty());
    const json next = lineage["successors"];
    ASSERT_EQ(next.size(), 1u);
    EXPECT_EQ(next[0]["id"], "CTH-X-TL");
    EXPECT_EQ(next[0]["weight"], 1.0);
    EXPECT_EQ(next[0]["main"], false);
    EXPECT_EQ(next[0]["active_from"], "2025-07-01");
    EXPECT_TRUE(next[0]["successors"].empty());

    // A unit that never merged has an empty lineage, not a missing one.
    const json plain = a.get("/api/v1/units/TT-X-TTRI").json()["lineage"];
    EXPECT_TRUE(plain["predecessors"].empty());
    EXPECT_TRUE(plain["successors"].empty());
}

TEST_P(WebLineageTest, ADonViUserSeesPredecessorsOutsideTheirScopeNamedButNotReadable) {
    HttpTestClient dv = officer("phuong-nn", "don-vi", "CTH-P-NN");
    const HttpReply r = dv.get("/api/v1/units/CTH-P-NN");
    ASSERT_EQ(r.status, 200) << r.body;
    const json preds = r.json()["lineage"]["predecessors"];
    ASSERT_EQ(preds.size(), 3u);
    for (const json& p : preds)
        EXPECT_EQ(p["readable"], false) << p.dump();
    EXPECT_EQ(dv.get("/api/v1/units/NN-P1").status, 404);
}

TEST_P(WebLineageTest, TheHistoryParameterReplacesThePlansRule) {
    HttpTestClient a = admin();
    const json plain = a.get("/api/v1/plans/" + kNn + "/evaluation?period=" + kPeriod).json();
    EXPECT_EQ(plain["lineage"]["history"], "all");
    EXPECT_EQ(plain["lineage"]["chosen"], false);

    const json chosen =
        a.get("/api/v1/plans/" + kNn + "/evaluation?period=" + kPeriod + "&history=main").json();
    EXPECT_EQ(chosen["lineage"]["history"], "main");
    EXPECT_EQ(chosen["lineage"]["plan_history"], "all");
    EXPECT_EQ(chosen["lineage"]["chosen"], true);

    // Under each rule the merged ward has the status its by_rule said it would.
    const json merged = commune_candidate(a, "CTH-P-NN");
    ASSERT_FALSE(merged.is_null());
    ASSERT_EQ(merged["lineage"]["depends_on_rule"], true);
    const json by_rule = merged["lineage"]["by_rule"];
    EXPECT_NE(by_rule["all"], by_rule["main"]);
    for (const std::string rule : {"own", "main", "all", "weighted"}) {
        const json c = commune_candidate(a, "CTH-P-NN", "&history=" + rule);
        ASSERT_FALSE(c.is_null()) << rule;
        EXPECT_EQ(c["status"], by_rule[rule]) << rule;
    }
}

TEST_P(WebLineageTest, AnUnknownHistoryRuleIsABadRequest) {
    HttpTestClient a = admin();
    for (const std::string& target :
         {"/api/v1/plans/" + kNn + "/evaluation?period=" + kPeriod + "&history=newest",
          "/api/v1/plans/" + kNn + "/evaluation.xlsx?period=" + kPeriod + "&history=ALL"}) {
        const HttpReply r = a.get(target);
        EXPECT_EQ(r.status, 400) << target;
        const json body = r.json();
        EXPECT_EQ(body["error"]["code"], "bad_request") << r.body;
        EXPECT_NE(body["error"]["message"].get<std::string>().find("weighted"), std::string::npos);
    }
    // Empty is the plan's own rule.
    EXPECT_EQ(a.get("/api/v1/plans/" + kNn + "/evaluation?period=" + kPeriod + "&history=").status,
              200);
}

TEST_P(WebLineageTest, APlanOfADissolvedIssuerSaysSoWithAWarning) {
    HttpTestClient a = admin();
    const HttpReply r = a.get("/api/v1/plans/" + kNn);
    ASSERT_EQ(r.status, 200) << r.body;
    const json status = r.json()["issuer_status"];
    ASSERT_TRUE(status.is_object()) << r.body;
    EXPECT_EQ(status["dissolved"], true);
    EXPECT_EQ(status["last_day"], "2025-06-30");
    EXPECT_EQ(status["closed_from"], "2025-07-01");
    // Three successors: the lineage names none, and the plan names none either.
    EXPECT_EQ(status["source"], "none");
    EXPECT_TRUE(status["successor"].is_null());
    const std::string warning = status["warning"].get<std::string>();
    EXPECT_NE(warning.find("Ủy ban nhân dân thị xã Ngã Năm"), std::string::npos) << warning;
    EXPECT_NE(warning.find("01/07/2025"), std::string::npos) << warning;

    // The plans list carries the same.
    const json listed = find_by_id(a.get("/api/v1/plans").json(), kNn);
    ASSERT_FALSE(listed.is_null());
    EXPECT_EQ(listed["issuer_status"], status);
}

TEST_P(WebLineageTest, APlanNamingItsIssuersSuccessorSaysWhoActsForIt) {
    HttpTestClient a = admin();
    seed_kien_giang(a);
    const json status = a.get("/api/v1/plans/" + kKg).json()["issuer_status"];
    ASSERT_TRUE(status.is_object());
    EXPECT_EQ(status["dissolved"], true);
    EXPECT_EQ(status["source"], "plan");
    EXPECT_EQ(status["successor"], "Ủy ban nhân dân tỉnh An Giang");
    EXPECT_EQ(status["successor_from"], "2025-07-01");
    EXPECT_NE(status["warning"].get<std::string>().find("Ủy ban nhân dân tỉnh An Giang"),
              std::string::npos);
}

TEST_P(WebLineageTest, APlanWhoseIssuerStillExistsHasNoWarning) {
    HttpTestClient a = admin();
    const std::string pq = "phu-quoc-2021-2025";
    ASSERT_EQ(put_plan(a, kKg, plan_text(kKg)).status, 200);
    ASSERT_EQ(put_plan(a, pq, plan_text(pq)).status, 200);
    ASSERT_EQ(upload(a, "/api/v1/plans/" + pq + "/data", sample_zip(pq)).status, 200);
    const json status = a.get("/api/v1/plans/" + pq).json()["issuer_status"];
    ASSERT_TRUE(status.is_object());
    EXPECT_EQ(status["dissolved"], false);
    EXPECT_TRUE(status["warning"].is_null());
    EXPECT_TRUE(status["last_day"].is_null());
    EXPECT_EQ(status["source"], "none");
}

// A lineage table alone: checked row by row against the stored units, all or nothing.
TEST_P(WebLineageTest, ALineageTableAloneMergesIntoTheStoredUnits) {
    HttpTestClient a = admin();
    // TT-X-TTRI (Thạnh Trị) is stored, closed 2025-06-30, without a successor; give it CTH-X-TL.
    const std::string bad =
        "old_id,new_id,date,weight,main\n"
        "TT-X-TTRI,CTH-X-TL,2025-07-01,0,\n"   // weight must be > 0
        "TT-X-TTRI,KHONG-CO,2025-07-01,5,\n";  // no such unit
    const HttpReply refused = post_file(a, "/api/v1/lineage", "lineage.csv", bad);
    ASSERT_EQ(refused.status, 400) << refused.body;
    EXPECT_EQ(refused.json()["error"]["total"], 2);
    EXPECT_EQ(a.get("/api/v1/units/CTH-X-TL").json()["lineage"]["predecessors"].size(), 3u)
        << "nothing of a bad table is stored";
    const HttpReply done =
        post_file(a, "/api/v1/lineage", "lineage.csv",
                  "old_id,new_id,date,weight\nTT-X-TTRI,CTH-X-TL,2025-07-01,4\n");
    ASSERT_EQ(done.status, 200) << done.body;
    const json preds = a.get("/api/v1/units/CTH-X-TL").json()["lineage"]["predecessors"];
    ASSERT_EQ(preds.size(), 4u);
    EXPECT_EQ(find_by_id(preds, "TT-X-TTRI")["weight"], 4.0);
    EXPECT_EQ(find_by_id(preds, "NN-X-LB")["weight"], 3.0) << "the others stay";
    // A unit officer may not change the unit tree.
    HttpTestClient unit = officer("canbo-tanlong", "don-vi", "CTH-X-TL");
    EXPECT_EQ(post_file(unit, "/api/v1/lineage", "lineage.csv",
                        "old_id,new_id,date\nTT-X-TTRI,CTH-X-TL,2025-07-01\n")
                  .status,
              403);
}

INSTANTIATE_TEST_SUITE_P(Backends, WebLineageTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace thidua::testing_support
