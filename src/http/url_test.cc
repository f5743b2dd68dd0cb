// Percent-decoding, target splitting and query parsing.
#include "http/url.h"

#include <gtest/gtest.h>

#include "http/request.h"

namespace zl::http {
namespace {

TEST(PercentDecode, DecodesEscapes) {
  EXPECT_EQ(*PercentDecode("/a%20b"), "/a b");
  EXPECT_EQ(*PercentDecode("%E8%B4%A8%E9%87%8F"), "质量");
  EXPECT_EQ(*PercentDecode("%2e%2E/x"), "../x");
  EXPECT_EQ(*PercentDecode("a+b"), "a+b");  // '+' is literal in paths
  EXPECT_EQ(*PercentDecode("a+b", /*plus_is_space=*/true), "a b");
  EXPECT_EQ(*PercentDecode(""), "");
}

TEST(PercentDecode, RejectsMalformedEscapes) {
  for (const char* bad : {"%", "%2", "abc%", "%zz", "%g0", "a%0"}) {
    EXPECT_FALSE(PercentDecode(bad).ok()) << bad;
  }
  EXPECT_FALSE(PercentDecode("a%00b").ok());  // NUL would truncate file names
}

TEST(PercentEncode, RoundTrips) {
  EXPECT_EQ(PercentEncode("a b/c"), "a%20b%2Fc");
  EXPECT_EQ(PercentEncode("质"), "%E8%B4%A8");
  EXPECT_EQ(PercentEncode("A-z_0.9~"), "A-z_0.9~");
  EXPECT_EQ(*PercentDecode(PercentEncode("x=1&y=质 量")), "x=1&y=质 量");
}

TEST(SplitTarget, SeparatesPathQueryAndFragment) {
  auto parts = SplitTarget("/a/b?x=1&y=2#frag");
  EXPECT_EQ(parts.path, "/a/b");
  EXPECT_EQ(parts.query, "x=1&y=2");
  EXPECT_EQ(SplitTarget("/only").query, "");
  EXPECT_EQ(SplitTarget("/p?").query, "");
  EXPECT_EQ(SplitTarget("/p#x?y").path, "/p");
}

TEST(ParseQuery, DecodesNamesAndValues) {
  auto q = ParseQuery("name=%E5%BC%A0+%E4%B8%89&page=2&flag&&page=3&a%26b=c%3Dd");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->at("name"), "张 三");
  EXPECT_EQ(q->at("page"), "3");  // last wins
  EXPECT_EQ(q->at("flag"), "");
  EXPECT_EQ(q->at("a&b"), "c=d");
  EXPECT_EQ(q->size(), 4u);
}

TEST(ParseQuery, ReportsTheBadParameter) {
  auto q = ParseQuery("ok=1&bad=%zz");
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.status().code(), zl::Status::Code::kInvalidArgument);
  EXPECT_EQ(q.status().field(), "bad");
}

TEST(Request, AccessorsAreCaseInsensitiveForHeaders) {
  Request r;
  r.headers = {{"Content-Type", "text/plain"}, {"X-Thing", "1"}, {"x-thing", "2"}};
  r.query = {{"page", "2"}};
  r.path_params = {{"uscc", "abc"}};
  EXPECT_EQ(r.Header("content-type"), "text/plain");
  EXPECT_EQ(r.Header("X-THING"), "1");
  EXPECT_EQ(r.Header("missing"), "");
  EXPECT_EQ(r.Query("page"), "2");
  EXPECT_EQ(r.Query("nope"), std::nullopt);
  EXPECT_EQ(r.PathParam("uscc"), "abc");
  EXPECT_EQ(r.PathParam("id"), "");
  EXPECT_EQ(MethodName(Method::kPatch), "PATCH");
  EXPECT_EQ(ParseMethod("DELETE"), Method::kDelete);
  EXPECT_EQ(ParseMethod("get"), std::nullopt);
  EXPECT_EQ(ParseMethod("TRACE"), std::nullopt);
}

}  // namespace
}  // namespace zl::http
