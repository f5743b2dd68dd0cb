// The 双随机一公开 API through the real server on both backends: policy, inspectors and
// conflicts, a task drawn with a recorded seed, its targets, a recusal, verify, a result that
// becomes a credit record, publication, and public pages without risk classes.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include "auth_test_server.h"
#include "credit/grading_run.h"
#include "inspect/demo_inspectors.h"

namespace zl::testing {
namespace {

using nlohmann::json;

constexpr char kSeed[] = "0123456789abcdef0123456789abcdef";

class InspectionApiTest : public AuthServerTest {
 protected:
  void SetUp() override {
    AuthServerTest::SetUp();
    if (IsSkipped()) return;
    Status s = db().Write([](soci::session& sql) {
      ZL_RETURN_IF_ERROR(
          credit::RunGrading(sql, credit::RuleSet::Default(), Date::FromYmd(2026, 11, 1), "test")
              .status());
      return inspect::AddDemoInspectors(sql, 3, "2026-11-27T00:00:00Z").status();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
};

// Whether `j` contains `key` as an object member anywhere.
bool HasKey(const json& j, const std::string& key) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      if (k == key || HasKey(v, key)) return true;
    }
  }
  if (j.is_array()) {
    for (const auto& v : j) {
      if (HasKey(v, key)) return true;
    }
  }
  return false;
}

TEST_P(InspectionApiTest, PolicyIsValidatedPerClassAndField) {
  Caller admin = LogIn("admin");
  auto got = Send(admin, "GET", "/api/v1/inspection/policy");
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.Json()["classes"].size(), 4u);
  EXPECT_TRUE(got.Json()["default"].get<bool>());
  auto bad = Send(admin, "PUT", "/api/v1/inspection/policy",
                  R"({"classes": [{"risk_class": "B", "ratio": 0.9}]})");
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(bad.Json()["field"], "B.ratio");
  auto ok = Send(admin, "PUT", "/api/v1/inspection/policy",
                 R"({"classes": [{"risk_class": "D", "ratio": 1}]})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_FALSE(ok.Json()["default"].get<bool>());
  EXPECT_EQ(ok.Json()["classes"][3]["ratio"], 1.0);
  auto city = Send(LogIn("tangshan"), "PUT", "/api/v1/inspection/policy", ok.body);
  EXPECT_EQ(city.status, 403);
}

TEST_P(InspectionApiTest, InspectorsAndConflictsStayInTheCallersRegion) {
  Caller tangshan = LogIn("tangshan");
  auto outside = Send(tangshan, "POST", "/api/v1/inspectors",
                      R"({"name": "李强", "region_code": "130100", "qualifications": ["C"]})");
  EXPECT_EQ(outside.status, 400) << outside.body;
  EXPECT_EQ(outside.Json()["field"], "region_code");
  auto badq =
      Send(tangshan, "POST", "/api/v1/inspectors", R"({"name": "李强", "qualifications": ["Z9"]})");
  EXPECT_EQ(badq.status, 400);
  EXPECT_EQ(badq.Json()["field"], "qualifications");
  auto added = Send(tangshan, "POST", "/api/v1/inspectors",
                    R"({"name": "李强", "qualifications": "C31, C33"})");
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.Json()["region_code"], "130200");
  EXPECT_EQ(added.Json()["qualifications"], json::array({"C31", "C33"}));
  const std::string id = std::to_string(added.Json()["id"].get<std::int64_t>());
  auto list = Send(tangshan, "GET", "/api/v1/inspectors?per_page=200");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.Json()["total"], 31);  // 30 demo inspectors of 唐山 and the new one
  const json listed = list.Json();
  for (const auto& i : listed["items"]) EXPECT_EQ(i["region_code"], "130200");
  const std::string body = json{{"uscc", tangshan_uscc_}, {"reason", "配偶在该企业任职"}}.dump();
  auto declared = Send(tangshan, "POST", "/api/v1/inspectors/" + id + "/conflicts", body);
  ASSERT_EQ(declared.status, 201) << declared.body;
  EXPECT_EQ(Send(tangshan, "POST", "/api/v1/inspectors/" + id + "/conflicts", body).status, 409);
  auto foreign =
      Send(LogIn("shijiazhuang"), "POST", "/api/v1/inspectors/" + id + "/conflicts", body);
  EXPECT_EQ(foreign.status, 403);
}

TEST_P(InspectionApiTest, DrawRecuseVerifyResultPublish) {
  Caller tangshan = LogIn("tangshan"), admin = LogIn("admin");
  auto outside = Send(tangshan, "POST", "/api/v1/inspection/tasks",
                      R"({"name": "抽查", "industries": ["*"], "regions": ["130100"],
                          "period_from": "2026-12-01", "period_until": "2026-12-31"})");
  EXPECT_EQ(outside.status, 400);
  EXPECT_EQ(outside.Json()["field"], "regions");
  auto created = Send(tangshan, "POST", "/api/v1/inspection/tasks",
                      R"({"name": "2026年唐山市工业产品双随机抽查", "industries": ["*"],
                          "regions": ["130200"], "period_from": "2026-12-01",
                          "period_until": "2026-12-31", "team_size": 2})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["status"], "planned");
  const std::string base =
      "/api/v1/inspection/tasks/" + std::to_string(created.Json()["id"].get<std::int64_t>());

  auto bad_seed = Send(tangshan, "POST", base + "/draw", R"({"seed": "xyz"})");
  EXPECT_EQ(bad_seed.status, 400);
  EXPECT_EQ(bad_seed.Json()["field"], "seed");
  auto drawn = Send(tangshan, "POST", base + "/draw", json{{"seed", kSeed}}.dump());
  ASSERT_EQ(drawn.status, 201) << drawn.body;
  const json draw = drawn.Json();
  EXPECT_EQ(draw["seed"], kSeed);
  EXPECT_GT(draw["pool_size"].get<int>(), 0);
  EXPECT_GT(draw["targets"].get<int>(), 0);
  EXPECT_TRUE(draw.contains("per_class"));
  EXPECT_EQ(Send(tangshan, "POST", base + "/draw", "{}").status, 409);

  auto task = Send(tangshan, "GET", base);
  ASSERT_EQ(task.status, 200);
  EXPECT_EQ(task.Json()["status"], "drawn");
  EXPECT_EQ(task.Json()["draw"]["pool_digest"], draw["pool_digest"]);
  EXPECT_EQ(Send(LogIn("shijiazhuang"), "GET", base).status, 403);

  auto targets = Send(tangshan, "GET", base + "/targets?per_page=200");
  ASSERT_EQ(targets.status, 200);
  const json items = targets.Json()["items"];
  ASSERT_GE(items.size(), 2u);
  EXPECT_EQ(targets.Json()["total"], draw["targets"]);
  const json first = items[0];
  ASSERT_EQ(first["team"].size(), 2u);
  EXPECT_FALSE(first["team"][0]["name"].get<std::string>().empty());
  EXPECT_TRUE(first.contains("risk_class"));
  EXPECT_TRUE(first["result"].is_null());

  const std::int64_t recused = first["team"][0]["id"];
  auto recusal =
      Send(tangshan, "POST", base + "/recusals",
           json{{"uscc", first["uscc"]}, {"inspector_id", recused}, {"reason", "曾在该企业任职"}}
               .dump());
  ASSERT_EQ(recusal.status, 201) << recusal.body;
  EXPECT_EQ(recusal.Json()["sequence"], 1);
  const json recused_team = recusal.Json()["team"];
  for (const auto& m : recused_team) EXPECT_NE(m["id"], recused);
  auto verify = Send(tangshan, "POST", base + "/verify");
  ASSERT_EQ(verify.status, 200);
  EXPECT_TRUE(verify.Json()["reproduced"].get<bool>()) << verify.body;
  EXPECT_EQ(verify.Json()["recusals"], 1);

  auto result = Send(tangshan, "POST", base + "/results",
                     json{{"uscc", first["uscc"]},
                          {"result", "fail"},
                          {"severity", "serious"},
                          {"note", "标识不合格"}}
                         .dump());
  ASSERT_EQ(result.status, 201) << result.body;
  EXPECT_GT(result.Json()["result_record_id"].get<std::int64_t>(), 0);
  EXPECT_EQ(Send(tangshan, "POST", base + "/results",
                 json{{"uscc", first["uscc"]}, {"result", "pass"}}.dump())
                .status,
            409);
  ASSERT_EQ(Send(tangshan, "POST", base + "/results",
                 json{{"uscc", items[1]["uscc"]}, {"result", "pass"}}.dump())
                .status,
            201);
  auto file =
      Send(admin, "GET", "/api/v1/enterprises/" + first["uscc"].get<std::string>() + "/grade");
  ASSERT_EQ(file.status, 200);
  EXPECT_NE(file.body.find("record " +
                           std::to_string(result.Json()["result_record_id"].get<std::int64_t>())),
            std::string::npos);

  Caller anonymous;
  auto before = Send(anonymous, "GET", "/api/v1/public/inspection-tasks");
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.Json()["total"], 0);
  EXPECT_EQ(Send(anonymous, "GET", "/api/v1/public/inspection-tasks/1/results").status, 404);
  auto published = Send(tangshan, "POST", base + "/publish");
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.Json()["status"], "published");
  auto list = Send(anonymous, "GET", "/api/v1/public/inspection-tasks");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.Json()["total"], 1);
  EXPECT_EQ(list.Json()["items"][0]["targets"], draw["targets"]);
  EXPECT_EQ(list.Json()["items"][0]["results"]["fail"], 1);
  EXPECT_EQ(list.Json()["items"][0]["results"]["pass"], 1);
  const std::string public_id = std::to_string(list.Json()["items"][0]["id"].get<std::int64_t>());
  auto results =
      Send(anonymous, "GET", "/api/v1/public/inspection-tasks/" + public_id + "/results");
  ASSERT_EQ(results.status, 200);
  EXPECT_EQ(results.Json()["total"], 2);
  ASSERT_EQ(results.Json()["items"].size(), 2u);
  EXPECT_EQ(results.Json()["items"][0]["team"].size(), 2u);
  for (const auto* body : {&list.body, &results.body}) {
    const json j = json::parse(*body);
    for (const char* secret : {"risk_class", "per_class", "hash", "seed", "pool", "pool_digest"}) {
      EXPECT_FALSE(HasKey(j, secret)) << secret << " in " << *body;
    }
  }
}

ZL_INSTANTIATE_BACKEND_TESTS(InspectionApiTest);

}  // namespace
}  // namespace zl::testing
