// Router matching: literals, parameters, precedence, 404 vs 405, HEAD -> GET, bad patterns.
#include "http/router.h"

#include <gtest/gtest.h>

namespace zl::http {
namespace {

Handler Named(std::string name) {
  return [name](Request&) { return Response::Text(name); };
}

std::string Call(const Router::RouteResult& r) {
  Request req;
  return (*r.match.handler)(req).body;
}

using Kind = Router::RouteResult::Kind;

TEST(Router, MatchesLiteralAndParameterRoutes) {
  Router router;
  router.Get("/api/v1/enterprises", Named("list"));
  router.Get("/api/v1/enterprises/{uscc}", Named("one"));
  router.Get("/api/v1/enterprises/{uscc}/records/{id}", Named("record"));

  auto list = router.Route(Method::kGet, "/api/v1/enterprises");
  ASSERT_EQ(list.kind, Kind::kFound);
  EXPECT_EQ(Call(list), "list");
  EXPECT_EQ(list.match.route, "/api/v1/enterprises");
  EXPECT_TRUE(list.match.params.empty());

  auto one = router.Route(Method::kGet, "/api/v1/enterprises/91130000MA0A1B2C3D");
  ASSERT_EQ(one.kind, Kind::kFound);
  EXPECT_EQ(Call(one), "one");
  EXPECT_EQ(one.match.route, "/api/v1/enterprises/{uscc}");
  EXPECT_EQ(one.match.params.at("uscc"), "91130000MA0A1B2C3D");

  auto record = router.Route(Method::kGet, "/api/v1/enterprises/X/records/42");
  ASSERT_EQ(record.kind, Kind::kFound);
  EXPECT_EQ(record.match.params.at("uscc"), "X");
  EXPECT_EQ(record.match.params.at("id"), "42");
}

TEST(Router, NotFound) {
  Router router;
  router.Get("/api/v1/enterprises/{uscc}", Named("one"));
  EXPECT_EQ(router.Route(Method::kGet, "/api/v1/nothing").kind, Kind::kNotFound);
  EXPECT_EQ(router.Route(Method::kGet, "/api/v1/enterprises").kind, Kind::kNotFound);
  EXPECT_EQ(router.Route(Method::kGet, "/api/v1/enterprises/a/b").kind, Kind::kNotFound);
  EXPECT_EQ(router.Route(Method::kGet, "/").kind, Kind::kNotFound);
}

TEST(Router, LiteralWinsOverParameterAndBacktracks) {
  Router router;
  router.Get("/a/{x}/c", Named("param-c"));
  router.Get("/a/b/d", Named("literal-d"));
  router.Get("/a/b", Named("literal"));
  router.Get("/a/{x}", Named("param"));

  EXPECT_EQ(Call(router.Route(Method::kGet, "/a/b")), "literal");
  EXPECT_EQ(Call(router.Route(Method::kGet, "/a/z")), "param");
  EXPECT_EQ(Call(router.Route(Method::kGet, "/a/b/d")), "literal-d");
  // The literal "b" branch has no "c": the search must back up and try {x}.
  auto r = router.Route(Method::kGet, "/a/b/c");
  ASSERT_EQ(r.kind, Kind::kFound);
  EXPECT_EQ(Call(r), "param-c");
  EXPECT_EQ(r.match.params.at("x"), "b");
}

TEST(Router, MethodNotAllowedListsAllowedMethods) {
  Router router;
  router.Get("/api/v1/items/{id}", Named("get"));
  router.Delete("/api/v1/items/{id}", Named("delete"));
  router.Post("/api/v1/items", Named("create"));

  auto r = router.Route(Method::kPut, "/api/v1/items/7");
  ASSERT_EQ(r.kind, Kind::kMethodNotAllowed);
  EXPECT_EQ(AllowHeaderValue(r.allowed), "GET, HEAD, DELETE");
  EXPECT_EQ(r.route, "/api/v1/items/{id}");

  auto post = router.Route(Method::kGet, "/api/v1/items");
  ASSERT_EQ(post.kind, Kind::kMethodNotAllowed);
  EXPECT_EQ(AllowHeaderValue(post.allowed), "POST");
}

TEST(Router, MethodFoundOnAParameterBranchBeatsA405OnTheLiteral) {
  Router router;
  router.Get("/a/b", Named("literal-get"));
  router.Post("/a/{x}", Named("param-post"));
  auto r = router.Route(Method::kPost, "/a/b");
  ASSERT_EQ(r.kind, Kind::kFound);
  EXPECT_EQ(Call(r), "param-post");
}

TEST(Router, HeadFallsBackToGetUnlessRegistered) {
  Router router;
  router.Get("/x", Named("get"));
  router.Get("/y", Named("get-y"));
  router.Add(Method::kHead, "/y", Named("head-y"));
  auto x = router.Route(Method::kHead, "/x");
  ASSERT_EQ(x.kind, Kind::kFound);
  EXPECT_EQ(Call(x), "get");
  EXPECT_EQ(Call(router.Route(Method::kHead, "/y")), "head-y");
  router.Post("/z", Named("post"));
  EXPECT_EQ(router.Route(Method::kHead, "/z").kind, Kind::kMethodNotAllowed);
}

TEST(Router, IgnoresEmptySegments) {
  Router router;
  router.Get("/api/v1/items", Named("items"));
  EXPECT_EQ(router.Route(Method::kGet, "/api/v1/items/").kind, Kind::kFound);
  EXPECT_EQ(router.Route(Method::kGet, "//api//v1/items").kind, Kind::kFound);
}

TEST(Router, DistinctParameterNamesAtTheSamePlace) {
  Router router;
  router.Get("/e/{uscc}", Named("by-uscc"));
  router.Get("/e/{id}/records", Named("records"));
  EXPECT_EQ(router.Route(Method::kGet, "/e/1").match.params.at("uscc"), "1");
  EXPECT_EQ(router.Route(Method::kGet, "/e/2/records").match.params.at("id"), "2");
}

TEST(Router, RejectsBadPatternsAndDuplicates) {
  Router router;
  router.Get("/ok", Named("ok"));
  EXPECT_TRUE(router.status().ok());
  router.Get("/ok", Named("again"));
  EXPECT_FALSE(router.status().ok());
  EXPECT_NE(router.status().message().find("duplicate"), std::string::npos);
  EXPECT_EQ(Call(router.Route(Method::kGet, "/ok")), "ok");  // the first one stays

  for (const char* bad : {"no-slash", "/a/{}", "/a/{x", "/a/x}y", ""}) {
    Router r;
    r.Get(bad, Named("bad"));
    EXPECT_FALSE(r.status().ok()) << bad;
  }
  Router empty_handler;
  empty_handler.Get("/x", Handler());
  EXPECT_FALSE(empty_handler.status().ok());
}

TEST(Router, ListsRoutesInRegistrationOrder) {
  Router router;
  router.Post("/b", Named("b"));
  router.Get("/a", Named("a"));
  ASSERT_EQ(router.routes().size(), 2u);
  EXPECT_EQ(router.routes()[0].pattern, "/b");
  EXPECT_EQ(router.routes()[0].method, Method::kPost);
  EXPECT_EQ(router.routes()[1].pattern, "/a");
}

TEST(Router, IsMovable) {
  Router router;
  router.Get("/a/{x}", Named("a"));
  Router moved = std::move(router);
  EXPECT_EQ(moved.Route(Method::kGet, "/a/1").match.params.at("x"), "1");
}

}  // namespace
}  // namespace zl::http
