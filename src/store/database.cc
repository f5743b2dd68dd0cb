// Database: connection pool, per-connection setup, the transaction discipline and recovery
// from lost connections. Backend specifics are in store/dialect.h.
#include "store/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <optional>
#include <string>

#include "store/dialect.h"
#include "store/migrations.h"
#include "store/soci_errors.h"

namespace zl::store {

namespace {

// Returns a pooled session to the pool when it goes out of scope.
class Lease {
 public:
  explicit Lease(soci::connection_pool& pool) : pool_(pool), pos_(pool.lease()) {}
  ~Lease() { pool_.give_back(pos_); }
  soci::session& session() { return pool_.at(pos_); }

 private:
  soci::connection_pool& pool_;
  std::size_t pos_;
};

}  // namespace

Database::Database(DatabaseUrl url, DatabaseOptions options)
    : url_(std::move(url)), options_(options) {
  if (url_.in_memory() || options_.pool_size < 1) options_.pool_size = 1;
}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::Open(std::string_view url, DatabaseOptions options) {
  ZL_ASSIGN_OR_RETURN(DatabaseUrl parsed, DatabaseUrl::Parse(url));
  std::unique_ptr<Database> db(new Database(std::move(parsed), options));
  ZL_RETURN_IF_ERROR(db->Connect());
  if (options.apply_migrations) {
    ZL_RETURN_IF_ERROR(ApplyMigrations(*db).status());
  }
  return db;
}

Status Database::Connect() {
  if (url_.backend == Backend::kSqlite) dialect::PrepareSqliteLibrary();
  pool_ = std::make_unique<soci::connection_pool>(options_.pool_size);
  for (int i = 0; i < options_.pool_size; ++i) {
    soci::session& sql = pool_->at(i);
    try {
      if (url_.backend == Backend::kSqlite) {
        sql.open(soci::sqlite3,
                 "db=" + url_.target + " timeout=" + std::to_string(options_.busy_timeout_seconds));
      } else {
        sql.open(soci::postgresql, url_.target);
      }
      dialect::SetUpConnection(sql, url_);
    } catch (const std::exception& e) {
      // Whatever the driver said, failing to connect is a matter of availability.
      return Status::Unavailable(
          StatusFromException(e, "cannot connect to " + url_.display).message());
    }
  }
  return Status();
}

Status Database::Reconnect(soci::session& sql) {
  try {
    sql.reconnect();
    dialect::SetUpConnection(sql, url_);
    spdlog::warn("database connection to {} was lost and has been reopened", url_.display);
    return Status();
  } catch (const std::exception& e) {
    return Status::Unavailable(
        StatusFromException(e, "cannot reconnect to " + url_.display).message());
  }
}

Status Database::Read(const Work& work) {
  return Run(work, /*write=*/false, Retry::kIfConnectionLost);
}

Status Database::Write(const Work& work, Retry retry) { return Run(work, /*write=*/true, retry); }

Status Database::Write(const Work& work, Retry retry, ForeignKeys foreign_keys) {
  return Run(work, /*write=*/true, retry, foreign_keys);
}

bool Database::CanReadAlongsideWrite() const {
  return url_.backend == Backend::kSqlite && !url_.in_memory() && options_.pool_size > 1;
}

Status Database::Run(const Work& work, bool write, Retry retry, ForeignKeys foreign_keys) {
  std::unique_lock<std::mutex> writer;
  if (write && url_.backend == Backend::kSqlite) writer = std::unique_lock(write_mutex_);
  Lease lease(*pool_);
  soci::session& sql = lease.session();
  // A connection that died while idle in the pool is reopened before use.
  if (dialect::ConnectionLost(sql, url_.backend)) ZL_RETURN_IF_ERROR(Reconnect(sql));

  bool commit_started = false;
  Status status = RunOnce(sql, work, write, commit_started, foreign_keys);
  if (retry == Retry::kIfConnectionLost && !commit_started &&
      dialect::ConnectionLost(sql, url_.backend)) {
    ZL_RETURN_IF_ERROR(Reconnect(sql));
    status = RunOnce(sql, work, write, commit_started, foreign_keys);
  }
  if (dialect::ConnectionLost(sql, url_.backend)) {
    return Status::Unavailable("the database connection was lost: " + status.message());
  }
  return status;
}

Status Database::RunOnce(soci::session& sql, const Work& work, bool write, bool& commit_started,
                         ForeignKeys foreign_keys) {
  std::optional<dialect::ForeignKeysOff> unchecked;  // its destructor switches them on again
  if (write && foreign_keys == ForeignKeys::kCheckedByWork) {
    try {
      unchecked.emplace(sql, url_.backend);
    } catch (const std::exception& e) {
      return StatusFromException(e);
    }
  }
  bool in_transaction = false;
  try {
    if (write) {
      dialect::BeginWrite(sql, url_.backend);
      in_transaction = true;
    }
    Status status = work(sql);
    if (write) {
      in_transaction = false;
      if (status.ok()) {
        commit_started = true;
        sql.commit();
      } else {
        sql.rollback();
      }
    }
    return status;
  } catch (const std::exception& e) {
    if (in_transaction) {
      try {
        sql.rollback();
      } catch (const std::exception&) {
        // The connection is gone; the transaction died with it.
      }
    }
    return StatusFromException(e);
  }
}

}  // namespace zl::store
