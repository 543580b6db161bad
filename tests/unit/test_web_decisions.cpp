// The council's decision over the API, on SQLite and PostgreSQL, on the Châu Thành scenario
// ranking-second-key-and-tie (group co-quan-huyen: CT-PNV selected, CT-PTP and CT-VP tied for the
// last of 2 seats, CT-PTCKH eligible below them): only the council decides; a choice among the
// tied needs no reason, passing over them does; the evaluation, the dossiers and the documents
// follow the decision; each decision is audited with the one it replaced.

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "WebTestHelpers.h"
#include "io/zip/ZipArchive.h"

namespace thidua::testing_support {
namespace {

using nlohmann::json;

const std::string kCt = "chau-thanh-2023";

json decision(std::vector<std::string> chosen, const std::string& reason = "") {
    return {{"period", "2023"},
            {"award", "giay-khen-tap-the"},
            {"group", "co-quan-huyen"},
            {"chosen", chosen},
            {"votes", "7/9 đồng ý"},
            {"minutes_number", "12/BB-HĐTĐKT"},
            {"minutes_date", "2024-01-10"},
            {"reason", reason}};
}

json group_of(HttpTestClient& c) {
    return evaluation_group(c, kCt, "2023", "giay-khen-tap-the", "co-quan-huyen");
}

class WebDecisionTest : public WebTest {};

TEST_P(WebDecisionTest, TheCouncilSettlesATieAndEverythingFollows) {
    HttpTestClient a = admin();
    ASSERT_NO_FATAL_FAILURE(seed_scenario(a, kCt, "ranking-second-key-and-tie"));
    for (const char* user : {"hd", "nv"}) {
        ASSERT_EQ(a.post_json("/api/v1/users",
                              {{"username", user},
                               {"password", "mat-khau-ban-dau-1"},
                               {"role", std::string(user) == "hd" ? "hoi-dong" : "noi-vu"}})
                      .status,
                  201);
    }
    HttpTestClient hd = client(), nv = client();
    ASSERT_EQ(hd.login("hd", "mat-khau-ban-dau-1").status, 200);
    ASSERT_EQ(nv.login("nv", "mat-khau-ban-dau-1").status, 200);
    for (HttpTestClient* c : {&hd, &nv})
        ASSERT_EQ(c->post_json("/api/v1/me/password", {{"current_password", "mat-khau-ban-dau-1"},
                                                       {"new_password", "mat-khau-rieng-cua-toi"}})
                      .status,
                  200);

    const std::string url = "/api/v1/plans/" + kCt + "/decisions";
    EXPECT_EQ(nv.post_json(url, decision({"CT-PNV", "CT-VP"})).status, 403);  // not the council
    const json before = group_of(a);
    EXPECT_EQ(before["tied"], json({"CT-PTP", "CT-VP"}));
    EXPECT_FALSE(before.contains("council"));

    const HttpReply made = hd.post_json(url, decision({"CT-PNV", "CT-VP"}));
    ASSERT_EQ(made.status, 201) << made.body;
    EXPECT_FALSE(made.json()["departs"].get<bool>());
    const json after = group_of(a);
    EXPECT_EQ(after["selected"], json({"CT-PNV", "CT-VP"}));
    EXPECT_EQ(after["tied"], json::array());
    EXPECT_EQ(after["council"]["computed_selected"], json({"CT-PNV"}));
    EXPECT_EQ(after["council"]["computed_tied"], json({"CT-PTP", "CT-VP"}));
    EXPECT_EQ(after["council"]["minutes_number"], "12/BB-HĐTĐKT");
    EXPECT_EQ(after["council"]["decided_by"], "hd");
    bool dossier = false;
    const json evaluation = a.get("/api/v1/plans/" + kCt + "/evaluation?period=2023").json();
    for (const json& d : evaluation["dossiers"])
        dossier = dossier || d["subject"] == "CT-VP";
    EXPECT_TRUE(dossier);

    // Passing over the tied for a lower-ranked unit departs from the ranking: a reason first.
    const HttpReply no_reason = hd.post_json(url, decision({"CT-PNV", "CT-PTCKH"}));
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_EQ(no_reason.error_code(), "reason_required");
    EXPECT_EQ(hd.post_json(url, decision({"CT-PNV", "CT-PTP", "CT-VP"}, "x")).error_code(),
              "over_quota");
    EXPECT_EQ(hd.post_json(url, decision({"CT-PNV", "CT-X-TT"}, "x")).error_code(), "not_eligible");
    EXPECT_EQ(hd.post_json(url, {{"period", "2023"}, {"award", "giay-khen-tap-the"}}).status, 400);
    const HttpReply departs = hd.post_json(
        url, decision({"CT-PNV", "CT-PTCKH"}, "Đơn vị có sáng kiến cấp tỉnh được công nhận"));
    ASSERT_EQ(departs.status, 201) << departs.body;
    EXPECT_TRUE(departs.json()["departs"].get<bool>());
    EXPECT_EQ(group_of(a)["selected"], json({"CT-PNV", "CT-PTCKH"}));

    // The list of proposals follows the decision.
    const HttpReply list =
        a.get("/api/v1/plans/" + kCt + "/documents/danh-sach-de-nghi?period=2023");
    ASSERT_EQ(list.status, 200);
    auto zip = ZipArchive::open_memory(list.body);
    ASSERT_TRUE(zip);
    const auto xml = zip->read(*zip->find("word/document.xml"));
    ASSERT_TRUE(xml);
    EXPECT_NE(xml->find("Phòng Tài chính - Kế hoạch huyện Châu Thành"), std::string::npos);

    // Both decisions are in the audit log, the second with the first as "before".
    const json log = a.get("/api/v1/audit?action=council-decision").json();
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0]["actor"], "hd");
    EXPECT_EQ(log[0]["detail"]["before"]["chosen"], json({"CT-PNV", "CT-VP"}));
    EXPECT_EQ(log[0]["detail"]["after"]["chosen"], json({"CT-PNV", "CT-PTCKH"}));
    EXPECT_EQ(log[0]["detail"]["after"]["reason"], "Đơn vị có sáng kiến cấp tỉnh được công nhận");
}

INSTANTIATE_TEST_SUITE_P(Backends, WebDecisionTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace thidua::testing_support
