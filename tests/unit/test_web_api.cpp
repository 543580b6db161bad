// The JSON API of `thidua serve` against a real server on a loopback port, on SQLite and on
// PostgreSQL: sessions and CSRF, roles, plans, data upload, evaluation, units and the don-vi
// user's view. Expectations come from docs/API.md and the sample data, not from the server.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "WebTestHelpers.h"
#include "WebTestServer.h"
#include "ZipBuilder.h"
#include "eval/Evaluator.h"
#include "io/plan/PlanLoader.h"
#include "present/JsonReport.h"

namespace thidua::testing_support {
namespace {

using nlohmann::json;

std::vector<std::string> ids_of(const json& list) {
    std::vector<std::string> out;
    for (const json& item : list)
        out.push_back(item.value("id", ""));
    return out;
}

class WebApiTest : public WebTest {};

TEST_P(WebApiTest, HealthAnswersWithTheEngine) {
    HttpTestClient c = client();
    const HttpReply r = c.get("/healthz");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.json()["status"], "ok");
    EXPECT_EQ(r.json()["engine"], GetParam());
}

TEST_P(WebApiTest, LoginSetsAnHttpOnlyCookieAndLogoutEndsTheSession) {
    HttpTestClient c = client();
    EXPECT_EQ(c.get("/api/v1/plans").status, 401);
    EXPECT_EQ(c.get("/api/v1/plans").error_code(), "unauthorized");
    const HttpReply bad = c.login("admin", "sai-mat-khau-roi");
    EXPECT_EQ(bad.status, 401);
    EXPECT_TRUE(bad.header("set-cookie").empty());
    const HttpReply ok = c.login("admin", kAdminPassword);
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_FALSE(ok.json()["csrf_token"].get<std::string>().empty());
    EXPECT_EQ(ok.json()["user"]["role"], "quan-tri");
    const std::string cookie = ok.header("set-cookie");
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite="), std::string::npos);
    EXPECT_EQ(c.get("/api/v1/me").status, 200);
    EXPECT_EQ(c.request("POST", "/api/v1/logout").status, 200);
    EXPECT_EQ(c.get("/api/v1/me").status, 401);
}

TEST_P(WebApiTest, StateChangingCallsWithTheCookieNeedTheCsrfToken) {
    HttpTestClient c = admin();
    c.send_csrf = false;
    const HttpReply refused = put_plan(c, kKg, plan_text(kKg));
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.error_code(), "csrf");
    c.send_csrf = true;
    EXPECT_EQ(put_plan(c, kKg, plan_text(kKg)).status, 200);
    // A page of another site cannot make the call even with the token.
    const HttpReply cross = c.request("PUT", "/api/v1/plans/" + kKg, plan_text(kKg),
                                      {{"Origin", "https://evil.example"}});
    EXPECT_EQ(cross.status, 403);
}

TEST_P(WebApiTest, RepeatedBadPasswordsAreThrottled) {
    HttpTestClient c = client();
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(c.login("admin", "sai-mat-khau-" + std::to_string(i)).status, 401);
    const HttpReply r = c.login("admin", kAdminPassword);
    EXPECT_EQ(r.status, 429);
    EXPECT_FALSE(r.header("retry-after").empty());
}

TEST_P(WebApiTest, PlansAreSavedAsVersionsAndBadFilesAreRefusedWithPositions) {
    HttpTestClient c = admin();
    const HttpReply first = put_plan(c, kKg, plan_text(kKg));
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.json()["version"], 1);
    EXPECT_EQ(put_plan(c, kKg, plan_text(kKg)).json()["created"], false);

    std::string changed = plan_text(kKg);
    changed.replace(changed.find("so-ban-nganh"), 12, "so-nganh-xxx");
    const HttpReply bad = put_plan(c, kKg, changed);
    ASSERT_EQ(bad.status, 400);
    EXPECT_EQ(bad.error_code(), "invalid_plan");
    const json details = bad.json()["error"]["details"];
    ASSERT_FALSE(details.empty());
    EXPECT_GT(details[0]["line"].get<int>(), 0);
    EXPECT_GT(details[0]["column"].get<int>(), 0);

    const json plans = c.get("/api/v1/plans").json();
    ASSERT_EQ(plans.size(), 1u);
    EXPECT_EQ(plans[0]["id"], kKg);
    EXPECT_EQ(plans[0]["version"], 1);
    EXPECT_FALSE(plans[0]["periods"].empty());
}

TEST_P(WebApiTest, PlanDiffShowsTheChangedLines) {
    HttpTestClient c = admin();
    const std::string v1 = plan_text(kKg);
    std::string v2 = v1;
    v2.replace(v2.find("number: 64/KH-UBND"), 18, "number: 65/KH-UBND");
    ASSERT_EQ(put_plan(c, kKg, v1).status, 200);
    ASSERT_EQ(put_plan(c, kKg, v2).status, 200);
    const json diff = c.get("/api/v1/plans/" + kKg + "/diff?from=1&to=2").json();
    std::vector<std::string> changes;
    for (const json& line : diff["lines"])
        if (line["op"] != " ")
            changes.push_back(line["op"].get<std::string>() + line["text"].get<std::string>());
    EXPECT_EQ(changes, (std::vector<std::string>{"-number: 64/KH-UBND", "+number: 65/KH-UBND"}));
}

TEST_P(WebApiTest, EvaluationIsTheSameDocumentAsTheCommandLine) {
    HttpTestClient c = admin();
    seed_kien_giang(c);
    // The whole document (?limit=all), which adds where each group's page sits and its counts.
    const HttpReply r = c.get("/api/v1/plans/" + kKg + "/evaluation?period=2021-2025&limit=all");
    ASSERT_EQ(r.status, 200) << r.body;
    auto plan = load_plan(std::filesystem::path(THIDUA_SOURCE_DIR) / "plans" / (kKg + ".yaml"));
    ASSERT_TRUE(plan);
    const Dataset data = read_sample(kKg);
    std::ostringstream expected;
    write_json(evaluate(**plan, data, *find_period((*plan)->spec, "2021-2025")), expected);
    json served = json::parse(r.body);
    for (json& award : served["awards"])
        for (json& group : award["groups"]) {
            EXPECT_EQ(group["total"], group["candidates"].size());
            EXPECT_EQ(group["offset"], 0);
            EXPECT_TRUE(group["limit"].is_null());
            EXPECT_TRUE(group["next_offset"].is_null());
            for (const char* key :
                 {"counts", "with_lineage", "total", "offset", "limit", "next_offset"})
                group.erase(key);
        }
    // And the names of whom the document mentions, each the name its candidate entry gives.
    ASSERT_TRUE(served["names"].is_object());
    for (const auto& [id, name] : served["names"].items()) {
        bool found = false;
        for (const json& award : served["awards"])
            for (const json& group : award["groups"])
                for (const json& candidate : group["candidates"])
                    if (candidate["id"] == id) {
                        found = true;
                        EXPECT_EQ(candidate["name"], name) << id;
                    }
        EXPECT_TRUE(found) << id;
    }
    served.erase("names");
    EXPECT_EQ(served, json::parse(expected.str()));
    EXPECT_EQ(c.get("/api/v1/plans/" + kKg + "/evaluation?period=1999").status, 400);
    EXPECT_EQ(c.get("/api/v1/plans/khong-co/evaluation?period=2023").status, 404);
}

TEST_P(WebApiTest, EvaluationDownloadsAsAWorkbook) {
    HttpTestClient c = admin();
    seed_kien_giang(c);
    const HttpReply r = c.get("/api/v1/plans/" + kKg + "/evaluation.xlsx?period=2023");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_TRUE(r.body.starts_with("PK"));
    EXPECT_NE(r.header("content-disposition").find(".xlsx"), std::string::npos);
}

TEST_P(WebApiTest, BadDataIsRefusedWholeWithEveryProblemAndNothingStored) {
    HttpTestClient c = admin();
    ASSERT_EQ(put_plan(c, kKg, plan_text(kKg)).status, 200);
    ZipEntries entries{{"units.csv",
                        "id,name,type,parent_id\nA,Đơn vị A,department,\n"
                        "B,Đơn vị B,khong-co-loai-nay,\n"},
                       {"unit_years.csv", "unit_id,year,par_score,par_max\nA,2023,abc,100\n"}};
    const HttpReply r = upload(c, "/api/v1/plans/" + kKg + "/data", build_zip(entries));
    ASSERT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.error_code(), "invalid_data");
    EXPECT_GE(r.json()["error"]["total"].get<int>(), 2);
    EXPECT_TRUE(c.get("/api/v1/units").json().empty());
    EXPECT_EQ(upload(c, "/api/v1/data", "not a zip").status, 400);
}

TEST_P(WebApiTest, AFolderExportUploadsAsMultipartCsvFiles) {
    HttpTestClient c = admin();
    ASSERT_EQ(put_plan(c, kKg, plan_text(kKg)).status, 200);
    const std::string boundary = "----thidua-test-7MA4YWxkTrZu0gW";
    std::string body;
    for (const auto& e : std::filesystem::directory_iterator(samples_dir() / kKg))
        body += "--" + boundary +
                "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export/" +
                e.path().filename().string() + "\"\r\nContent-Type: text/csv\r\n\r\n" +
                read_text(e.path()) + "\r\n";
    body += "--" + boundary + "--\r\n";
    const HttpReply r = c.request("POST", "/api/v1/plans/" + kKg + "/data", body,
                                  {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(c.get("/api/v1/plans/" + kKg + "/evaluation?period=2021-2025").status, 200);
    EXPECT_FALSE(c.get("/api/v1/units?q=so%20noi%20vu").json().empty());

    // A file name that is not one of DATA.md's never reaches the disk.
    const std::string evil = "--" + boundary +
                             "\r\nContent-Disposition: form-data; name=\"file\"; "
                             "filename=\"../../etc/passwd\"\r\n\r\nx\r\n--" +
                             boundary + "--\r\n";
    const HttpReply refused =
        c.request("POST", "/api/v1/data", evil,
                  {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
    EXPECT_EQ(refused.status, 400);
}

TEST_P(WebApiTest, DataProblemsNameFileRowColumnAndValue) {
    HttpTestClient c = admin();
    ZipEntries entries{{"units.csv", "id,name,type,parent_id\nA,Đơn vị A,department,\n"},
                       {"unit_years.csv", "unit_id,year,par_score,par_max\nA,2023,abc,100\n"}};
    const HttpReply r = upload(c, "/api/v1/data", build_zip(entries));
    ASSERT_EQ(r.status, 400) << r.body;
    bool found = false;
    const json body = r.json();
    for (const json& p : body["error"]["details"]) {
        if (p["value"] != "abc") continue;
        found = true;
        EXPECT_EQ(p["file"], "tệp tải lên/unit_years.csv") << p;
        EXPECT_EQ(p["row"], 2) << p;
        EXPECT_EQ(p["column"], "par_score") << p;
        EXPECT_FALSE(p["message"].get<std::string>().empty());
    }
    EXPECT_TRUE(found) << r.body;
}

TEST_P(WebApiTest, UnitSearchIgnoresDiacriticsAndKeepsVietnameseOrder) {
    HttpTestClient c = admin();
    seed_kien_giang(c);
    const json found = c.get("/api/v1/units?q=so%20noi%20vu").json();
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found[0]["name"], "Sở Nội vụ");
    // "Ban …" before "Sở …" before "Ủy ban …": Vietnamese order, not byte order.
    const std::vector<std::string> all = ids_of(c.get("/api/v1/units").json());
    const auto at = [&](const std::string& id) {
        return std::find(all.begin(), all.end(), id) - all.begin();
    };
    EXPECT_LT(at("KG-BDT"), at("KG-SNV"));
    EXPECT_LT(at("KG-SNV"), at("KG"));
}

TEST_P(WebApiTest, UnitOfficerSeesOnlyTheirUnitAndItsChildren) {
    HttpTestClient a = admin();
    seed_kien_giang(a);
    const HttpReply made = a.post_json("/api/v1/users", {{"username", "snv"},
                                                         {"password", "mat-khau-don-vi-1"},
                                                         {"role", "don-vi"},
                                                         {"unit_id", "KG-SNV"}});
    ASSERT_EQ(made.status, 201) << made.body;
    HttpTestClient u = client();
    ASSERT_EQ(u.login("snv", "mat-khau-don-vi-1").status, 200);
    // The administrator chose the password: the user must replace it before anything else.
    EXPECT_EQ(u.get("/api/v1/units").error_code(), "password_change_required");
    ASSERT_EQ(u.post_json("/api/v1/me/password", {{"current_password", "mat-khau-don-vi-1"},
                                                  {"new_password", "mat-khau-cua-rieng-toi"}})
                  .status,
              200);

    for (const std::string& id : ids_of(u.get("/api/v1/units").json()))
        EXPECT_TRUE(id.starts_with("KG-SNV")) << id;
    EXPECT_EQ(u.get("/api/v1/units/KG-SNV").status, 200);
    EXPECT_EQ(u.get("/api/v1/units/KG-STP").status, 404);
    EXPECT_EQ(u.get("/api/v1/units?q=so%20tu%20phap").json().size(), 0u);
    for (const json& p : u.get("/api/v1/people?limit=5000").json())
        EXPECT_TRUE(p["unit"].get<std::string>().starts_with("KG-SNV")) << p.dump();
    EXPECT_TRUE(u.get("/api/v1/people?unit=KG-STP").json().empty());
    const json tree = u.get("/api/v1/units/tree").json();
    ASSERT_EQ(tree.size(), 1u);
    EXPECT_EQ(tree[0]["id"], "KG-SNV");

    const json e = u.get("/api/v1/plans/" + kKg + "/evaluation?period=2021-2025&limit=all").json();
    size_t seen = 0;
    for (const json& award : e["awards"])
        for (const json& group : award["groups"]) {
            for (const json& cand : group["candidates"]) {
                ++seen;
                const std::string unit = cand.contains("unit") ? cand["unit"].get<std::string>()
                                                               : cand["id"].get<std::string>();
                EXPECT_TRUE(unit.starts_with("KG-SNV")) << cand["id"];
            }
            for (const json& id : group["selected"])
                EXPECT_NE(id, "KG-STP");
        }
    EXPECT_GT(seen, 0u);
    const std::string xlsx =
        u.get("/api/v1/plans/" + kKg + "/evaluation.xlsx?period=2021-2025").body;
    EXPECT_TRUE(xlsx.starts_with("PK"));

    EXPECT_EQ(u.get("/api/v1/users").status, 403);
    EXPECT_EQ(put_plan(u, kKg, plan_text(kKg)).status, 403);
    EXPECT_EQ(upload(u, "/api/v1/data", sample_zip(kKg)).status, 403);
}

TEST_P(WebApiTest, BearerTokensWorkWithoutCsrfAndCanBeRevoked) {
    HttpTestClient a = admin();
    const HttpReply made = a.post_json("/api/v1/tokens", {{"username", "admin"}, {"name", "ci"}});
    ASSERT_EQ(made.status, 201) << made.body;
    HttpTestClient api = client();
    api.use_bearer(made.json()["token"]);
    EXPECT_EQ(api.get("/api/v1/plans").status, 200);
    EXPECT_EQ(put_plan(api, kKg, plan_text(kKg)).status, 200);
    const std::string id = std::to_string(made.json()["id"].get<int64_t>());
    EXPECT_EQ(a.request("DELETE", "/api/v1/tokens/" + id).status, 200);
    EXPECT_EQ(api.get("/api/v1/plans").status, 401);
    EXPECT_EQ(a.request("DELETE", "/api/v1/tokens/999999").status, 404);
}

TEST_P(WebApiTest, PasswordChangeNeedsTheCurrentOneAndARealPassword) {
    HttpTestClient c = admin();
    EXPECT_EQ(c.post_json("/api/v1/me/password", {{"current_password", "khong-dung"},
                                                  {"new_password", "mot-mat-khau-moi"}})
                  .status,
              403);
    EXPECT_EQ(c.post_json("/api/v1/me/password",
                          {{"current_password", kAdminPassword}, {"new_password", "123"}})
                  .status,
              400);
    EXPECT_EQ(c.post_json("/api/v1/me/password", {{"current_password", kAdminPassword},
                                                  {"new_password", "mot-mat-khau-moi"}})
                  .status,
              200);
    EXPECT_EQ(c.get("/api/v1/me").status, 200);  // this session goes on
    EXPECT_EQ(client().login("admin", "mot-mat-khau-moi").status, 200);
}

TEST_P(WebApiTest, ErrorsAreJsonWithCodes) {
    HttpTestClient c = admin();
    const HttpReply missing = c.get("/api/v1/khong-co");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.error_code(), "not_found");
    EXPECT_EQ(c.request("DELETE", "/api/v1/plans").status, 405);
    EXPECT_EQ(
        c.request("POST", "/api/v1/login", "{", {{"Content-Type", "application/json"}}).status,
        400);
}

TEST_P(WebApiTest, OpenApiDescribesEveryApiRoute) {
    HttpTestClient c = client();
    const HttpReply r = c.get("/api/v1/openapi.json");
    ASSERT_EQ(r.status, 200);
    const json doc = r.json();
    ASSERT_TRUE(doc.contains("paths"));
    for (const web::Route& route : router().routes()) {
        if (!route.pattern.starts_with("/api/") && route.pattern != "/healthz") continue;
        std::string method = route.method;
        for (char& ch : method)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        EXPECT_TRUE(doc["paths"].contains(route.pattern) &&
                    doc["paths"][route.pattern].contains(method))
            << route.method << " " << route.pattern;
    }
}

TEST_P(WebApiTest, ThePageAndItsAssetsAreServed) {
    HttpTestClient c = client();
    const HttpReply page = c.get("/");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("lang=\"vi\""), std::string::npos);
    EXPECT_FALSE(page.header("content-security-policy").empty());
    EXPECT_EQ(c.get("/assets/../../etc/passwd").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, WebApiTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace thidua::testing_support
