// Database: connection pool, per-connection setup and the transaction discipline.
#include "store/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <string>

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
  pool_ = std::make_unique<soci::connection_pool>(options_.pool_size);
  for (int i = 0; i < options_.pool_size; ++i) {
    soci::session& sql = pool_->at(i);
    try {
      if (url_.backend == Backend::kSqlite) {
        sql.open(soci::sqlite3,
                 "db=" + url_.target + " timeout=" + std::to_string(options_.busy_timeout_seconds));
        sql << "PRAGMA foreign_keys = ON";
        sql << "PRAGMA synchronous = NORMAL";
        if (!url_.in_memory()) {
          std::string mode;
          sql << "PRAGMA journal_mode = WAL", soci::into(mode);
        }
      } else {
        sql.open(soci::postgresql, url_.target);
        sql << "SET client_min_messages = warning";
      }
    } catch (const std::exception& e) {
      Status s = StatusFromException(e, "cannot open database " + url_.display);
      // Whatever the driver said, failing to connect is a matter of availability.
      return Status::Unavailable(s.message());
    }
  }
  return Status();
}

Status Database::Read(const Work& work) { return Run(work, /*write=*/false); }

Status Database::Write(const Work& work) { return Run(work, /*write=*/true); }

Status Database::Run(const Work& work, bool write) {
  std::unique_lock<std::mutex> writer;
  if (write && url_.backend == Backend::kSqlite) writer = std::unique_lock(write_mutex_);
  Lease lease(*pool_);
  soci::session& sql = lease.session();
  bool in_transaction = false;
  try {
    if (write) {
      if (url_.backend == Backend::kSqlite) {
        sql << "BEGIN IMMEDIATE";
      } else {
        sql.begin();
      }
      in_transaction = true;
    }
    Status status = work(sql);
    if (write) {
      in_transaction = false;
      if (status.ok()) {
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
