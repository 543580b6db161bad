// Award dossiers over the API, on SQLite and PostgreSQL, on the Châu Thành scenario
// ranking-second-key-and-tie, where CT-PNV is selected for the Giấy khen (tập thể) of 2023. The
// plan asks for three documents due 2023-10-14, so in the application's today every dossier not
// submitted is late. A unit officer of CT-PNV files the papers and submits; Home Affairs returns
// the dossier with a reason, accepts the resubmission, proposes it; the decision is recorded. A
// unit officer of CT-VP sees none of it.

#include <gtest/gtest.h>

#include <fstream>

#include "WebTestHelpers.h"
#include "WorkbookCells.h"
#include "io/TempDir.h"

namespace thidua::testing_support {
namespace {

using nlohmann::json;

const std::string kCt = "chau-thanh-2023";
const std::string kDossier = "/api/v1/plans/" + kCt + "/dossiers/giay-khen-tap-the/CT-PNV";
const std::string kPeriod = "?period=2023";

HttpReply send_file(HttpTestClient& c, const std::string& document, const std::string& name,
                    const std::string& bytes) {
    return post_file(c, kDossier + "/uploads" + kPeriod + "&document=" + document, name, bytes);
}

HttpReply move(HttpTestClient& c, json body, const std::string& path = kDossier) {
    return c.post_json(path + "/status" + kPeriod, body);
}

const std::string kPdf = kTestPdf;

json row_of(const json& board, const std::string& award, const std::string& subject) {
    for (const json& r : board["rows"])
        if (r["award"] == award && r["subject_id"] == subject) return r;
    return nullptr;
}

class WebDossierTest : public WebTest {
protected:
    HttpTestClient unit_officer(const std::string& name, const std::string& unit) {
        HttpTestClient a = admin();
        EXPECT_EQ(a.post_json("/api/v1/users", {{"username", name},
                                                {"password", "mat-khau-ban-dau-1"},
                                                {"role", "don-vi"},
                                                {"unit_id", unit}})
                      .status,
                  201);
        HttpTestClient u = client();
        EXPECT_EQ(u.login(name, "mat-khau-ban-dau-1").status, 200);
        EXPECT_EQ(u.post_json("/api/v1/me/password", {{"current_password", "mat-khau-ban-dau-1"},
                                                      {"new_password", "mat-khau-rieng-" + name}})
                      .status,
                  200);
        return u;
    }
};

TEST_P(WebDossierTest, FullStatusPathWithUploadsScopeAndAudit) {
    HttpTestClient a = admin();
    ASSERT_NO_FATAL_FAILURE(seed_scenario(a, kCt, "ranking-second-key-and-tie"));

    // The board: a selected candidate without a record is a draft, nothing filed, past due.
    HttpReply r = a.get("/api/v1/plans/" + kCt + "/dossiers" + kPeriod);
    ASSERT_EQ(r.status, 200) << r.body;
    json row = row_of(r.json(), "giay-khen-tap-the", "CT-PNV");
    ASSERT_FALSE(row.is_null()) << r.body;
    EXPECT_EQ(row["status"], "draft");
    EXPECT_EQ(row["due"], "2023-10-14");
    EXPECT_EQ(row["complete"], false);
    EXPECT_EQ(row["late"], true);
    EXPECT_EQ(row["missing"].size(), 3u);
    EXPECT_EQ(row["unit"], "CT-PNV");
    EXPECT_EQ(a.get("/api/v1/plans/" + kCt + "/dossiers").status, 400);  // no period

    HttpTestClient pnv = unit_officer("pnv", "CT-PNV");
    HttpTestClient vp = unit_officer("vp", "CT-VP");

    // Uploads: a PDF is taken; a text file named .pdf is refused; so is one over the limit.
    r = send_file(pnv, "van-ban-de-nghi", "Văn bản đề nghị.pdf", kPdf);
    ASSERT_EQ(r.status, 201) << r.body;
    const int64_t first_upload = r.json()["id"].get<int64_t>();
    const int64_t first_file = r.json()["file"]["id"].get<int64_t>();
    EXPECT_EQ(r.json()["file"]["media_type"], "application/pdf");
    EXPECT_EQ(r.json()["file"]["name"], "Văn bản đề nghị.pdf");
    r = send_file(pnv, "bao-cao-thanh-tich", "bao-cao.pdf", "Chỉ là văn bản thường");
    EXPECT_EQ(r.status, 415) << r.body;
    EXPECT_EQ(r.error_code(), "unsupported_file");
    r = send_file(pnv, "bao-cao-thanh-tich", "lon.pdf",
                  kPdf + std::string(app().options().dossier_file_limit, 'x'));
    EXPECT_EQ(r.status, 413) << r.body;
    EXPECT_EQ(send_file(pnv, "khong-co", "a.pdf", kPdf).status, 400);

    // Submitting an incomplete dossier is refused with what is missing.
    r = move(pnv, {{"to", "submitted"}});
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_EQ(r.error_code(), "incomplete");
    EXPECT_EQ(r.json()["error"]["details"].size(), 2u);

    ASSERT_EQ(send_file(pnv, "bao-cao-thanh-tich", "bc.pdf", kPdf).status, 201);
    ASSERT_EQ(send_file(pnv, "bien-ban-binh-xet", "bb.pdf", kPdf).status, 201);
    // Withdrawing the first paper leaves it listed, marked, and the dossier incomplete again.
    r = pnv.post_json(kDossier + "/uploads/" + std::to_string(first_upload) + "/withdraw" + kPeriod,
                      {{"reason", "Nhầm bản"}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()["withdrawn"], true);
    EXPECT_EQ(move(pnv, {{"to", "submitted"}}).status, 409);
    ASSERT_EQ(send_file(pnv, "van-ban-de-nghi", "de-nghi-2.pdf", kPdf).status, 201);
    r = move(pnv, {{"to", "submitted"}});
    ASSERT_EQ(r.status, 200) << r.body;

    // The unit cannot accept, nor add files once submitted.
    EXPECT_EQ(move(pnv, {{"to", "accepted"}}).status, 403);
    EXPECT_EQ(send_file(pnv, "van-ban-de-nghi", "x.pdf", kPdf).status, 409);

    // Another unit's officer sees none of it.
    EXPECT_EQ(vp.get(kDossier + kPeriod).status, 404);
    EXPECT_EQ(move(vp, {{"to", "submitted"}}).status, 404);
    EXPECT_EQ(send_file(vp, "van-ban-de-nghi", "x.pdf", kPdf).status, 404);
    EXPECT_EQ(vp.get("/api/v1/files/" + std::to_string(first_file)).status, 404);
    r = vp.get("/api/v1/plans/" + kCt + "/dossiers" + kPeriod);
    ASSERT_EQ(r.status, 200);
    EXPECT_TRUE(row_of(r.json(), "giay-khen-tap-the", "CT-PNV").is_null());

    // Home Affairs: a return needs a reason; accept, propose, decide with number and date.
    EXPECT_EQ(move(a, {{"to", "returned"}}).status, 400);
    ASSERT_EQ(move(a, {{"to", "returned"}, {"reason", "Báo cáo thiếu chữ ký"}}).status, 200);
    ASSERT_EQ(move(pnv, {{"to", "submitted"}}).status, 200);
    EXPECT_EQ(move(a, {{"to", "proposed"}}).status, 409);
    ASSERT_EQ(move(a, {{"to", "accepted"}}).status, 200);
    ASSERT_EQ(move(a, {{"to", "proposed"}}).status, 200);
    EXPECT_EQ(move(a, {{"to", "decided"}, {"decision_number", "123/QĐ-UBND"}}).status, 400);
    r = move(
        a,
        {{"to", "decided"}, {"decision_number", "123/QĐ-UBND"}, {"decision_date", "2023-12-20"}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(move(a, {{"to", "decided"},
                       {"decision_number", "124/QĐ-UBND"},
                       {"decision_date", "2023-12-21"}})
                  .status,
              409);

    // The detail: every upload (the withdrawn one marked), the history with its authors.
    r = pnv.get(kDossier + kPeriod);
    ASSERT_EQ(r.status, 200) << r.body;
    const json d = r.json();
    EXPECT_EQ(d["status"], "decided");
    EXPECT_EQ(d["decision_number"], "123/QĐ-UBND");
    EXPECT_EQ(d["decision_date"], "2023-12-20");
    EXPECT_EQ(d["complete"], true);
    EXPECT_EQ(d["late"], true);  // submitted in the application's today, after 2023-10-14
    EXPECT_EQ(d["uploads"], 3);
    EXPECT_EQ(d["next"], json::array());
    EXPECT_EQ(d["can_upload"], false);
    ASSERT_EQ(d["documents"].size(), 3u);
    ASSERT_EQ(d["documents"][0]["uploads"].size(), 2u);
    EXPECT_EQ(d["documents"][0]["uploads"][0]["withdrawn"], true);
    EXPECT_EQ(d["documents"][0]["uploads"][0]["withdraw_reason"], "Nhầm bản");
    const json& h = d["history"];
    ASSERT_EQ(h.size(), 6u);
    EXPECT_EQ(h[0]["by"], "pnv");
    EXPECT_EQ(h[1]["to"], "returned");
    EXPECT_EQ(h[1]["reason"], "Báo cáo thiếu chữ ký");
    EXPECT_EQ(h[1]["by"], "admin");
    EXPECT_EQ(h[5]["to"], "decided");

    // The withdrawn file is still there and downloadable by its unit, never sniffed.
    r = pnv.get("/api/v1/files/" + std::to_string(first_file));
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.body, kPdf);
    EXPECT_EQ(r.header("content-type"), "application/pdf");
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
    EXPECT_TRUE(r.header("content-disposition").starts_with("attachment; filename=\""))
        << r.header("content-disposition");
    EXPECT_NE(r.header("content-disposition").find("filename*=UTF-8''V%C4%83n"), std::string::npos);

    // The audit log: each step with its author.
    const json log = a.get("/api/v1/audit?action=dossier-status").json();
    ASSERT_EQ(log.size(), 6u);
    EXPECT_EQ(log[0]["actor"], "admin");
    EXPECT_EQ(log[0]["detail"]["after"]["decision_number"], "123/QĐ-UBND");
    EXPECT_EQ(log[5]["actor"], "pnv");
    EXPECT_EQ(log[5]["detail"]["before"]["status"], "draft");
    EXPECT_EQ(a.get("/api/v1/audit?action=dossier-upload").json().size(), 4u);
    EXPECT_EQ(a.get("/api/v1/audit?action=dossier-withdraw").json().size(), 1u);

    // The board shows the result.
    row = row_of(a.get("/api/v1/plans/" + kCt + "/dossiers" + kPeriod).json(), "giay-khen-tap-the",
                 "CT-PNV");
    EXPECT_EQ(row["status"], "decided");
    EXPECT_EQ(row["missing"], json::array());

    // So does the dossier board workbook: status, files, lateness, the decision.
    r = a.get("/api/v1/plans/" + kCt + "/documents/bang-ho-so" + kPeriod);
    ASSERT_EQ(r.status, 200) << r.body;
    TempDir dir;
    const auto path = dir.path() / "ho-so.xlsx";
    std::ofstream(path, std::ios::binary) << r.body;
    Workbook book(path);
    const Cells cells = book.cells("Hồ sơ");
    const int at_row = testing_support::row_of(cells, 3, "CT-PNV");
    ASSERT_GT(at_row, 0);
    const std::vector<std::string> texts = row_texts(cells, at_row);
    EXPECT_NE(std::find(texts.begin(), texts.end(), "Đã có quyết định"), texts.end());
    EXPECT_NE(std::find(texts.begin(), texts.end(), "123/QĐ-UBND ngày 2023-12-20"), texts.end());
    EXPECT_NE(std::find(texts.begin(), texts.end(), "Trễ hạn"), texts.end());
    EXPECT_NE(std::find(texts.begin(), texts.end(), "0/2 · 1 tệp"), texts.end());
}

TEST_P(WebDossierTest, ReadersAndTheCouncilOnlyDoTheirPart) {
    HttpTestClient a = admin();
    ASSERT_NO_FATAL_FAILURE(seed_scenario(a, kCt, "ranking-second-key-and-tie"));
    for (const char* role : {"lanh-dao", "hoi-dong"})
        ASSERT_EQ(
            a.post_json("/api/v1/users",
                        {{"username", role}, {"password", "mat-khau-ban-dau-1"}, {"role", role}})
                .status,
            201);
    HttpTestClient leader = client();
    ASSERT_EQ(leader.login("lanh-dao", "mat-khau-ban-dau-1").status, 200);
    ASSERT_EQ(leader
                  .post_json("/api/v1/me/password", {{"current_password", "mat-khau-ban-dau-1"},
                                                     {"new_password", "mat-khau-lanh-dao-2"}})
                  .status,
              200);
    EXPECT_EQ(leader.get(kDossier + kPeriod).status, 200);
    EXPECT_EQ(send_file(leader, "van-ban-de-nghi", "a.pdf", kPdf).status, 403);
    EXPECT_EQ(move(leader, {{"to", "submitted"}}).status, 403);
    EXPECT_EQ(move(a, {{"to", "bogus"}}).status, 400);
    EXPECT_EQ(a.get("/api/v1/plans/" + kCt + "/dossiers/giay-khen-tap-the/CT-VP" + kPeriod).status,
              404);  // tied, not selected: no dossier
    EXPECT_EQ(a.get("/api/v1/files/999").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, WebDossierTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace thidua::testing_support
