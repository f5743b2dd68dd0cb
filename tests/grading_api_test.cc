// Grading through the real server on both backends: a province administrator runs grading,
// the public credit file shows the grade but never the risk class, the enterprise and its
// regulators read the explanation, a new record regrades at once, and rule sets are loaded,
// refused with a reason, and compared before switching.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "auth_test_server.h"

namespace zl::testing {
namespace {

using nlohmann::json;

std::string DefaultRules() {
  std::ifstream in("data/credit/grading_rules.txt");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

using GradingApiTest = AuthServerTest;

TEST_P(GradingApiTest, RunGradesEveryoneAndTheCreditFileShowsTheGrade) {
  Caller admin = LogIn("admin");
  EXPECT_TRUE(Send({}, "GET", "/api/v1/enterprises/" + tangshan_uscc_).Json()["grade"].is_null());
  auto run = Send(admin, "POST", "/api/v1/grading/runs", "{}");
  ASSERT_EQ(run.status, 201) << run.body;
  json r = run.Json();
  EXPECT_GT(r["graded"].get<int>(), 0);
  EXPECT_EQ(r["graded"], r["changed"]);
  EXPECT_EQ(r["rules_version"], "hebei-default-2026.1");
  int sum = 0;
  for (const char* g : {"AAA", "AA", "A", "B", "C", "D"}) sum += r["by_grade"][g].get<int>();
  EXPECT_EQ(sum, r["graded"].get<int>());

  json pub = Send({}, "GET", "/api/v1/enterprises/" + tangshan_uscc_).Json();
  ASSERT_TRUE(pub["grade"].is_object()) << pub.dump();
  EXPECT_EQ(pub["grade"]["rules_version"], "hebei-default-2026.1");
  EXPECT_FALSE(pub["grade"].contains("risk_class"));  // internal: never public
  EXPECT_EQ(pub.dump().find("risk_class"), std::string::npos);
  json city = Send(LogIn("tangshan"), "GET", "/api/v1/enterprises/" + tangshan_uscc_).Json();
  EXPECT_TRUE(city["grade"].contains("risk_class"));
  json own = Send(LogIn("qiye"), "GET", "/api/v1/enterprises/" + tangshan_uscc_).Json();
  EXPECT_FALSE(own["grade"].contains("risk_class"));  // not even to the enterprise itself

  auto runs = Send(admin, "GET", "/api/v1/grading/runs").Json();
  ASSERT_EQ(runs["items"].size(), 1u);
  EXPECT_EQ(runs["items"][0]["run_id"], r["run_id"]);
}

TEST_P(GradingApiTest, ExplanationForTheEnterpriseAndRegulatorsAndRegradeOnANewRecord) {
  Caller admin = LogIn("admin");
  ASSERT_EQ(Send(admin, "POST", "/api/v1/grading/runs", "{}").status, 201);
  const std::string path = "/api/v1/enterprises/" + tangshan_uscc_ + "/grade";
  json own = Send(LogIn("qiye"), "GET", path).Json();
  ASSERT_TRUE(own["explanation"].is_object()) << own.dump();
  EXPECT_EQ(own["explanation"]["dimensions"].size(), 3u);
  EXPECT_FALSE(own["explanation"].contains("risk"));
  EXPECT_EQ(own["history"].size(), 1u);
  EXPECT_EQ(Send(LogIn("shijiazhuang"), "GET", path).status, 403);

  // A serious accident caps the grade at C at once, with the record as the cause.
  Caller city = LogIn("tangshan");
  auto added = Send(city, "POST", "/api/v1/enterprises/" + tangshan_uscc_ + "/records",
                    json{{"kind", "accident"},
                         {"occurred_on", "2026-10-01"},
                         {"title", "锅炉爆炸事故"},
                         {"source_department", "唐山市市场监督管理局"},
                         {"document_no", "唐市监事〔2026〕1号"},
                         {"polarity", "bad"},
                         {"severity", "serious"}}
                        .dump());
  ASSERT_EQ(added.status, 201) << added.body;
  json after = Send(city, "GET", path).Json();
  const std::string grade = after["grade"]["grade"];
  EXPECT_TRUE(grade == "C" || grade == "D") << grade;
  ASSERT_EQ(after["history"].size(), 2u);
  EXPECT_EQ(after["history"][0]["cause"],
            "record " + std::to_string(added.Json()["id"].get<std::int64_t>()) + " added");
  bool vetoed = false;
  for (const json& v : after["explanation"]["vetoes"]) vetoed |= v["code"] == "serious_accident";
  EXPECT_TRUE(vetoed) << after["explanation"].dump();
  EXPECT_TRUE(after["explanation"]["risk"].is_object());  // the city sees the risk rules
}

TEST_P(GradingApiTest, RuleSetsAreLoadedComparedAndSwitched) {
  Caller admin = LogIn("admin");
  ASSERT_EQ(Send(admin, "POST", "/api/v1/grading/runs", "{}").status, 201);
  // A broken file is refused with the line and the reason.
  auto bad = Send(admin, "POST", "/api/v1/grading/rule-sets",
                  json{{"rules",
                        "[rule_set]\nkey\tvalue\nversion\tx\n[weights]\n"
                        "kind\tpolarity\tseverity\tdimension\tpoints\thalf_life_months\t"
                        "window_months\nlicense\tgood\t*\ta\t1\t0\t0\n"}}
                      .dump());
  ASSERT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json()["field"], "rules");
  // The same version as the active rule set, with other rules, is refused.
  std::string text = DefaultRules();
  text.replace(text.find("B\t60"), 4, "B\t65");
  EXPECT_EQ(Send(admin, "POST", "/api/v1/grading/rule-sets", json{{"rules", text}}.dump()).status,
            409);
  text.replace(text.find("hebei-default-2026.1"), 20, "stricter-1");
  auto loaded = Send(admin, "POST", "/api/v1/grading/rule-sets", json{{"rules", text}}.dump());
  ASSERT_EQ(loaded.status, 201) << loaded.body;
  EXPECT_FALSE(loaded.Json()["active"].get<bool>());

  json cmp = Send(admin, "POST", "/api/v1/grading/rule-sets/stricter-1/compare", "").Json();
  EXPECT_EQ(cmp["current_version"], "hebei-default-2026.1");
  EXPECT_EQ(cmp["candidate_version"], "stricter-1");
  long moved_down = 0, total = 0;
  for (const json& row : cmp["table"]) {
    for (const char* g : {"AAA", "AA", "A", "B", "C", "D"}) total += row["to"][g].get<long>();
    if (row["from"] == "B") moved_down = row["to"]["C"].get<long>();
  }
  EXPECT_EQ(total, cmp["graded"].get<long>());
  EXPECT_EQ(moved_down, cmp["changed"].get<long>());  // only B → C can change

  auto run =
      Send(admin, "POST", "/api/v1/grading/runs", json{{"rules_version", "stricter-1"}}.dump());
  ASSERT_EQ(run.status, 201) << run.body;
  EXPECT_EQ(run.Json()["changed"], run.Json()["graded"]);  // all restated under the new rules
  json sets = Send(admin, "GET", "/api/v1/grading/rule-sets").Json();
  for (const json& s : sets["items"])
    EXPECT_EQ(s["active"].get<bool>(), s["version"] == "stricter-1");
  EXPECT_EQ(Send(admin, "GET", "/api/v1/grading/rule-sets/stricter-1").Json()["rules"], text);
}

ZL_INSTANTIATE_BACKEND_TESTS(GradingApiTest);

}  // namespace
}  // namespace zl::testing
