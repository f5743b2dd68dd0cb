// The action plan through the real server on both backends: the province imports the seed
// plan, assigns an item
// to 唐山 with a share of its target; 唐山 subdivides, reports progress with evidence and
// completion; the province returns and then accepts it. Along the way: the lights, the
// supervision summary, what another city may see and do, refusals naming the field with
// nothing written, and the audit trail.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "auth_test_server.h"
#include "base/date.h"

namespace zl::testing {
namespace {

using nlohmann::json;

using PlanApiTest = AuthServerTest;

// The seed plan, as the demo ships it (data/plan/ holds a copy of ../shared/seed/'s file;
// tests run from the repository root).
std::string PlanText() {
  std::ifstream in("data/plan/hebei-2014-quality-action-plan.txt");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Day(int days_from_today) {
  return Date::TodayInBeijing().AddDays(days_from_today).ToString();
}

TEST_P(PlanApiTest, AssignReportAndCloseATask) {
  Caller admin = LogIn("admin"), city = LogIn("tangshan"), other = LogIn("shijiazhuang");
  const std::string text = PlanText();
  ASSERT_GT(text.size(), 10000u);

  // The preview stores nothing; the import does, once per upload.
  auto preview = Send(admin, "POST", "/api/v1/plan/parse", text, "text/plain");
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_GE(preview.Json()["parts"].size(), 1u);
  EXPECT_EQ(Send(admin, "GET", "/api/v1/plan/plans").Json()["total"], 0);
  EXPECT_EQ(Send(city, "POST", "/api/v1/plan/plans?file_name=p.txt", text, "text/plain").status,
            403);
  auto empty = Send(admin, "POST", "/api/v1/plan/plans?file_name=p.txt", " \n", "text/plain");
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.Json()["field"], "file");
  auto imported = Send(admin, "POST", "/api/v1/plan/plans?file_name=plan.txt", text, "text/plain");
  ASSERT_EQ(imported.status, 201) << imported.body;
  const json plan = imported.Json();
  EXPECT_EQ(plan["source_name"], "plan.txt");
  EXPECT_EQ(Send(admin, "GET", "/api/v1/plan/plans").Json()["total"], 1);
  EXPECT_EQ(Send(city, "GET", "/api/v1/plan/plans/" + std::to_string(plan["id"].get<int>()))
                .Json()["parts"],
            plan["parts"]);
  EXPECT_GE(Send(city, "GET", "/api/v1/plan/departments").Json()["items"].size(), 2u);

  // The first item with two targets or more (the seed's 四（二）).
  json item;
  for (const json& part : plan["parts"]) {
    for (const json& i : part["items"]) {
      if (item.is_null() && i["targets"].size() >= 2) item = i;
    }
  }
  ASSERT_FALSE(item.is_null());
  const json target = item["targets"][0];

  json assign = {{"item_id", item["id"]},
                 {"region_code", "130200"},
                 {"lead_unit", "唐山市质监局"},
                 {"cooperating_units", {"唐山市教育局"}},
                 {"deadline", Day(60)},
                 {"target_id", target["id"]},
                 {"target_value", 4}};
  // Refusals name the field and write nothing.
  for (auto [field, value] :
       std::vector<std::pair<std::string, json>>{{"region_code", "130000"},
                                                 {"deadline", "明天"},
                                                 {"lead_unit", ""},
                                                 {"target_value", -1},
                                                 {"cooperating_units", "唐山市教育局"}}) {
    json bad = assign;
    bad[field] = value;
    auto refused = Send(admin, "POST", "/api/v1/plan/tasks", bad.dump());
    EXPECT_EQ(refused.status, 400) << field;
    EXPECT_EQ(refused.Json()["field"], field) << refused.body;
  }
  EXPECT_EQ(Send(city, "POST", "/api/v1/plan/tasks", assign.dump()).status, 403);
  EXPECT_EQ(Send(admin, "GET", "/api/v1/plan/tasks").Json()["total"], 0);

  auto created = Send(admin, "POST", "/api/v1/plan/tasks", assign.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const json task = created.Json();
  const std::string path = "/api/v1/plan/tasks/" + std::to_string(task["id"].get<int>());
  EXPECT_EQ(task["region_name"], "唐山市");
  EXPECT_EQ(task["light"], "green");
  EXPECT_EQ(task["target_value"], 4);
  EXPECT_EQ(task["target"]["unit"], target["unit"]);

  // Another city neither sees nor touches it.
  EXPECT_EQ(Send(other, "GET", path).status, 403);
  EXPECT_EQ(Send(other, "GET", "/api/v1/plan/tasks").Json()["total"], 0);
  EXPECT_EQ(Send(other, "POST", path + "/reports",
                 json{{"kind", "progress"}, {"percent", 10}, {"narrative", "x"}}.dump())
                .status,
            403);

  // 唐山 subdivides within its share and reports with evidence.
  auto sub = Send(city, "POST", "/api/v1/plan/tasks",
                  json{{"parent_id", task["id"]},
                       {"lead_unit", "路南区政府"},
                       {"deadline", Day(30)},
                       {"target_value", 5}}
                      .dump());
  EXPECT_EQ(sub.status, 400);
  EXPECT_EQ(sub.Json()["field"], "target_value");
  sub = Send(city, "POST", "/api/v1/plan/tasks",
             json{{"parent_id", task["id"]},
                  {"lead_unit", "路南区政府"},
                  {"deadline", Day(30)},
                  {"target_value", 2}}
                 .dump());
  ASSERT_EQ(sub.status, 201) << sub.body;
  EXPECT_EQ(sub.Json()["parent_id"], task["id"]);

  auto reported =
      Send(city, "POST", path + "/reports",
           json{{"kind", "progress"},
                {"percent", 40},
                {"narrative", "已建成基地2家"},
                {"achieved_value", 2},
                {"evidence",
                 {{{"name", "基地照片.txt"}, {"content", "data:text/plain;base64,5Z+65Zyw"}}}}}
               .dump());
  ASSERT_EQ(reported.status, 201) << reported.body;
  EXPECT_EQ(reported.Json()["percent"], 40);
  EXPECT_EQ(reported.Json()["achieved_value"], 2);
  ASSERT_EQ(reported.Json()["reports"].size(), 1u);
  EXPECT_EQ(reported.Json()["subtasks"].size(), 1u);
  auto file = Send(city, "GET", path + "/reports/1/evidence/1");
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, "基地");
  EXPECT_EQ(file.Header("content-type"), "text/plain");
  EXPECT_EQ(Send(other, "GET", path + "/reports/1/evidence/1").status, 403);
  auto lower = Send(city, "POST", path + "/reports",
                    json{{"kind", "progress"}, {"percent", 30}, {"narrative", "x"}}.dump());
  EXPECT_EQ(lower.status, 400);
  EXPECT_EQ(lower.Json()["field"], "percent");

  // Completion; the city cannot accept its own; the province returns it, then accepts.
  auto done =
      Send(city, "POST", path + "/reports",
           json{{"kind", "completion"}, {"narrative", "全部完成"}, {"achieved_value", 4}}.dump());
  ASSERT_EQ(done.status, 201) << done.body;
  EXPECT_EQ(done.Json()["status"], "completion_reported");
  EXPECT_EQ(Send(city, "POST", path + "/review", json{{"decision", "accept"}}.dump()).status, 403);
  auto not_text = Send(admin, "POST", path + "/review", json{{"decision", 1}}.dump());
  EXPECT_EQ(not_text.status, 400);
  EXPECT_EQ(not_text.Json()["field"], "decision");
  auto no_reason = Send(admin, "POST", path + "/review", json{{"decision", "return"}}.dump());
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(no_reason.Json()["field"], "reason");
  auto returned = Send(admin, "POST", path + "/review",
                       json{{"decision", "return"}, {"reason", "缺少验收材料"}}.dump());
  ASSERT_EQ(returned.status, 201);
  EXPECT_EQ(returned.Json()["status"], "open");
  ASSERT_EQ(Send(city, "POST", path + "/reports",
                 json{{"kind", "completion"}, {"narrative", "补充后完成"}}.dump())
                .status,
            201);
  auto accepted = Send(admin, "POST", path + "/review", json{{"decision", "accept"}}.dump());
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  EXPECT_EQ(accepted.Json()["status"], "closed");
  EXPECT_EQ(accepted.Json()["light"], "done");
  EXPECT_EQ(accepted.Json()["reports"].size(), 5u);
  EXPECT_EQ(Send(city, "POST", path + "/reports",
                 json{{"kind", "progress"}, {"percent", 100}, {"narrative", "x"}}.dump())
                .status,
            409);

  // The summary: 唐山 has one done task and one open subtask; the filters work.
  auto sv = Send(admin, "GET", "/api/v1/plan/supervision").Json();
  ASSERT_EQ(sv["by_region"].size(), 13u);
  EXPECT_EQ(sv["attention_total"], 0);  // one task done, its subtask green
  for (const json& r : sv["by_region"]) {
    EXPECT_EQ(r["total"], r["region_code"] == "130200" ? 2 : 0) << r.dump();
  }
  EXPECT_EQ(Send(city, "GET", "/api/v1/plan/supervision").Json()["by_region"].size(), 1u);
  ASSERT_EQ(sv["by_plan_department"].size(), item["departments"].size());
  const json first_department = sv["by_plan_department"][0];
  EXPECT_EQ(first_department["total"], 2);
  EXPECT_EQ(Send(admin, "GET",
                 "/api/v1/plan/tasks?plan_department=" +
                     std::to_string(first_department["department_id"].get<int>()))
                .Json()["total"],
            2);
  EXPECT_EQ(Send(admin, "GET", "/api/v1/plan/tasks?light=done").Json()["total"], 1);
  EXPECT_EQ(Send(admin, "GET", "/api/v1/plan/tasks?parent_id=0").Json()["total"], 1);
  EXPECT_EQ(Send(admin, "GET", "/api/v1/plan/tasks?light=amber").Json()["field"], "light");

  // Every change is in the audit trail.
  auto audit = Send(admin, "GET", "/api/v1/audit?action=plan.review").Json();
  EXPECT_EQ(audit["total"], 2) << audit.dump();
}

ZL_INSTANTIATE_BACKEND_TESTS(PlanApiTest);

}  // namespace
}  // namespace zl::testing
