// Registration in the application, on SQLite and PostgreSQL: a unit officer registers their unit
// and people, on time before the plan's deadline and late after it; only Home Affairs accepts or
// refuses a late one, with a reason; the board and the criterion `registered` follow; an import
// of registrations.csv later leaves them in place; the audit log names each step's author.
//
// Data built here: the Kiên Giang plan, two departments (KG-SNV with three people, KG-STP with
// one), 2021-2025 rated xuất sắc every year so the `registered` criterion decides; no
// registrations.csv, so every registration is made through the API.

#include <gtest/gtest.h>

#include "WebTestHelpers.h"

namespace thidua::testing_support {
namespace {

using nlohmann::json;

std::string dataset_zip() {
    std::string unit_years = "unit_id,year,par_score,par_max,par_rating,compliance,disciplined\n";
    for (const char* unit : {"KG-SNV", "KG-STP"})
        for (int year = 2021; year <= 2025; ++year)
            unit_years += fmt::format("{},{},95,100,xuat-sac,1,0\n", unit, year);
    ZipEntries e{
        {"units.csv",
         "id,name,type,parent_id\nKG,Ủy ban nhân dân tỉnh Kiên Giang,province,\n"
         "KG-SNV,Sở Nội vụ,department,KG\nKG-STP,Sở Tư pháp,department,KG\n"},
        {"people.csv",
         "id,name,unit_id,gender\nP1,Nguyễn Thị Hồng Nhung,KG-SNV,nu\nP2,Trần Văn Được,KG-SNV,nam\n"
         "P3,Lê Thị Mai,KG-SNV,nu\nP4,Phạm Văn Tư,KG-STP,nam\n"},
        {"unit_years.csv", unit_years},
    };
    return build_zip(e);
}

// The plan with its phase deadline moved: 2099 (every registration on time) or as written
// (2022-03-30: every registration made today is late).
std::string plan_with_deadline(const std::string& date) {
    std::string text = plan_text(kKg);
    const std::string from = "date: 2022-03-30}";
    text.replace(text.find(from), from.size(), "date: " + date + "}");
    return text;
}

const std::string kRegistrations = "/api/v1/plans/" + kKg + "/registrations";

HttpReply register_subject(HttpTestClient& c, const std::string& kind, const std::string& id) {
    return c.post_json(kRegistrations,
                       {{"period", "2021-2025"}, {"subject_kind", kind}, {"subject_id", id}});
}

json row_of(HttpTestClient& c, const std::string& id) {
    const HttpReply r = c.get(kRegistrations + "?period=2021-2025");
    const json board = r.json();
    for (const json& row : board["rows"])
        if (row["id"] == id) return row;
    ADD_FAILURE() << id << " is not on the board: " << r.body.substr(0, 600);
    return nullptr;
}

// The result of the criterion `registered` (id `registered` in the KG plan's Cờ thi đua) for
// one unit, with its reason.
json registered_criterion(HttpTestClient& c, const std::string& unit) {
    const json e = c.get("/api/v1/plans/" + kKg + "/evaluation?period=2021-2025&limit=all").json();
    // (a named json: a loop over a member of a temporary would read freed memory)
    for (const json& award : e["awards"])
        for (const json& group : award["groups"])
            for (const json& cand : group["candidates"])
                if (cand["id"] == unit)
                    for (const json& k : cand["criteria"])
                        if (k["detail"].get<std::string>().find("đăng ký") != std::string::npos)
                            return k;
    return nullptr;
}

class WebRegistrationTest : public WebTest {};

TEST_P(WebRegistrationTest, OnTimeBeforeTheDeadlineAndPeopleUpToThePlansNumber) {
    HttpTestClient a = admin();
    ASSERT_EQ(put_plan(a, kKg, plan_with_deadline("2099-03-30")).status, 200);
    ASSERT_EQ(upload(a, "/api/v1/plans/" + kKg + "/data", dataset_zip()).status, 200);
    HttpTestClient snv = officer("snv", "don-vi", "KG-SNV");

    const HttpReply made = register_subject(snv, "unit", "KG-SNV");
    ASSERT_EQ(made.status, 201) << made.body;
    EXPECT_EQ(made.json()["status"], "on_time");
    EXPECT_EQ(register_subject(snv, "unit", "KG-SNV").status, 200);  // already registered
    EXPECT_EQ(row_of(a, "KG-SNV")["status"], "on_time");
    EXPECT_EQ(row_of(a, "KG-SNV")["entry"]["registered_by"], "snv");
    EXPECT_EQ(row_of(a, "KG-STP")["status"], "missing");
    EXPECT_EQ(registered_criterion(a, "KG-SNV")["result"], "pass");
    EXPECT_EQ(registered_criterion(a, "KG-STP")["result"], "fail");

    // The plan asks for 2 individuals per unit (individuals_per_unit: 2).
    EXPECT_EQ(register_subject(snv, "person", "P1").status, 201);
    EXPECT_EQ(register_subject(snv, "person", "P2").status, 201);
    const HttpReply third = register_subject(snv, "person", "P3");
    EXPECT_EQ(third.status, 409) << third.body;
    EXPECT_EQ(third.error_code(), "too_many");

    // Another unit's, and what is not a subject of the period: not found for this officer.
    EXPECT_EQ(register_subject(snv, "unit", "KG-STP").status, 404);
    EXPECT_EQ(register_subject(snv, "person", "P4").status, 404);
    EXPECT_EQ(register_subject(a, "unit", "KHONG-CO").status, 404);
    EXPECT_EQ(snv.post_json(kRegistrations, {{"period", "2021-2025"}}).status, 400);
    EXPECT_EQ(
        snv.post_json(kRegistrations,
                      {{"period", "2030"}, {"subject_kind", "unit"}, {"subject_id", "KG-SNV"}})
            .status,
        400);
    // The council does not register units.
    HttpTestClient hd = officer("hd", "hoi-dong");
    EXPECT_EQ(register_subject(hd, "unit", "KG-STP").status, 403);
}

TEST_P(WebRegistrationTest, LateRegistrationCountsOnlyOnceHomeAffairsAcceptsIt) {
    HttpTestClient a = admin();
    ASSERT_EQ(put_plan(a, kKg, plan_with_deadline("2022-03-30")).status, 200);
    ASSERT_EQ(upload(a, "/api/v1/plans/" + kKg + "/data", dataset_zip()).status, 200);
    HttpTestClient stp = officer("stp", "don-vi", "KG-STP");
    HttpTestClient snv_officer = officer("nv", "noi-vu");

    const HttpReply late = register_subject(stp, "unit", "KG-STP");
    ASSERT_EQ(late.status, 201) << late.body;
    EXPECT_EQ(late.json()["status"], "late");
    EXPECT_EQ(row_of(a, "KG-STP")["status"], "late");
    EXPECT_EQ(registered_criterion(a, "KG-STP")["result"], "fail");

    const json accept = {{"period", "2021-2025"},
                         {"subject_kind", "unit"},
                         {"subject_id", "KG-STP"},
                         {"accept", true},
                         {"reason", "Công văn gửi đúng hạn nhưng thất lạc tại văn thư"}};
    // The unit cannot decide its own; a decision needs a reason.
    EXPECT_EQ(stp.post_json(kRegistrations + "/decision", accept).status, 403);
    json no_reason = accept;
    no_reason["reason"] = "";
    EXPECT_EQ(snv_officer.post_json(kRegistrations + "/decision", no_reason).status, 400);
    const HttpReply decided = snv_officer.post_json(kRegistrations + "/decision", accept);
    ASSERT_EQ(decided.status, 200) << decided.body;
    EXPECT_EQ(row_of(a, "KG-STP")["status"], "late_accepted");
    const json criterion = registered_criterion(a, "KG-STP");
    EXPECT_EQ(criterion["result"], "pass");
    EXPECT_NE(criterion["detail"].get<std::string>().find("thất lạc"), std::string::npos)
        << criterion.dump();

    // Refused after all: the registration no longer counts.
    json refuse = accept;
    refuse["accept"] = false;
    refuse["reason"] = "Kiểm tra lại: không có công văn";
    ASSERT_EQ(snv_officer.post_json(kRegistrations + "/decision", refuse).status, 200);
    EXPECT_EQ(registered_criterion(a, "KG-STP")["result"], "fail");

    // An import of registrations.csv for the plan keeps the registrations made here.
    ZipEntries regs{
        {"units.csv",
         "id,name,type,parent_id\nKG,Ủy ban nhân dân tỉnh Kiên Giang,province,\nKG-SNV,Sở Nội "
         "vụ,department,KG\n"},
        {"registrations.csv", "subject_id,period,registered_on\nKG-SNV,2021-2025,2022-03-01\n"}};
    ASSERT_EQ(upload(a, "/api/v1/plans/" + kKg + "/data", build_zip(regs)).status, 200);
    EXPECT_EQ(row_of(a, "KG-SNV")["status"], "on_time");
    EXPECT_FALSE(row_of(a, "KG-STP")["entry"].is_null());

    // Each step is in the audit log with its author, before and after.
    const json log = a.get("/api/v1/audit?action=registration-decision").json();
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0]["actor"], "nv");
    EXPECT_EQ(log[0]["detail"]["before"]["decision"], "accepted");
    EXPECT_EQ(log[0]["detail"]["after"]["decision"], "refused");
    EXPECT_EQ(a.get("/api/v1/audit?action=registration").json()[0]["actor"], "stp");
    // An on-time registration needs no decision.
    EXPECT_EQ(snv_officer
                  .post_json(kRegistrations + "/decision", {{"period", "2021-2025"},
                                                            {"subject_kind", "unit"},
                                                            {"subject_id", "KG-SNV"},
                                                            {"accept", true},
                                                            {"reason", "x"}})
                  .status,
              409);  // imported on time: nothing to decide
}

TEST_P(WebRegistrationTest, HomeAffairsAcceptsALateRegistrationThatCameWithTheImport) {
    HttpTestClient a = admin();
    ASSERT_EQ(put_plan(a, kKg, plan_with_deadline("2022-03-30")).status, 200);
    ASSERT_EQ(upload(a, "/api/v1/plans/" + kKg + "/data", dataset_zip()).status, 200);
    ZipEntries regs{
        {"units.csv",
         "id,name,type,parent_id\nKG,Ủy ban nhân dân tỉnh Kiên Giang,province,\nKG-SNV,Sở Nội "
         "vụ,department,KG\n"},
        {"registrations.csv", "subject_id,period,registered_on\nKG-SNV,2021-2025,2022-04-04\n"}};
    ASSERT_EQ(upload(a, "/api/v1/plans/" + kKg + "/data", build_zip(regs)).status, 200);
    EXPECT_EQ(row_of(a, "KG-SNV")["status"], "late");
    EXPECT_EQ(registered_criterion(a, "KG-SNV")["result"], "fail");

    HttpTestClient nv = officer("nv", "noi-vu");
    const HttpReply decided =
        nv.post_json(kRegistrations + "/decision", {{"period", "2021-2025"},
                                                    {"subject_kind", "unit"},
                                                    {"subject_id", "KG-SNV"},
                                                    {"accept", true},
                                                    {"reason", "Gửi qua bưu điện trước hạn"}});
    ASSERT_EQ(decided.status, 200) << decided.body;
    const json row = row_of(a, "KG-SNV");
    EXPECT_EQ(row["status"], "late_accepted");
    EXPECT_EQ(row["registered_on"], "2022-04-04");
    EXPECT_EQ(row["entry"]["registered_by"], "(dữ liệu nhập)");
    EXPECT_EQ(row["entry"]["decided_by"], "nv");
    EXPECT_EQ(registered_criterion(a, "KG-SNV")["result"], "pass");
    // A subject that never registered has nothing to decide.
    EXPECT_EQ(nv.post_json(kRegistrations + "/decision", {{"period", "2021-2025"},
                                                          {"subject_kind", "unit"},
                                                          {"subject_id", "KG-STP"},
                                                          {"accept", true},
                                                          {"reason", "x"}})
                  .status,
              404);
}

INSTANTIATE_TEST_SUITE_P(Backends, WebRegistrationTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace thidua::testing_support
