// Documents over the API, on SQLite and PostgreSQL: the Kiên Giang phase evaluated on the
// dossiers-due scenario (tests/scenarios/kien-giang-2021-2025/dossiers-due, whose notes derive
// the Cờ thi đua selection by hand: KG-SNV, KG-STP, KG-H-RG, KG-X-VTV, KG-X-VL), the documents
// made from it, a don-vi user's limits, and a plan's own template uploaded, used and reset.

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <set>

#include "WebTestHelpers.h"
#include "documents/PdfConverter.h"
#include "io/zip/ZipArchive.h"

namespace thidua::testing_support {
namespace {

using nlohmann::json;

const std::string kDocs = "/api/v1/plans/" + kKg + "/documents/";

void seed(HttpTestClient& admin) {
    ASSERT_EQ(put_plan(admin, kKg, plan_text(kKg)).status, 200);
    const HttpReply r = upload(admin, "/api/v1/plans/" + kKg + "/data",
                               scenario_zip("kien-giang-2021-2025", "dossiers-due"));
    ASSERT_EQ(r.status, 200) << r.body;
}

// The text a reader sees in word/document.xml: w:t joined, one line per paragraph.
std::string docx_text(const std::string& docx) {
    auto zip = ZipArchive::open_memory(docx);
    if (!zip) return "<not a zip>";
    const auto index = zip->find("word/document.xml");
    if (!index) return "<no document.xml>";
    const auto xml = zip->read(*index);
    pugi::xml_document doc;
    if (!xml || !doc.load_buffer(xml->data(), xml->size())) return "<bad xml>";
    std::string out;
    for (pugi::xpath_node p : doc.select_nodes("//w:p")) {
        for (pugi::xpath_node t : p.node().select_nodes(".//w:t"))
            out += t.node().text().get();
        out += '\n';
    }
    return out;
}

// A one-paragraph template for the submission, as a user might make it in Word.
std::string own_template(const std::string& body_text) {
    const std::string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const std::string r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    ZipEntries e;
    e.push_back(
        {"[Content_Types].xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
         "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default "
         "Extension=\"rels\" ContentType=\"application/"
         "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
         "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
         "ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"});
    e.push_back({"_rels/.rels",
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                 "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                 "<Relationship Id=\"rId1\" Type=\"" +
                     r + "/officeDocument\" Target=\"word/document.xml\"/></Relationships>"});
    e.push_back(
        {"word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" +
                                  w + "\"><w:body><w:p><w:r><w:t xml:space=\"preserve\">" +
                                  body_text + "</w:t></w:r></w:p></w:body></w:document>"});
    return build_zip(e);
}

HttpReply put_template(HttpTestClient& c, const std::string& kind, const std::string& bytes) {
    return c.request("PUT", "/api/v1/plans/" + kKg + "/templates/" + kind + "?name=mau-rieng.docx",
                     bytes, {{"Content-Type", "application/octet-stream"}});
}

class WebDocumentsTest : public WebTest {};

TEST_P(WebDocumentsTest, SubmissionListAndDecisionCarryTheSelectionAndTheMoney) {
    HttpTestClient c = admin();
    seed(c);
    // Dated after 2025-07-01: Kiên Giang's bodies have successors in the new An Giang province.
    const HttpReply tt =
        c.get(kDocs + "to-trinh?period=2021-2025&award=co-thi-dua&date=2026-03-05");
    ASSERT_EQ(tt.status, 200) << tt.body;
    EXPECT_NE(tt.header("content-type").find("wordprocessingml"), std::string::npos);
    EXPECT_NE(tt.header("content-disposition").find("to-trinh-kien-giang-2021-2025-2021-2025"),
              std::string::npos);
    const std::string text = docx_text(tt.body);
    EXPECT_NE(text.find("SỞ NỘI VỤ TỈNH AN GIANG"), std::string::npos) << text;
    EXPECT_NE(text.find("ngày 05 tháng 3 năm 2026"), std::string::npos) << text;
    EXPECT_NE(text.find("Ủy ban nhân dân tỉnh An Giang"), std::string::npos) << text;
    // Five units for the Cờ thi đua: 5 × 8,0 × 2.340.000 = 93.600.000 đồng.
    EXPECT_NE(text.find("93.600.000 đồng"), std::string::npos) << text;
    EXPECT_NE(text.find("Chín mươi ba triệu sáu trăm nghìn đồng"), std::string::npos) << text;
    EXPECT_NE(text.find("Kế hoạch số 64/KH-UBND ngày 22/3/2022"), std::string::npos) << text;
    EXPECT_EQ(text.find("{{"), std::string::npos) << text;

    const std::string list =
        docx_text(c.get(kDocs + "danh-sach-de-nghi?period=2021-2025&award=co-thi-dua").body);
    for (const char* name :
         {"Sở Nội vụ", "Sở Tư pháp", "Ủy ban nhân dân thành phố Rạch Giá",
          "Ủy ban nhân dân phường Vĩnh Thanh Vân", "Ủy ban nhân dân phường Vĩnh Lạc"})
        EXPECT_NE(list.find(name), std::string::npos) << name << "\n" << list;

    // Before the merger the province itself decides.
    const std::string qd = docx_text(
        c.get(kDocs + "quyet-dinh?period=2021-2025&award=co-thi-dua&date=2025-06-30").body);
    EXPECT_NE(qd.find("ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG"), std::string::npos) << qd;
    EXPECT_NE(qd.find("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG"), std::string::npos) << qd;
    EXPECT_NE(qd.find("cho 05 tập thể"), std::string::npos) << qd;
}

TEST_P(WebDocumentsTest, UnitDocumentsWorkbooksPdfAndBadRequests) {
    HttpTestClient c = admin();
    seed(c);
    const std::string report =
        docx_text(c.get(kDocs + "bao-cao-thanh-tich?period=2021-2025&unit=KG-SNV").body);
    EXPECT_NE(report.find("Sở Nội vụ"), std::string::npos) << report;
    for (const char* year : {"2021", "2022", "2023", "2024", "2025"})
        EXPECT_NE(report.find(year), std::string::npos) << year;
    EXPECT_EQ(c.get(kDocs + "dang-ky-thi-dua?period=2021-2025").status, 422);  // needs a unit
    EXPECT_EQ(c.get(kDocs + "dang-ky-thi-dua?period=2021-2025&unit=KHONG-CO").status, 404);
    EXPECT_EQ(c.get(kDocs + "khong-co?period=2021-2025").status, 404);
    EXPECT_EQ(c.get(kDocs + "to-trinh").status, 400);
    EXPECT_EQ(c.get(kDocs + "to-trinh?period=2021-2025&format=xlsx").status, 400);
    EXPECT_EQ(c.get(kDocs + "to-trinh?period=2021-2025&date=05/03/2026").status, 400);

    for (const char* kind : {"danh-gia", "bang-dang-ky", "bang-ho-so", "ket-qua-nam"}) {
        const HttpReply r = c.get(kDocs + kind + "?period=2021-2025");
        ASSERT_EQ(r.status, 200) << kind << r.body;
        EXPECT_TRUE(r.body.starts_with("PK")) << kind;
        EXPECT_NE(r.header("content-type").find("spreadsheetml"), std::string::npos);
    }

    const HttpReply pdf = c.get(kDocs + "to-trinh?period=2021-2025&format=pdf");
    if (documents::find_soffice().empty()) {
        EXPECT_EQ(pdf.status, 503);
        EXPECT_EQ(pdf.error_code(), "pdf_unavailable");
    } else {
        ASSERT_EQ(pdf.status, 200) << pdf.body;
        EXPECT_TRUE(pdf.body.starts_with("%PDF"));
    }

    const json kinds = c.get("/api/v1/document-kinds").json();
    EXPECT_EQ(kinds["kinds"].size(), 10u);
    EXPECT_EQ(kinds["kinds"][0]["id"], "dang-ky-thi-dua");
    EXPECT_FALSE(kinds["kinds"][0]["fields"].empty());
}

TEST_P(WebDocumentsTest, AUnitOfficerMakesOnlyTheirOwnUnitsDocuments) {
    HttpTestClient a = admin();
    seed(a);
    ASSERT_EQ(a.post_json("/api/v1/users", {{"username", "snv"},
                                            {"password", "mat-khau-don-vi-1"},
                                            {"role", "don-vi"},
                                            {"unit_id", "KG-SNV"}})
                  .status,
              201);
    HttpTestClient u = client();
    ASSERT_EQ(u.login("snv", "mat-khau-don-vi-1").status, 200);
    ASSERT_EQ(u.post_json("/api/v1/me/password", {{"current_password", "mat-khau-don-vi-1"},
                                                  {"new_password", "mat-khau-cua-rieng-toi"}})
                  .status,
              200);
    EXPECT_EQ(u.get(kDocs + "dang-ky-thi-dua?period=2021-2025&unit=KG-SNV").status, 200);
    EXPECT_EQ(u.get(kDocs + "dang-ky-thi-dua?period=2021-2025&unit=KG-STP").status, 404);
    EXPECT_EQ(u.get(kDocs + "to-trinh?period=2021-2025").status, 403);
    EXPECT_EQ(u.get(kDocs + "bang-dang-ky?period=2021-2025").status, 403);
    EXPECT_EQ(put_template(u, "to-trinh", own_template("{{co_quan.ten}}")).status, 403);
    const json board = u.get("/api/v1/plans/" + kKg + "/registrations?period=2021-2025").json();
    for (const json& row : board["rows"])
        EXPECT_TRUE(row["id"].get<std::string>().starts_with("KG-SNV") ||
                    row["unit"].get<std::string>().starts_with("KG-SNV"))
            << row.dump();
}

TEST_P(WebDocumentsTest, APlansOwnTemplateIsCheckedUsedAndCanBeReset) {
    HttpTestClient c = admin();
    seed(c);
    const HttpReply bad = put_template(c, "to-trinh", own_template("{{co_quan.tenn}} {{#x"));
    ASSERT_EQ(bad.status, 422) << bad.body;
    EXPECT_EQ(bad.error_code(), "invalid_template");
    EXPECT_GE(bad.json()["error"]["details"].size(), 2u);
    EXPECT_EQ(put_template(c, "to-trinh", "not a docx").status, 422);
    EXPECT_EQ(put_template(c, "khong-co", own_template("x")).status, 404);

    const HttpReply ok = put_template(c, "to-trinh", own_template("Mẫu riêng: {{co_quan.ten}}"));
    ASSERT_EQ(ok.status, 201) << ok.body;
    EXPECT_EQ(ok.json()["version"], 1);
    const std::string made =
        docx_text(c.get(kDocs + "to-trinh?period=2021-2025&date=2025-01-06").body);
    EXPECT_EQ(made, "Mẫu riêng: SỞ NỘI VỤ TỈNH KIÊN GIANG\n");
    json listed = c.get("/api/v1/plans/" + kKg + "/templates").json();
    ASSERT_EQ(listed.size(), 6u);
    for (const json& t : listed)
        EXPECT_EQ(t["source"], t["kind"] == "to-trinh" ? "plan" : "default") << t.dump();

    ASSERT_EQ(c.request("DELETE", "/api/v1/plans/" + kKg + "/templates/to-trinh").status, 200);
    const std::string back = docx_text(c.get(kDocs + "to-trinh?period=2021-2025").body);
    EXPECT_EQ(back.find("Mẫu riêng"), std::string::npos);
    EXPECT_NE(back.find("TỜ TRÌNH"), std::string::npos) << back;
    const HttpReply tpl = c.get("/api/v1/plans/" + kKg + "/templates/to-trinh");
    EXPECT_TRUE(tpl.body.starts_with("PK"));
    EXPECT_NE(docx_text(tpl.body).find("{{"), std::string::npos);
}

// The audit log for an administrator: the template upload above is in it with its author,
// filtered in the store, exported as a workbook; nobody else may read it.
TEST_P(WebDocumentsTest, AuditLogFiltersAndExportsForAdministratorsOnly) {
    HttpTestClient c = admin();
    seed(c);
    ASSERT_EQ(put_template(c, "to-trinh", own_template("{{co_quan.ten}}")).status, 201);
    const json saves = c.get("/api/v1/audit?action=plan-template-save").json();
    ASSERT_EQ(saves.size(), 1u);
    EXPECT_EQ(saves[0]["actor"], "admin");
    EXPECT_EQ(saves[0]["subject"], kKg);
    EXPECT_EQ(saves[0]["detail"]["form"], "to-trinh");
    const json plans = c.get("/api/v1/audit?subject=kien-giang*&actor=admin").json();
    std::set<std::string> actions;
    for (const json& e : plans) {
        EXPECT_EQ(e["subject"].get<std::string>().rfind("kien-giang", 0), 0u) << e.dump();
        actions.insert(e["action"].get<std::string>());
    }
    EXPECT_TRUE(actions.contains("plan-save") && actions.contains("plan-template-save"));
    EXPECT_TRUE(c.get("/api/v1/audit?actor=nobody").json().empty());
    EXPECT_TRUE(c.get("/api/v1/audit?to=2000-01-01").json().empty());
    EXPECT_EQ(c.get("/api/v1/audit?from=hôm-qua").status, 400);
    const HttpReply xlsx = c.get("/api/v1/audit.xlsx?action=plan-template-save");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_TRUE(xlsx.body.starts_with("PK"));

    ASSERT_EQ(
        c.post_json("/api/v1/users",
                    {{"username", "hd"}, {"password", "mat-khau-hoi-dong-1"}, {"role", "hoi-dong"}})
            .status,
        201);
    HttpTestClient h = client();
    ASSERT_EQ(h.login("hd", "mat-khau-hoi-dong-1").status, 200);
    EXPECT_EQ(h.get("/api/v1/audit").status, 403);
    EXPECT_EQ(h.get("/api/v1/audit.xlsx").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, WebDocumentsTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace thidua::testing_support
