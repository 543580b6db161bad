// The router: literal and `{name}` segments, `{rest...}`, 404 against 405 with the methods the
// path allows, the most specific pattern winning whatever the order of registration.

#include <gtest/gtest.h>

#include "web/http/Router.h"

namespace {

using namespace thidua::web;

Handler named(std::string name) {
    return [name](Request&) { return Response::text(200, name, "text/plain"); };
}

std::string run(const RouteMatch& match) {
    Request request;
    return match.route ? match.route->handler(request).body : "";
}

TEST(HttpRouter, LiteralPathsMatchExactly) {
    Router router;
    router.add("GET", "/healthz", named("health"));
    router.add("GET", "/", named("root"));
    EXPECT_EQ(run(router.match("GET", "/healthz")), "health");
    EXPECT_EQ(run(router.match("GET", "/")), "root");
    EXPECT_FALSE(router.match("GET", "/healthz/").route);
    EXPECT_FALSE(router.match("GET", "/health").route);
    EXPECT_FALSE(router.match("GET", "").route);
}

TEST(HttpRouter, ParamsAreFilled) {
    Router router;
    router.add("GET", "/api/v1/plans/{id}/evaluation", named("eval"));
    std::unordered_map<std::string, std::string> params;
    const auto match = router.match("GET", "/api/v1/plans/kg-2025/evaluation", &params);
    ASSERT_TRUE(match.route);
    EXPECT_EQ(params.at("id"), "kg-2025");
    EXPECT_FALSE(router.match("GET", "/api/v1/plans//evaluation").route);
    EXPECT_FALSE(router.match("GET", "/api/v1/plans/x/evaluation/more").route);
}

TEST(HttpRouter, RestTakesTheRemainingPath) {
    Router router;
    router.add("GET", "/assets/{path...}", named("asset"));
    std::unordered_map<std::string, std::string> params;
    ASSERT_TRUE(router.match("GET", "/assets/js/app.js", &params).route);
    EXPECT_EQ(params.at("path"), "js/app.js");
    ASSERT_TRUE(router.match("GET", "/assets/", &params).route);
    EXPECT_EQ(params.at("path"), "");
    EXPECT_FALSE(router.match("GET", "/assets").route);
}

TEST(HttpRouter, LiteralBeatsParamWhateverTheOrder) {
    Router router;
    router.add("GET", "/api/v1/units/{id}", named("unit"));
    router.add("GET", "/api/v1/units/tree", named("tree"));
    router.add("GET", "/files/{rest...}", named("rest"));
    router.add("GET", "/files/{a}/x", named("param"));
    EXPECT_EQ(run(router.match("GET", "/api/v1/units/tree")), "tree");
    EXPECT_EQ(run(router.match("GET", "/api/v1/units/KG")), "unit");
    EXPECT_EQ(run(router.match("GET", "/files/b/x")), "param");
    EXPECT_EQ(run(router.match("GET", "/files/b/y")), "rest");
}

TEST(HttpRouter, NotFoundAgainstMethodNotAllowed) {
    Router router;
    router.add("GET", "/api/v1/plans/{id}", named("get"));
    router.add("PUT", "/api/v1/plans/{id}", named("put"));
    router.add("PUT", "/api/v1/plans/{id}", named("put again"));
    const auto missing = router.match("GET", "/api/v1/nothing");
    EXPECT_FALSE(missing.route);
    EXPECT_FALSE(missing.method_not_allowed);
    const auto wrong = router.match("DELETE", "/api/v1/plans/p1");
    EXPECT_FALSE(wrong.route);
    EXPECT_TRUE(wrong.method_not_allowed);
    EXPECT_EQ(wrong.allowed_methods, (std::vector<std::string>{"GET", "PUT"}));
    EXPECT_EQ(run(router.match("PUT", "/api/v1/plans/p1")), "put");
}

TEST(HttpRouter, MethodsAreCaseSensitive) {
    Router router;
    router.add("GET", "/x", named("x"));
    EXPECT_TRUE(router.match("get", "/x").method_not_allowed);
}

TEST(HttpRouter, BodyLimitIsKept) {
    Router router;
    router.add("POST", "/upload", named("u"), 4 << 20);
    router.add("POST", "/small", named("s"));
    EXPECT_EQ(router.match("POST", "/upload").route->body_limit, std::size_t{4} << 20);
    EXPECT_EQ(router.match("POST", "/small").route->body_limit, kDefaultBodyLimit);
}

}  // namespace
