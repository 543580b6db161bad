// The evaluation cache (web/app/EvaluationCache.h), on SQLite and PostgreSQL: a second request
// is served from it (X-Thidua-Cache: hit, the counters do not move, If-None-Match gives 304, a
// gzip body is compressed once);
// every change that can alter an evaluation — an import, a new plan version, a registration, a
// council decision — reaches the next response, also on another server sharing the database,
// while logins and new accounts leave the cache alone; a don-vi user's view is its own; requests
// arriving together evaluate once; the other resources reuse the same evaluation.
//
// Data built here: the Kiên Giang plan with its registration deadline in 2099 and two departments
// rated xuất sắc every year, KG-SNV with two people (so the criterion `registered` decides and a
// registration changes it); the Châu Thành tie scenario for the council.

#include <gtest/gtest.h>

#include <latch>
#include <thread>
#include <vector>

#include <zlib.h>

#include "WebTestHelpers.h"
#include "web/app/EvaluationCache.h"

namespace thidua::testing_support {
namespace {

using nlohmann::json;

const std::string kEvaluation = "/api/v1/plans/" + kKg + "/evaluation?period=2021-2025";

std::string dataset_zip(const std::string& stp_name = "Sở Tư pháp") {
    std::string unit_years = "unit_id,year,par_score,par_max,par_rating,compliance,disciplined\n";
    for (const char* unit : {"KG-SNV", "KG-STP"})
        for (int year = 2021; year <= 2025; ++year)
            unit_years += fmt::format("{},{},95,100,xuat-sac,1,0\n", unit, year);
    ZipEntries e{
        {"units.csv",
         "id,name,type,parent_id\nKG,Ủy ban nhân dân tỉnh Kiên Giang,province,\n"
         "KG-SNV,Sở Nội vụ,department,KG\nKG-STP," +
             stp_name + ",department,KG\n"},
        {"people.csv",
         "id,name,unit_id,gender\nP1,Nguyễn Thị Hồng Nhung,KG-SNV,nu\nP2,Trần Văn Được,KG-SNV,nam\n"
         "P4,Phạm Văn Tư,KG-STP,nam\n"},
        {"unit_years.csv", unit_years},
    };
    return build_zip(e);
}

std::string plan_version(const std::string& flag_name = "Cờ thi đua của Ủy ban nhân dân tỉnh") {
    std::string text = plan_text(kKg);
    const std::string deadline = "date: 2022-03-30}";
    text.replace(text.find(deadline), deadline.size(), "date: 2099-03-30}");
    const std::string name = "name: Cờ thi đua của Ủy ban nhân dân tỉnh";
    text.replace(text.find(name), name.size(), "name: " + flag_name);
    return text;
}

void seed(HttpTestClient& a) {
    ASSERT_EQ(put_plan(a, kKg, plan_version()).status, 200);
    const HttpReply r = upload(a, "/api/v1/plans/" + kKg + "/data", dataset_zip());
    ASSERT_EQ(r.status, 200) << r.body;
}

// Every candidate of the evaluation by id, with its name and the result of `registered`.
struct Seen {
    std::map<std::string, std::string> names;
    std::map<std::string, std::string> registered;
    std::vector<std::string> award_names;
};

Seen seen_in(const HttpReply& r) {
    Seen s;
    const json e = r.json();
    for (const json& award : e["awards"]) {
        s.award_names.push_back(award["name"]);
        for (const json& group : award["groups"])
            for (const json& c : group["candidates"]) {
                s.names[c["id"]] = c["name"];
                for (const json& k : c["criteria"])
                    if (k["id"] == "registered") s.registered[c["id"]] = k["result"];
            }
    }
    return s;
}

std::string gunzip(const std::string& bytes) {
    z_stream z{};
    EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
    std::string out;
    std::string buffer(1 << 16, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = static_cast<uInt>(bytes.size());
    int status = Z_OK;
    while (status == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buffer.data());
        z.avail_out = static_cast<uInt>(buffer.size());
        status = inflate(&z, Z_NO_FLUSH);
        out.append(buffer.data(), buffer.size() - z.avail_out);
    }
    EXPECT_EQ(status, Z_STREAM_END);
    inflateEnd(&z);
    return out;
}

class WebEvaluationCacheTest : public WebTest {
protected:
    web::EvaluationCacheCounters counters() { return app().evaluations().counters(); }
};

TEST_P(WebEvaluationCacheTest, TheSecondRequestIsServedFromTheCache) {
    HttpTestClient a = admin();
    ASSERT_NO_FATAL_FAILURE(seed(a));
    const HttpReply first = a.get(kEvaluation);
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.header("x-thidua-cache"), "miss");
    EXPECT_EQ(first.header("cache-control"), "private, no-cache");
    const std::string etag = first.header("etag");
    ASSERT_FALSE(etag.empty());
    const auto after_first = counters();
    EXPECT_EQ(after_first.evaluations_run, 1u);
    EXPECT_EQ(after_first.datasets_loaded, 1u);
    EXPECT_EQ(after_first.bodies_written, 1u);

    const HttpReply second = a.get(kEvaluation);
    ASSERT_EQ(second.status, 200);
    EXPECT_EQ(second.header("x-thidua-cache"), "hit");
    EXPECT_EQ(second.header("etag"), etag);
    EXPECT_EQ(second.body, first.body);

    // A browser revalidating gets 304 without the body; a stale tag gets the body.
    const HttpReply same = a.request("GET", kEvaluation, "", {{"If-None-Match", etag}});
    EXPECT_EQ(same.status, 304);
    EXPECT_TRUE(same.body.empty());
    EXPECT_EQ(same.header("etag"), etag);
    EXPECT_EQ(a.request("GET", kEvaluation, "", {{"If-None-Match", "\"cu\""}}).status, 200);

    // Compressed for a client that takes gzip, once, with a tag of its own.
    const HttpReply packed =
        a.request("GET", kEvaluation, "", {{"Accept-Encoding", "gzip, deflate"}});
    ASSERT_EQ(packed.status, 200);
    EXPECT_EQ(packed.header("content-encoding"), "gzip");
    EXPECT_EQ(packed.header("vary"), "Accept-Encoding");
    EXPECT_EQ(packed.header("x-thidua-cache"), "miss");
    EXPECT_NE(packed.header("etag"), etag);
    EXPECT_EQ(gunzip(packed.body), first.body);
    EXPECT_EQ(
        a.request("GET", kEvaluation, "", {{"Accept-Encoding", "gzip"}}).header("x-thidua-cache"),
        "hit");
    EXPECT_EQ(a.request("GET", kEvaluation, "",
                        {{"Accept-Encoding", "gzip"}, {"If-None-Match", packed.header("etag")}})
                  .status,
              304);

    // The resources that need the same evaluation take it from the cache too.
    for (const std::string path :
         {"/registrations?period=2021-2025", "/dossiers?period=2021-2025",
          "/evaluation.xlsx?period=2021-2025", "/proposals?period=2021-2025", "/calendar",
          "/documents/bang-dang-ky?period=2021-2025"})
        EXPECT_EQ(a.get("/api/v1/plans/" + kKg + path).status, 200) << path;
    EXPECT_EQ(counters().evaluations_run, 1u);
    EXPECT_EQ(counters().datasets_loaded, 1u);
    EXPECT_EQ(counters().bodies_written, 1u);
    // The dashboard evaluates the plan's current periods, once each.
    ASSERT_EQ(a.get("/api/v1/dashboard").status, 200);
    const uint64_t with_dashboard = counters().evaluations_run;
    ASSERT_EQ(a.get("/api/v1/dashboard").status, 200);
    EXPECT_EQ(counters().evaluations_run, with_dashboard);
    EXPECT_EQ(counters().datasets_loaded, 1u);

    // Other history readings and unknown periods are other keys, and errors are not kept.
    const HttpReply main = a.get(kEvaluation + "&history=main");
    ASSERT_EQ(main.status, 200);
    EXPECT_EQ(main.header("x-thidua-cache"), "miss");
    EXPECT_EQ(a.get(kEvaluation + "&history=main").header("x-thidua-cache"), "hit");
    EXPECT_EQ(a.get("/api/v1/plans/" + kKg + "/evaluation?period=1999").status, 400);
    EXPECT_EQ(a.get("/api/v1/plans/khong-co/evaluation?period=2021-2025").status, 404);
    EXPECT_EQ(counters().datasets_loaded, 1u);

    // Signing in and making accounts change nothing an evaluation reads.
    HttpTestClient nv = officer("nv", "noi-vu");
    ASSERT_EQ(
        a.post_json("/api/v1/tokens", {{"username", "nv"}, {"name", "bảng điều khiển"}}).status,
        201);
    EXPECT_EQ(nv.get(kEvaluation).header("x-thidua-cache"), "hit");
}

TEST_P(WebEvaluationCacheTest, EveryChangeReachesTheNextResponse) {
    HttpTestClient a = admin();
    ASSERT_NO_FATAL_FAILURE(seed(a));
    const HttpReply before = a.get(kEvaluation);
    ASSERT_EQ(before.status, 200) << before.body;
    // No registrations known yet: the criterion cannot be decided.
    EXPECT_EQ(seen_in(before).registered["KG-SNV"], "unknown");
    EXPECT_EQ(a.get(kEvaluation).header("x-thidua-cache"), "hit");

    // A registration made in the application.
    HttpTestClient snv = officer("snv", "don-vi", "KG-SNV");
    ASSERT_EQ(
        snv.post_json("/api/v1/plans/" + kKg + "/registrations",
                      {{"period", "2021-2025"}, {"subject_kind", "unit"}, {"subject_id", "KG-SNV"}})
            .status,
        201);
    const HttpReply registered = a.get(kEvaluation);
    EXPECT_EQ(registered.header("x-thidua-cache"), "miss");
    EXPECT_NE(registered.header("etag"), before.header("etag"));
    EXPECT_EQ(seen_in(registered).registered["KG-SNV"], "pass");
    EXPECT_EQ(seen_in(registered).registered["KG-STP"], "fail");

    // An import.
    ASSERT_EQ(upload(a, "/api/v1/plans/" + kKg + "/data", dataset_zip("Sở Tư pháp tỉnh")).status,
              200);
    const HttpReply imported = a.get(kEvaluation);
    EXPECT_EQ(imported.header("x-thidua-cache"), "miss");
    EXPECT_EQ(seen_in(imported).names["KG-STP"], "Sở Tư pháp tỉnh");
    EXPECT_EQ(seen_in(imported).registered["KG-SNV"], "pass");

    // A new version of the plan.
    ASSERT_EQ(
        put_plan(a, kKg, plan_version("Cờ thi đua của Ủy ban nhân dân tỉnh Kiên Giang")).status,
        200);
    const HttpReply revised = a.get(kEvaluation);
    EXPECT_EQ(revised.header("x-thidua-cache"), "miss");
    ASSERT_FALSE(seen_in(revised).award_names.empty());
    EXPECT_EQ(seen_in(revised).award_names.front(),
              "Cờ thi đua của Ủy ban nhân dân tỉnh Kiên Giang");
    EXPECT_EQ(a.get(kEvaluation).header("x-thidua-cache"), "hit");

    // Stale values are dropped, not only passed over: at most the current state is kept.
    EXPECT_LE(app().evaluations().bodies().size(), 1u);
    EXPECT_LE(app().evaluations().datasets().size(), 1u);
}

TEST_P(WebEvaluationCacheTest, AUnitOfficerHasAViewOfTheirOwn) {
    HttpTestClient a = admin();
    ASSERT_NO_FATAL_FAILURE(seed(a));
    HttpTestClient snv = officer("snv", "don-vi", "KG-SNV");
    const HttpReply whole = a.get(kEvaluation);
    ASSERT_EQ(whole.status, 200);
    const HttpReply own = snv.get(kEvaluation);
    ASSERT_EQ(own.status, 200) << own.body;
    EXPECT_EQ(own.header("x-thidua-cache"), "miss");
    EXPECT_NE(own.header("etag"), whole.header("etag"));
    EXPECT_TRUE(seen_in(whole).names.contains("KG-STP"));
    EXPECT_TRUE(seen_in(own).names.contains("KG-SNV"));
    EXPECT_FALSE(seen_in(own).names.contains("KG-STP"));
    EXPECT_FALSE(seen_in(own).names.contains("P4"));
    // The unit's view is cut from the whole evaluation, not evaluated again.
    EXPECT_EQ(counters().evaluations_run, 1u);
    EXPECT_EQ(snv.get(kEvaluation).header("x-thidua-cache"), "hit");
    EXPECT_EQ(seen_in(a.get(kEvaluation)).names.size(), seen_in(whole).names.size());
    const HttpReply board = snv.get("/api/v1/plans/" + kKg + "/registrations?period=2021-2025");
    ASSERT_EQ(board.status, 200);
    EXPECT_EQ(board.body.find("KG-STP"), std::string::npos);
    EXPECT_EQ(counters().evaluations_run, 1u);
}

TEST_P(WebEvaluationCacheTest, RequestsArrivingTogetherEvaluateOnce) {
    HttpTestClient a = admin();
    ASSERT_NO_FATAL_FAILURE(seed(a));
    constexpr int kClients = 6;
    std::vector<HttpTestClient> clients;
    for (int i = 0; i < kClients; ++i)
        clients.push_back(admin());
    std::vector<HttpReply> replies(kClients);
    std::latch start(kClients);
    std::vector<std::thread> threads;
    for (int i = 0; i < kClients; ++i)
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            replies[i] = clients[i].get(kEvaluation);
        });
    for (std::thread& t : threads)
        t.join();
    int made = 0;
    for (const HttpReply& r : replies) {
        ASSERT_EQ(r.status, 200) << r.body;
        EXPECT_EQ(r.body, replies[0].body);
        made += r.header("x-thidua-cache") == "miss";
    }
    EXPECT_EQ(made, 1);
    EXPECT_EQ(counters().evaluations_run, 1u);
    EXPECT_EQ(counters().datasets_loaded, 1u);
    EXPECT_EQ(counters().bodies_written, 1u);
}

// A second application server on the same database, as a province runs several behind a proxy.
class OtherServer {
public:
    explicit OtherServer(const std::string& url) {
        const std::string error = m_server.start(url);
        EXPECT_TRUE(error.empty()) << error;
    }
    HttpTestClient admin() const {
        HttpTestClient c(m_server.port());
        EXPECT_EQ(c.login("admin", kAdminPassword).status, 200);
        return c;
    }

private:
    RunningServer m_server;
};

TEST_P(WebEvaluationCacheTest, AnotherServerSeesTheCouncilsDecision) {
    const std::string ct = "chau-thanh-2023";
    const std::string evaluation = "/api/v1/plans/" + ct + "/evaluation?period=2023";
    HttpTestClient a = admin();
    ASSERT_NO_FATAL_FAILURE(seed_scenario(a, ct, "ranking-second-key-and-tie"));
    OtherServer other(url());
    HttpTestClient b = other.admin();
    auto group = [&](const HttpReply& r) {
        const json e = r.json();
        for (const json& award : e["awards"])
            if (award["award"] == "giay-khen-tap-the")
                for (const json& g : award["groups"])
                    if (g["group"] == "co-quan-huyen") return g;
        return json();
    };
    const HttpReply before = b.get(evaluation);
    ASSERT_EQ(before.status, 200) << before.body;
    EXPECT_EQ(group(before)["tied"], json({"CT-PTP", "CT-VP"}));
    EXPECT_EQ(b.get(evaluation).header("x-thidua-cache"), "hit");

    HttpTestClient hd = officer("hd", "hoi-dong");
    const HttpReply decided =
        hd.post_json("/api/v1/plans/" + ct + "/decisions", {{"period", "2023"},
                                                            {"award", "giay-khen-tap-the"},
                                                            {"group", "co-quan-huyen"},
                                                            {"chosen", {"CT-PNV", "CT-VP"}},
                                                            {"votes", "7/9 đồng ý"},
                                                            {"minutes_number", "12/BB-HĐTĐKT"},
                                                            {"minutes_date", "2024-01-10"}});
    ASSERT_EQ(decided.status, 201) << decided.body;
    const HttpReply after = b.get(evaluation);
    EXPECT_EQ(after.header("x-thidua-cache"), "miss");
    EXPECT_EQ(group(after)["selected"], json({"CT-PNV", "CT-VP"}));
    EXPECT_EQ(group(after)["tied"], json::array());
}

INSTANTIATE_TEST_SUITE_P(Backends, WebEvaluationCacheTest,
                         ::testing::Values("sqlite", "postgresql"), backend_name);

// The number the cache keys on, in the store itself.
class StoreDataGenerationTest : public StoreTest {};

TEST_P(StoreDataGenerationTest, GrowsWithWhatEvaluationsReadOnly) {
    auto store = open();
    ASSERT_TRUE(store);
    auto generation = [&] {
        auto g = store->data_generation();
        EXPECT_TRUE(g) << (g ? "" : g.error().format());
        return g ? *g : -1;
    };
    int64_t g = generation();
    ASSERT_TRUE(store->save_plan(kKg, plan_text(kKg), "nv"));
    EXPECT_GT(generation(), g);
    g = generation();
    ASSERT_TRUE(store->save_plan(kKg, plan_text(kKg), "nv"));  // the same text: no new version
    EXPECT_EQ(generation(), g);
    ASSERT_TRUE(store->import_dataset(read_sample(kKg), {"nv", "mẫu", kKg}));
    EXPECT_GT(generation(), g);
    g = generation();
    NewUser user{"nv2", "x", Role::NoiVu, "", "Cán bộ", false, ""};
    ASSERT_TRUE(store->accounts().create_user(user, "admin"));
    ASSERT_TRUE(store->append_audit({0, "2026-01-01T00:00:00Z", "nv2", "login", "nv2", "{}"}));
    EXPECT_EQ(generation(), g);
    // Seen from another connection, as another server would.
    auto other = open();
    ASSERT_TRUE(other);
    auto seen = other->data_generation();
    ASSERT_TRUE(seen);
    EXPECT_EQ(*seen, g);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreDataGenerationTest,
                         ::testing::Values("sqlite", "postgresql"), backend_name);

}  // namespace
}  // namespace thidua::testing_support
