// Grading runs, comparisons, regrades on record changes and explanations, on both backends,
// under the small test rule set (see grader_test.cc for how its scores work).
#include "credit/grading_run.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "credit/record_service.h"
#include "store/enterprise_repository.h"
#include "store/test_database.h"

namespace zl::credit {
namespace {

const Date kToday = Date::FromYmd(2026, 11, 27);
constexpr const char* kSteel = "91130100MA0C123409";  // C31
constexpr const char* kFood = "91130200MA0D00009H";   // C14: needs a licence

std::string SmallRulesText() {
  std::ifstream in("src/credit/testdata/grading_rules_small.txt");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

RuleSet SmallRules(const std::string& from = "", const std::string& to = "") {
  std::string text = SmallRulesText();
  if (!from.empty()) text.replace(text.find(from), from.size(), to);
  Result<RuleSet> r = RuleSet::Parse(text, "small");
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return *r;
}

class GradingRunTest : public store::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    std::vector<domain::Enterprise> es(3);
    const char* usccs[] = {kSteel, kFood, "91130300MA0E0000X7"};
    const char* industries[] = {"C31", "C14", "F52"};
    for (int i = 0; i < 3; ++i) {
      es[i].uscc = usccs[i];
      es[i].name = "测试企业" + std::to_string(i);
      es[i].region_code = i == 0 ? "130100" : i == 1 ? "130200" : "130300";
      es[i].industry_code = industries[i];
      es[i].founded_on = Date::FromYmd(2015, 1, 1);
    }
    Status s = store::EnterpriseRepository(db()).InsertMany(es);
    ASSERT_TRUE(s.ok()) << s.ToString();
    award_ =
        Add(kSteel, {"award", "2020-05-01", "政府质量奖", "省政府", "奖-1", "good", "", "", ""});
    Add(kFood, {"award", "2021-05-01", "政府质量奖", "省政府", "奖-2", "good", "", "", ""});
  }

  std::int64_t Add(const std::string& uscc, const RecordInput& in) {
    std::int64_t id = 0;
    Status s = db().Write([&](soci::session& sql) {
      ZL_ASSIGN_OR_RETURN(store::StoredRecord r, AddRecord(sql, uscc, in, "tester", kToday));
      id = r.record.id;
      return Status();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return id;
  }

  // `alongside`: let the run read through a second session where the backend allows.
  Result<GradingRunResult> Run(const RuleSet& rules, bool alongside = false) {
    Result<GradingRunResult> out = Status::Internal("not run");
    Status s = db().Write([&](soci::session& sql) {
      out = RunGrading(sql, rules, kToday, "admin", alongside ? &db() : nullptr);
      return out.status();
    });
    if (!s.ok()) return s;
    return out;
  }

  std::optional<store::GradeRow> Grade(const std::string& uscc) {
    std::optional<store::GradeRow> out;
    EXPECT_TRUE(db().Read([&](soci::session& sql) {
                      ZL_ASSIGN_OR_RETURN(out, store::FindGrade(sql, uscc));
                      return Status();
                    })
                    .ok());
    return out;
  }

  std::vector<store::GradeRow> History(const std::string& uscc) {
    std::vector<store::GradeRow> out;
    EXPECT_TRUE(db().Read([&](soci::session& sql) {
                      ZL_ASSIGN_OR_RETURN(out, store::GradeHistory(sql, uscc));
                      return Status();
                    })
                    .ok());
    return out;
  }

  std::int64_t award_ = 0;
};

TEST_P(GradingRunTest, GradesEveryEnterpriseAndWritesOnlyChanges) {
  Result<GradingRunResult> run = Run(SmallRules());
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->graded, 3);
  EXPECT_EQ(run->changed, 3);
  EXPECT_EQ(run->rules_version, "test-1");
  // steel: 20 + 60 = 80 → AA, no audit → A; food: AA but no licence → C; shop: 60 → B.
  EXPECT_EQ(run->by_grade, (std::array<std::int64_t, 6>{0, 0, 1, 1, 1, 0}));
  std::optional<store::GradeRow> steel = Grade(kSteel);
  ASSERT_TRUE(steel.has_value());
  EXPECT_EQ(steel->grade, "A");
  EXPECT_EQ(steel->score_tenths, 800);
  EXPECT_EQ(steel->risk_class, "B");
  EXPECT_EQ(steel->graded_on, "2026-11-27");
  EXPECT_EQ(steel->cause, "grading run " + std::to_string(run->run_id));
  EXPECT_EQ(Grade(kFood)->grade, "C");

  Result<GradingRunResult> again = Run(SmallRules());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->changed, 0);
  EXPECT_EQ(History(kSteel).size(), 1u);
}

TEST_P(GradingRunTest, ReadingOnTwoSessionsGivesTheSameGradesAsOne) {
  // On SQLite a run given its database reads part of the records and the stored grades
  // through a second session. Records of each enterprise on both sides of the split (decayed
  // points, risk raises), and an enterprise stored out of USCC order (the register is sorted):
  // a run on one session and one-by-one regrades then find nothing to change.
  EXPECT_EQ(db().CanReadAlongsideWrite(), GetParam() == store::Backend::kSqlite);
  const std::string early = "91130100000004394F";  // sorts before kSteel, inserted last
  domain::Enterprise e;
  e.uscc = early;
  e.name = "测试企业3";
  e.region_code = "130100";
  e.industry_code = "C31";
  e.founded_on = Date::FromYmd(2015, 1, 1);
  ASSERT_TRUE(store::EnterpriseRepository(db()).InsertMany(std::vector{e}).ok());
  const std::vector<std::string> all = {kSteel, kFood, "91130300MA0E0000X7", early};
  for (int round = 0; round < 4; ++round) {
    for (const std::string& uscc : all) {
      Add(uscc, {"inspection_fail", "2026-0" + std::to_string(round + 1) + "-15", "抽检不合格",
                 "市局", "抽-" + uscc + std::to_string(round), "bad", "serious", "", ""});
    }
  }
  Result<GradingRunResult> two = Run(SmallRules(), /*alongside=*/true);
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_EQ(two->changed, 4);
  Result<GradingRunResult> one = Run(SmallRules(), /*alongside=*/false);
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(one->changed, 0);
  ASSERT_TRUE(
      db().Write([&](soci::session& sql) { return Regrade(sql, all, "check", "tester", kToday); })
          .ok());
  Result<GradingRunResult> again = Run(SmallRules(), /*alongside=*/true);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->changed, 0);
  for (const std::string& uscc : all) EXPECT_EQ(History(uscc).size(), 1u) << uscc;
  // The award and four serious failures, decayed: 20 + 40 + 30 - 20·Σ2^(-age/365.2425 d),
  // not a round number.
  EXPECT_NE(Grade(kSteel)->score_tenths % 10, 0);
}

TEST_P(GradingRunTest, ARecordAddedOrRevokedRegradesAtOnce) {
  ASSERT_TRUE(Run(SmallRules()).ok());
  const std::int64_t licence =
      Add(kFood, {"licence", "2025-01-01", "食品生产许可", "市局", "SC-1", "good", "", "", ""});
  // food: 30 + 60 = 90 → AAA by score, no audit → A.
  std::optional<store::GradeRow> food = Grade(kFood);
  EXPECT_EQ(food->grade, "A");
  EXPECT_EQ(food->score_tenths, 900);
  EXPECT_EQ(food->cause, "record " + std::to_string(licence) + " added");
  EXPECT_EQ(food->actor, "tester");

  Status s = db().Write([&](soci::session& sql) {
    return RevokeRecord(sql, licence, {"许可证已注销", "", ""}, "tester", kToday).status();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  food = Grade(kFood);
  EXPECT_EQ(food->grade, "C");
  std::vector<store::GradeRow> history = History(kFood);
  ASSERT_EQ(history.size(), 3u);  // run, licence added, licence revoked (newest first)
  EXPECT_NE(history[0].cause.find("revokes record " + std::to_string(licence)), std::string::npos);
  EXPECT_EQ(history[1].grade, "A");
  EXPECT_EQ(history[2].grade, "C");
}

TEST_P(GradingRunTest, NothingIsGradedBeforeTheFirstRun) {
  Add(kSteel, {"licence", "2025-01-01", "许可", "市局", "XK-1", "good", "", "", ""});
  EXPECT_FALSE(Grade(kSteel).has_value());
}

TEST_P(GradingRunTest, ComparesACandidateWithoutWriting) {
  ASSERT_TRUE(Run(SmallRules()).ok());
  // Raising B's threshold to 65 moves the shop (60) from B to C; nothing else changes.
  RuleSet stricter = SmallRules("version\ttest-1", "version\ttest-2");
  stricter.min_score[static_cast<int>(domain::Grade::kB)] = 65;
  Result<RuleSetComparison> cmp = Status::Internal("not run");
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    cmp = CompareRuleSets(sql, stricter, kToday);
                    return cmp.status();
                  })
                  .ok());
  EXPECT_EQ(cmp->current_version, "test-1");
  EXPECT_EQ(cmp->candidate_version, "test-2");
  EXPECT_EQ(cmp->graded, 3);
  EXPECT_EQ(cmp->changed, 1);
  EXPECT_EQ(cmp->table[3][4], 1);  // B → C
  EXPECT_EQ(cmp->table[2][2], 1);  // A stays A
  EXPECT_EQ(cmp->table[4][4], 1);  // C stays C
  EXPECT_EQ(Grade("91130300MA0E0000X7")->grade, "B");
}

TEST_P(GradingRunTest, ANewVersionSwitchesAndAReusedVersionIsRefused) {
  ASSERT_TRUE(Run(SmallRules()).ok());
  Result<GradingRunResult> reused = Run(SmallRules("name\t测试规则", "name\t另一套"));
  ASSERT_FALSE(reused.ok());
  EXPECT_EQ(reused.status().code(), Status::Code::kAlreadyExists);
  Result<GradingRunResult> next = Run(SmallRules("version\ttest-1", "version\ttest-2"));
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->changed, 3);  // same grades, new rule set: every grade is restated
  EXPECT_EQ(Grade(kSteel)->rules_version, "test-2");
  std::optional<RuleSet> active;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(active, LoadActiveRules(sql));
                    return Status();
                  })
                  .ok());
  EXPECT_EQ(active->version, "test-2");
}

TEST_P(GradingRunTest, TheExplanationReproducesTheStoredScore) {
  ASSERT_TRUE(Run(SmallRules()).ok());
  std::optional<GradeExplanation> ex;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(ex, ExplainGrade(sql, kSteel));
                    return Status();
                  })
                  .ok());
  ASSERT_TRUE(ex.has_value());
  EXPECT_EQ(std::llround(ex->outcome.score * 10), ex->grade.row.score_tenths);
  EXPECT_TRUE(ex->outcome.audit_cap);
  ASSERT_EQ(ex->contributions.size(), 1u);
  EXPECT_EQ(ex->contributions[0].record_id, award_);
  EXPECT_DOUBLE_EQ(ex->contributions[0].points, 30);
  EXPECT_EQ(ex->rules->version, "test-1");
  EXPECT_EQ(ex->grade.confirmed_on, "2026-11-27");
  EXPECT_EQ(ex->grade.valid_until, "2027-11-27");  // the small rules keep the default 12 months
}

// Imports a licence for the food company, as an import would, and regrades what it touched
// with the given one-by-one limit (0: the whole-archive pass).
Status ImportLicenceAndRegrade(store::Database& db, const std::string& cause, size_t limit) {
  return db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::int64_t first, NextRecordId(sql));
    domain::CreditRecord r;
    r.uscc = kFood;
    r.kind = "licence";
    r.occurred_on = Date::FromYmd(2025, 2, 1);
    r.title = "食品生产许可";
    r.source_department = "市局";
    r.polarity = domain::Polarity::kGood;
    ZL_RETURN_IF_ERROR(store::InsertRecord(sql, r, "importer").status());
    return RegradeRecordsFrom(sql, first, cause, "importer", kToday, limit);
  });
}

TEST_P(GradingRunTest, ImportedRecordsRegradeTheirEnterprisesInOnePassToo) {
  ASSERT_TRUE(Run(SmallRules()).ok());
  Status s = ImportLicenceAndRegrade(db(), "import 8", 0);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Grade(kFood)->grade, "A");
  EXPECT_EQ(Grade(kFood)->cause, "import 8");
  EXPECT_EQ(Grade(kFood)->seq, 2);
  EXPECT_EQ(History(kSteel).size(), 1u);  // only the imported records' enterprises
}

TEST_P(GradingRunTest, ImportedRecordsRegradeTheirEnterprises) {
  ASSERT_TRUE(Run(SmallRules()).ok());
  Status s = ImportLicenceAndRegrade(db(), "import 7", kRegradeOneByOneLimit);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Grade(kFood)->grade, "A");
  EXPECT_EQ(Grade(kFood)->cause, "import 7");
  EXPECT_EQ(History(kSteel).size(), 1u);  // untouched
}

ZL_INSTANTIATE_BACKEND_TESTS(GradingRunTest);

}  // namespace
}  // namespace zl::credit
