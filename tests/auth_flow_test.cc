// Sessions, lockout, CSRF, API tokens and the audit chain, end to end on both backends.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "auth/audit_log.h"
#include "auth/sessions.h"
#include "auth_test_server.h"
#include "store/database.h"

namespace zl::testing {
namespace {

using AuthFlowTest = AuthServerTest;
using std::chrono::seconds;

TEST_P(AuthFlowTest, LoginSetsAHardenedCookieAndMeAnswers) {
  auto reply = Send({}, "POST", "/api/v1/auth/login",
                    R"({"name": "tangshan", "password": "Quality-test-2014"})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  std::string cookie = reply.Header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  auto body = reply.Json();
  EXPECT_EQ(body["role"], "city_admin");
  EXPECT_EQ(body["region"], "130200");
  Caller c{.cookie = cookie.substr(0, cookie.find(';')), .csrf = body["csrf_token"]};
  auto me = Send(c, "GET", "/api/v1/auth/me");
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.Json()["name"], "tangshan");
}

TEST_P(AuthFlowTest, WrongPasswordAndUnknownNameFailAlike) {
  auto wrong = Send({}, "POST", "/api/v1/auth/login", R"({"name": "admin", "password": "x"})");
  auto unknown = Send({}, "POST", "/api/v1/auth/login", R"({"name": "nobody", "password": "x"})");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.Json()["detail"], unknown.Json()["detail"]);
}

TEST_P(AuthFlowTest, RepeatedFailuresLockTheAccountWithBackOff) {
  auth::SessionPolicy policy;  // 5 free attempts, then 30 s doubling
  auto t0 = std::chrono::system_clock::now();
  for (int i = 0; i < 5; ++i) {
    auto out = auth::Login(db(), "admin", "wrong-password", "", policy, t0);
    EXPECT_EQ(out.status.code(), Status::Code::kUnauthenticated) << i;
  }
  // Locked now: even the right password is refused, with the time to wait.
  auto locked = auth::Login(db(), "admin", kPassword, "", policy, t0 + seconds(1));
  EXPECT_EQ(locked.status.code(), Status::Code::kResourceExhausted);
  EXPECT_GE(locked.retry_after_seconds, 25);
  // After the delay the right password works again and resets the count.
  auto later = auth::Login(db(), "admin", kPassword, "", policy, t0 + seconds(31));
  EXPECT_TRUE(later.status.ok()) << later.status.ToString();

  // Over HTTP the lockout is a 429 with Retry-After.
  for (int i = 0; i < 5; ++i) {
    Send({}, "POST", "/api/v1/auth/login", R"({"name": "shenji", "password": "nope"})");
  }
  auto reply = Send({}, "POST", "/api/v1/auth/login",
                    R"({"name": "shenji", "password": "Quality-test-2014"})");
  EXPECT_EQ(reply.status, 429) << reply.body;
  EXPECT_FALSE(reply.Header("retry-after").empty());
}

TEST_P(AuthFlowTest, SessionsExpireWhenIdleAndAtTheirAbsoluteLimit) {
  auth::SessionPolicy policy;
  policy.idle_timeout = std::chrono::minutes(30);
  policy.absolute_timeout = std::chrono::hours(2);
  auto t0 = std::chrono::system_clock::now();
  auto login = auth::Login(db(), "admin", kPassword, "", policy, t0);
  ASSERT_TRUE(login.status.ok());
  const std::string& secret = login.cookie_secret;
  EXPECT_TRUE(auth::AuthenticateSession(db(), secret, policy, t0 + std::chrono::minutes(29)).ok());
  // Used at minute 29, so alive until minute 59; then idle-expired.
  EXPECT_TRUE(auth::AuthenticateSession(db(), secret, policy, t0 + std::chrono::minutes(58)).ok());
  auto idle = auth::AuthenticateSession(db(), secret, policy, t0 + std::chrono::minutes(89));
  EXPECT_EQ(idle.status().code(), Status::Code::kUnauthenticated);

  auto again = auth::Login(db(), "admin", kPassword, "", policy, t0);
  for (int minute = 20; minute < 120; minute += 20) {  // kept busy...
    EXPECT_TRUE(auth::AuthenticateSession(db(), again.cookie_secret, policy,
                                          t0 + std::chrono::minutes(minute))
                    .ok())
        << minute;
  }
  auto absolute = auth::AuthenticateSession(db(), again.cookie_secret, policy,
                                            t0 + std::chrono::minutes(121));  // ...but not past 2 h
  EXPECT_EQ(absolute.status().code(), Status::Code::kUnauthenticated);
}

TEST_P(AuthFlowTest, LogoutRevokesTheSession) {
  Caller c = LogIn("admin");
  EXPECT_EQ(Send(c, "POST", "/api/v1/auth/logout").status, 204);
  EXPECT_EQ(Send(c, "GET", "/api/v1/auth/me").status, 401);
}

TEST_P(AuthFlowTest, BrowserWritesNeedTheCsrfToken) {
  Caller c = LogIn("admin");
  Caller no_csrf{.cookie = c.cookie};
  Caller bad_csrf{.cookie = c.cookie, .csrf = "forged"};
  std::string body = R"({"name": "x1", "scopes": ["stats.read"]})";
  EXPECT_EQ(Send(no_csrf, "POST", "/api/v1/tokens", body).status, 403);
  EXPECT_EQ(Send(bad_csrf, "POST", "/api/v1/tokens", body).status, 403);
  EXPECT_EQ(Send(c, "POST", "/api/v1/tokens", body).status, 201);
  // Reads need no token.
  EXPECT_EQ(Send(no_csrf, "GET", "/api/v1/tokens").status, 200);
}

TEST_P(AuthFlowTest, RevokedTokensStopWorking) {
  Caller admin = LogIn("admin");
  auto issued = Send(admin, "POST", "/api/v1/tokens",
                     R"({"name": "ingest", "scopes": ["enterprise.read", "user.read"]})");
  ASSERT_EQ(issued.status, 201) << issued.body;
  Caller machine{.bearer = issued.Json()["token"]};
  EXPECT_EQ(Send(machine, "GET", "/api/v1/users").status, 200);
  EXPECT_EQ(Send(machine, "GET", "/api/v1/tokens").status, 403);  // not in its scopes
  std::string id = issued.Json()["id"];
  EXPECT_EQ(Send(admin, "DELETE", "/api/v1/tokens/" + id).status, 204);
  auto after = Send(machine, "GET", "/api/v1/users");
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.Header("www-authenticate"), "Bearer");
  // Scopes beyond the issuer's own permissions are refused.
  Caller city = LogIn("tangshan");
  auto too_much =
      Send(city, "POST", "/api/v1/tokens", R"({"name": "x", "scopes": ["audit.read"]})");
  EXPECT_EQ(too_much.status, 400);
  EXPECT_EQ(too_much.Json()["field"], "scopes");
}

TEST_P(AuthFlowTest, ChangingThePasswordEndsOtherSessions) {
  Caller first = LogIn("tangshan");
  Caller second = LogIn("tangshan");
  auto bad = Send(first, "POST", "/api/v1/auth/password",
                  R"({"current_password": "Quality-test-2014", "new_password": "short"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json()["field"], "new_password");
  auto ok = Send(first, "POST", "/api/v1/auth/password",
                 R"({"current_password": "Quality-test-2014", "new_password": "Steel-city-2088"})");
  EXPECT_EQ(ok.status, 204) << ok.body;
  EXPECT_EQ(Send(first, "GET", "/api/v1/auth/me").status, 200);
  EXPECT_EQ(Send(second, "GET", "/api/v1/auth/me").status, 401);
  LogIn("tangshan", "Steel-city-2088");
}

TEST_P(AuthFlowTest, LoginAttemptsAreRateLimitedPerAddress) {
  StartServer(api::ApiOptions{.login_rate = {0.01, 3}, .public_rate = {1000, 1000}});
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(Send({}, "POST", "/api/v1/auth/login", "{}").status, 400);
  }
  auto limited = Send({}, "POST", "/api/v1/auth/login", "{}");
  EXPECT_EQ(limited.status, 429);
  EXPECT_FALSE(limited.Header("retry-after").empty());
}

TEST_P(AuthFlowTest, PublicReadsAreRateLimitedPerAddress) {
  StartServer(api::ApiOptions{.login_rate = {1000, 1000}, .public_rate = {0.01, 5}});
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Send({}, "GET", "/api/v1/regions").status, 200);
  auto limited = Send({}, "GET", "/api/v1/regions");
  EXPECT_EQ(limited.status, 429);
  EXPECT_FALSE(limited.Header("retry-after").empty());
  // Logged-in officials are not limited by the public budget.
  Caller admin = LogIn("admin");
  EXPECT_EQ(Send(admin, "GET", "/api/v1/regions").status, 200);
}

TEST_P(AuthFlowTest, WritesAreAuditedWithActorObjectAndRequestId) {
  Caller admin = LogIn("admin");
  auto added = Send(admin, "POST", "/api/v1/users",
                    R"({"name": "newbie", "role": "inspector", "region": "130300",
                        "password": "Qinhuangdao-99"})");
  ASSERT_EQ(added.status, 201) << added.body;
  auto log = Send(admin, "GET", "/api/v1/audit?action=user.add&object_id=newbie");
  ASSERT_EQ(log.status, 200);
  auto items = log.Json()["items"];
  ASSERT_EQ(items.size(), 1u) << log.body;
  EXPECT_EQ(items[0]["actor"], "admin");
  EXPECT_EQ(items[0]["region_code"], "130300");
  EXPECT_EQ(items[0]["request_id"], added.Header("x-request-id"));
  EXPECT_EQ(items[0]["summary"].get<std::string>().find("Qinhuangdao"), std::string::npos);
  auto verify = Send(admin, "GET", "/api/v1/audit/verify");
  EXPECT_EQ(verify.Json()["ok"], true) << verify.body;
}

// Tampering directly in the database, as someone with database access would.
void Tamper(store::Database& db, const std::string& statement) {
  ASSERT_TRUE(db.Write([&](soci::session& sql) {
                  sql << statement;
                  return Status();
                }).ok())
      << statement;
}

TEST_P(AuthFlowTest, AuditVerifyDetectsAlteredDeletedAndReorderedEntries) {
  auth::Principal op = auth::Principal::Cli("test");
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(
        auth::AppendAudit(db(), op, {"test.event", "thing", std::to_string(i), "", "{}"}, "").ok());
  }
  auto intact = auth::VerifyAudit(db());
  ASSERT_TRUE(intact.ok());
  ASSERT_TRUE(intact->status.ok()) << intact->status.ToString();
  std::int64_t n = intact->checked;  // the 6 accounts from SetUp, then 4 events
  ASSERT_EQ(n, 10);

  Tamper(db(), "UPDATE audit_log SET summary = '{\"role\": \"auditor\"}' WHERE seq = 3");
  auto altered = auth::VerifyAudit(db());
  EXPECT_NE(altered->status.message().find("entry 3"), std::string::npos)
      << altered->status.ToString();
  EXPECT_EQ(altered->checked, 2);
  Tamper(db(), "DELETE FROM audit_log WHERE seq = 3");
  auto deleted = auth::VerifyAudit(db());
  EXPECT_FALSE(deleted->status.ok());
  EXPECT_NE(deleted->status.message().find("entry 3 missing"), std::string::npos)
      << deleted->status.ToString();
}

TEST_P(AuthFlowTest, AuditVerifyDetectsReorderingAndATruncatedTail) {
  auth::Principal op = auth::Principal::Cli("test");
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(
        auth::AppendAudit(db(), op, {"test.event", "thing", std::to_string(i), "", "{}"}, "").ok());
  }
  // Swap entries 7 and 8 by renumbering them.
  Tamper(db(), "UPDATE audit_log SET seq = 100 WHERE seq = 7");
  Tamper(db(), "UPDATE audit_log SET seq = 7 WHERE seq = 8");
  Tamper(db(), "UPDATE audit_log SET seq = 8 WHERE seq = 100");
  auto reordered = auth::VerifyAudit(db());
  EXPECT_FALSE(reordered->status.ok());
  EXPECT_EQ(reordered->checked, 6) << reordered->status.ToString();
  // Put them back, then cut off the last entry.
  Tamper(db(), "UPDATE audit_log SET seq = 100 WHERE seq = 7");
  Tamper(db(), "UPDATE audit_log SET seq = 7 WHERE seq = 8");
  Tamper(db(), "UPDATE audit_log SET seq = 8 WHERE seq = 100");
  ASSERT_TRUE(auth::VerifyAudit(db())->status.ok());
  Tamper(db(), "DELETE FROM audit_log WHERE seq = 9");
  auto truncated = auth::VerifyAudit(db());
  EXPECT_FALSE(truncated->status.ok());
  EXPECT_NE(truncated->status.message().find("deleted"), std::string::npos)
      << truncated->status.ToString();
}

ZL_INSTANTIATE_BACKEND_TESTS(AuthFlowTest);

}  // namespace
}  // namespace zl::testing
