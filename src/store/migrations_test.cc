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

ZL_INSTANTIATE_BACKEND_TESTS(MigrationsTest);

}  // namespace
}  // namespace zl::store
