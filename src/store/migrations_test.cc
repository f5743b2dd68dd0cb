#include "store/migrations.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "store/test_database.h"

namespace zl::store {
namespace {

TEST(SplitSqlStatements, SplitsAtLineEndSemicolonsAndKeepsTriggerBodies) {
  auto parts = SplitSqlStatements(
      "-- a comment\nCREATE TABLE a (x TEXT);\nCREATE TABLE b (\n  y TEXT\n);\n"
      "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO b VALUES (new.x);\nEND;\n");
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0], "CREATE TABLE a (x TEXT)");
  EXPECT_EQ(parts[1], "CREATE TABLE b (\ny TEXT\n)");
  EXPECT_NE(parts[2].find("INSERT INTO b VALUES (new.x);"), std::string::npos);
  EXPECT_TRUE(parts[2].ends_with("END"));
}

using MigrationsTest = BackendTest;

TEST_P(MigrationsTest, OpenAppliesAllAndSecondRunChangesNothing) {
  // Open() applied the migrations
  auto all = MigrationsFor(GetParam());
  ASSERT_TRUE(all.ok());
  ASSERT_FALSE(all->empty());
  long long applied = 0;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    sql << "SELECT COUNT(*) FROM schema_migrations", soci::into(applied);
                    return Status();
                  })
                  .ok());
  EXPECT_EQ(applied, static_cast<long long>(all->size()));

  auto again = ApplyMigrations(db());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->applied.empty());
  EXPECT_EQ(again->from_version, all->back().version);
  EXPECT_EQ(again->to_version, all->back().version);
}

TEST_P(MigrationsTest, GradeHistoryUpgradeKeepsEveryGradeOnce) {
  // Before 0009 the current grade was also the newest history row; after it the history holds
  // superseded grades only and the current grade carries that row's created_at.
  TestDatabase old(GetParam(), /*migrate=*/false);
  ASSERT_TRUE(ApplyMigrations(old.db(), 8).ok());
  ASSERT_TRUE(old.db()
                  .Write([&](soci::session& sql) {
                    sql << "INSERT INTO enterprise (uscc, name, region_code, industry_code, size, "
                           "founded_on, created_at) VALUES ('91130100000004394F', '甲', '130100', "
                           "'C31', 'small', '2010-01-01', '2026-01-01T00:00:00Z')";
                    sql << "INSERT INTO credit_grade VALUES ('91130100000004394F', 'B', 650, 'B', "
                           "'v1', '2026-03-01', 'record 9 added', 'alice', 2)";
                    for (const char* values :
                         {"1, 'A', 720, '2026-01-01', 'grading run 1', '2026-01-01T08:00:00Z'",
                          "2, 'B', 650, '2026-03-01', 'record 9 added', '2026-03-01T09:00:00Z'"}) {
                      sql << std::string(
                                 "INSERT INTO credit_grade_history (uscc, risk_class, "
                                 "rules_version, actor, seq, grade, score_tenths, "
                                 "graded_on, cause, created_at) VALUES "
                                 "('91130100000004394F', 'B', 'v1', 'alice', ") +
                                 values + ")";
                    }
                    return Status();
                  })
                  .ok());
  auto upgraded = ApplyMigrations(old.db());
  ASSERT_TRUE(upgraded.ok()) << upgraded.status().ToString();
  std::string current_created, history;
  ASSERT_TRUE(old.db()
                  .Read([&](soci::session& sql) {
                    sql << "SELECT created_at FROM credit_grade", soci::into(current_created);
                    sql << "SELECT " +
                               std::string(GetParam() == Backend::kSqlite
                                               ? "group_concat(seq || grade, ',')"
                                               : "string_agg(seq || grade, ',')") +
                               " FROM credit_grade_history",
                        soci::into(history);
                    return Status();
                  })
                  .ok());
  EXPECT_EQ(current_created, "2026-03-01T09:00:00Z");
  EXPECT_EQ(history, "1A");
}

TEST(Migrations, BothBackendsHaveTheSameIncreasingVersions) {
  auto lite = MigrationsFor(Backend::kSqlite);
  auto pg = MigrationsFor(Backend::kPostgres);
  ASSERT_TRUE(lite.ok() && pg.ok());
  ASSERT_EQ(lite->size(), pg->size());
  for (std::size_t i = 0; i < lite->size(); ++i) {
    EXPECT_EQ((*lite)[i].version, (*pg)[i].version);
    if (i > 0) {
      EXPECT_LT((*lite)[i - 1].version, (*lite)[i].version);
    }
  }
}

// A common file's "$ID_PRIMARY_KEY" becomes each backend's generated 64-bit key.
TEST(Migrations, CommonFilesGetEachBackendsKeyColumn) {
  auto lite = MigrationsFor(Backend::kSqlite);
  auto pg = MigrationsFor(Backend::kPostgres);
  ASSERT_TRUE(lite.ok() && pg.ok());
  for (const auto* set : {&*lite, &*pg}) {
    for (const Migration& m : *set) EXPECT_EQ(m.sql.find("$ID_PRIMARY_KEY"), std::string::npos);
  }
  const Migration& blacklist_lite = (*lite)[9];
  const Migration& blacklist_pg = (*pg)[9];
  ASSERT_EQ(blacklist_lite.name, "blacklist");
  EXPECT_NE(blacklist_lite.sql.find("id INTEGER PRIMARY KEY,"), std::string::npos);
  EXPECT_NE(blacklist_pg.sql.find("id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"),
            std::string::npos);
}

ZL_INSTANTIATE_BACKEND_TESTS(MigrationsTest);

}  // namespace
}  // namespace zl::store
