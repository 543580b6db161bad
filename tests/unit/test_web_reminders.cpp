// Deadlines over the API and the reminder job, on SQLite and PostgreSQL, with a fixed clock: the
// Kiên Giang sample's 2025 round must be registered by 30/03/2025 (the plan's annual rule) and
// none of its people has registered for 2025, so Vĩnh Bảo's officer is reminded of its two civil
// servants (KG-CB-0138, KG-CB-0139) a week, three days and a day before, on the day and the day
// after (An Thới, the sample's commune here until it closed on 2025-06-30, is not a
// candidate of the 2025 round: the year belongs to the đặc khu Phú Quốc; Vĩnh Bảo, unlike
// Sóc Sơn, owes no 2024 dossier, so registrations are all it is reminded of); Home Affairs gets one
// digest line each of those days; a second run on a day adds nothing; mail goes to those with an
// address, a failure is kept and retried.

#include <gtest/gtest.h>

#include <map>

#include "WebTestHelpers.h"
#include "notify/Mailer.h"
#include "web/app/ReminderJob.h"

namespace thidua::testing_support {
namespace {

using nlohmann::json;

class FakeMailer : public Mailer {
public:
    tl::expected<void, std::string> send(const MailMessage& m) override {
        if (fail) return tl::unexpected(std::string("máy chủ thư từ chối"));
        sent.push_back(m);
        return {};
    }
    std::vector<MailMessage> sent;
    bool fail = false;
};

Date d(int y, int m, int day) {
    return *Date::from_ymd(y, m, day);
}

class WebReminderTest : public WebTest {
protected:
    void SetUp() override {
        WebTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        HttpTestClient a = admin();
        ASSERT_NO_FATAL_FAILURE(seed_kien_giang(a));
    }

    web::ReminderRun run_on(Date day, Mailer* mailer = nullptr) {
        auto store = open();
        EXPECT_TRUE(store);
        return web::run_reminders(app(), *store, day, mailer, false);
    }
};

TEST_P(WebReminderTest, RemindersFireOnTheRightDaysOnceEach) {
    HttpTestClient at = officer("canbo-vinhbao", "don-vi", "KG-X-VB");
    HttpTestClient nv = officer("snv", "noi-vu");
    std::map<std::string, int> added_on;  // day -> notifications added for Vĩnh Bảo's officer
    for (Date day = d(2025, 3, 20); day <= d(2025, 4, 2); day = day.plus_days(1)) {
        const int before = at.get("/api/v1/notifications?limit=500").json()["items"].size();
        run_on(day);
        const int after = at.get("/api/v1/notifications?limit=500").json()["items"].size();
        if (after > before) added_on[day.iso()] = after - before;
    }
    const std::map<std::string, int> expected = {{"2025-03-23", 2},
                                                 {"2025-03-27", 2},
                                                 {"2025-03-29", 2},
                                                 {"2025-03-30", 2},
                                                 {"2025-03-31", 2}};
    EXPECT_EQ(added_on, expected);
    // The same day again adds nothing.
    EXPECT_EQ(run_on(d(2025, 3, 27)).added, 0);

    const json mine = at.get("/api/v1/notifications?limit=500").json();
    EXPECT_EQ(mine["unread"], 10);
    bool named = false;
    for (const json& n : mine["items"]) {
        EXPECT_EQ(n["unit"], "KG-X-VB");
        named = named || n["title"].get<std::string>().find("Đỗ Thanh Trí") != std::string::npos;
    }
    EXPECT_TRUE(named);
    EXPECT_EQ(mine["items"][0]["title"].get<std::string>().rfind("Đã quá hạn (30/03/2025)", 0), 0u)
        << mine["items"][0]["title"];

    // Home Affairs: one digest line per firing day of each deadline: the registrations' five,
    // and the 2024 dossiers' (15 days after 11/03/2025: 26/03/2025) four within these days
    // (23/03 three days before, 25/03, 26/03 and 27/03; the week before fell on 19/03).
    const json digest = nv.get("/api/v1/notifications?limit=500").json();
    int registrations = 0, dossiers = 0;
    for (const json& n : digest["items"]) {
        const std::string title = n["title"];
        registrations += title.find("chưa đăng ký") != std::string::npos;
        dossiers += title.find("hồ sơ chưa nộp") != std::string::npos &&
                    title.find("26/03/2025") != std::string::npos;
    }
    EXPECT_EQ(registrations, 5);
    EXPECT_EQ(dossiers, 4);
    EXPECT_EQ(digest["items"].size(), 9u);

    // Read marks only the caller's own.
    const int64_t id = mine["items"][0]["id"].get<int64_t>();
    EXPECT_EQ(nv.post_json("/api/v1/notifications/" + std::to_string(id) + "/read", json::object())
                  .status,
              404);
    EXPECT_EQ(at.post_json("/api/v1/notifications/" + std::to_string(id) + "/read", json::object())
                  .status,
              200);
    EXPECT_EQ(at.get("/api/v1/notifications?unread=1").json()["unread"], 9);
}

TEST_P(WebReminderTest, MailGoesToThoseWithAnAddressAndFailuresAreRetried) {
    HttpTestClient a = admin();
    HttpTestClient at = officer("canbo-vinhbao", "don-vi", "KG-X-VB");
    const json users = a.get("/api/v1/users").json();
    int64_t id = 0;
    for (const json& u : users)
        if (u["username"] == "canbo-vinhbao") id = u["id"].get<int64_t>();
    EXPECT_EQ(a.request("PATCH", "/api/v1/users/" + std::to_string(id),
                        R"({"email":"khong phai thu"})", {{"Content-Type", "application/json"}})
                  .status,
              400);
    ASSERT_EQ(a.request("PATCH", "/api/v1/users/" + std::to_string(id),
                        R"({"email":"vinhbao@example.vn"})", {{"Content-Type", "application/json"}})
                  .status,
              200);

    FakeMailer mailer;
    mailer.fail = true;
    web::ReminderRun run = run_on(d(2025, 3, 23), &mailer);
    EXPECT_EQ(run.mail_failed, 2);
    EXPECT_TRUE(mailer.sent.empty());
    mailer.fail = false;
    run = run_on(d(2025, 3, 24), &mailer);  // nothing new fires; the two failed are retried
    EXPECT_EQ(run.added, 0);
    EXPECT_EQ(run.mailed, 2);
    ASSERT_EQ(mailer.sent.size(), 2u);
    EXPECT_EQ(mailer.sent[0].to, "vinhbao@example.vn");
    EXPECT_EQ(mailer.sent[0].subject.rfind("[thidua] Còn 7 ngày (hạn 30/03/2025)", 0), 0u)
        << mailer.sent[0].subject;
    EXPECT_TRUE(at.get("/api/v1/notifications").json()["items"][0]["mailed"].get<bool>());
    EXPECT_EQ(run_on(d(2025, 3, 24), &mailer).mailed, 0);
}

TEST_P(WebReminderTest, TheCalendarListsThePlansDates) {
    HttpTestClient a = admin();
    const json c = a.get("/api/v1/plans/" + kKg + "/calendar").json();
    ASSERT_FALSE(c["entries"].empty());
    bool registration_2025 = false, phase_dossier = false;
    for (const json& e : c["entries"]) {
        if (e["kind"] == "registration" && e["period"] == "2025")
            registration_2025 = e["date"] == "2025-03-30";
        if (e["kind"] == "dossier" && e["period"] == "2021-2025")
            phase_dossier = e["date"] == "2026-02-14";
    }
    EXPECT_TRUE(registration_2025);
    EXPECT_TRUE(phase_dossier);
    const json all = a.get("/api/v1/calendar").json();
    EXPECT_EQ(all["entries"].size(), c["entries"].size());
    EXPECT_EQ(all["entries"][0]["plan"], kKg);
    EXPECT_EQ(a.get("/api/v1/plans/khong-co/calendar").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, WebReminderTest, ::testing::Values("sqlite", "postgresql"),
                         backend_name);

}  // namespace
}  // namespace thidua::testing_support
