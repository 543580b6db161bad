// The embedded web UI and its handler: every file of web/app is embedded with a content type and
// a strong ETag; index.html carries the CSP; If-None-Match gives 304.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "web/assets/EmbeddedAssets.h"
#include "web/assets/StaticAssets.h"

namespace {

using thidua::web::Request;
using thidua::web::Response;

Request get(std::string path, std::string if_none_match = {}) {
    Request r;
    r.method = "GET";
    r.target = path;
    r.path = std::move(path);
    if (!if_none_match.empty()) r.headers.emplace_back("if-none-match", if_none_match);
    return r;
}

std::string header(const Response& r, std::string_view name) {
    for (const auto& [k, v] : r.headers)
        if (k == name) return v;
    return {};
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST(EmbeddedAssets, EveryAppFileIsEmbeddedByteForByte) {
    const std::filesystem::path app = std::filesystem::path(THIDUA_SOURCE_DIR) / "web" / "app";
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(app)) {
        if (!entry.is_regular_file()) continue;
        auto rel = std::filesystem::relative(entry.path(), app).generic_string();
        std::string url = rel == "index.html" ? "/index.html" : "/assets/" + rel;
        const auto* asset = thidua::web::find_embedded_asset(url);
        ASSERT_NE(asset, nullptr) << url;
        EXPECT_EQ(asset->data, read_file(entry.path())) << url;
        ++files;
    }
    EXPECT_GT(files, 5);
}

TEST(EmbeddedAssets, VendorFilesTypesAndUniqueEtags) {
    for (const char* path : {"/assets/vendor/htm-preact.js", "/assets/vendor/chart.umd.js"}) {
        const auto* asset = thidua::web::find_embedded_asset(path);
        ASSERT_NE(asset, nullptr) << path;
        EXPECT_EQ(asset->content_type, "text/javascript; charset=utf-8");
        EXPECT_GT(asset->data.size(), 1000u);
    }
    EXPECT_EQ(thidua::web::find_embedded_asset("/assets/app.css")->content_type,
              "text/css; charset=utf-8");
    EXPECT_EQ(thidua::web::find_embedded_asset("/nope"), nullptr);
    std::set<std::string_view> etags;
    for (const auto& a : thidua::web::embedded_assets()) {
        EXPECT_TRUE(a.etag.size() > 2 && a.etag.front() == '"' && a.etag.back() == '"') << a.path;
        etags.insert(a.etag);
    }
    // Licence files may repeat; our own files and the libraries differ.
    EXPECT_GT(etags.size(), thidua::web::embedded_assets().size() / 2);
}

TEST(StaticAssets, IndexHasCspNoCacheAndEtag) {
    auto r = thidua::web::serve_asset(get("/"), "/");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(header(r, "Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(header(r, "Cache-Control"), "no-cache");
    EXPECT_EQ(header(r, "Content-Security-Policy"),
              "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
              "frame-ancestors 'none'");
    EXPECT_NE(r.body.find("/assets/app.js"), std::string::npos);
    // No inline script or style: the CSP would block them.
    EXPECT_EQ(r.body.find("style="), std::string::npos);
    EXPECT_EQ(r.body.find("<script>"), std::string::npos);
    EXPECT_EQ(r.body.find("<style"), std::string::npos);
    EXPECT_FALSE(header(r, "ETag").empty());
}

TEST(StaticAssets, IfNoneMatchGives304) {
    auto first = thidua::web::serve_asset(get("/assets/app.js"), "/assets/app.js");
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(header(first, "Cache-Control"), "public, max-age=3600");
    EXPECT_EQ(header(first, "Content-Security-Policy"), "");
    const std::string etag = header(first, "ETag");
    auto again = thidua::web::serve_asset(get("/assets/app.js", etag), "/assets/app.js");
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
    EXPECT_EQ(header(again, "ETag"), etag);
    auto listed =
        thidua::web::serve_asset(get("/assets/app.js", "\"x\", W/" + etag), "/assets/app.js");
    EXPECT_EQ(listed.status, 304);
    auto other = thidua::web::serve_asset(get("/assets/app.js", "\"other\""), "/assets/app.js");
    EXPECT_EQ(other.status, 200);
}

TEST(StaticAssets, UnknownPathAndMethod) {
    auto missing = thidua::web::serve_asset(get("/assets/none.js"), "/assets/none.js");
    EXPECT_EQ(missing.status, 404);
    EXPECT_NE(missing.body.find("not_found"), std::string::npos);
    auto post = get("/");
    post.method = "POST";
    auto r = thidua::web::serve_asset(post, "/");
    EXPECT_EQ(r.status, 405);
    EXPECT_EQ(header(r, "Allow"), "GET, HEAD");
    auto head = get("/assets/app.css");
    head.method = "HEAD";
    auto h = thidua::web::serve_asset(head, "/assets/app.css");
    EXPECT_EQ(h.status, 200);
    EXPECT_TRUE(h.body.empty());
}
