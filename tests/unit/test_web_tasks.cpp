// PAR tasks over the API, on SQLite and PostgreSQL, on the Châu Thành scenario
// ranking-second-key-and-tie, where CT-PNV alone is selected in co-quan-huyen (every unit there
// meets every criterion, `task_completion` = 100 imported; CT-PNV ranks first). Its 2023 tasks
// then give the rate instead: both on time → 100, still selected; one done after its due date →
// 50, so `task-completion` fails and the two tied units (CT-PTP, CT-VP) fill the 2 seats. Home
// Affairs' override to 100 with a reason puts CT-PNV back; withdrawing it drops CT-PNV again.

#include <gtest/gtest.h>

#include <algorithm>

#include "WebTestHelpers.h"

namespace thidua::testing_support {
namespace {

using nlohmann::json;

const std::string kCt = "chau-thanh-2023";

std::vector<std::string> selected(HttpTestClient& c) {
    const json g = evaluation_group(c, kCt, "2023", "giay-khen-tap-the", "co-quan-huyen");
    auto out = g["selected"].get<std::vector<std::string>>();
    std::sort(out.begin(), out.end());
    return out;
}

json task(const std::string& title, const std::string& due) {
    return {{"year", 2023},
            {"plan_id", kCt},
            {"area", "thu-tuc-hanh-chinh"},
            {"title", title},
            {"due_on", due}};
}

json completion(HttpTestClient& c, const std::string& unit) {
    return c.get("/api/v1/units/" + unit + "/tasks?year=2023").json()["completion"];
}

class WebTaskTest : public WebTest {
protected:
    void SetUp() override {
        WebTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        HttpTestClient a = admin();
        ASSERT_NO_FATAL_FAILURE(seed_scenario(a, kCt, "ranking-second-key-and-tie"));
    }
};

TEST_P(WebTaskTest, TasksDoneOnTimeGiveTheCompletionRateTheEvaluationReads) {
    HttpTestClient a = admin();
    ASSERT_EQ(selected(a), std::vector<std::string>{"CT-PNV"});
    EXPECT_EQ(completion(a, "CT-PNV")["source"], "imported");

    const HttpReply one =
        a.post_json("/api/v1/units/CT-PNV/tasks", task("Rà soát TTHC", "2023-06-30"));
    ASSERT_EQ(one.status, 201) << one.body;
    const HttpReply two =
        a.post_json("/api/v1/units/CT-PNV/tasks", task("Số hóa hồ sơ", "2023-09-30"));
    ASSERT_EQ(two.status, 201) << two.body;
    const std::string first = "/api/v1/tasks/" + std::to_string(one.json()["id"].get<int64_t>());
    const std::string second = "/api/v1/tasks/" + std::to_string(two.json()["id"].get<int64_t>());

    // Open tasks past their due dates: 0 of 2 on time.
    json c = completion(a, "CT-PNV");
    EXPECT_EQ(c["source"], "tasks");
    EXPECT_EQ(c["overdue"], 2);
    EXPECT_EQ(c["effective"], 0.0);
    EXPECT_EQ(selected(a), (std::vector<std::string>{"CT-PTP", "CT-VP"}));

    ASSERT_EQ(a.post_json(first, {{"status", "done"}, {"done_on", "2023-06-28"}}).status, 200);
    ASSERT_EQ(a.post_json(second, {{"status", "done"}, {"done_on", "2023-09-30"}}).status, 200);
    c = completion(a, "CT-PNV");
    EXPECT_EQ(c["on_time"], 2);
    EXPECT_EQ(c["effective"], 100.0);
    EXPECT_EQ(selected(a), std::vector<std::string>{"CT-PNV"});

    // Done two days late: 1 of 2, 50%.
    ASSERT_EQ(a.post_json(second, {{"status", "done"}, {"done_on", "2023-10-02"}}).status, 200);
    c = completion(a, "CT-PNV");
    EXPECT_EQ(c["late"], 1);
    EXPECT_EQ(c["computed"], 50.0);
    EXPECT_EQ(selected(a), (std::vector<std::string>{"CT-PTP", "CT-VP"}));

    // Home Affairs overrides with a reason; withdrawing the override brings the tasks back.
    EXPECT_EQ(a.post_json("/api/v1/units/CT-PNV/task-completion", {{"year", 2023}, {"value", 100}})
                  .status,
              400);
    const HttpReply over = a.post_json(
        "/api/v1/units/CT-PNV/task-completion",
        {{"year", 2023}, {"value", 100}, {"reason", "Chậm do thiên tai, đã được gia hạn"}});
    ASSERT_EQ(over.status, 201) << over.body;
    c = completion(a, "CT-PNV");
    EXPECT_EQ(c["source"], "override");
    EXPECT_EQ(c["override"]["entered_by"], "admin");
    EXPECT_EQ(selected(a), std::vector<std::string>{"CT-PNV"});
    ASSERT_EQ(a.post_json("/api/v1/units/CT-PNV/task-completion",
                          {{"year", 2023}, {"value", nullptr}, {"reason", "Bỏ điều chỉnh"}})
                  .status,
              201);
    EXPECT_EQ(completion(a, "CT-PNV")["source"], "tasks");
    EXPECT_EQ(selected(a), (std::vector<std::string>{"CT-PTP", "CT-VP"}));

    // Each change is in the audit log with its author and its before and after.
    const json added = a.get("/api/v1/audit?action=task-add").json();
    EXPECT_EQ(added.size(), 2u);
    const json updates = a.get("/api/v1/audit?action=task-update").json();
    ASSERT_EQ(updates.size(), 3u);
    EXPECT_EQ(updates[0]["actor"], "admin");
    EXPECT_EQ(updates[0]["detail"]["before"]["done_on"], "2023-09-30");
    EXPECT_EQ(updates[0]["detail"]["after"]["done_on"], "2023-10-02");
    const json overrides = a.get("/api/v1/audit?action=task-completion").json();
    ASSERT_EQ(overrides.size(), 2u);
    EXPECT_EQ(overrides[0]["detail"]["before"]["value"], 100.0);
    EXPECT_TRUE(overrides[0]["detail"]["after"]["value"].is_null());
}

TEST_P(WebTaskTest, ATaskNotYetDueLeavesTheRateUnknown) {
    HttpTestClient a = admin();
    ASSERT_EQ(a.post_json("/api/v1/units/CT-PNV/tasks", task("Tự kiểm tra", "2099-12-31")).status,
              201);
    const json c = completion(a, "CT-PNV");
    EXPECT_TRUE(c["pending"].get<bool>());
    EXPECT_TRUE(c["effective"].is_null());
    const json g = evaluation_group(a, kCt, "2023", "giay-khen-tap-the", "co-quan-huyen");
    json result;
    for (const json& cand : g["candidates"])
        if (cand["id"] == "CT-PNV")
            for (const json& k : cand["criteria"])
                if (k["id"] == "task-completion-100") result = k["result"];
    EXPECT_EQ(result, "unknown");
}

TEST_P(WebTaskTest, BadTasksAreRefusedWithAReason) {
    HttpTestClient a = admin();
    json bad = task("Rà soát", "30/06/2023");
    EXPECT_EQ(a.post_json("/api/v1/units/CT-PNV/tasks", bad).status, 400);
    bad = task("Rà soát", "2023-06-30");
    bad["area"] = "khong-co";
    const HttpReply area = a.post_json("/api/v1/units/CT-PNV/tasks", bad);
    EXPECT_EQ(area.status, 400);
    EXPECT_NE(area.body.find("khong-co"), std::string::npos);
    bad = task("", "2023-06-30");
    EXPECT_EQ(a.post_json("/api/v1/units/CT-PNV/tasks", bad).status, 400);
    bad = task("Rà soát", "2023-06-30");
    bad["status"] = "done";
    bad["done_on"] = "2099-01-01";
    EXPECT_EQ(a.post_json("/api/v1/units/CT-PNV/tasks", bad).status, 400);
    EXPECT_EQ(a.post_json("/api/v1/units/KHONG-CO/tasks", task("Rà soát", "2023-06-30")).status,
              404);
    EXPECT_EQ(a.post_json("/api/v1/tasks/999999", {{"status", "done"}}).status, 404);
    EXPECT_EQ(a.get("/api/v1/units/CT-PNV/tasks").status, 400);
}

TEST_P(WebTaskTest, AUnitOfficerKeepsOnlyTheirOwnUnitsTasks) {
    HttpTestClient a = admin();
    const HttpReply vp =
        a.post_json("/api/v1/units/CT-VP/tasks", task("Họp giao ban", "2023-06-30"));
    ASSERT_EQ(vp.status, 201);
    HttpTestClient pnv = officer("pnv", "don-vi", "CT-PNV");
    EXPECT_EQ(pnv.post_json("/api/v1/units/CT-PNV/tasks", task("Rà soát", "2023-06-30")).status,
              201);
    EXPECT_EQ(pnv.get("/api/v1/units/CT-PNV/tasks?year=2023").status, 200);
    EXPECT_EQ(pnv.get("/api/v1/units/CT-VP/tasks?year=2023").status, 404);
    EXPECT_EQ(pnv.post_json("/api/v1/units/CT-VP/tasks", task("Rà soát", "2023-06-30")).status,
              404);
    EXPECT_EQ(pnv.post_json("/api/v1/tasks/" + std::to_string(vp.json()["id"].get<int64_t>()),
                            {{"status", "done"}})
                  .status,
              404);
    EXPECT_EQ(pnv.post_json("/api/v1/units/CT-PNV/task-completion",
                            {{"year", 2023}, {"value", 100}, {"reason", "tự đánh giá"}})
                  .status,
              403);
    HttpTestClient leader = officer("ld", "lanh-dao");
    EXPECT_EQ(leader.get("/api/v1/units/CT-VP/tasks?year=2023").status, 200);
    EXPECT_EQ(leader.post_json("/api/v1/units/CT-VP/tasks", task("Rà soát", "2023-06-30")).status,
              403);
}

TEST_P(WebTaskTest, EvidenceFilesAreCheckedByContentAndKeptWhenWithdrawn) {
    HttpTestClient a = admin();
    const HttpReply made =
        a.post_json("/api/v1/units/CT-PNV/tasks", task("Rà soát TTHC", "2023-06-30"));
    ASSERT_EQ(made.status, 201);
    const std::string base =
        "/api/v1/tasks/" + std::to_string(made.json()["id"].get<int64_t>()) + "/evidence";
    HttpTestClient pnv = officer("pnv", "don-vi", "CT-PNV");
    HttpReply r = post_file(pnv, base, "Báo cáo rà soát.pdf", kTestPdf);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()["file"]["media_type"], "application/pdf");
    const std::string href = r.json()["file"]["href"];
    const int64_t evidence = r.json()["id"].get<int64_t>();
    EXPECT_EQ(post_file(pnv, base, "bao-cao.pdf", "Chỉ là văn bản thường").status, 415);
    EXPECT_EQ(post_file(pnv, base, "lon.pdf",
                        kTestPdf + std::string(app().options().dossier_file_limit, 'x'))
                  .status,
              413);

    // The unit's officer and Home Affairs download it; another unit's officer does not see it.
    const HttpReply file = pnv.get(href);
    EXPECT_EQ(file.status, 200);
    EXPECT_EQ(file.body, kTestPdf);
    EXPECT_EQ(a.get(href).status, 200);
    HttpTestClient vp = officer("vp", "don-vi", "CT-VP");
    EXPECT_EQ(vp.get(href).status, 404);
    EXPECT_EQ(post_file(vp, base, "x.pdf", kTestPdf).status, 404);

    // Withdrawn with a reason: still listed and downloadable, marked; audited.
    const std::string withdraw = base + "/" + std::to_string(evidence) + "/withdraw";
    ASSERT_EQ(pnv.post_json(withdraw, {{"reason", "Nhầm tệp"}}).status, 200);
    EXPECT_EQ(pnv.post_json(withdraw, {{"reason", "Nhầm tệp"}}).status, 409);
    const json listed = pnv.get("/api/v1/units/CT-PNV/tasks?year=2023").json();
    ASSERT_EQ(listed["tasks"][0]["evidence"].size(), 1u);
    EXPECT_TRUE(listed["tasks"][0]["evidence"][0]["withdrawn"].get<bool>());
    EXPECT_EQ(listed["tasks"][0]["evidence"][0]["withdraw_reason"], "Nhầm tệp");
    EXPECT_EQ(pnv.get(href).status, 200);
    EXPECT_EQ(a.get("/api/v1/audit?action=task-evidence").json().size(), 1u);
    EXPECT_EQ(a.get("/api/v1/audit?action=task-evidence-withdraw").json()[0]["actor"], "pnv");
}

INSTANTIATE_TEST_SUITE_P(Backends, WebTaskTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace thidua::testing_support
