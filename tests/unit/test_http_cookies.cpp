// Cookies, request accessors, responses, percent-decoding and query strings.

#include <gtest/gtest.h>

#include "web/http/Cookies.h"
#include "web/http/Multipart.h"
#include "web/http/Request.h"
#include "web/http/Response.h"

namespace {

using namespace thidua::web;

TEST(HttpCookies, FindsCookiesInAHeader) {
    const std::string header = "a=b; thidua_session=xyz123 ;c=\"quoted\";empty=; flag";
    EXPECT_EQ(find_cookie(header, "a"), "b");
    EXPECT_EQ(find_cookie(header, "thidua_session"), "xyz123");
    EXPECT_EQ(find_cookie(header, "c"), "quoted");
    EXPECT_EQ(find_cookie(header, "empty"), "");
    EXPECT_FALSE(find_cookie(header, "flag"));
    EXPECT_FALSE(find_cookie(header, "thidua"));
    EXPECT_FALSE(find_cookie("", "a"));
    EXPECT_EQ(find_cookie("a=1; a=2", "a"), "1");
}

TEST(HttpCookies, BuildsSetCookie) {
    CookieOptions options;
    EXPECT_EQ(set_cookie("s", "v", options), "s=v; Path=/; HttpOnly; SameSite=Lax");
    options.secure = true;
    options.max_age_seconds = 3600;
    options.same_site = "Strict";
    EXPECT_EQ(set_cookie("s", "v", options),
              "s=v; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=3600");
    options = {};
    options.max_age_seconds = 0;
    options.http_only = false;
    EXPECT_EQ(set_cookie("s", "", options), "s=; Path=/; SameSite=Lax; Max-Age=0");
}

TEST(HttpCookies, ValuesCannotInjectAttributes) {
    EXPECT_EQ(set_cookie("s", "a; Domain=evil\r\nX: y", {}),
              "s=aDomain=evilX:y; Path=/; HttpOnly; SameSite=Lax");
}

TEST(HttpRequest, HeadersCookiesQueryAndParams) {
    Request request;
    request.headers = {{"content-type", "text/plain"}, {"cookie", "a=1; b=2"}};
    request.query = {{"period", "2021-2025"}, {"q", ""}, {"period", "2022"}};
    request.params = {{"id", "p1"}};
    EXPECT_EQ(request.header("Content-Type"), "text/plain");
    EXPECT_FALSE(request.header("accept"));
    EXPECT_EQ(request.cookie("b"), "2");
    EXPECT_FALSE(request.cookie("c"));
    EXPECT_EQ(request.query_param("period"), "2021-2025");
    EXPECT_EQ(request.query_param("q"), "");
    EXPECT_FALSE(request.query_param("x"));
    EXPECT_EQ(request.param("id"), "p1");
    EXPECT_EQ(request.param("other"), "");
}

TEST(HttpResponse, ErrorShapeAndHeaders) {
    auto response = Response::error(400, "invalid_plan", "Kế hoạch không hợp lệ",
                                    {{"details", nlohmann::json::array({1, 2})}});
    EXPECT_EQ(response.status, 400);
    const auto body = nlohmann::json::parse(response.body);
    EXPECT_EQ(body["error"]["code"], "invalid_plan");
    EXPECT_EQ(body["error"]["message"], "Kế hoạch không hợp lệ");
    EXPECT_EQ(body["error"]["details"].size(), 2u);
    response.set_header("content-type", "text/plain").set_header("X-A", "1");
    ASSERT_EQ(response.headers.size(), 2u);
    EXPECT_EQ(response.headers[0].second, "text/plain");
    const auto redirect = Response::redirect("/login");
    EXPECT_EQ(redirect.status, 303);
    EXPECT_EQ(redirect.headers.at(0), (std::pair<std::string, std::string>{"Location", "/login"}));
}

TEST(HttpResponse, JsonWithBadUtf8DoesNotThrow) {
    const auto response = Response::json(200, {{"name", std::string("a\xff"
                                                                    "b")}});
    EXPECT_EQ(response.status, 200);
    EXPECT_NE(response.body.find("\"name\""), std::string::npos);
}

TEST(HttpPercent, Decodes) {
    EXPECT_EQ(percent_decode("/a%20b/%C4%91%E1%BB%99i", false), "/a b/đội");
    EXPECT_EQ(percent_decode("a+b", false), "a+b");
    EXPECT_EQ(percent_decode("a+b", true), "a b");
    EXPECT_EQ(percent_decode("100%", false), "100%");
    EXPECT_EQ(percent_decode("%zz%4", false), "%zz%4");
    EXPECT_EQ(percent_decode("%2f%2F", false), "//");
    EXPECT_EQ(percent_decode("%00", false), std::string(1, '\0'));
}

TEST(HttpQuery, ParsesPairsInOrder) {
    const auto pairs = parse_form_urlencoded("q=Nguy%E1%BB%85n+V%C4%83n&limit=20&&flag&x=a%3Db&=v");
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"q", "Nguyễn Văn"}, {"limit", "20"}, {"flag", ""}, {"x", "a=b"}, {"", "v"}};
    EXPECT_EQ(pairs, expected);
    EXPECT_TRUE(parse_form_urlencoded("").empty());
    EXPECT_TRUE(parse_form_urlencoded("&&").empty());
}

}  // namespace
