// Attestations over the API, on SQLite and PostgreSQL, on the Châu Thành scenario
// ranking-second-key-and-tie: every unit of group co-quan-huyen meets every criterion there,
// head_leads included (the scenario's notes). The council then attests that the head of CT-PNV
// did not lead PAR work in 2023, with its minutes: CT-PNV fails `head-leads` and drops out, so
// the two tied units (CT-PTP, CT-VP) both fit the 2 seats. A later attestation replaces it.

#include <gtest/gtest.h>

#include <algorithm>

#include "WebTestHelpers.h"

namespace thidua::testing_support {
namespace {

using nlohmann::json;

const std::string kCt = "chau-thanh-2023";

json attest(const std::string& unit, bool value, const std::string& minutes) {
    return {{"subject_kind", "unit"}, {"subject_id", unit}, {"year", 2023},
            {"fact", "head_leads"},   {"value", value},     {"minutes", minutes}};
}

json group_of(HttpTestClient& c) {
    return evaluation_group(c, kCt, "2023", "giay-khen-tap-the", "co-quan-huyen");
}

class WebAttestationTest : public WebTest {};

TEST_P(WebAttestationTest, TheCouncilsAttestationStandsInForTheImportedFact) {
    HttpTestClient a = admin();
    ASSERT_NO_FATAL_FAILURE(seed_scenario(a, kCt, "ranking-second-key-and-tie"));
    EXPECT_EQ(group_of(a)["selected"], json({"CT-PNV"}));

    const HttpReply made =
        a.post_json("/api/v1/attestations", attest("CT-PNV", false, "Biên bản số 05/BB-HĐTĐKT"));
    ASSERT_EQ(made.status, 201) << made.body;
    const json g = group_of(a);
    std::vector<std::string> selected = g["selected"].get<std::vector<std::string>>();
    std::sort(selected.begin(), selected.end());
    EXPECT_EQ(selected, (std::vector<std::string>{"CT-PTP", "CT-VP"}));
    EXPECT_EQ(g["tied"], json::array());

    // A second attestation for the same year and fact replaces the first.
    ASSERT_EQ(a.post_json("/api/v1/attestations",
                          attest("CT-PNV", true, "Biên bản số 06/BB-HĐTĐKT (xem xét lại)"))
                  .status,
              201);
    EXPECT_EQ(group_of(a)["selected"], json({"CT-PNV"}));
    const json listed = a.get("/api/v1/attestations?subject_kind=unit&subject_id=CT-PNV").json();
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0]["minutes"], "Biên bản số 06/BB-HĐTĐKT (xem xét lại)");
    EXPECT_TRUE(listed[0]["value"].get<bool>());
    const json log = a.get("/api/v1/audit?action=attestation").json();
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0]["detail"]["before"]["value"], false);
    EXPECT_EQ(log[0]["detail"]["after"]["value"], true);

    // Refused: no minutes, a fact the council does not judge, a person fact on a unit, no such
    // unit; and a unit officer may not attest.
    json bad = attest("CT-PNV", true, "");
    EXPECT_EQ(a.post_json("/api/v1/attestations", bad).status, 400);
    bad = attest("CT-PNV", true, "BB");
    bad["fact"] = "par_score";
    EXPECT_EQ(a.post_json("/api/v1/attestations", bad).status, 400);
    bad["fact"] = "ethics_ok";
    EXPECT_EQ(a.post_json("/api/v1/attestations", bad).status, 400);
    EXPECT_EQ(a.post_json("/api/v1/attestations", attest("KHONG-CO", true, "BB")).status, 404);
    ASSERT_EQ(a.post_json("/api/v1/users", {{"username", "pnv"},
                                            {"password", "mat-khau-ban-dau-1"},
                                            {"role", "don-vi"},
                                            {"unit_id", "CT-PNV"}})
                  .status,
              201);
    HttpTestClient u = client();
    ASSERT_EQ(u.login("pnv", "mat-khau-ban-dau-1").status, 200);
    ASSERT_EQ(u.post_json("/api/v1/me/password", {{"current_password", "mat-khau-ban-dau-1"},
                                                  {"new_password", "mat-khau-rieng-cua-toi"}})
                  .status,
              200);
    EXPECT_EQ(u.post_json("/api/v1/attestations", attest("CT-PNV", true, "BB")).status, 403);
    EXPECT_EQ(u.get("/api/v1/attestations?subject_kind=unit&subject_id=CT-PNV").status, 200);
    EXPECT_EQ(u.get("/api/v1/attestations?subject_kind=unit&subject_id=CT-VP").status, 404);
}

// A plan that says who judges a fact (`judges: {head_leads: [hoi-dong]}`): Home Affairs may no
// longer attest it, the council still may; a fact the plan does not name stays open to both.
TEST_P(WebAttestationTest, ThePlanSaysWhoJudgesAFact) {
    HttpTestClient a = admin();
    std::string text = plan_text(kCt);
    text += "\njudges:\n  head_leads: [hoi-dong]\n";
    ASSERT_EQ(put_plan(a, kCt, text).status, 200);
    ASSERT_EQ(upload(a, "/api/v1/plans/" + kCt + "/data",
                     scenario_zip("chau-thanh-2023", "ranking-second-key-and-tie"))
                  .status,
              200);
    HttpTestClient nv = officer("nv", "noi-vu");
    HttpTestClient hd = officer("hd", "hoi-dong");
    const HttpReply refused = nv.post_json("/api/v1/attestations", attest("CT-PNV", false, "BB 1"));
    EXPECT_EQ(refused.status, 403);
    EXPECT_NE(refused.body.find("hoi-dong"), std::string::npos) << refused.body;
    EXPECT_EQ(hd.post_json("/api/v1/attestations", attest("CT-PNV", false, "BB 2")).status, 201);
    json other = attest("CT-PNV", true, "BB 3");
    other["fact"] = "compliance";
    EXPECT_EQ(nv.post_json("/api/v1/attestations", other).status, 201);
    // A plan naming a fact the council does not judge, or a role that does not attest, is refused.
    EXPECT_EQ(put_plan(a, kCt, plan_text(kCt) + "\njudges:\n  par_score: [hoi-dong]\n").status,
              400);
    EXPECT_EQ(put_plan(a, kCt, plan_text(kCt) + "\njudges:\n  head_leads: [don-vi]\n").status, 400);
}

INSTANTIATE_TEST_SUITE_P(Backends, WebAttestationTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace thidua::testing_support
