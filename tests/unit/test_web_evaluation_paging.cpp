// The evaluation endpoint's pages of candidates (web/app/CandidatePage.h), on SQLite and
// PostgreSQL, against the Kiên Giang sample: the default page (50 per group) and any slice are
// the same candidates as the whole document (?limit=all) in the same order; status, search
// (without diacritics) and award/group filters; bad parameters; one candidate's entries; each page
// its own cached body with its own tag. Every expectation is derived from the whole document.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "WebTestHelpers.h"
#include "base/Text.h"

namespace thidua::testing_support {
namespace {

using nlohmann::json;

const std::string kBase = "/api/v1/plans/" + kKg + "/evaluation?period=2021-2025";

std::string url_encode(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
            out += static_cast<char>(c);
        else
            out += fmt::format("%{:02X}", c);
    }
    return out;
}

// The group `group` of award `award` in a document; null when absent.
json group_of(const json& doc, const std::string& award, const std::string& group) {
    for (const json& a : doc["awards"])
        if (a["award"] == award)
            for (const json& g : a["groups"])
                if (g["group"] == group) return g;
    return nullptr;
}

json slice(const json& candidates, size_t offset, size_t count) {
    json out = json::array();
    for (size_t i = offset; i < std::min(candidates.size(), offset + count); ++i)
        out.push_back(candidates[i]);
    return out;
}

std::map<std::string, size_t> status_counts(const json& candidates) {
    std::map<std::string, size_t> out{{"eligible", 0}, {"ineligible", 0}, {"incomplete", 0}};
    for (const json& c : candidates)
        ++out[c["status"].get<std::string>()];
    return out;
}

struct GroupRef {
    std::string award;
    std::string group;
    size_t size = 0;
};

class WebEvaluationPagingTest : public WebTest {
protected:
    void SetUp() override {
        WebTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        HttpTestClient a = admin();
        ASSERT_NO_FATAL_FAILURE(seed_kien_giang(a));
        const HttpReply r = a.get(kBase + "&limit=all");
        ASSERT_EQ(r.status, 200) << r.body.substr(0, 500);
        m_whole = r.json();
        for (const json& award : m_whole["awards"])
            for (const json& g : award["groups"]) {
                GroupRef ref{award["award"], g["group"], g["candidates"].size()};
                if (ref.size > m_largest.size) m_largest = ref;
                m_groups.push_back(ref);
            }
        ASSERT_FALSE(m_groups.empty());
    }

    const json& whole() const { return m_whole; }
    // A reference into the whole document, which outlives every use (a group returned by value
    // would leave `whole_group(g)["candidates"]` dangling in a range-for).
    const json& whole_group(const GroupRef& g) const {
        for (const json& a : m_whole.at("awards"))
            if (a.at("award") == g.award)
                for (const json& group : a.at("groups"))
                    if (group.at("group") == g.group) return group;
        static const json none;
        return none;
    }

    json m_whole;
    std::vector<GroupRef> m_groups;
    GroupRef m_largest;
};

TEST_P(WebEvaluationPagingTest, TheDefaultIsTheFirstFiftyOfEachGroupWithItsCounts) {
    HttpTestClient a = admin();
    const HttpReply r = a.get(kBase);
    ASSERT_EQ(r.status, 200) << r.body.substr(0, 500);
    const json paged = r.json();
    // The sample has a group longer than one page: the default really is a page.
    ASSERT_GT(m_largest.size, 50u) << m_largest.award << "/" << m_largest.group;
    ASSERT_EQ(paged["awards"].size(), whole()["awards"].size());
    EXPECT_EQ(paged["dossiers"], whole()["dossiers"]);
    EXPECT_EQ(paged["lineage"], whole()["lineage"]);
    for (const GroupRef& ref : m_groups) {
        SCOPED_TRACE(ref.award + "/" + ref.group);
        const json full = whole_group(ref);
        const json page = group_of(paged, ref.award, ref.group);
        ASSERT_TRUE(page.is_object());
        const json& all = full["candidates"];
        EXPECT_EQ(page["total"], all.size());
        EXPECT_EQ(page["offset"], 0);
        EXPECT_EQ(page["limit"], 50);
        if (all.size() > 50) {
            EXPECT_EQ(page["next_offset"], 50);
        } else {
            EXPECT_TRUE(page["next_offset"].is_null());
        }
        EXPECT_EQ(page["candidates"], slice(all, 0, 50));
        const auto counts = status_counts(all);
        EXPECT_EQ(page["counts"]["eligible"], counts.at("eligible"));
        EXPECT_EQ(page["counts"]["ineligible"], counts.at("ineligible"));
        EXPECT_EQ(page["counts"]["incomplete"], counts.at("incomplete"));
        EXPECT_EQ(full["counts"], page["counts"]);
        // The selection, ties, quota and council stay whole.
        for (const char* key : {"selected", "tied", "quota", "open_seats", "name"})
            EXPECT_EQ(page.value(key, json()), full.value(key, json())) << key;
    }
    // The whole document is much larger than its first page.
    const HttpReply all = a.get(kBase + "&limit=all");
    EXPECT_LT(r.body.size(), all.body.size());
}

// A page small enough to miss the selected candidates still names them (and the dossiers'
// subjects): each name is the one the whole document gives that candidate.
TEST_P(WebEvaluationPagingTest, APageNamesWhoItMentionsOutsideItsCandidates) {
    HttpTestClient a = admin();
    const HttpReply r = a.get(kBase + "&limit=1&status=ineligible");
    ASSERT_EQ(r.status, 200) << r.body.substr(0, 500);
    const json paged = r.json();
    std::map<std::string, std::string> name_of;
    for (const json& award : whole()["awards"])
        for (const json& g : award["groups"])
            for (const json& c : g["candidates"])
                name_of[c["id"].get<std::string>()] = c["name"].get<std::string>();
    const json& names = paged["names"];
    ASSERT_TRUE(names.is_object());
    size_t mentioned = 0;
    const auto expect_named = [&](const json& id) {
        ++mentioned;
        const std::string key = id.get<std::string>();
        ASSERT_TRUE(names.contains(key)) << key;
        EXPECT_EQ(names[key], name_of.at(key)) << key;
    };
    for (const json& award : paged["awards"])
        for (const json& g : award["groups"]) {
            for (const json& id : g["selected"])
                expect_named(id);
            for (const json& id : g["tied"])
                expect_named(id);
        }
    for (const json& d : paged["dossiers"])
        expect_named(d["subject"]);
    EXPECT_GT(mentioned, 0u) << "the sample selects someone";
}

TEST_P(WebEvaluationPagingTest, OffsetAndLimitSliceTheWholeList) {
    HttpTestClient a = admin();
    const std::string group = "&award=" + m_largest.award + "&group=" + m_largest.group;
    const json& all = whole_group(m_largest)["candidates"];
    for (const auto& [offset, limit] : std::vector<std::pair<size_t, size_t>>{
             {0, 1}, {3, 4}, {10, 7}, {all.size() - 2, 5}, {all.size(), 3}, {all.size() + 9, 2}}) {
        SCOPED_TRACE(fmt::format("offset={} limit={}", offset, limit));
        const HttpReply r =
            a.get(kBase + group + fmt::format("&offset={}&limit={}", offset, limit));
        ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
        const json page = group_of(r.json(), m_largest.award, m_largest.group);
        EXPECT_EQ(page["candidates"], slice(all, offset, limit));
        EXPECT_EQ(page["total"], all.size());
        EXPECT_EQ(page["offset"], offset);
        EXPECT_EQ(page["limit"], limit);
        if (offset + limit < all.size()) {
            EXPECT_EQ(page["next_offset"], offset + limit);
        } else {
            EXPECT_TRUE(page["next_offset"].is_null());
        }
    }
    // Following next_offset walks the whole list once.
    json walked = json::array();
    json next = 0;
    int pages = 0;
    while (!next.is_null() && pages < 1000) {
        const json doc =
            a.get(kBase + group + fmt::format("&limit=9&offset={}", next.get<size_t>())).json();
        const json page = group_of(doc, m_largest.award, m_largest.group);
        for (const json& c : page["candidates"])
            walked.push_back(c);
        next = page["next_offset"];
        ++pages;
    }
    EXPECT_EQ(walked, all);
    EXPECT_EQ(pages, static_cast<int>((all.size() + 8) / 9));
}

TEST_P(WebEvaluationPagingTest, TheStatusFilterKeepsTheRankOrderAndTheWholeCounts) {
    HttpTestClient a = admin();
    for (const std::string status : {"eligible", "ineligible", "incomplete"}) {
        SCOPED_TRACE(status);
        const HttpReply r = a.get(kBase + "&status=" + status + "&limit=all");
        ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
        const json doc = r.json();
        for (const GroupRef& ref : m_groups) {
            const json full = whole_group(ref);
            json expected = json::array();
            for (const json& c : full["candidates"])
                if (c["status"] == status) expected.push_back(c);
            const json page = group_of(doc, ref.award, ref.group);
            EXPECT_EQ(page["candidates"], expected) << ref.award << "/" << ref.group;
            EXPECT_EQ(page["total"], expected.size());
            EXPECT_EQ(page["counts"], full["counts"]);
        }
    }
}

TEST_P(WebEvaluationPagingTest, TheSearchIgnoresCaseAndDiacritics) {
    HttpTestClient a = admin();
    // A person of the largest group whose name has diacritics, searched by its folded last words.
    const json& all = whole_group(m_largest)["candidates"];
    json target;
    for (const json& c : all)
        if (fold(c["name"].get<std::string>()) != c["name"].get<std::string>()) {
            target = c;
            break;
        }
    ASSERT_TRUE(target.is_object());
    const std::string name = target["name"];
    const std::string folded = fold(name);
    const std::string query = folded.substr(folded.find(' ') + 1);  // without the family name
    ASSERT_FALSE(query.empty());
    std::string upper = query;
    for (char& ch : upper)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    for (const std::string& q : {query, upper}) {
        SCOPED_TRACE(q);
        const HttpReply r = a.get(kBase + "&q=" + url_encode(q) + "&limit=all");
        ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
        const json doc = r.json();
        const json page = group_of(doc, m_largest.award, m_largest.group);
        json expected = json::array();
        for (const json& c : all)
            if (fold(c["name"].get<std::string>()).find(query) != std::string::npos ||
                fold(c["id"].get<std::string>()).find(query) != std::string::npos)
                expected.push_back(c);
        EXPECT_EQ(page["candidates"], expected);
        EXPECT_NE(std::find(expected.begin(), expected.end(), target), expected.end());
        EXPECT_LT(expected.size(), all.size());
    }

    // "đ" is found by "d": a name with Đ or đ, searched without it.
    bool tried = false;
    for (const GroupRef& ref : m_groups)
        for (const json& c : whole_group(ref)["candidates"]) {
            const std::string n = c["name"];
            if (tried || (n.find("Đ") == std::string::npos && n.find("đ") == std::string::npos))
                continue;
            tried = true;
            const json doc = a.get(kBase + "&q=" + url_encode(fold(n)) + "&award=" + ref.award +
                                   "&group=" + ref.group + "&limit=all")
                                 .json();
            const json found = group_of(doc, ref.award, ref.group)["candidates"];
            EXPECT_NE(std::find(found.begin(), found.end(), c), found.end()) << n;
        }
    EXPECT_TRUE(tried) << "the sample has no name with Đ";

    // Ids are searched too; diacritics in the query are folded like the names.
    const std::string id = target["id"];
    const json by_id = group_of(a.get(kBase + "&q=" + url_encode(id) + "&limit=all").json(),
                                m_largest.award, m_largest.group);
    const json ids = by_id["candidates"];
    EXPECT_NE(std::find(ids.begin(), ids.end(), target), ids.end());
    const json by_name = group_of(a.get(kBase + "&q=" + url_encode(name) + "&limit=all").json(),
                                  m_largest.award, m_largest.group);
    const json names = by_name["candidates"];
    EXPECT_NE(std::find(names.begin(), names.end(), target), names.end());
    // Nothing matches: empty pages, and the counts still the whole group's.
    const json none =
        group_of(a.get(kBase + "&q=khong-co-ai-ten-nay").json(), m_largest.award, m_largest.group);
    EXPECT_TRUE(none["candidates"].empty());
    EXPECT_EQ(none["total"], 0);
    EXPECT_TRUE(none["next_offset"].is_null());
    EXPECT_EQ(none["counts"], whole_group(m_largest)["counts"]);
}

TEST_P(WebEvaluationPagingTest, AwardAndGroupFiltersLeaveOutTheOthers) {
    HttpTestClient a = admin();
    const GroupRef& ref = m_groups.front();
    const json doc =
        a.get(kBase + "&award=" + ref.award + "&group=" + ref.group + "&limit=all").json();
    ASSERT_EQ(doc["awards"].size(), 1u);
    EXPECT_EQ(doc["awards"][0]["award"], ref.award);
    ASSERT_EQ(doc["awards"][0]["groups"].size(), 1u);
    EXPECT_EQ(doc["awards"][0]["groups"][0], whole_group(ref));

    // An award alone: all its groups.
    const json award_only = a.get(kBase + "&award=" + ref.award + "&limit=all").json();
    ASSERT_EQ(award_only["awards"].size(), 1u);
    for (const json& award : whole()["awards"])
        if (award["award"] == ref.award) {
            EXPECT_EQ(award_only["awards"][0], award);
        }

    // A group alone: every award that has it, and no other.
    std::set<std::string> with_group;
    for (const GroupRef& g : m_groups)
        if (g.group == ref.group) with_group.insert(g.award);
    const json group_only = a.get(kBase + "&group=" + ref.group).json();
    std::set<std::string> seen;
    for (const json& award : group_only["awards"]) {
        seen.insert(award["award"].get<std::string>());
        for (const json& g : award["groups"])
            EXPECT_EQ(g["group"], ref.group);
    }
    EXPECT_EQ(seen, with_group);

    const HttpReply award = a.get(kBase + "&award=khong-co");
    EXPECT_EQ(award.status, 404);
    EXPECT_EQ(award.error_code(), "not_found");
    EXPECT_TRUE(is_valid_utf8(award.json()["error"]["message"].get<std::string>()));
    const HttpReply group = a.get(kBase + "&award=" + ref.award + "&group=khong-co");
    EXPECT_EQ(group.status, 404);
    EXPECT_EQ(group.error_code(), "not_found");
    EXPECT_EQ(a.get(kBase + "&group=khong-co").status, 404);
}

TEST_P(WebEvaluationPagingTest, BadParametersAreRefused) {
    HttpTestClient a = admin();
    for (const std::string query :
         {"&status=xuat-sac", "&status=ELIGIBLE", "&offset=-1", "&offset=abc", "&offset=1.5",
          "&offset=+2", "&limit=0", "&limit=1001", "&limit=-5", "&limit=tat-ca",
          "&limit=99999999999999999999"}) {
        const HttpReply r = a.get(kBase + query);
        EXPECT_EQ(r.status, 400) << query;
        EXPECT_EQ(r.error_code(), "bad_request") << query;
    }
    EXPECT_EQ(a.get(kBase + "&limit=1000").status, 200);
    EXPECT_EQ(a.get(kBase + "&limit=").status, 200);  // empty: the default
}

TEST_P(WebEvaluationPagingTest, OneCandidatesEveryEntry) {
    HttpTestClient a = admin();
    // Every (award, group, candidate) of the whole document, by candidate id.
    std::map<std::string, json> entries;
    for (const json& award : whole()["awards"])
        for (const json& g : award["groups"])
            for (const json& c : g["candidates"])
                entries[c["id"].get<std::string>()].push_back({{"award", award["award"]},
                                                               {"award_name", award["name"]},
                                                               {"kind", award["kind"]},
                                                               {"group", g["group"]},
                                                               {"candidate", c}});
    const std::string route = "/api/v1/plans/" + kKg + "/evaluation/candidates/";
    // A unit in more than one award if there is one, and a person.
    std::string unit, person;
    for (const auto& [id, list] : entries) {
        if (list[0]["kind"] == "collective" && (unit.empty() || list.size() > 1)) unit = id;
        if (list[0]["kind"] == "individual" && person.empty()) person = id;
    }
    ASSERT_FALSE(unit.empty());
    ASSERT_FALSE(person.empty());
    for (const std::string& id : {unit, person}) {
        SCOPED_TRACE(id);
        const HttpReply r = a.get(route + id + "?period=2021-2025");
        ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
        const json doc = r.json();
        EXPECT_EQ(doc["plan"], kKg);
        EXPECT_EQ(doc["period"], "2021-2025");
        EXPECT_EQ(doc["id"], id);
        EXPECT_EQ(doc["name"], entries[id][0]["candidate"]["name"]);
        EXPECT_EQ(doc["entries"], entries[id]);
    }
    EXPECT_EQ(a.get(route + "KHONG-CO?period=2021-2025").status, 404);
    EXPECT_EQ(a.get(route + "KHONG-CO?period=2021-2025").error_code(), "not_found");
    EXPECT_EQ(a.get(route + unit).status, 400);  // no period
    EXPECT_EQ(a.get(route + unit + "?period=2021-2025&history=newest").status, 400);
    EXPECT_EQ(a.get(route + unit + "?period=2021-2025&history=main").status, 200);
    EXPECT_EQ(client().get(route + unit + "?period=2021-2025").status, 401);

    // A don-vi user of Sở Nội vụ reads its own units and people, and nobody else.
    HttpTestClient dv = officer("dv-snv", "don-vi", "KG-SNV");
    const HttpReply own = dv.get(route + "KG-SNV?period=2021-2025");
    if (entries.contains("KG-SNV")) {
        EXPECT_EQ(own.status, 200) << own.body.substr(0, 300);
    }
    size_t outside = 0;
    for (const auto& [id, list] : entries) {
        const json& c = list[0]["candidate"];
        const std::string u =
            c.contains("unit") && c["unit"].is_string() ? c["unit"].get<std::string>() : id;
        if (u.starts_with("KG-SNV") || outside >= 3) continue;
        ++outside;
        EXPECT_EQ(dv.get(route + id + "?period=2021-2025").status, 404) << id;
    }
    EXPECT_GT(outside, 0u);
}

TEST_P(WebEvaluationPagingTest, EachPageIsCachedWithItsOwnTag) {
    HttpTestClient a = admin();
    const std::string first = kBase + "&limit=5";
    const std::string second = kBase + "&limit=5&offset=5";
    const HttpReply one = a.get(first);
    const HttpReply two = a.get(second);
    ASSERT_EQ(one.status, 200);
    ASSERT_EQ(two.status, 200);
    EXPECT_EQ(one.header("x-thidua-cache"), "miss");
    EXPECT_EQ(two.header("x-thidua-cache"), "miss");
    EXPECT_NE(one.header("etag"), two.header("etag"));
    EXPECT_NE(one.header("etag"), a.get(kBase).header("etag"));
    const HttpReply again = a.get(second);
    EXPECT_EQ(again.header("x-thidua-cache"), "hit");
    EXPECT_EQ(again.header("etag"), two.header("etag"));
    EXPECT_EQ(again.body, two.body);
    EXPECT_EQ(a.request("GET", second, "", {{"If-None-Match", two.header("etag")}}).status, 304);
    EXPECT_EQ(a.request("GET", first, "", {{"If-None-Match", two.header("etag")}}).status, 200);
    // The same search written with diacritics and capitals is the same page.
    EXPECT_EQ(a.get(kBase + "&q=s%E1%BB%9F").header("x-thidua-cache"), "miss");  // "sở"
    EXPECT_EQ(a.get(kBase + "&q=SO").header("x-thidua-cache"), "hit");
    // A gzip client gets the page compressed, its own tag.
    const HttpReply packed = a.request("GET", second, "", {{"Accept-Encoding", "gzip"}});
    EXPECT_EQ(packed.header("content-encoding"), "gzip");
    EXPECT_NE(packed.header("etag"), two.header("etag"));
}

INSTANTIATE_TEST_SUITE_P(Backends, WebEvaluationPagingTest,
                         ::testing::Values("sqlite", "postgresql"), backend_name);

}  // namespace
}  // namespace thidua::testing_support
