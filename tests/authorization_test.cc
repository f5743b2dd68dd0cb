// Every API route × every kind of caller → the expected outcome, through the real server.
// A route without a row here fails the test: adding a route means deciding who may call it.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "auth_test_server.h"

namespace zl::testing {
namespace {

// The outcomes the guard and the region rule produce.
enum Outcome {
  A,  // allowed: anything but 401/403 (validation errors and 404s included)
  U,  // 401 problem
  F,  // 403 problem
};

// The callers, in the order of each row's outcomes.
const std::vector<std::string> kCallers = {
    "anonymous",          "enterprise", "inspector", "city_admin", "province_admin", "auditor",
    "foreign_city_admin",  // a city administrator of 石家庄, acting on 唐山's objects
    "token_read_audit",    // an API token with scopes enterprise.read, stats.read, audit.read
};

struct Row {
  std::string method;
  std::string pattern;
  std::string path;  // a concrete path; {TANGSHAN} is a 唐山 enterprise's USCC
  std::string body;
  std::vector<Outcome> expected;  // one per caller
};

std::vector<Row> Table() {
  return {
      {"GET", "/api/v1/openapi.json", "/api/v1/openapi.json", "", {A, A, A, A, A, A, A, A}},
      {"GET", "/api/v1/stats/overview", "/api/v1/stats/overview", "", {A, A, A, A, A, A, A, A}},
      {"GET", "/api/v1/regions", "/api/v1/regions", "", {A, A, A, A, A, A, A, A}},
      {"GET",
       "/api/v1/uscc/{code}",
       "/api/v1/uscc/914403001922038217",
       "",
       {A, A, A, A, A, A, A, A}},
      {"GET", "/api/v1/enterprises", "/api/v1/enterprises", "", {A, A, A, A, A, A, A, A}},
      {"GET",
       "/api/v1/enterprises/{uscc}",
       "/api/v1/enterprises/{TANGSHAN}",
       "",
       {A, A, A, A, A, A, A, A}},
      {"GET",
       "/api/v1/enterprises/export",
       "/api/v1/enterprises/export",
       "",
       {A, A, A, A, A, A, A, A}},
      {"GET",
       "/api/v1/enterprises/{uscc}/report",
       "/api/v1/enterprises/{TANGSHAN}/report",
       "",
       {A, A, A, A, A, A, A, A}},
      {"GET", "/api/v1/record-kinds", "/api/v1/record-kinds", "", {A, A, A, A, A, A, A, A}},
      {"POST",
       "/api/v1/enterprises/{uscc}/records",
       "/api/v1/enterprises/{TANGSHAN}/records",
       "{}",
       {U, F, F, A, A, F, F, F}},
      // A regional caller gets 403 for a record that does not exist, as for one elsewhere.
      {"POST",
       "/api/v1/records/{id}/correct",
       "/api/v1/records/999999/correct",
       "{}",
       {U, F, F, F, A, F, F, F}},
      {"POST",
       "/api/v1/records/{id}/revoke",
       "/api/v1/records/999999/revoke",
       "{}",
       {U, F, F, F, A, F, F, F}},
      {"POST",
       "/api/v1/imports/enterprises",
       "/api/v1/imports/enterprises",
       "",
       {U, F, F, A, A, F, A, F}},
      {"POST", "/api/v1/imports/records", "/api/v1/imports/records", "", {U, F, F, A, A, F, A, F}},
      {"GET", "/api/v1/imports", "/api/v1/imports", "", {U, F, F, A, A, F, A, F}},
      {"GET", "/api/v1/imports/{id}", "/api/v1/imports/999999", "", {U, F, F, F, A, F, F, F}},
      {"GET",
       "/api/v1/imports/{id}/errors",
       "/api/v1/imports/999999/errors",
       "",
       {U, F, F, F, A, F, F, F}},
      {"GET",
       "/api/v1/enterprises/{uscc}/grade",
       "/api/v1/enterprises/{TANGSHAN}/grade",
       "",
       {U, A, A, A, A, A, F, F}},
      {"GET", "/api/v1/grading/runs", "/api/v1/grading/runs", "", {U, F, F, F, A, F, F, F}},
      {"POST", "/api/v1/grading/runs", "/api/v1/grading/runs", "{}", {U, F, F, F, A, F, F, F}},
      {"GET",
       "/api/v1/grading/rule-sets",
       "/api/v1/grading/rule-sets",
       "",
       {U, F, F, F, A, F, F, F}},
      {"POST",
       "/api/v1/grading/rule-sets",
       "/api/v1/grading/rule-sets",
       "{}",
       {U, F, F, F, A, F, F, F}},
      {"GET",
       "/api/v1/grading/rule-sets/{version}",
       "/api/v1/grading/rule-sets/none",
       "",
       {U, F, F, F, A, F, F, F}},
      {"POST",
       "/api/v1/grading/rule-sets/{version}/compare",
       "/api/v1/grading/rule-sets/none/compare",
       "",
       {U, F, F, F, A, F, F, F}},
      {"PATCH",
       "/api/v1/enterprises/{uscc}",
       "/api/v1/enterprises/{TANGSHAN}",
       "{}",
       {U, F, F, A, A, F, F, F}},
      {"POST", "/api/v1/auth/login", "/api/v1/auth/login", "{}", {A, A, A, A, A, A, A, A}},
      {"GET", "/api/v1/auth/me", "/api/v1/auth/me", "", {U, A, A, A, A, A, A, F}},
      {"POST", "/api/v1/auth/password", "/api/v1/auth/password", "{}", {U, A, A, A, A, A, A, F}},
      {"GET", "/api/v1/users", "/api/v1/users", "", {U, F, F, A, A, F, A, F}},
      {"POST", "/api/v1/users", "/api/v1/users", "{}", {U, F, F, A, A, F, A, F}},
      {"PATCH",
       "/api/v1/users/{name}",
       "/api/v1/users/jianchayuan",
       "{}",
       {U, F, F, A, A, F, F, F}},
      {"GET", "/api/v1/tokens", "/api/v1/tokens", "", {U, F, F, A, A, F, A, F}},
      {"POST", "/api/v1/tokens", "/api/v1/tokens", "{}", {U, F, F, A, A, F, A, F}},
      {"DELETE", "/api/v1/tokens/{id}", "/api/v1/tokens/tk_missing", "", {U, F, F, A, A, F, A, F}},
      {"GET", "/api/v1/audit", "/api/v1/audit", "", {U, F, F, F, A, A, F, A}},
      {"GET", "/api/v1/audit/verify", "/api/v1/audit/verify", "", {U, F, F, F, A, A, F, A}},
      // Random inspection (双随机一公开). {TASK} and {INSPECTOR} are a 唐山 task and inspector.
      {"GET", "/api/v1/inspectors", "/api/v1/inspectors", "", {U, F, A, A, A, F, A, F}},
      {"POST", "/api/v1/inspectors", "/api/v1/inspectors", "{}", {U, F, A, A, A, F, A, F}},
      {"POST",
       "/api/v1/inspectors/{id}/conflicts",
       "/api/v1/inspectors/{INSPECTOR}/conflicts",
       "{}",
       {U, F, A, A, A, F, F, F}},
      {"GET",
       "/api/v1/inspection/policy",
       "/api/v1/inspection/policy",
       "",
       {U, F, A, A, A, F, A, F}},
      {"PUT",
       "/api/v1/inspection/policy",
       "/api/v1/inspection/policy",
       "{}",
       {U, F, F, F, A, F, F, F}},
      {"GET", "/api/v1/inspection/tasks", "/api/v1/inspection/tasks", "", {U, F, A, A, A, F, A, F}},
      {"POST",
       "/api/v1/inspection/tasks",
       "/api/v1/inspection/tasks",
       "{}",
       {U, F, A, A, A, F, A, F}},
      {"GET",
       "/api/v1/inspection/tasks/{id}",
       "/api/v1/inspection/tasks/{TASK}",
       "",
       {U, F, A, A, A, F, F, F}},
      {"GET",
       "/api/v1/inspection/tasks/{id}/targets",
       "/api/v1/inspection/tasks/{TASK}/targets",
       "",
       {U, F, A, A, A, F, F, F}},
      {"POST",
       "/api/v1/inspection/tasks/{id}/draw",
       "/api/v1/inspection/tasks/{TASK}/draw",
       "{}",
       {U, F, A, A, A, F, F, F}},
      {"POST",
       "/api/v1/inspection/tasks/{id}/verify",
       "/api/v1/inspection/tasks/{TASK}/verify",
       "",
       {U, F, A, A, A, F, F, F}},
      {"POST",
       "/api/v1/inspection/tasks/{id}/recusals",
       "/api/v1/inspection/tasks/{TASK}/recusals",
       "{}",
       {U, F, A, A, A, F, F, F}},
      {"POST",
       "/api/v1/inspection/tasks/{id}/results",
       "/api/v1/inspection/tasks/{TASK}/results",
       "{}",
       {U, F, A, A, A, F, F, F}},
      {"POST",
       "/api/v1/inspection/tasks/{id}/publish",
       "/api/v1/inspection/tasks/{TASK}/publish",
       "",
       {U, F, A, A, A, F, F, F}},
      {"GET",
       "/api/v1/public/inspection-tasks",
       "/api/v1/public/inspection-tasks",
       "",
       {A, A, A, A, A, A, A, A}},
      {"GET",
       "/api/v1/public/inspection-tasks/{id}/results",
       "/api/v1/public/inspection-tasks/{TASK}/results",
       "",
       {A, A, A, A, A, A, A, A}},
      // The blacklist. {CASE} is a 唐山 case (opened by 唐山's city administrator) of the
      // enterprise the enterprise account belongs to; publishing it is refused by its state
      // (409) for its regulators and by party for everyone else.
      {"GET", "/api/v1/blacklist", "/api/v1/blacklist", "", {A, A, A, A, A, A, A, A}},
      {"GET", "/api/v1/blacklist/export", "/api/v1/blacklist/export", "", {A, A, A, A, A, A, A, A}},
      {"GET",
       "/api/v1/blacklist/measures",
       "/api/v1/blacklist/measures",
       "",
       {A, A, A, A, A, A, A, A}},
      {"GET", "/api/v1/blacklist/rules", "/api/v1/blacklist/rules", "", {A, A, A, A, A, A, A, A}},
      {"GET",
       "/api/v1/enterprises/{uscc}/restrictions",
       "/api/v1/enterprises/{TANGSHAN}/restrictions?activity=bid",
       "",
       {A, A, A, A, A, A, A, A}},
      {"POST",
       "/api/v1/blacklist/proposals",
       "/api/v1/blacklist/proposals",
       "{}",
       {U, F, F, A, A, F, A, F}},
      {"GET", "/api/v1/blacklist/cases", "/api/v1/blacklist/cases", "", {U, F, F, A, A, F, A, F}},
      {"POST",
       "/api/v1/blacklist/cases",
       "/api/v1/blacklist/cases",
       R"({"uscc": "{TANGSHAN}", "reason": "r", "basis": "b", "authority": "a"})",
       {U, F, F, A, A, F, F, F}},
      {"GET",
       "/api/v1/blacklist/cases/{id}",
       "/api/v1/blacklist/cases/{CASE}",
       "",
       {U, A, F, A, A, A, F, F}},
      {"POST",
       "/api/v1/blacklist/cases/{id}/steps",
       "/api/v1/blacklist/cases/{CASE}/steps",
       R"({"action": "publish", "reason": "r"})",
       {U, F, F, A, A, F, F, F}},
      // The action plan. {PLAN} is the seed plan imported by the province, {PTASK} its item
      // assigned to 唐山; a review is refused by state (409) to the province and by level to
      // the city (a plan item's task is reviewed by the province).
      {"POST", "/api/v1/plan/parse", "/api/v1/plan/parse", "", {U, F, F, A, A, F, A, F}},
      {"POST", "/api/v1/plan/plans", "/api/v1/plan/plans", "", {U, F, F, F, A, F, F, F}},
      {"GET", "/api/v1/plan/plans", "/api/v1/plan/plans", "", {U, F, A, A, A, A, A, F}},
      {"GET", "/api/v1/plan/plans/{id}", "/api/v1/plan/plans/{PLAN}", "", {U, F, A, A, A, A, A, F}},
      {"GET", "/api/v1/plan/departments", "/api/v1/plan/departments", "", {U, F, A, A, A, A, A, F}},
      {"POST", "/api/v1/plan/tasks", "/api/v1/plan/tasks", "{}", {U, F, F, A, A, F, A, F}},
      {"GET", "/api/v1/plan/tasks", "/api/v1/plan/tasks", "", {U, F, A, A, A, A, A, F}},
      {"GET",
       "/api/v1/plan/tasks/{id}",
       "/api/v1/plan/tasks/{PTASK}",
       "",
       {U, F, A, A, A, A, F, F}},
      {"POST",
       "/api/v1/plan/tasks/{id}/reports",
       "/api/v1/plan/tasks/{PTASK}/reports",
       R"({"kind": "progress", "percent": 0, "narrative": "n"})",
       {U, F, A, A, A, F, F, F}},
      {"POST",
       "/api/v1/plan/tasks/{id}/review",
       "/api/v1/plan/tasks/{PTASK}/review",
       R"({"decision": "accept"})",
       {U, F, F, F, A, F, F, F}},
      {"GET",
       "/api/v1/plan/tasks/{id}/reports/{seq}/evidence/{position}",
       "/api/v1/plan/tasks/{PTASK}/reports/1/evidence/1",
       "",
       {U, F, A, A, A, A, F, F}},
      {"GET", "/api/v1/plan/supervision", "/api/v1/plan/supervision", "", {U, F, A, A, A, A, A, F}},
      // Assessing city governments: plan.read reads (a region-scoped caller only its own
      // unit's sheet), plan.assess (the province) loads, enters and runs.
      {"GET", "/api/v1/plan/assessments", "/api/v1/plan/assessments", "", {U, F, A, A, A, A, A, F}},
      {"GET",
       "/api/v1/plan/assessments/{year}/indicators",
       "/api/v1/plan/assessments/2026/indicators",
       "",
       {U, F, A, A, A, A, A, F}},
      {"PUT",
       "/api/v1/plan/assessments/{year}/indicators",
       "/api/v1/plan/assessments/2026/indicators",
       "",
       {U, F, F, F, A, F, F, F}},
      {"GET",
       "/api/v1/plan/assessments/{year}/figures",
       "/api/v1/plan/assessments/2026/figures",
       "",
       {U, F, A, A, A, A, A, F}},
      {"PUT",
       "/api/v1/plan/assessments/{year}/figures",
       "/api/v1/plan/assessments/2026/figures",
       "{}",
       {U, F, F, F, A, F, F, F}},
      {"POST",
       "/api/v1/plan/assessments/{year}/run",
       "/api/v1/plan/assessments/2026/run",
       "{}",
       {U, F, F, F, A, F, F, F}},
      {"GET",
       "/api/v1/plan/assessments/{year}",
       "/api/v1/plan/assessments/2026",
       "",
       {U, F, A, A, A, A, A, F}},
      {"GET",
       "/api/v1/plan/assessments/{year}/cities/{region_code}",
       "/api/v1/plan/assessments/2026/cities/130200",
       "",
       {U, F, A, A, A, A, F, F}},
      {"GET",
       "/api/v1/plan/assessments/{year}/export",
       "/api/v1/plan/assessments/2026/export",
       "",
       {U, F, A, A, A, A, A, F}},
      // Last: it ends the caller's session (the test logs in again afterwards).
      {"POST", "/api/v1/auth/logout", "/api/v1/auth/logout", "", {U, A, A, A, A, A, A, F}},
  };
}

using AuthorizationTest = AuthServerTest;

TEST_P(AuthorizationTest, EveryRouteTimesEveryCaller) {
  std::map<std::string, Caller> callers;
  callers["anonymous"] = Caller{};
  callers["enterprise"] = LogIn("qiye");
  callers["inspector"] = LogIn("jianchayuan");
  callers["city_admin"] = LogIn("tangshan");
  callers["province_admin"] = LogIn("admin");
  callers["auditor"] = LogIn("shenji");
  callers["foreign_city_admin"] = LogIn("shijiazhuang");
  auto issued = Send(callers["province_admin"], "POST", "/api/v1/tokens",
                     R"({"name": "reader", "scopes": ["enterprise.read", "stats.read",
                         "audit.read"], "expires_in_days": 30})");
  ASSERT_EQ(issued.status, 201) << issued.body;
  callers["token_read_audit"] = Caller{.bearer = issued.Json()["token"]};
  const std::map<std::string, std::string> login_names = {
      {"enterprise", "qiye"},     {"inspector", "jianchayuan"},
      {"city_admin", "tangshan"}, {"province_admin", "admin"},
      {"auditor", "shenji"},      {"foreign_city_admin", "shijiazhuang"}};

  // A 唐山 inspection task and inspector, made by 唐山's city administrator.
  auto task = Send(callers["city_admin"], "POST", "/api/v1/inspection/tasks",
                   R"({"name": "抽查", "industries": ["*"], "regions": ["130200"],
                       "period_from": "2026-12-01", "period_until": "2026-12-31"})");
  ASSERT_EQ(task.status, 201) << task.body;
  const std::string task_id = std::to_string(task.Json()["id"].get<std::int64_t>());
  auto inspector = Send(callers["city_admin"], "POST", "/api/v1/inspectors",
                        R"({"name": "王磊", "qualifications": ["*"]})");
  ASSERT_EQ(inspector.status, 201) << inspector.body;
  const std::string inspector_id = std::to_string(inspector.Json()["id"].get<std::int64_t>());

  // A 唐山 blacklist case of the enterprise account's enterprise.
  auto opened =
      Send(callers["city_admin"], "POST", "/api/v1/blacklist/cases",
           R"({"uscc": ")" + tangshan_uscc_ +
               R"(", "reason": "抽查不合格", "basis": "第七条", "authority": "唐山市局"})");
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string case_id = std::to_string(opened.Json()["id"].get<std::int64_t>());

  // The seed plan, imported by the province, and its first item assigned to 唐山.
  std::ifstream seed("data/plan/hebei-2014-quality-action-plan.txt");
  std::stringstream plan_text;
  plan_text << seed.rdbuf();
  auto plan = Send(callers["province_admin"], "POST", "/api/v1/plan/plans?file_name=plan.txt",
                   plan_text.str(), "text/plain");
  ASSERT_EQ(plan.status, 201) << plan.body;
  const std::string plan_id = std::to_string(plan.Json()["id"].get<std::int64_t>());
  auto plan_task = Send(callers["province_admin"], "POST", "/api/v1/plan/tasks",
                        nlohmann::json{{"item_id", plan.Json()["parts"][0]["items"][0]["id"]},
                                       {"region_code", "130200"},
                                       {"lead_unit", "唐山市市场监督管理局"},
                                       {"deadline", "2099-12-31"}}
                            .dump());
  ASSERT_EQ(plan_task.status, 201) << plan_task.body;
  const std::string plan_task_id = std::to_string(plan_task.Json()["id"].get<std::int64_t>());

  std::set<std::string> covered;
  for (const Row& row : Table()) {
    covered.insert(row.method + " " + row.pattern);
    ASSERT_EQ(row.expected.size(), kCallers.size()) << row.pattern;
    std::string path = row.path;
    if (auto at = path.find("{TANGSHAN}"); at != std::string::npos) {
      path.replace(at, 10, tangshan_uscc_);
    }
    if (auto at = path.find("{TASK}"); at != std::string::npos) path.replace(at, 6, task_id);
    if (auto at = path.find("{INSPECTOR}"); at != std::string::npos) {
      path.replace(at, 11, inspector_id);
    }
    if (auto at = path.find("{CASE}"); at != std::string::npos) path.replace(at, 6, case_id);
    if (auto at = path.find("{PLAN}"); at != std::string::npos) path.replace(at, 6, plan_id);
    if (auto at = path.find("{PTASK}"); at != std::string::npos) {
      path.replace(at, 7, plan_task_id);
    }
    std::string body = row.body;
    if (auto at = body.find("{TANGSHAN}"); at != std::string::npos) {
      body.replace(at, 10, tangshan_uscc_);
    }
    for (std::size_t i = 0; i < kCallers.size(); ++i) {
      const std::string& who = kCallers[i];
      auto reply = Send(callers[who], row.method, path, body);
      std::string where = row.method + " " + path + " as " + who + ": " +
                          std::to_string(reply.status) + " " + reply.body;
      switch (row.expected[i]) {
        case A:
          EXPECT_NE(reply.status, 401) << where;
          EXPECT_NE(reply.status, 403) << where;
          EXPECT_NE(reply.status, 0) << where;
          EXPECT_LT(reply.status, 500) << where;
          break;
        case U:
          EXPECT_EQ(reply.status, 401) << where;
          EXPECT_EQ(reply.Header("content-type"), "application/problem+json") << where;
          break;
        case F:
          EXPECT_EQ(reply.status, 403) << where;
          EXPECT_EQ(reply.Header("content-type"), "application/problem+json") << where;
          break;
      }
      if (row.pattern == "/api/v1/auth/logout" && login_names.count(who)) {
        callers[who] = LogIn(login_names.at(who));
      }
    }
  }
  for (const auto& route : routes_) {
    std::string key = std::string(http::MethodName(route.method)) + " " + route.pattern;
    EXPECT_TRUE(covered.count(key)) << key << " has no row in the authorization table";
  }
}

// 403 for another region's object and for a missing one alike: scope reveals nothing.
TEST_P(AuthorizationTest, RegionScopeDoesNotRevealExistence) {
  Caller foreign = LogIn("shijiazhuang");
  auto elsewhere = Send(foreign, "PATCH", "/api/v1/enterprises/" + tangshan_uscc_, "{}");
  auto missing = Send(foreign, "PATCH", "/api/v1/enterprises/914403001922038216", "{}");
  EXPECT_EQ(elsewhere.status, 403);
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(elsewhere.Json()["detail"], missing.Json()["detail"]);
  auto own = Send(foreign, "PATCH", "/api/v1/enterprises/" + shijiazhuang_uscc_,
                  R"({"address": "石家庄市裕华路1号"})");
  EXPECT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.Json()["address"], "石家庄市裕华路1号");

  auto other_user = Send(foreign, "PATCH", "/api/v1/users/jianchayuan", R"({"disabled": true})");
  auto no_user = Send(foreign, "PATCH", "/api/v1/users/nobody", R"({"disabled": true})");
  EXPECT_EQ(other_user.status, 403);
  EXPECT_EQ(no_user.status, 403);
  nlohmann::json users = Send(foreign, "GET", "/api/v1/users").Json();
  for (const auto& u : users["items"]) EXPECT_EQ(u["region"], "130100") << u.dump();
}

ZL_INSTANTIATE_BACKEND_TESTS(AuthorizationTest);

}  // namespace
}  // namespace zl::testing
