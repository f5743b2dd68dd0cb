// The stored assessment on both backends: systems loaded or defaulted, figures entered all or
// nothing, the task inputs read from plan_task (rows inserted here directly), a run that
// scores all 13 units and replaces the year's results, the audit entries, and the workbook.
#include "plan/assessment_service.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "sheet/xlsx_test_util.h"
#include "store/test_database.h"

namespace zl::plan {
namespace {

const auth::Principal kActor = auth::Principal::Cli("tester");

// T1 rate 40 (full 92, zero 80), T4 targets 10, M1 tasks 30 (late 0.5), M2 figure 20, V1 veto.
constexpr char kTable[] =
    "code\tlevel1\tlevel2\tname\tmethod\tevidence\tlead_department\tpoints\tsource\tfull_at\t"
    "zero_at\tlate_factor\n"
    "T1\t质量目标\t产品质量\t制造业产品质量合格率\t线性\t统计\t省质监局\t40\trate\t92\t80\t\n"
    "T4\t质量目标\t目标\t量化目标完成\t平均完成程度\t台账\t省质监局\t10\ttargets\t\t\t\n"
    "M1\t质量措施\t落实\t任务按期完成\t按期率\t台账\t省质监局\t30\ttasks\t\t\t0.5\n"
    "M2\t质量措施\t宏观管理\t纳入规划\t评定\t文件\t省质监局\t20\tfigure\t\t\t\n"
    "V1\t否决项\t事件\t系统性事件\t否决\t报告\t省质监局\t0\tveto\t\t\t\n";

class AssessmentServiceTest : public store::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(db().Write([&](soci::session& sql) {
                      long long year = 2026;
                      sql << "INSERT INTO action_plan (title, year, source_name, source_sha256, "
                             "warnings, imported_by, imported_at) VALUES ('计划', :y, 'a.txt', "
                             "'x', '', 't', 't') RETURNING id",
                          soci::use(year), soci::into(plan_id_);
                      sql << "INSERT INTO plan_item (plan_id, position, part_number, part_title, "
                             "number, title, measures) VALUES (:p, 1, '一', '部分', '一', '事项', "
                             "'') RETURNING id",
                          soci::use(plan_id_), soci::into(item_id_);
                      return Status();
                    })
                    .ok());
  }

  // A top-level task of the 2026 plan (or a subtask with `parent`).
  void Task(const std::string& region, const std::string& deadline, const std::string& status,
            const std::string& closed_on, double target = 0, double achieved = 0,
            long long parent = 0) {
    ASSERT_TRUE(db().Write([&](soci::session& sql) {
                      sql << "INSERT INTO plan_task (plan_id, item_id, parent_id, region_code, "
                             "title, lead_unit, cooperating_units, deadline, target_value, "
                             "achieved_value, status, assigned_on, closed_on, created_by, "
                             "created_at, updated_at) VALUES (:p, :i, :parent, :r, '任务', '局', "
                             "'', :d, :tv, :av, :s, '2026-01-05', :c, 't', 't', 't')",
                          soci::use(plan_id_), soci::use(item_id_), soci::use(parent),
                          soci::use(region), soci::use(deadline), soci::use(target),
                          soci::use(achieved), soci::use(status), soci::use(closed_on);
                      return Status();
                    })
                    .ok());
  }

  long long Count(const std::string& query) {
    long long n = -1;
    EXPECT_TRUE(db().Read([&](soci::session& sql) {
                      sql << query, soci::into(n);
                      return Status();
                    })
                    .ok());
    return n;
  }

  Status Enter(std::vector<FigureInput> figures) {
    return EnterFigures(db(), 2026, figures, kActor, "req");
  }

  long long plan_id_ = 0, item_id_ = 0;
};

TEST_P(AssessmentServiceTest, SystemsAreLoadedOrDefault) {
  StoredSystem s;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(s, SystemFor(sql, 2026));
                    return Status();
                  })
                  .ok());
  EXPECT_FALSE(s.loaded);
  EXPECT_EQ(s.system.indicators.size(), DefaultIndicatorSystem(2026).indicators.size());

  Result<StoredSystem> loaded = LoadSystem(db(), 2026, kTable, kActor, "req");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(loaded->loaded);
  EXPECT_EQ(loaded->loaded_by, "cli:tester");
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(s, SystemFor(sql, 2026));
                    return Status();
                  })
                  .ok());
  EXPECT_TRUE(s.loaded);
  EXPECT_EQ(s.system.indicators.size(), 5u);
  EXPECT_EQ(s.system.indicators[0].name, "制造业产品质量合格率");
  // Another year still has the default; a bad table is refused and changes nothing.
  Result<StoredSystem> bad = LoadSystem(db(), 2026, "code\tpoints\n", kActor, "req");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "body");
  std::string broken = kTable;
  broken.replace(broken.find("\t40\t"), 4, "\t45\t");
  bad = LoadSystem(db(), 2026, broken, kActor, "req");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "points");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM assessment_system"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'plan.assessment.indicators'"), 1);
  EXPECT_EQ(LoadSystem(db(), 1999, kTable, kActor).status().field(), "year");
}

TEST_P(AssessmentServiceTest, FiguresAreCheckedAllOrNothing) {
  ASSERT_TRUE(LoadSystem(db(), 2026, kTable, kActor).ok());
  ASSERT_TRUE(Enter({{"130200", "T1", 90, "季度统计"}, {"130200", "V1", 0, ""}}).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM assessment_figure"), 2);
  // Entered again: replaced, not added.
  ASSERT_TRUE(Enter({{"１３０２００", "T1", 91.5, "更正"}}).ok());
  std::vector<store::AssessmentFigureRow> figures;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(figures, store::ListAssessmentFigures(sql, 2026, "130200"));
                    return Status();
                  })
                  .ok());
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].indicator, "T1");
  EXPECT_EQ(figures[0].value, 91.5);
  EXPECT_EQ(figures[0].note, "更正");
  EXPECT_EQ(figures[0].entered_by, "cli:tester");

  struct Bad {
    FigureInput f;
    std::string field;
  };
  for (const Bad& bad : std::vector<Bad>{
           {{"130200", "X9", 1, ""}, "figures[2].indicator"},
           {{"130200", "T1", 120, ""}, "figures[2].value"},
           {{"130200", "T1", -1, ""}, "figures[2].value"},
           {{"130200", "M2", 20.5, ""}, "figures[2].value"},
           {{"130200", "V1", 0.5, ""}, "figures[2].value"},
           {{"130200", "M1", 10, ""}, "figures[2].indicator"},  // computed from tasks
           {{"130199", "T1", 90, ""}, "figures[2].region_code"},
           {{"130000", "T1", 90, ""}, "figures[2].region_code"},  // the province
           {{"1302", "T1", 90, ""}, "figures[2].region_code"},
           {{"130300", "M2", 5, std::string(1001, 'x')}, "figures[2].note"},
           {{"130300", "M2", 5, ""}, "figures[2].indicator"},  // twice
       }) {
    Status s = Enter({{"130300", "M2", 5, ""}, {"130400", "T1", 88, ""}, bad.f});
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << bad.field;
    EXPECT_EQ(s.field(), bad.field) << s.ToString();
  }
  EXPECT_EQ(Enter({}).field(), "figures");
  // Nothing of the refused batches was written.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM assessment_figure"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'plan.assessment.figures'"), 2);
}

TEST_P(AssessmentServiceTest, RunScoresEveryUnitFromTasksAndFigures) {
  ASSERT_TRUE(LoadSystem(db(), 2026, kTable, kActor).ok());
  // 唐山: 4 tasks due by 2026-12-31 (2 on time, 1 late, 1 open), 1 not yet due; targets 1/2
  // and 3/2 (counts 1). A subtask and a task of another year's plan do not count.
  Task("130200", "2026-06-30", "closed", "2026-06-20", 2, 1);
  Task("130200", "2026-06-30", "closed", "2026-06-30", 2, 3);
  Task("130200", "2026-09-30", "closed", "2026-10-08");
  Task("130200", "2026-11-30", "open", "");
  Task("130200", "2027-03-31", "open", "");
  Task("130200", "2026-03-31", "open", "", 0, 0, /*parent=*/1);
  // 石家庄: one task, not due, closed early (so due, on time).
  Task("130100", "2027-06-30", "closed", "2026-05-01");
  ASSERT_TRUE(Enter({{"130200", "T1", 92, ""},
                     {"130200", "M2", 15, ""},
                     {"130100", "T1", 86, ""},
                     {"130100", "M2", 20, ""},
                     {"130300", "T1", 95, ""},
                     {"130300", "M2", 20, ""},
                     {"130300", "V1", 1, "抽查发现区域性质量问题"}})
                  .ok());

  Result<Assessment> run = RunAssessment(db(), 2026, Date::FromYmd(2026, 12, 31), kActor, "req");
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_EQ(run->cities.size(), 13u);
  EXPECT_EQ(run->as_of, "2026-12-31");
  auto city = [&](const std::string& code) -> const CityResult& {
    for (const CityResult& c : run->cities) {
      if (c.score.region_code == code) return c;
    }
    static const CityResult kNone;
    ADD_FAILURE() << code;
    return kNone;
  };
  const CityResult& tangshan = city("130200");
  EXPECT_EQ(tangshan.inputs.tasks_due, 4);
  EXPECT_EQ(tangshan.inputs.tasks_on_time, 2);
  EXPECT_EQ(tangshan.inputs.tasks_late, 1);
  EXPECT_EQ(tangshan.inputs.targeted_tasks, 2);
  EXPECT_DOUBLE_EQ(tangshan.inputs.target_achievement, 0.75);
  // 40 + 10 × 0.75 + 30 × 2.5 / 4 + 15 = 40 + 7.5 + 18.75 + 15
  EXPECT_DOUBLE_EQ(tangshan.score.total, 81.25);
  EXPECT_EQ(tangshan.score.grade, 'B');
  // 石家庄: 20 + 10 (no targets) + 30 + 20 = 80.
  EXPECT_DOUBLE_EQ(city("130100").score.total, 80);
  // 秦皇岛: 100 points but vetoed; last.
  EXPECT_TRUE(city("130300").score.vetoed);
  EXPECT_EQ(city("130300").score.grade, 'D');
  EXPECT_EQ(city("130300").score.rank, 13);
  EXPECT_EQ(run->cities.front().score.region_code, "130200");
  EXPECT_EQ(run->cities.front().score.rank, 1);
  EXPECT_EQ(run->cities[1].score.region_code, "130100");
  // Units with nothing entered: T1 and M2 missing, no tasks or targets → 40, sharing rank 3.
  EXPECT_DOUBLE_EQ(city("130400").score.total, 40);
  EXPECT_EQ(city("130400").score.rank, 3);
  EXPECT_EQ(city("131100").score.rank, 3);

  // Stored, read back the same; run again (another day) replaces, not adds.
  std::optional<Assessment> read;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(read, ReadAssessment(sql, 2026));
                    return Status();
                  })
                  .ok());
  ASSERT_TRUE(read.has_value());
  ASSERT_EQ(read->cities.size(), 13u);
  EXPECT_EQ(read->system.indicators.size(), 5u);
  EXPECT_EQ(read->system.indicators[0].name, "制造业产品质量合格率");
  for (size_t i = 0; i < 13; ++i) {
    EXPECT_EQ(read->cities[i].score.region_code, run->cities[i].score.region_code);
    EXPECT_EQ(read->cities[i].score.total, run->cities[i].score.total);
    EXPECT_EQ(read->cities[i].score.rank, run->cities[i].score.rank);
    ASSERT_EQ(read->cities[i].score.lines.size(), 5u);
    EXPECT_EQ(read->cities[i].score.lines[2].basis, run->cities[i].score.lines[2].basis);
  }
  EXPECT_EQ(read->cities[0].inputs.tasks_due, 4);
  ASSERT_TRUE(RunAssessment(db(), 2026, Date::FromYmd(2026, 7, 1), kActor).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM assessment_result"), 13);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM assessment_result WHERE as_of = '2026-07-01'"), 13);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'plan.assessment.run'"), 2);
  std::vector<store::AssessmentRunRow> runs;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(runs, store::ListAssessmentRuns(sql));
                    return Status();
                  })
                  .ok());
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].year, 2026);
  EXPECT_EQ(runs[0].city_count, 13);
  EXPECT_EQ(runs[0].as_of, "2026-07-01");
  EXPECT_EQ(runs[0].run_by, "cli:tester");
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(read, ReadAssessment(sql, 2025));
                    return Status();
                  })
                  .ok());
  EXPECT_FALSE(read.has_value());
}

TEST_P(AssessmentServiceTest, WorkbookHasTheRankingAndASheetPerCity) {
  Result<Assessment> run = RunAssessment(db(), 2026, Date::FromYmd(2026, 12, 31), kActor);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  Result<std::string> all = AssessmentWorkbook(*run, {});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  std::vector<std::string> names = sheet::testing::XlsxSheetNames(*all);
  ASSERT_EQ(names.size(), 14u);
  EXPECT_EQ(names[0], "排名");
  EXPECT_EQ(names[1], "石家庄市");  // by code: 130100, then 辛集 130181, 唐山 130200, …
  EXPECT_EQ(names[2], "辛集市");
  EXPECT_EQ(names[3], "唐山市");
  const std::vector<std::string> only = {"130200"};
  Result<std::string> one = AssessmentWorkbook(*run, only);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(sheet::testing::XlsxSheetNames(*one), (std::vector<std::string>{"排名", "唐山市"}));
}

ZL_INSTANTIATE_BACKEND_TESTS(AssessmentServiceTest);

}  // namespace
}  // namespace zl::plan
