// Assessing city governments through the real server on both backends: the province loads
// its indicator table and enters figures, tasks of the year's plan are in the database
// (inserted here directly), the run scores all 13 units; then the ranking, a city's score
// sheet, the veto, the workbook, and who may see what. Refused input names the field and
// writes nothing.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "auth_test_server.h"
#include "sheet/table_reader.h"
#include "sheet/xlsx_test_util.h"

namespace zl::testing {
namespace {

using nlohmann::json;

// T1 rate 40 (full 92, zero 80), T4 targets 10, M1 tasks 30, M2 figure 20, V1 veto.
constexpr char kTable[] =
    "# 2026年度设区市质量工作考核评分细则\n"
    "code\tlevel1\tlevel2\tname\tmethod\tevidence\tlead_department\tpoints\tsource\tfull_at\t"
    "zero_at\tlate_factor\r\n"
    "T1\t质量目标\t产品质量\t制造业产品质量合格率\t线性\t统计\t省质监局\t40\trate\t92\t80\t\r\n"
    "T4\t质量目标\t目标\t量化目标完成\t平均完成程度\t台账\t省质监局\t10\ttargets\t\t\t\r\n"
    "M1\t质量措施\t落实\t任务按期完成\t按期率\t台账\t省质监局\t30\ttasks\t\t\t0.5\r\n"
    "M2\t质量措施\t宏观管理\t纳入规划\t评定\t文件\t省质监局\t20\tfigure\t\t\t\r\n"
    "V1\t否决项\t事件\t系统性事件\t否决\t报告\t省质监局\t0\tveto\t\t\t\r\n";

const std::string kBase = "/api/v1/plan/assessments/2026";

class AssessmentApiTest : public AuthServerTest {
 protected:
  // A top-level task of a 2026 plan.
  void Task(const std::string& region, const std::string& deadline, const std::string& status,
            const std::string& closed_on, double target = 0, double achieved = 0) {
    ASSERT_TRUE(db().Write([&](soci::session& sql) {
                      if (plan_id_ == 0) {
                        sql << "INSERT INTO action_plan (title, year, source_name, "
                               "source_sha256, warnings, imported_by, imported_at) VALUES "
                               "('计划', 2026, 'a.txt', 'x', '', 't', 't') RETURNING id",
                            soci::into(plan_id_);
                        sql << "INSERT INTO plan_item (plan_id, position, part_number, "
                               "part_title, number, title, measures) VALUES (:p, 1, '一', "
                               "'部分', '一', '事项', '') RETURNING id",
                            soci::use(plan_id_), soci::into(item_id_);
                      }
                      sql << "INSERT INTO plan_task (plan_id, item_id, region_code, title, "
                             "lead_unit, cooperating_units, deadline, target_value, "
                             "achieved_value, status, assigned_on, closed_on, created_by, "
                             "created_at, updated_at) VALUES (:p, :i, :r, '任务', '局', '', :d, "
                             ":tv, :av, :s, '2026-01-05', :c, 't', 't', 't')",
                          soci::use(plan_id_), soci::use(item_id_), soci::use(region),
                          soci::use(deadline), soci::use(target), soci::use(achieved),
                          soci::use(status), soci::use(closed_on);
                      return Status();
                    })
                    .ok());
  }

  void ExpectProblem(const test_client::HttpResponse& r, int status, const std::string& field) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/problem+json") << r.body;
    if (!field.empty() && r.status == status) {
      EXPECT_EQ(r.Json()["field"], field) << r.body;
    }
  }

  long long plan_id_ = 0, item_id_ = 0;
};

TEST_P(AssessmentApiTest, LoadEnterRunAndRead) {
  Caller admin = LogIn("admin"), city = LogIn("tangshan"), foreign = LogIn("shijiazhuang"),
         auditor = LogIn("shenji");

  // The default system until one is loaded.
  auto indicators = Send(city, "GET", kBase + "/indicators");
  ASSERT_EQ(indicators.status, 200) << indicators.body;
  EXPECT_EQ(indicators.Json()["source"], "default");
  EXPECT_TRUE(indicators.Json()["loaded_by"].is_null());
  EXPECT_EQ(indicators.Json()["indicators"][0]["code"], "T1");
  EXPECT_EQ(indicators.Json()["indicators"][0]["full_at"], 92);

  auto loaded = Send(admin, "PUT", kBase + "/indicators", kTable, "text/tab-separated-values");
  ASSERT_EQ(loaded.status, 200) << loaded.body;
  EXPECT_EQ(loaded.Json()["source"], "loaded");
  EXPECT_EQ(loaded.Json()["loaded_by"], "admin");
  ASSERT_EQ(loaded.Json()["indicators"].size(), 5u);
  EXPECT_EQ(loaded.Json()["indicators"][2]["late_factor"], 0.5);
  EXPECT_TRUE(loaded.Json()["indicators"][3]["full_at"].is_null());
  // A bad table: refused naming line and column, the loaded one stays.
  std::string bad = kTable;
  bad.replace(bad.find("\t40\t"), 4, "\t4O\t");
  auto refused = Send(admin, "PUT", kBase + "/indicators", bad, "text/tab-separated-values");
  ExpectProblem(refused, 400, "points");
  EXPECT_NE(refused.Json()["detail"].get<std::string>().find("line 3, column 8"), std::string::npos)
      << refused.body;
  ExpectProblem(Send(admin, "PUT", kBase + "/indicators", "code\tname\n", "text/plain"), 400,
                "body");
  EXPECT_EQ(Send(admin, "GET", kBase + "/indicators").Json()["indicators"].size(), 5u);
  ExpectProblem(Send(city, "PUT", kBase + "/indicators", kTable, "text/plain"), 403, "");

  // Figures: all or nothing, errors name the entry's field.
  const json figures = {{"figures",
                         {{{"region_code", "130200"}, {"indicator", "T1"}, {"value", 92}},
                          {{"region_code", "130200"}, {"indicator", "M2"}, {"value", 15}},
                          {{"region_code", "130100"}, {"indicator", "T1"}, {"value", 86}},
                          {{"region_code", "130100"}, {"indicator", "M2"}, {"value", 20}},
                          {{"region_code", "130300"}, {"indicator", "T1"}, {"value", 95}},
                          {{"region_code", "130300"}, {"indicator", "M2"}, {"value", 20}},
                          {{"region_code", "130300"},
                           {"indicator", "V1"},
                           {"value", 1},
                           {"note", "发生区域性产品质量安全事件"}}}}};
  auto entered = Send(admin, "PUT", kBase + "/figures", figures.dump());
  ASSERT_EQ(entered.status, 200) << entered.body;
  EXPECT_EQ(entered.Json()["items"].size(), 7u);
  auto bad_figures = [&](json entry) {
    return json{
        {"figures", {{{"region_code", "130400"}, {"indicator", "T1"}, {"value", 90}}, entry}}}
        .dump();
  };
  ExpectProblem(Send(admin, "PUT", kBase + "/figures",
                     bad_figures({{"region_code", "130400"}, {"indicator", "X9"}, {"value", 1}})),
                400, "figures[1].indicator");
  ExpectProblem(Send(admin, "PUT", kBase + "/figures",
                     bad_figures({{"region_code", "130400"}, {"indicator", "T1"}, {"value", 120}})),
                400, "figures[1].value");
  ExpectProblem(Send(admin, "PUT", kBase + "/figures",
                     bad_figures({{"region_code", "130199"}, {"indicator", "T1"}, {"value", 90}})),
                400, "figures[1].region_code");
  ExpectProblem(Send(admin, "PUT", kBase + "/figures",
                     bad_figures({{"region_code", "130400"}, {"indicator", "T1"}, {"value", "x"}})),
                400, "figures[1].value");
  ExpectProblem(Send(admin, "PUT", kBase + "/figures", R"({"figures": {}})"), 400, "figures");
  ExpectProblem(Send(city, "PUT", kBase + "/figures", figures.dump()), 403, "");
  EXPECT_EQ(Send(admin, "GET", kBase + "/figures").Json()["items"].size(), 7u);
  // A city reads its own figures only.
  auto own = Send(city, "GET", kBase + "/figures");
  ASSERT_EQ(own.status, 200) << own.body;
  ASSERT_EQ(own.Json()["items"].size(), 2u);
  EXPECT_EQ(own.Json()["items"][0]["region_code"], "130200");
  ExpectProblem(Send(city, "GET", kBase + "/figures?region_code=130100"), 403, "");
  EXPECT_EQ(Send(auditor, "GET", kBase + "/figures?region_code=130100").Json()["items"].size(), 2u);

  // 唐山's tasks: 2 on time (targets 1/2 and 3/2), 1 late, 1 open; 石家庄 one on time.
  Task("130200", "2026-06-30", "closed", "2026-06-20", 2, 1);
  Task("130200", "2026-06-30", "closed", "2026-06-30", 2, 3);
  Task("130200", "2026-09-30", "closed", "2026-10-08");
  Task("130200", "2026-11-30", "open", "");
  Task("130100", "2026-10-31", "closed", "2026-10-30");

  ExpectProblem(Send(admin, "GET", kBase), 404, "");
  ExpectProblem(Send(admin, "POST", kBase + "/run", R"({"as_of": "2026-13-01"})"), 400, "as_of");
  ExpectProblem(Send(city, "POST", kBase + "/run", R"({"as_of": "2026-12-31"})"), 403, "");
  auto run = Send(admin, "POST", kBase + "/run", R"({"as_of": "2026-12-31"})");
  ASSERT_EQ(run.status, 201) << run.body;
  const json ranking = Send(city, "GET", kBase).Json();
  EXPECT_EQ(ranking, run.Json());
  EXPECT_EQ(ranking["as_of"], "2026-12-31");
  EXPECT_EQ(ranking["run_by"], "admin");
  const json& cities = ranking["cities"];
  ASSERT_EQ(cities.size(), 13u);
  // 唐山 40 + 7.5 + 18.75 + 15 = 81.25 (B); 石家庄 20 + 10 + 30 + 20 = 80 (B); ten units with
  // nothing entered 40 (D, sharing rank 3); 秦皇岛 100 points but vetoed: D, last.
  EXPECT_EQ(cities[0]["region_code"], "130200");
  EXPECT_EQ(cities[0]["region_name"], "唐山市");
  EXPECT_EQ(cities[0]["total"], 81.25);
  EXPECT_EQ(cities[0]["grade"], "B");
  EXPECT_EQ(cities[0]["rank"], 1);
  EXPECT_EQ(cities[1]["region_code"], "130100");
  EXPECT_EQ(cities[1]["total"], 80.0);
  EXPECT_EQ(cities[2]["rank"], 3);
  EXPECT_EQ(cities[11]["rank"], 3);
  EXPECT_EQ(cities[12]["region_code"], "130300");
  EXPECT_EQ(cities[12]["total"], 100.0);
  EXPECT_EQ(cities[12]["vetoed"], true);
  EXPECT_EQ(cities[12]["grade"], "D");
  EXPECT_EQ(cities[12]["rank"], 13);

  // A city's score sheet: its own, or anyone's for the auditor; not another city's.
  auto sheet = Send(city, "GET", kBase + "/cities/130200");
  ASSERT_EQ(sheet.status, 200) << sheet.body;
  const json s = sheet.Json();
  EXPECT_EQ(s["total"], 81.25);
  EXPECT_EQ(s["inputs"]["tasks_due"], 4);
  ASSERT_EQ(s["lines"].size(), 5u);
  EXPECT_EQ(s["lines"][0]["name"], "制造业产品质量合格率");
  EXPECT_EQ(s["lines"][0]["score"], 40.0);
  EXPECT_EQ(s["lines"][2]["code"], "M1");
  EXPECT_EQ(s["lines"][2]["score"], 18.75);
  EXPECT_NE(s["lines"][2]["basis"].get<std::string>().find("到期任务4项"), std::string::npos);
  EXPECT_EQ(s["lines"][4]["missing"], true);
  ExpectProblem(Send(city, "GET", kBase + "/cities/130100"), 403, "");
  ExpectProblem(Send(foreign, "GET", kBase + "/cities/130200"), 403, "");
  auto vetoed = Send(auditor, "GET", kBase + "/cities/130300");
  ASSERT_EQ(vetoed.status, 200) << vetoed.body;
  EXPECT_EQ(vetoed.Json()["lines"][4]["vetoed"], true);
  EXPECT_EQ(vetoed.Json()["grade"], "D");
  ExpectProblem(Send(admin, "GET", kBase + "/cities/130000"), 404, "");

  // The workbook: the ranking first, then a sheet per city (a city: its own only).
  auto book = Send(admin, "GET", kBase + "/export?format=xlsx");
  ASSERT_EQ(book.status, 200) << book.body;
  EXPECT_NE(book.Header("content-disposition").find("assessment-2026.xlsx"), std::string::npos);
  std::vector<std::string> names = sheet::testing::XlsxSheetNames(book.body);
  ASSERT_EQ(names.size(), 14u);
  EXPECT_EQ(names[0], "排名");
  EXPECT_EQ(names[3], "唐山市");
  Result<std::unique_ptr<sheet::TableReader>> reader = sheet::OpenTable(book.body);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  std::vector<std::string> row;
  ASSERT_TRUE(*(*reader)->Next(row));
  EXPECT_EQ(row, (std::vector<std::string>{"排名", "地区", "总分", "等级", "否决项"}));
  ASSERT_TRUE(*(*reader)->Next(row));
  EXPECT_EQ(row, (std::vector<std::string>{"1", "唐山市", "81.25", "B", "否"}));
  EXPECT_EQ(sheet::testing::XlsxSheetNames(Send(city, "GET", kBase + "/export").body),
            (std::vector<std::string>{"排名", "唐山市"}));
  ExpectProblem(Send(admin, "GET", kBase + "/export?format=csv"), 400, "format");

  auto years = Send(auditor, "GET", "/api/v1/plan/assessments");
  ASSERT_EQ(years.status, 200) << years.body;
  ASSERT_EQ(years.Json()["items"].size(), 1u);
  EXPECT_EQ(years.Json()["items"][0]["year"], 2026);
  EXPECT_EQ(years.Json()["items"][0]["city_count"], 13);

  // Every write is in the audit trail.
  auto audit = Send(admin, "GET", "/api/v1/audit?per_page=200").Json();
  int writes = 0;
  for (const json& e : audit["items"]) {
    const std::string action = e.value("action", "");
    writes += action.starts_with("plan.assessment.") ? 1 : 0;
  }
  EXPECT_EQ(writes, 3) << audit.dump();
}

TEST_P(AssessmentApiTest, YearsAreChecked) {
  Caller admin = LogIn("admin");
  ExpectProblem(Send(admin, "GET", "/api/v1/plan/assessments/20x6/indicators"), 400, "year");
  ExpectProblem(Send(admin, "GET", "/api/v1/plan/assessments/1990"), 400, "year");
  ExpectProblem(Send(admin, "GET", "/api/v1/plan/assessments/2025/cities/130200"), 404, "");
  EXPECT_EQ(Send(admin, "GET", "/api/v1/plan/assessments").Json()["items"].size(), 0u);
}

ZL_INSTANTIATE_BACKEND_TESTS(AssessmentApiTest);

}  // namespace
}  // namespace zl::testing
