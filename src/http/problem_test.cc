// Problem documents: JSON shape, slug table, and the Status -> HTTP mapping.
#include "http/problem.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace zl::http {
namespace {

nlohmann::json Body(const Response& r) { return nlohmann::json::parse(r.body); }

TEST(Problem, HasTheRfc9457Shape) {
  Response r = Response::Problem(404, "not-found", "Not Found", "no enterprise 123");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/problem+json");
  EXPECT_TRUE(r.IsProblem());
  auto body = Body(r);
  EXPECT_EQ(body["type"], "/problems/not-found");
  EXPECT_EQ(body["title"], "Not Found");
  EXPECT_EQ(body["title_zh"], "未找到");
  EXPECT_EQ(body["status"], 404);
  EXPECT_EQ(body["detail"], "no enterprise 123");
  EXPECT_FALSE(body.contains("field"));
}

TEST(Problem, IncludesFieldWhenGiven) {
  auto body = Body(MakeProblem("invalid-argument", "must be 18 characters", "uscc"));
  EXPECT_EQ(body["status"], 400);
  EXPECT_EQ(body["field"], "uscc");
  EXPECT_EQ(body["title"], "Invalid Argument");
}

TEST(Problem, UnknownSlugFallsBackToTitle) {
  auto body = Body(Response::Problem(418, "teapot", "I'm a teapot", "short and stout"));
  EXPECT_EQ(body["type"], "/problems/teapot");
  EXPECT_EQ(body["title_zh"], "I'm a teapot");
  Response r = MakeProblem("no-such-slug", "x");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(Body(r)["type"], "/problems/internal");
}

TEST(Problem, EveryStableSlugIsInTheTable) {
  for (const char* slug :
       {"not-found", "method-not-allowed", "payload-too-large", "invalid-argument", "bad-request",
        "conflict", "forbidden", "unauthorized", "too-many-requests", "unavailable", "internal"}) {
    const ProblemKind* kind = FindProblemKind(slug);
    ASSERT_NE(kind, nullptr) << slug;
    EXPECT_FALSE(kind->title_zh.empty());
    EXPECT_EQ(MakeProblem(slug, "d").status, kind->status);
  }
}

TEST(Problem, FromStatusMapsCodes) {
  struct Case {
    zl::Status status;
    int http;
    const char* type;
  };
  const Case cases[] = {
      {zl::Status::InvalidArgument("bad", "uscc"), 400, "/problems/invalid-argument"},
      {zl::Status::NotFound("gone"), 404, "/problems/not-found"},
      {zl::Status::AlreadyExists("dup", "uscc"), 409, "/problems/conflict"},
      {zl::Status::FailedPrecondition("state"), 409, "/problems/conflict"},
      {zl::Status::PermissionDenied("no"), 403, "/problems/forbidden"},
      {zl::Status::Unauthenticated("who"), 401, "/problems/unauthorized"},
      {zl::Status::ResourceExhausted("slow down"), 429, "/problems/too-many-requests"},
      {zl::Status::Unavailable("db down"), 503, "/problems/unavailable"},
      {zl::Status::IoError("disk"), 500, "/problems/internal"},
      {zl::Status::Internal("bug"), 500, "/problems/internal"},
      {zl::Status::Ok(), 500, "/problems/internal"},
  };
  for (const auto& c : cases) {
    Response r = Response::FromStatus(c.status);
    EXPECT_EQ(r.status, c.http) << c.status.ToString();
    EXPECT_EQ(Body(r)["type"], c.type) << c.status.ToString();
    EXPECT_EQ(r.content_type, "application/problem+json");
  }
  auto invalid = Body(Response::FromStatus(zl::Status::InvalidArgument("bad", "uscc")));
  EXPECT_EQ(invalid["field"], "uscc");
  EXPECT_EQ(invalid["detail"], "bad");
}

TEST(Problem, InternalErrorsDoNotLeakTheirMessage) {
  auto body = Body(Response::FromStatus(zl::Status::Internal("password=hunter2 in /etc/x")));
  EXPECT_EQ(body["detail"], "internal error, see server log");
  EXPECT_EQ(body.dump().find("hunter2"), std::string::npos);
  auto unavailable = Body(Response::FromStatus(zl::Status::Unavailable("postgresql://u:pw@h")));
  EXPECT_EQ(unavailable.dump().find("pw@h"), std::string::npos);
}

TEST(Response, JsonAndTextFactories) {
  Response j = Response::Json({{"a", 1}, {"name", "质量"}}, 201);
  EXPECT_EQ(j.status, 201);
  EXPECT_EQ(j.content_type, "application/json");
  EXPECT_EQ(nlohmann::json::parse(j.body)["name"], "质量");
  Response bad = Response::Json({{"s", std::string("\xff\xfe")}});  // invalid UTF-8
  EXPECT_EQ(bad.status, 200);
  Response t = Response::Text("hi");
  EXPECT_EQ(t.content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(t.body, "hi");
  t.SetHeader("X-A", "1").SetHeader("x-a", "2");
  EXPECT_EQ(t.headers.size(), 1u);
  EXPECT_EQ(t.Header("X-A"), "2");
}

}  // namespace
}  // namespace zl::http
