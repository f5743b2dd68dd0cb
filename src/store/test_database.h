// Test support: a fresh, migrated database on either backend, removed afterwards.
//
// SQLite: a file in a new temporary folder. PostgreSQL: a new database on the server named
// by ZL_TEST_POSTGRES_URL (scripts/with-postgres starts a throwaway cluster and sets it;
// `make test` always does), dropped at the end. Store and API tests are parameterised over
// both backends with BackendTest and ZL_INSTANTIATE_BACKEND_TESTS, so every test runs twice
// from one source.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/database.h"

namespace zl::store {

// True when ZL_TEST_POSTGRES_URL is set.
bool PostgresTestServerConfigured();

class TestDatabase {
 public:
  // `migrate`: false leaves the database empty (for tests of an upgrade: ApplyMigrations
  // with an up_to version, then data in the old schema, then the rest).
  explicit TestDatabase(Backend backend = Backend::kSqlite, bool migrate = true);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Database& db() { return *db_; }
  const std::string& url() const { return url_; }
  // An admin connection to the server (PostgreSQL only), for tests that disturb sessions.
  const std::string& admin_url() const { return admin_url_; }
  const std::string& database_name() const { return name_; }

  // PostgreSQL only, to simulate trouble: ends every session of this database from the
  // outside (as a server restart would), and closes or reopens it to new connections.
  void TerminateSessions();
  void SetAllowConnections(bool allow);

 private:
  Backend backend_;
  std::string dir_;        // SQLite
  std::string admin_url_;  // PostgreSQL
  std::string name_;       // PostgreSQL database name
  std::string url_;
  std::unique_ptr<Database> db_;
};

// A test fixture whose parameter is the backend; PostgreSQL cases are skipped (with a
// message) when no test server is configured.
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kPostgres && !PostgresTestServerConfigured()) {
      GTEST_SKIP() << "ZL_TEST_POSTGRES_URL is not set (run under scripts/with-postgres)";
    }
    database_ = std::make_unique<TestDatabase>(GetParam());
  }
  void TearDown() override { database_.reset(); }
  Database& db() { return database_->db(); }
  TestDatabase& test_database() { return *database_; }

 private:
  std::unique_ptr<TestDatabase> database_;
};

std::string BackendParamName(const ::testing::TestParamInfo<Backend>& info);

// BackendTest instantiated for PostgreSQL alone, for behaviour SQLite does not have (lost
// connections): `using X = BackendTest; ZL_INSTANTIATE_POSTGRES_TESTS(X);`

}  // namespace zl::store

#define ZL_INSTANTIATE_BACKEND_TESTS(suite)                                              \
  INSTANTIATE_TEST_SUITE_P(                                                              \
      Backends, suite,                                                                   \
      ::testing::Values(::zl::store::Backend::kSqlite, ::zl::store::Backend::kPostgres), \
      ::zl::store::BackendParamName)

#define ZL_INSTANTIATE_POSTGRES_TESTS(suite)                                                    \
  INSTANTIATE_TEST_SUITE_P(Backends, suite, ::testing::Values(::zl::store::Backend::kPostgres), \
                           ::zl::store::BackendParamName)
