// Database: the one way the rest of Zhiliang reaches its data.
//
// It owns a pool of SOCI sessions on either backend (SQLite embedded by default, PostgreSQL
// for a province's servers) and hands them out for one unit of work at a time:
//
//   db.Read([&](soci::session& sql) { sql << "select ...", soci::into(n); return Status(); });
//   db.Write([&](soci::session& sql) { ...; return Status(); });   // one transaction
//
// Callbacks return a Status; SOCI exceptions thrown inside are caught here and turned into a
// Status (see store/soci_errors.h), so nothing above store/ sees an exception or a SOCI type
// other than the session. Write() commits when the callback returns OK and rolls back
// otherwise, so a failed write leaves nothing behind. SQLite allows one writer at a time:
// writes are funnelled through a mutex and start with BEGIN IMMEDIATE, and every connection
// has a busy timeout, so concurrent requests queue instead of failing with SQLITE_BUSY.
//
// A lost connection (the PostgreSQL server restarted, a network blip) is reopened and the
// unit of work is run once more, so `work` may run twice: it must start from scratch each
// time (clear what it collects) and keep no other state across runs. A write whose COMMIT
// itself failed is never retried, since it may have landed. When the database stays away,
// the Status is Unavailable (HTTP 503) and the next call tries to reconnect again.
//
// Thread-safe: Read and Write may be called from any number of threads.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string_view>

#include "base/result.h"
#include "store/database_url.h"

namespace soci {
class session;
class connection_pool;
}  // namespace soci

namespace zl::store {

struct DatabaseOptions {
  int pool_size = 4;              // sessions kept open; an in-memory SQLite database uses 1
  int busy_timeout_seconds = 10;  // SQLite: how long a connection waits for a lock
  bool apply_migrations = true;   // bring the schema up to date on Open
};

class Database {
 public:
  using Work = std::function<Status(soci::session&)>;

  // Opens (and for SQLite, creates) the database and, unless options say otherwise, applies
  // pending migrations. Fails with InvalidArgument for a malformed URL and Unavailable with
  // one clear line (which database, what failed) when it cannot connect.
  static Result<std::unique_ptr<Database>> Open(std::string_view url, DatabaseOptions options = {});
  ~Database();

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return url_.backend; }
  const DatabaseUrl& url() const { return url_; }

  // Runs `work` on a pooled session, outside any explicit transaction.
  Status Read(const Work& work);
  // Runs `work` in one transaction: commit on OK, rollback on error or exception.
  // kNever is for work that consumes a one-shot source (a stream of rows) and so cannot
  // be run twice.
  enum class Retry { kIfConnectionLost, kNever };
  Status Write(const Work& work, Retry retry = Retry::kIfConnectionLost);

  // Who checks foreign keys during a write. kCheckedByWork is for bulk paths that have
  // already found every referenced row themselves, inside the same transaction (so nothing
  // can remove it before the commit): on SQLite the per-row check is then switched off for
  // this one unit of work (PRAGMA foreign_keys, which only changes outside a transaction:
  // off before BEGIN, on again after COMMIT or ROLLBACK, also when `work` fails or throws;
  // a session on which it cannot be verified to be on again is closed, and reopened with
  // the usual settings when next leased). PostgreSQL keeps checking, as with kEnforced.
  enum class ForeignKeys { kEnforced, kCheckedByWork };
  Status Write(const Work& work, Retry retry, ForeignKeys foreign_keys);

  // Whether, from inside a Write's `work` that has not changed the tables it reads yet, a
  // Read() on another thread sees exactly what the write sees: true on a SQLite file with
  // more than one pooled session (WAL: a reader sees the last commit, and the write lock
  // keeps every other writer out until this write ends). Lets a pass over a big table read
  // it on two cores inside one write. False on PostgreSQL, where another session may see
  // commits made after the write began, and on an in-memory database (one session).
  bool CanReadAlongsideWrite() const;

 private:
  Database(DatabaseUrl url, DatabaseOptions options);
  Status Connect();
  Status Run(const Work& work, bool write, Retry retry,
             ForeignKeys foreign_keys = ForeignKeys::kEnforced);
  Status RunOnce(soci::session& sql, const Work& work, bool write, bool& commit_started,
                 ForeignKeys foreign_keys = ForeignKeys::kEnforced);
  Status Reconnect(soci::session& sql);

  DatabaseUrl url_;
  DatabaseOptions options_;
  std::unique_ptr<soci::connection_pool> pool_;
  std::mutex write_mutex_;  // SQLite: one writer at a time
};

}  // namespace zl::store
