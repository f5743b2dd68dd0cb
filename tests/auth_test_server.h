// Test support for the auth tests: the real server over a real database with one account
// per role (and a city administrator of another city), and callers that log in over HTTP
// and carry their session cookie and CSRF token.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "api/app.h"
#include "auth/accounts.h"
#include "demo/demo_generator.h"
#include "http/server.h"
#include "store/enterprise_repository.h"
#include "store/test_database.h"
#include "test_http_client.h"

namespace zl::testing {

inline constexpr char kPassword[] = "Quality-test-2014";

// How a caller authenticates on each request.
struct Caller {
  std::string cookie{};  // "zl_session=…"
  std::string csrf{};
  std::string bearer{};  // "zl_…"
  std::string Headers(bool state_changing) const {
    std::string h;
    if (!cookie.empty()) h += "Cookie: " + cookie + "\r\n";
    if (!bearer.empty()) h += "Authorization: Bearer " + bearer + "\r\n";
    if (state_changing && !csrf.empty()) h += "X-CSRF-Token: " + csrf + "\r\n";
    return h;
  }
};

class AuthServerTest : public store::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    store::EnterpriseRepository repo(db());
    demo::EnterpriseGenerator gen({.enterprises = 300, .seed = 5});
    ASSERT_TRUE(repo.InsertAll([&] {
                      auto e = gen.Next();
                      if (e && e->region_code == "130200" && tangshan_uscc_.empty())
                        tangshan_uscc_ = e->uscc;
                      if (e && e->region_code == "130100" && shijiazhuang_uscc_.empty()) {
                        shijiazhuang_uscc_ = e->uscc;
                      }
                      return e;
                    })
                    .ok());
    auth::Principal op = auth::Principal::Cli("test");
    struct U {
      const char* name;
      const char* role;
      const char* region;
      std::string uscc;
    };
    for (const U& u :
         {U{"qiye", "enterprise", "", tangshan_uscc_}, U{"jianchayuan", "inspector", "130200", ""},
          U{"tangshan", "city_admin", "130200", ""}, U{"admin", "province_admin", "", ""},
          U{"shenji", "auditor", "", ""}, U{"shijiazhuang", "city_admin", "130100", ""}}) {
      auto added = auth::AddUser(db(), op, {u.name, u.role, u.region, u.uscc, kPassword}, "");
      ASSERT_TRUE(added.ok()) << u.name << ": " << added.status().ToString();
    }
    StartServer(api::ApiOptions{.login_rate = {1000, 1000}, .public_rate = {1000, 1000}});
  }

  void StartServer(api::ApiOptions options) {
    if (server_) server_->Stop();
    server_.reset();
    context_ = std::make_unique<api::AppContext>(db(), options);
    http::Router router;
    api::RegisterRoutes(router, *context_);
    routes_ = router.routes();
    http::ServerOptions server_options;
    api::ConfigureServer(server_options);
    server_options.address = "127.0.0.1";
    server_options.port = 0;
    server_options.access_log = false;
    server_ = std::make_unique<http::Server>(server_options, std::move(router));
    auto port = server_->Start();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
  }

  void TearDown() override {
    if (server_) server_->Stop();
    server_.reset();
    BackendTest::TearDown();
  }

  test_client::HttpResponse Send(const Caller& caller, const std::string& method,
                                 const std::string& target, const std::string& body = {},
                                 const std::string& content_type = "application/json") {
    test_client::Client client(port_);
    bool writes = method != "GET" && method != "HEAD";
    std::string extra = caller.Headers(writes);
    if (!body.empty()) extra += "Content-Type: " + content_type + "\r\n";
    client.Send(test_client::RequestText(method, target, true, body, extra));
    return client.Read(method == "HEAD").value_or(test_client::HttpResponse{});
  }

  // Logs in over HTTP; fails the test when the login does not succeed.
  Caller LogIn(const std::string& name, const std::string& password = kPassword) {
    auto reply = Send({}, "POST", "/api/v1/auth/login",
                      nlohmann::json{{"name", name}, {"password", password}}.dump());
    EXPECT_EQ(reply.status, 200) << name << ": " << reply.body;
    Caller c;
    std::string set_cookie = reply.Header("set-cookie");
    c.cookie = set_cookie.substr(0, set_cookie.find(';'));
    if (reply.status == 200) c.csrf = nlohmann::json::parse(reply.body)["csrf_token"];
    return c;
  }

  std::unique_ptr<api::AppContext> context_;
  std::unique_ptr<http::Server> server_;
  std::vector<http::Router::RouteInfo> routes_;
  std::uint16_t port_ = 0;
  std::string tangshan_uscc_, shijiazhuang_uscc_;
};

}  // namespace zl::testing
