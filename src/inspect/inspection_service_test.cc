// The stored 双随机 draw on both backends: tasks, the draw over enterprise + credit_grade,
// conflicts end to end, recusal, verify, results as credit records, publication, and the
// same seed giving the same draw on SQLite and PostgreSQL.
#include "inspect/inspection_service.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <map>
#include <set>

#include "credit/grading_run.h"
#include "demo/demo_generator.h"
#include "demo/record_generator.h"
#include "inspect/demo_inspectors.h"
#include "store/credit_record_table.h"
#include "store/dialect.h"
#include "store/enterprise_repository.h"
#include "store/grade_tables.h"
#include "store/test_database.h"

namespace zl::inspect {
namespace {

using store::Backend;
using store::Database;

constexpr char kSeed[] = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
constexpr char kNow[] = "2026-11-27T00:00:00Z";

// The demo archive: enterprises, records, a grading run and the demo inspectors.
void LoadDemo(Database& db, int enterprises, bool grade = true) {
  store::EnterpriseRepository repo(db);
  demo::EnterpriseGenerator gen({.enterprises = enterprises, .seed = 11});
  ASSERT_TRUE(repo.InsertAll([&] { return gen.Next(); }).ok());
  demo::EnterpriseGenerator again({.enterprises = enterprises, .seed = 11});
  demo::RecordGenerator records({.records_per_enterprise = 6, .seed = 11});
  Status s = db.Write(
      [&](soci::session& sql) {
        store::RecordInserter inserter(sql, "test", std::nullopt,
                                       store::dialect::BulkWriter::OnConflict::kFail);
        while (auto e = again.Next()) {
          for (const domain::CreditRecord& r : records.Generate(*e))
            ZL_RETURN_IF_ERROR(inserter.Add(r));
        }
        ZL_RETURN_IF_ERROR(inserter.Finish());
        if (grade) {
          ZL_RETURN_IF_ERROR(credit::RunGrading(sql, credit::RuleSet::Default(),
                                                Date::FromYmd(2026, 11, 1), "test")
                                 .status());
        }
        return AddDemoInspectors(sql, 11, kNow).status();
      },
      Database::Retry::kNever);
  ASSERT_TRUE(s.ok()) << s.ToString();
}

TaskInput Task(std::vector<std::string> industries = {"C"},
               std::vector<std::string> regions = {"130000"}) {
  return {"2026年工业产品质量双随机抽查",
          std::move(industries),
          std::move(regions),
          "2026-12-01",
          "2026-12-31",
          2};
}

Result<std::int64_t> Create(Database& db, const TaskInput& in, const std::string& scope = "") {
  std::int64_t id = 0;
  Status s = db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(store::TaskRow row, CreateTask(sql, in, scope, "test", kNow));
    id = row.id;
    return Status();
  });
  if (!s.ok()) return s;
  return id;
}

Result<DrawSummary> Draw(Database& db, std::int64_t task, std::optional<std::string> seed = kSeed) {
  Result<DrawSummary> out = Status::Internal("not run");
  Status s = db.Write([&](soci::session& sql) {
    out = DrawTask(sql, task, seed, "test", kNow);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

std::vector<store::TargetRow> Targets(Database& db, std::int64_t task) {
  std::vector<store::TargetRow> out;
  EXPECT_TRUE(db.Read([&](soci::session& sql) {
                  ZL_ASSIGN_OR_RETURN(out, store::ListTargets(sql, task, 0, -1));
                  return Status();
                }).ok());
  return out;
}

Verification Verify(Database& db, std::int64_t task) {
  Verification v;
  Status s = db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(v, VerifyDraw(sql, task));
    return Status();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return v;
}

using InspectionServiceTest = store::BackendTest;

TEST_P(InspectionServiceTest, CreateTaskNamesTheFieldAtFault) {
  struct Case {
    TaskInput in;
    std::string scope, field;
  };
  TaskInput bad_name = Task(), bad_industry = Task({"C16"}), bad_region = Task({"C"}, {"990000"}),
            outside = Task({"C"}, {"130100"}), whole = Task(), bad_period = Task(),
            bad_team = Task();
  bad_name.name = "  ";
  bad_period.period_until = "2026-11-30";
  bad_team.team_size = 1;
  for (const Case& c : {Case{bad_name, "", "name"}, Case{bad_industry, "", "industries"},
                        Case{bad_region, "", "regions"}, Case{outside, "130200", "regions"},
                        Case{whole, "130200", "regions"}, Case{bad_period, "", "period_until"},
                        Case{bad_team, "", "team_size"}}) {
    Result<std::int64_t> id = Create(db(), c.in, c.scope);
    ASSERT_FALSE(id.ok()) << c.field;
    EXPECT_EQ(id.status().code(), Status::Code::kInvalidArgument) << c.field;
    EXPECT_EQ(id.status().field(), c.field) << id.status().ToString();
  }
  Result<std::int64_t> ok = Create(db(), Task({"c3", "C31", "C14"}, {"130200"}), "130200");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  std::optional<store::TaskRow> row;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(row, store::FindTask(sql, *ok));
                    return Status();
                  })
                  .ok());
  ASSERT_TRUE(row);
  EXPECT_EQ(row->industries, "C3,C31,C14");
  EXPECT_EQ(row->region_code, "130200");
  EXPECT_EQ(row->status, "planned");
}

TEST_P(InspectionServiceTest, DrawStoresItsInputsAndVerifies) {
  LoadDemo(db(), 2000);
  auto task = Create(db(), Task());
  ASSERT_TRUE(task.ok());
  auto summary = Draw(db(), *task);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->seed, kSeed);
  EXPECT_EQ(summary->ungraded, 0);
  EXPECT_GT(summary->pool_size, 500);
  EXPECT_GT(summary->targets, 0);
  std::int64_t pool = 0;
  for (const ClassCount& c : summary->per_class) pool += c.pool;
  EXPECT_EQ(pool, summary->pool_size);
  auto targets = Targets(db(), *task);
  EXPECT_EQ(static_cast<std::int64_t>(targets.size()), summary->targets);
  for (const auto& t : targets) {
    auto team = store::ParseIds(t.team);
    ASSERT_TRUE(team.ok());
    EXPECT_EQ(team->size(), 2u) << t.uscc;
  }
  Verification v = Verify(db(), *task);
  EXPECT_TRUE(v.reproduced) << (v.differences.empty() ? "" : v.differences.front());
  EXPECT_TRUE(v.digest_matches);
  EXPECT_EQ(v.targets, summary->targets);
  // Drawn once only.
  auto again = Draw(db(), *task);
  EXPECT_EQ(again.status().code(), Status::Code::kFailedPrecondition);
}

TEST_P(InspectionServiceTest, VerifyNoticesATamperedTeam) {
  LoadDemo(db(), 1500);
  auto task = Create(db(), Task());
  ASSERT_TRUE(task.ok());
  ASSERT_TRUE(Draw(db(), *task).ok());
  auto targets = Targets(db(), *task);
  ASSERT_FALSE(targets.empty());
  ASSERT_TRUE(db().Write([&](soci::session& sql) {
                    return store::SetTargetTeam(sql, *task, targets[0].uscc, "1,2");
                  })
                  .ok());
  Verification v = Verify(db(), *task);
  EXPECT_FALSE(v.reproduced);
  EXPECT_TRUE(v.digest_matches);
  ASSERT_FALSE(v.differences.empty());
  EXPECT_NE(v.differences.front().find(targets[0].uscc), std::string::npos);
}

TEST_P(InspectionServiceTest, NoConflictedInspectorIsEverAssigned) {
  LoadDemo(db(), 2000);
  // Every 唐山 inspector declares a conflict with a third of 唐山's enterprises.
  std::set<std::pair<std::int64_t, std::string>> declared;
  ASSERT_TRUE(db().Write([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(auto inspectors, store::ListInspectors(sql));
                    std::vector<std::string> usccs;
                    std::string u;
                    soci::statement st = (sql.prepare << "SELECT uscc FROM enterprise WHERE "
                                                         "region_code = '130200' ORDER BY uscc",
                                          soci::into(u));
                    st.execute();
                    while (st.fetch()) usccs.push_back(u);
                    for (const auto& i : inspectors) {
                      if (i.region_code != "130200") continue;
                      for (size_t k = i.id % 3; k < usccs.size(); k += 3) {
                        auto done = DeclareConflict(sql, i.id, usccs[k], "亲属", "test", kNow);
                        if (done.ok()) declared.insert({i.id, usccs[k]});
                      }
                    }
                    return Status();
                  })
                  .ok());
  ASSERT_GT(declared.size(), 1000u);
  auto task = Create(db(), Task({"*"}, {"130200"}));
  ASSERT_TRUE(task.ok());
  auto summary = Draw(db(), *task);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_GT(summary->exclusions, 0);
  int checked = 0;
  for (const auto& t : Targets(db(), *task)) {
    Result<std::vector<std::int64_t>> team = store::ParseIds(t.team);
    ASSERT_TRUE(team.ok()) << t.team;
    for (std::int64_t id : *team) {
      EXPECT_FALSE(declared.count({id, t.uscc})) << id << " " << t.uscc;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

TEST_P(InspectionServiceTest, RecusalReplacesOneAssignment) {
  LoadDemo(db(), 2000);
  auto task = Create(db(), Task());
  ASSERT_TRUE(task.ok());
  ASSERT_TRUE(Draw(db(), *task).ok());
  auto before = Targets(db(), *task);
  ASSERT_GT(before.size(), 2u);
  const store::TargetRow& target = before[1];
  const std::vector<std::int64_t> team = *store::ParseIds(target.team);
  Result<RecusalRecord> done = Status::Internal("not run");
  ASSERT_TRUE(db().Write([&](soci::session& sql) {
                    done = Recuse(sql, *task, target.uscc, team[0], "与企业负责人系亲属", "test",
                                  kNow);
                    return done.status();
                  })
                  .ok())
      << done.status().ToString();
  EXPECT_EQ(done->sequence, 1);
  EXPECT_EQ(done->recused_id, team[0]);
  EXPECT_NE(done->replacement_id, team[0]);
  auto after = Targets(db(), *task);
  ASSERT_EQ(after.size(), before.size());
  int changed = 0;
  for (size_t i = 0; i < after.size(); ++i) {
    if (after[i].team == before[i].team) continue;
    ++changed;
    EXPECT_EQ(after[i].uscc, target.uscc);
    auto now = *store::ParseIds(after[i].team);
    EXPECT_EQ(std::count(now.begin(), now.end(), team[0]), 0);
    EXPECT_EQ(std::count(now.begin(), now.end(), done->replacement_id), 1);
    EXPECT_EQ(std::count(now.begin(), now.end(), team[1]), 1);
  }
  EXPECT_EQ(changed, 1);
  EXPECT_TRUE(Verify(db(), *task).reproduced);
  // The recused inspector is no longer on the team.
  Status again = db().Write([&](soci::session& sql) {
    return Recuse(sql, *task, target.uscc, team[0], "again", "test", kNow).status();
  });
  EXPECT_EQ(again.code(), Status::Code::kFailedPrecondition);
  // A second recusal (another target) replays the first.
  ASSERT_TRUE(db().Write([&](soci::session& sql) {
                    const auto t2 = *store::ParseIds(before[0].team);
                    return Recuse(sql, *task, before[0].uscc, t2[1], "持股", "test", kNow).status();
                  })
                  .ok());
  Verification v = Verify(db(), *task);
  EXPECT_TRUE(v.reproduced) << (v.differences.empty() ? "" : v.differences.front());
  EXPECT_EQ(v.recusals, 2);
}

TEST_P(InspectionServiceTest, ResultsWriteCreditRecordsAndRegrade) {
  LoadDemo(db(), 1500);
  auto task = Create(db(), Task());
  ASSERT_TRUE(task.ok());
  ASSERT_TRUE(Draw(db(), *task).ok());
  auto targets = Targets(db(), *task);
  ASSERT_GE(targets.size(), 2u);
  const std::string failed = targets[0].uscc, passed = targets[1].uscc;
  const Date today = Date::FromYmd(2026, 11, 27);
  std::size_t history_before = 0;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(auto h, store::GradeHistory(sql, failed));
                    history_before = h.size();
                    return Status();
                  })
                  .ok());
  Status bad = db().Write([&](soci::session& sql) {
    return RecordResult(sql, *task, {failed, "broken", "", ""}, "test", today).status();
  });
  EXPECT_EQ(bad.field(), "result");
  bad = db().Write([&](soci::session& sql) {
    return RecordResult(sql, *task, {passed, "pass", "serious", ""}, "test", today).status();
  });
  EXPECT_EQ(bad.field(), "severity");
  store::TargetRow stored;
  ASSERT_TRUE(
      db().Write([&](soci::session& sql) {
            ZL_ASSIGN_OR_RETURN(
                stored,
                RecordResult(sql, *task, {failed, "fail", "serious", "标签不合格"}, "test", today));
            return RecordResult(sql, *task, {passed, "pass", "", ""}, "test", today).status();
          })
          .ok());
  EXPECT_GT(stored.result_record_id, 0);
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(auto records, store::ListRecordsOf(sql, failed));
                    bool found = false;
                    for (const auto& r : records) {
                      if (r.record.id != stored.result_record_id) continue;
                      found = true;
                      EXPECT_EQ(r.record.kind, "inspection_fail");
                      EXPECT_EQ(r.record.polarity, domain::Polarity::kBad);
                      EXPECT_EQ(r.record.severity, domain::Severity::kSerious);
                      EXPECT_TRUE(r.record.published_from.has_value());
                    }
                    EXPECT_TRUE(found);
                    ZL_ASSIGN_OR_RETURN(auto history, store::GradeHistory(sql, failed));
                    EXPECT_GT(history.size(), history_before);
                    EXPECT_NE(history.front().cause.find("record"), std::string::npos);
                    ZL_ASSIGN_OR_RETURN(auto counts, store::CountTargets(sql, *task));
                    EXPECT_EQ(counts.pass, 1);
                    EXPECT_EQ(counts.fail, 1);
                    return Status();
                  })
                  .ok());
  Status twice = db().Write([&](soci::session& sql) {
    return RecordResult(sql, *task, {failed, "pass", "", ""}, "test", today).status();
  });
  EXPECT_EQ(twice.code(), Status::Code::kFailedPrecondition);
}

TEST_P(InspectionServiceTest, PublishNeedsADraw) {
  LoadDemo(db(), 300);
  auto task = Create(db(), Task());
  ASSERT_TRUE(task.ok());
  auto publish = [&] {
    return db().Write([&](soci::session& sql) { return PublishTask(sql, *task, kNow); });
  };
  EXPECT_EQ(publish().code(), Status::Code::kFailedPrecondition);
  ASSERT_TRUE(Draw(db(), *task).ok());
  EXPECT_TRUE(publish().ok());
  EXPECT_EQ(publish().code(), Status::Code::kFailedPrecondition);
}

TEST_P(InspectionServiceTest, UngradedEnterprisesAreDrawnAsClassB) {
  LoadDemo(db(), 500, /*grade=*/false);
  auto task = Create(db(), Task({"*"}));
  ASSERT_TRUE(task.ok());
  auto summary = Draw(db(), *task, std::nullopt);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->ungraded, 500);
  EXPECT_EQ(summary->pool_size, 500);
  EXPECT_EQ(summary->per_class[1].pool, 500);
  EXPECT_EQ(summary->seed.size(), 64u);  // a fresh seed
  EXPECT_TRUE(Verify(db(), *task).reproduced);
}

TEST_P(InspectionServiceTest, PolicyIsStoredAndValidated) {
  SamplingPolicy p;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(p, CurrentPolicy(sql));
                    return Status();
                  })
                  .ok());
  EXPECT_EQ(p, SamplingPolicy::Default());
  p.of(RiskClass::kB).ratio = 0.9;  // above B's ratio_max
  Status bad = db().Write([&](soci::session& sql) { return SavePolicy(sql, p, "test", kNow); });
  EXPECT_EQ(bad.field(), "B.ratio");
  p.of(RiskClass::kB).ratio = p.of(RiskClass::kB).ratio_max;
  ASSERT_TRUE(
      db().Write([&](soci::session& sql) { return SavePolicy(sql, p, "test", kNow); }).ok());
  SamplingPolicy back;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(back, CurrentPolicy(sql));
                    return Status();
                  })
                  .ok());
  EXPECT_EQ(back, p);
}

ZL_INSTANTIATE_BACKEND_TESTS(InspectionServiceTest);

// The same demo data and the same seed give the same draw on SQLite and PostgreSQL.
TEST(InspectionCrossBackendTest, SameSeedGivesTheSameDrawOnBothBackends) {
  if (!store::PostgresTestServerConfigured()) {
    GTEST_SKIP() << "ZL_TEST_POSTGRES_URL is not set (run under scripts/with-postgres)";
  }
  struct Outcome {
    DrawSummary summary;
    std::vector<store::TargetRow> targets;
    store::DrawRow draw;
  };
  auto run = [](Backend backend) {
    store::TestDatabase database(backend);
    Outcome out;
    LoadDemo(database.db(), 3000);
    auto task = Create(database.db(), Task({"C", "E"}, {"130000"}));
    EXPECT_TRUE(task.ok());
    auto summary = Draw(database.db(), *task);
    EXPECT_TRUE(summary.ok()) << summary.status().ToString();
    if (summary.ok()) out.summary = *summary;
    out.targets = Targets(database.db(), *task);
    EXPECT_TRUE(database.db()
                    .Read([&](soci::session& sql) {
                      ZL_ASSIGN_OR_RETURN(auto d, store::FindDraw(sql, *task, true));
                      out.draw = *d;
                      return Status();
                    })
                    .ok());
    return out;
  };
  Outcome lite = run(Backend::kSqlite), pg = run(Backend::kPostgres);
  ASSERT_GT(lite.targets.size(), 10u);
  EXPECT_EQ(lite.summary.pool_digest, pg.summary.pool_digest);
  EXPECT_EQ(lite.summary.pool_size, pg.summary.pool_size);
  EXPECT_EQ(lite.summary.per_class, pg.summary.per_class);
  EXPECT_EQ(lite.draw.pool, pg.draw.pool);
  EXPECT_EQ(lite.draw.inspectors, pg.draw.inspectors);
  EXPECT_EQ(lite.draw.conflicts, pg.draw.conflicts);
  EXPECT_EQ(lite.draw.exclusions, pg.draw.exclusions);
  ASSERT_EQ(lite.targets.size(), pg.targets.size());
  for (size_t i = 0; i < lite.targets.size(); ++i) {
    EXPECT_EQ(lite.targets[i].uscc, pg.targets[i].uscc) << i;
    EXPECT_EQ(lite.targets[i].risk_class, pg.targets[i].risk_class) << i;
    EXPECT_EQ(lite.targets[i].hash, pg.targets[i].hash) << i;
    EXPECT_EQ(lite.targets[i].team, pg.targets[i].team) << i;
  }
}

}  // namespace
}  // namespace zl::inspect
