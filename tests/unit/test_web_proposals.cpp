// Plans that implement plans, over the API on SQLite and PostgreSQL: the Phú Quốc board's plan
// implements Kiên Giang's (`parent_plan: kien-giang-2021-2025`). The board's 2024 selections are
// forwarded into Kiên Giang's 2024 round, where they appear with their origin and with what the
// provincial plan makes of them: the board's offices are not in any of its groups (types
// department, district, commune; offices only with the PAR tags), so a forwarded office has no
// outcome there, which is what the provincial officer needs to see.

#include <gtest/gtest.h>

#include <algorithm>

#include "WebTestHelpers.h"

namespace thidua::testing_support {
namespace {

using nlohmann::json;

const std::string kPq = "phu-quoc-2021-2025";

std::vector<std::string> ids_of(const json& proposals) {
    std::vector<std::string> out;
    for (const json& p : proposals)
        out.push_back(p["subject_id"].get<std::string>());
    std::sort(out.begin(), out.end());
    return out;
}

class WebProposalTest : public WebTest {
protected:
    void SetUp() override {
        WebTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        HttpTestClient a = admin();
        ASSERT_EQ(put_plan(a, kKg, plan_text(kKg)).status, 200);
        ASSERT_EQ(put_plan(a, kPq, plan_text(kPq)).status, 200);
        const HttpReply r = upload(a, "/api/v1/plans/" + kPq + "/data", sample_zip(kPq));
        ASSERT_EQ(r.status, 200) << r.body;
    }

    static json forward(HttpTestClient& c, const std::string& award, json subjects = nullptr) {
        json body = {{"period", "2024"}, {"parent_period", "2024"}, {"award", award}};
        if (!subjects.is_null()) body["subjects"] = subjects;
        const HttpReply r = c.post_json("/api/v1/plans/" + kPq + "/forward", body);
        return {{"status", r.status}, {"body", r.json()}};
    }
};

TEST_P(WebProposalTest, TheBoardsSelectionsAppearInTheProvincialRoundWithTheirOrigin) {
    HttpTestClient a = admin();
    const json people =
        evaluation_group(a, kPq, "2024", "giay-khen-ca-nhan", "ca-nhan")["selected"];
    const json offices =
        evaluation_group(a, kPq, "2024", "giay-khen-tap-the", "phong-chuyen-mon")["selected"];
    ASSERT_FALSE(people.empty());
    ASSERT_FALSE(offices.empty());

    // Every selected person goes to the individual award, every selected office to one of the
    // province's collective awards.
    json r = forward(a, "bang-khen-ca-nhan");
    ASSERT_EQ(r["status"], 201) << r["body"];
    EXPECT_EQ(r["body"]["forwarded"].size(), people.size());
    r = forward(a, "bang-khen-tap-the", json::array({offices[0]}));
    ASSERT_EQ(r["status"], 201) << r["body"];

    const json listed = a.get("/api/v1/plans/" + kKg + "/proposals?period=2024").json();
    ASSERT_EQ(listed["proposals"].size(), people.size() + 1);
    std::vector<std::string> expected = people.get<std::vector<std::string>>();
    expected.push_back(offices[0].get<std::string>());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(ids_of(listed["proposals"]), expected);
    for (const json& p : listed["proposals"]) {
        EXPECT_EQ(p["origin"]["plan"], kPq);
        EXPECT_EQ(p["origin"]["period"], "2024");
        EXPECT_EQ(p["forwarded_by"], "admin");
        if (p["subject_id"] == offices[0]) {
            EXPECT_EQ(p["award"], "bang-khen-tap-the");
            EXPECT_EQ(p["origin"]["award"], "giay-khen-tap-the");
            EXPECT_EQ(p["origin"]["group"], "phong-chuyen-mon");
            EXPECT_TRUE(p["outcome"].is_null());  // not in any of the province's groups
        } else {
            EXPECT_EQ(p["origin"]["award"], "giay-khen-ca-nhan");
            EXPECT_EQ(p["subject_kind"], "person");
        }
    }
    // Forwarding again changes nothing but adds a version; the list still has one row each.
    ASSERT_EQ(forward(a, "bang-khen-ca-nhan")["status"], 201);
    EXPECT_EQ(a.get("/api/v1/plans/" + kKg + "/proposals?period=2024").json()["proposals"].size(),
              people.size() + 1);

    // Withdrawn with a reason: gone from the list, kept with `all=1`, audited.
    const json withdraw = {{"period", "2024"},
                           {"award", "bang-khen-tap-the"},
                           {"subject_kind", "unit"},
                           {"subject_id", offices[0]}};
    EXPECT_EQ(a.post_json("/api/v1/plans/" + kKg + "/proposals/withdraw", withdraw).status, 400);
    json with_reason = withdraw;
    with_reason["reason"] = "Đơn vị đã được đề nghị ở hình thức khác";
    ASSERT_EQ(a.post_json("/api/v1/plans/" + kKg + "/proposals/withdraw", with_reason).status, 200);
    EXPECT_EQ(a.get("/api/v1/plans/" + kKg + "/proposals?period=2024").json()["proposals"].size(),
              people.size());
    const json all = a.get("/api/v1/plans/" + kKg + "/proposals?period=2024&all=1").json();
    EXPECT_EQ(all["proposals"].size(), people.size() + 1);
    EXPECT_EQ(a.post_json("/api/v1/plans/" + kKg + "/proposals/withdraw", with_reason).status, 404);
    EXPECT_EQ(a.get("/api/v1/audit?action=proposal-withdraw").json().size(), 1u);
    EXPECT_EQ(a.get("/api/v1/audit?action=proposal-forward").json().size(), 2 * people.size() + 1);
}

TEST_P(WebProposalTest, OnlyTheSubPlansSelectionsIntoAMatchingPeriodAndAward) {
    HttpTestClient a = admin();
    json r = forward(a, "bang-khen-ca-nhan", json::array({"PQ-CC-0001"}));
    EXPECT_EQ(r["status"], 422);
    EXPECT_EQ(r["body"]["error"]["code"], "not_selected");
    EXPECT_EQ(forward(a, "khong-co")["status"], 404);
    const HttpReply mismatch = a.post_json(
        "/api/v1/plans/" + kPq + "/forward",
        {{"period", "2024"}, {"parent_period", "2023"}, {"award", "bang-khen-ca-nhan"}});
    EXPECT_EQ(mismatch.status, 422);
    const HttpReply top = a.post_json(
        "/api/v1/plans/" + kKg + "/forward",
        {{"period", "2024"}, {"parent_period", "2024"}, {"award", "bang-khen-ca-nhan"}});
    EXPECT_EQ(top.status, 409);

    HttpTestClient leader = officer("ld", "lanh-dao");
    EXPECT_EQ(leader
                  .post_json("/api/v1/plans/" + kPq + "/forward", {{"period", "2024"},
                                                                   {"parent_period", "2024"},
                                                                   {"award", "bang-khen-ca-nhan"}})
                  .status,
              403);
    ASSERT_EQ(forward(a, "bang-khen-ca-nhan")["status"], 201);
    EXPECT_FALSE(
        leader.get("/api/v1/plans/" + kKg + "/proposals?period=2024").json()["proposals"].empty());
    // A unit officer elsewhere sees none of them.
    HttpTestClient other = officer("qldt", "don-vi", "KG-BQLPQ-QLDT");
    // (a named json: a loop over a member of a temporary would read freed memory)
    const json seen = other.get("/api/v1/plans/" + kKg + "/proposals?period=2024").json();
    for (const json& p : seen["proposals"])
        EXPECT_EQ(p["unit"], "KG-BQLPQ-QLDT");
}

INSTANTIATE_TEST_SUITE_P(Backends, WebProposalTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace thidua::testing_support
