// TestDatabase: creates and drops throwaway databases for tests.
#include "store/test_database.h"

#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

namespace zl::store {

namespace {

std::string PostgresAdminUrl() {
  const char* url = std::getenv("ZL_TEST_POSTGRES_URL");
  return url ? url : "";
}

// postgresql://u@h:p/admin_db?x -> postgresql://u@h:p/NAME?x
std::string WithDatabase(const std::string& url, const std::string& name) {
  std::size_t slash = url.find('/', url.find("://") + 3);
  std::size_t query = url.find('?');
  std::string out = slash == std::string::npos ? url : url.substr(0, slash);
  out += "/" + name;
  if (query != std::string::npos) out += url.substr(query);
  return out;
}

void MustSucceed(const Status& status, const char* what) {
  if (!status.ok()) {
    ADD_FAILURE() << what << ": " << status.ToString();
    std::abort();
  }
}

std::unique_ptr<Database> OpenAdmin(const std::string& url) {
  auto admin = Database::Open(url, {.pool_size = 1, .apply_migrations = false});
  MustSucceed(admin.status(), "connecting to the PostgreSQL test server");
  return std::move(admin).value();
}

}  // namespace

bool PostgresTestServerConfigured() { return !PostgresAdminUrl().empty(); }

std::string BackendParamName(const ::testing::TestParamInfo<Backend>& info) {
  return BackendName(info.param);
}

TestDatabase::TestDatabase(Backend backend, bool migrate) : backend_(backend) {
  if (backend == Backend::kSqlite) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "zltest-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    url_ = "sqlite:" + dir_ + "/test.db";
  } else {
    static std::atomic<int> counter{0};
    admin_url_ = PostgresAdminUrl();
    name_ = "zltest_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    MustSucceed(OpenAdmin(admin_url_)->Read([&](soci::session& sql) {
      sql << "DROP DATABASE IF EXISTS " << name_;
      sql << "CREATE DATABASE " << name_;
      return Status();
    }),
                "creating a test database");
    url_ = WithDatabase(admin_url_, name_);
  }
  DatabaseOptions options;
  options.apply_migrations = migrate;
  auto opened = Database::Open(url_, options);
  MustSucceed(opened.status(), "opening the test database");
  db_ = std::move(opened).value();
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (backend_ == Backend::kSqlite) {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  } else {
    Status dropped = OpenAdmin(admin_url_)->Read([&](soci::session& sql) {
      sql << "DROP DATABASE IF EXISTS " << name_ << " WITH (FORCE)";
      return Status();
    });
    if (!dropped.ok()) ADD_FAILURE() << "dropping " << name_ << ": " << dropped.ToString();
  }
}

void TestDatabase::TerminateSessions() {
  MustSucceed(OpenAdmin(admin_url_)->Read([&](soci::session& sql) {
    sql << "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
           "WHERE datname = :name AND pid <> pg_backend_pid()",
        soci::use(name_);
    return Status();
  }),
              "terminating sessions");
}

void TestDatabase::SetAllowConnections(bool allow) {
  MustSucceed(OpenAdmin(admin_url_)->Read([&](soci::session& sql) {
    sql << "ALTER DATABASE " << name_ << " ALLOW_CONNECTIONS " << (allow ? "true" : "false");
    return Status();
  }),
              "changing ALLOW_CONNECTIONS");
}

}  // namespace zl::store
