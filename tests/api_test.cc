// The API served by the real HTTP server over a real database file, end to end.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "api/app.h"
#include "demo/demo_generator.h"
#include "http/server.h"
#include "store/enterprise_repository.h"
#include "store/test_database.h"
#include "test_http_client.h"

namespace zl {
namespace {

using nlohmann::json;
using test_client::Fetch;

class ApiTest : public store::BackendTest {
 protected:
  static constexpr int kEnterprises = 500;

  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    context_ = std::make_unique<api::AppContext>(db());
    store::EnterpriseRepository repo(db());
    demo::EnterpriseGenerator gen({.enterprises = kEnterprises, .seed = 99});
    ASSERT_TRUE(repo.InsertAll([&] { return gen.Next(); }).ok());
    http::Router router;
    api::RegisterRoutes(router, *context_);
    http::ServerOptions options;
    options.address = "127.0.0.1";
    options.port = 0;
    options.access_log = false;
    server_ = std::make_unique<http::Server>(options, std::move(router));
    auto port = server_->Start();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
  }
  void TearDown() override {
    if (server_) server_->Stop();
    BackendTest::TearDown();
  }

  json GetJson(const std::string& target, int expected_status = 200) {
    auto reply = Fetch(port_, "GET", target);
    EXPECT_EQ(reply.status, expected_status) << target << ": " << reply.body;
    return json::parse(reply.body);
  }

  std::unique_ptr<api::AppContext> context_;
  std::unique_ptr<http::Server> server_;
  std::uint16_t port_ = 0;
};

TEST_P(ApiTest, OverviewCountsWhatIsInTheDatabase) {
  json j = GetJson("/api/v1/stats/overview");
  EXPECT_EQ(j["enterprises"], kEnterprises);
  EXPECT_EQ(j["supervision_units"], 13);
  ASSERT_EQ(j["by_region"].size(), 13u);
  long long sum = 0;
  for (const auto& r : j["by_region"]) sum += r["count"].get<long long>();
  EXPECT_EQ(sum, kEnterprises);
  long long sizes = 0;
  for (const auto& s : j["by_size"]) sizes += s["count"].get<long long>();
  EXPECT_EQ(sizes, kEnterprises);
}

TEST_P(ApiTest, ListsPagesAndFiltersEnterprises) {
  json page = GetJson("/api/v1/enterprises?per_page=7&page=2");
  EXPECT_EQ(page["total"], kEnterprises);
  EXPECT_EQ(page["items"].size(), 7u);
  EXPECT_EQ(page["page"], 2);

  json tangshan = GetJson("/api/v1/enterprises?region=130200&per_page=200");
  ASSERT_GT(tangshan["total"].get<int>(), 0);
  for (const auto& e : tangshan["items"]) {
    EXPECT_EQ(e["region_code"], "130200");
    EXPECT_EQ(e["region_name_zh"], "唐山市");
  }

  // A two-character Chinese query (URL-encoded 唐山).
  json by_name = GetJson("/api/v1/enterprises?q=%E5%94%90%E5%B1%B1");
  EXPECT_EQ(by_name["total"], tangshan["total"]);
}

TEST_P(ApiTest, BadParametersAreProblemsNamingTheField) {
  auto reply = Fetch(port_, "GET", "/api/v1/enterprises?per_page=500");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.Header("content-type"), "application/problem+json");
  json problem = json::parse(reply.body);
  EXPECT_EQ(problem["field"], "per_page");
  EXPECT_EQ(problem["status"], 400);

  problem = GetJson("/api/v1/enterprises?region=999999", 400);
  EXPECT_EQ(problem["field"], "region");
  problem = GetJson("/api/v1/enterprises?page=abc", 400);
  EXPECT_EQ(problem["field"], "page");
}

TEST_P(ApiTest, EnterpriseByUsccFoundInvalidAndMissing) {
  json page = GetJson("/api/v1/enterprises?per_page=1");
  std::string uscc = page["items"][0]["uscc"];
  json one = GetJson("/api/v1/enterprises/" + uscc);
  EXPECT_EQ(one["uscc"], uscc);
  EXPECT_EQ(one["name"], page["items"][0]["name"]);

  json bad = GetJson("/api/v1/enterprises/914403001922038217", 400);
  EXPECT_EQ(bad["field"], "uscc");
  EXPECT_NE(bad["detail"].get<std::string>().find("expected '6'"), std::string::npos) << bad.dump();

  json missing = GetJson("/api/v1/enterprises/914403001922038216", 404);
  EXPECT_EQ(missing["status"], 404);
}

TEST_P(ApiTest, UsccCheckGivesTheVerdictAndReason) {
  json bad = GetJson("/api/v1/uscc/914403001922038217");
  EXPECT_EQ(bad["valid"], false);
  EXPECT_NE(bad["reason"].get<std::string>().find("expected '6'"), std::string::npos);
  EXPECT_FALSE(bad["reason_zh"].get<std::string>().empty());
  json good = GetJson("/api/v1/uscc/91130682MA0D56782B");
  EXPECT_EQ(good["valid"], true);
  EXPECT_EQ(good["supervision_unit"], "130682");
  json short_code = GetJson("/api/v1/uscc/9113");
  EXPECT_EQ(short_code["valid"], false);
  EXPECT_NE(short_code["reason"].get<std::string>().find("18 characters"), std::string::npos);
}

TEST_P(ApiTest, RegionsListTheSupervisionUnits) {
  json regions = GetJson("/api/v1/regions");
  int units = 0;
  for (const auto& r : regions["items"]) {
    if (r["kind"] == "city" || r["kind"] == "direct_county") ++units;
  }
  EXPECT_EQ(units, 13);
}

// PostgreSQL going away while serving: 503 problem+json, the server stays up, and it
// recovers by itself when the database is back.
using PostgresApiTest = ApiTest;

TEST_P(PostgresApiTest, DatabaseAwayIs503AndServingRecovers) {
  test_database().SetAllowConnections(false);
  test_database().TerminateSessions();
  auto reply = Fetch(port_, "GET", "/api/v1/stats/overview");
  EXPECT_EQ(reply.status, 503) << reply.body;
  EXPECT_EQ(reply.Header("retry-after"), "5");
  EXPECT_EQ(reply.Header("content-type"), "application/problem+json");
  EXPECT_EQ(Fetch(port_, "GET", "/healthz").status, 200);
  test_database().SetAllowConnections(true);
  json j = GetJson("/api/v1/stats/overview");
  EXPECT_EQ(j["enterprises"], kEnterprises);
}

ZL_INSTANTIATE_BACKEND_TESTS(ApiTest);
ZL_INSTANTIATE_POSTGRES_TESTS(PostgresApiTest);

}  // namespace
}  // namespace zl

namespace zl {
namespace {

// The OpenAPI document served at /api/v1/openapi.json lists exactly the routes registered.
TEST(OpenApi, DocumentListsExactlyTheServedRoutes) {
  store::TestDatabase db;
  api::AppContext context(db.db());
  http::Router router;
  api::RegisterRoutes(router, context);

  std::set<std::string> served;
  for (const auto& route : router.routes()) {
    std::string method(http::MethodName(route.method));
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    served.insert(method + " " + route.pattern);
  }

  http::Request request;
  request.method = http::Method::kGet;
  request.path = "/api/v1/openapi.json";
  auto match = router.Route(http::Method::kGet, request.path);
  ASSERT_EQ(match.kind, http::Router::RouteResult::Kind::kFound);
  json doc = json::parse((*match.match.handler)(request).body);
  std::set<std::string> documented;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, operation] : item.items()) documented.insert(method + " " + path);
  }
  EXPECT_EQ(documented, served);
}

}  // namespace
}  // namespace zl
