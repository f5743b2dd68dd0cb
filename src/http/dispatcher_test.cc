// The request pipeline without sockets: built-ins, routing outcomes, errors, headers, metrics.
#include "http/dispatcher.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "http/problem.h"

namespace zl::http {
namespace {

Router TestRouter() {
  Router router;
  router.Get("/api/v1/enterprises/{uscc}", [](Request& r) {
    return Response::Json({{"uscc", r.PathParam("uscc")},
                           {"page", r.Query("page").value_or("")},
                           {"q", r.Query("q").value_or("")}});
  });
  router.Post("/api/v1/enterprises", [](Request& r) {
    return Response::Json({{"received", r.body}}, 201);
  });
  router.Get("/api/v1/boom", [](Request&) -> Response { throw std::runtime_error("db exploded"); });
  router.Get("/api/v1/missing", [](Request&) {
    return Response::FromStatus(zl::Status::NotFound("no such enterprise"));
  });
  router.Get("/api/v1/weird", [](Request&) { return Response::Text("x", "text/plain", 0); });
  return router;
}

Request Make(Method method, std::string target, std::string body = {}) {
  Request r;
  r.method = method;
  r.target = std::move(target);
  r.body = std::move(body);
  r.remote_address = "127.0.0.1";
  return r;
}

nlohmann::json Json(const Response& r) { return nlohmann::json::parse(r.body); }

class DispatcherTest : public testing::Test {
 protected:
  Response Do(Method method, std::string target, std::string body = {}) {
    Request r = Make(method, std::move(target), std::move(body));
    return dispatcher_.Handle(r);
  }
  Dispatcher dispatcher_{TestRouter(), std::nullopt, /*access_log=*/false};
};

TEST_F(DispatcherTest, Healthz) {
  Response r = Do(Method::kGet, "/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_EQ(Json(r), nlohmann::json({{"status", "ok"}}));
  Response post = Do(Method::kPost, "/healthz");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.Header("Allow"), "GET, HEAD");
}

TEST_F(DispatcherTest, RoutesWithDecodedParamsAndQuery) {
  Response r = Do(Method::kGet, "/api/v1/enterprises/9113%2000?page=2&q=%E8%B4%A8+%E9%87%8F");
  ASSERT_EQ(r.status, 200);
  auto body = Json(r);
  EXPECT_EQ(body["uscc"], "9113 00");
  EXPECT_EQ(body["page"], "2");
  EXPECT_EQ(body["q"], "质 量");
  Response created = Do(Method::kPost, "/api/v1/enterprises", "{\"a\":1}");
  EXPECT_EQ(created.status, 201);
  EXPECT_EQ(Json(created)["received"], "{\"a\":1}");
}

TEST_F(DispatcherTest, AddsRequestIdAndSecurityHeaders) {
  Response r = Do(Method::kGet, "/healthz");
  std::string id(r.Header("X-Request-Id"));
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(Do(Method::kGet, "/healthz").Header("X-Request-Id"), id);
  EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.Header("X-Frame-Options"), "DENY");

  Request with_id = Make(Method::kGet, "/healthz");
  with_id.headers = {{"x-request-id", "abc-123"}};
  EXPECT_EQ(dispatcher_.Handle(with_id).Header("X-Request-Id"), "abc-123");
  EXPECT_EQ(with_id.request_id, "abc-123");
  Request evil = Make(Method::kGet, "/healthz");
  evil.headers = {{"X-Request-Id", "a b\r\nSet-Cookie: x"}};
  EXPECT_EQ(dispatcher_.Handle(evil).Header("X-Request-Id").size(), 16u);
}

TEST_F(DispatcherTest, UnknownApiPathIs404Problem) {
  Response r = Do(Method::kGet, "/api/v1/nothing/here");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/problem+json");
  auto body = Json(r);
  EXPECT_EQ(body["type"], "/problems/not-found");
  EXPECT_EQ(body["status"], 404);
  EXPECT_EQ(body["instance"], "/api/v1/nothing/here");
  EXPECT_EQ(body["request_id"], std::string(r.Header("X-Request-Id")));
  // Without a static root, non-API paths are 404 too.
  EXPECT_EQ(Do(Method::kGet, "/index.html").status, 404);
}

TEST_F(DispatcherTest, WrongMethodIs405ProblemWithAllow) {
  Response r = Do(Method::kDelete, "/api/v1/enterprises/x");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Header("Allow"), "GET, HEAD");
  EXPECT_EQ(Json(r)["type"], "/problems/method-not-allowed");
}

TEST_F(DispatcherTest, HandlerExceptionsBecome500WithoutLeaking) {
  Response r = Do(Method::kGet, "/api/v1/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(Json(r)["type"], "/problems/internal");
  EXPECT_EQ(r.body.find("exploded"), std::string::npos);
  EXPECT_EQ(Do(Method::kGet, "/api/v1/weird").status, 500);
  EXPECT_EQ(Do(Method::kGet, "/api/v1/missing").status, 404);
}

TEST_F(DispatcherTest, MalformedTargetsAre400) {
  Response path = Do(Method::kGet, "/api/v1/enterprises/%zz");
  EXPECT_EQ(path.status, 400);
  EXPECT_EQ(Json(path)["type"], "/problems/bad-request");
  Response query = Do(Method::kGet, "/api/v1/enterprises/x?page=%G1");
  EXPECT_EQ(query.status, 400);
  EXPECT_EQ(Json(query)["field"], "page");
  EXPECT_EQ(Do(Method::kGet, "*").status, 400);
  EXPECT_EQ(Do(Method::kGet, "/a%00b").status, 400);
}

TEST_F(DispatcherTest, RejectDecoratesAndCounts) {
  Request r = Make(Method::kPost, "/api/v1/enterprises");
  Response out = dispatcher_.Reject(r, MakeProblem("payload-too-large", "too big"));
  EXPECT_EQ(out.status, 413);
  EXPECT_FALSE(out.Header("X-Request-Id").empty());
  EXPECT_EQ(Json(out)["instance"], "/api/v1/enterprises");
  EXPECT_NE(dispatcher_.metrics().Render().find(R"(zhiliang_http_requests_total{method="POST",)"
                                                R"(route="/api/v1/enterprises",status="413"} 1)"),
            std::string::npos);
}

TEST_F(DispatcherTest, MetricsUseBoundedRouteLabels) {
  Do(Method::kGet, "/api/v1/enterprises/a");
  Do(Method::kGet, "/api/v1/enterprises/b");
  Do(Method::kGet, "/api/v1/random/1");
  Do(Method::kGet, "/api/v1/random/2");
  Response m = Do(Method::kGet, "/metrics");
  EXPECT_EQ(m.content_type, "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(m.body.find(R"(zhiliang_http_requests_total{method="GET",)"
                        R"(route="/api/v1/enterprises/{uscc}",status="200"} 2)"),
            std::string::npos)
      << m.body;
  EXPECT_NE(
      m.body.find(R"(zhiliang_http_requests_total{method="GET",route="unmatched",status="404"} 2)"),
      std::string::npos);
  EXPECT_EQ(m.body.find("/api/v1/random"), std::string::npos);
}

TEST(DispatcherStatic, FallsBackToStaticFilesOutsideApi) {
  namespace fs = std::filesystem;
  std::string tmpl = (fs::temp_directory_path() / "zl-dispatch-XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  fs::path root = tmpl;
  std::ofstream(root / "index.html") << "<html>shell</html>";
  Dispatcher d(TestRouter(), *StaticFiles::Open(root.string()), /*access_log=*/false);

  Request spa = Make(Method::kGet, "/enterprises/123");
  Response r = d.Handle(spa);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<html>shell</html>");
  Request api = Make(Method::kGet, "/api/v1/nope");
  EXPECT_EQ(d.Handle(api).content_type, "application/problem+json");
  Request post = Make(Method::kPost, "/enterprises/123");
  EXPECT_EQ(d.Handle(post).status, 405);
  Request escape = Make(Method::kGet, "/%2e%2e/%2e%2e/etc/passwd");
  EXPECT_EQ(d.Handle(escape).status, 404);
  std::string metrics = d.metrics().Render();
  EXPECT_NE(metrics.find(R"(route="static",status="200"} 1)"), std::string::npos);
  fs::remove_all(root);
}

}  // namespace
}  // namespace zl::http
