// The one place where SQLite and PostgreSQL differ. Everything else in store/ writes SQL
// that both accept (":name" placeholders, ON CONFLICT upserts, TEXT/BIGINT columns, ISO dates
// as text) and asks here for the rest:
//
//   connection set-up         PRAGMAs (WAL, foreign keys)  | client_min_messages
//   write transactions        BEGIN IMMEDIATE              | BEGIN
//   migration lock            (BEGIN IMMEDIATE suffices)   | pg_advisory_xact_lock
//   broken-connection check   never                        | PQstatus == CONNECTION_BAD
//   bulk load                 multi-row INSERT (native)    | COPY FROM STDIN (native)
//   bulk load, skip existing  INSERT … ON CONFLICT DO NOTHING | COPY to a temporary table,
//                                                            then INSERT … ON CONFLICT
//
// The one other place is the enterprise-name index (store/name_index.h): an FTS5 table of
// bigrams on SQLite, a GIN-indexed text[] column on PostgreSQL.
//
// The schema differences live beside the migrations as NNNN_name.<dialect>.sql variants.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/database_url.h"

namespace soci {
class session;
}

namespace zl::store::dialect {

// Once per process, before the first SQLite connection opens: SQLite's multi-thread mode.
// Every connection is leased to one thread at a time (Database's pool), so SQLite's own
// per-call connection mutex only costs time (about a tenth of a pass over every record).
void PrepareSqliteLibrary();

// Settings every new connection gets.
void SetUpConnection(soci::session& sql, const DatabaseUrl& url);

// Opens the transaction of a write unit of work.
void BeginWrite(soci::session& sql, Backend backend);

// Inside a transaction: waits until no other process is migrating the same database.
void LockForMigration(soci::session& sql, Backend backend);

// True when the session's connection is known to be broken and must be reopened.
bool ConnectionLost(soci::session& sql, Backend backend);

// The backend a session is connected to.
Backend BackendOf(soci::session& sql);

// SQLite: switches the session's foreign-key checks off while it lives, for one write unit of
// work whose references the caller has checked itself (see Database::ForeignKeys). Create it
// outside any transaction and destroy it after the COMMIT or ROLLBACK: the destructor rolls
// back a transaction still open, switches the checks on again and, when it cannot verify
// that they are on, closes the session (Database then reopens it with the usual settings).
// Does nothing on PostgreSQL.
class ForeignKeysOff {
 public:
  ForeignKeysOff(soci::session& sql, Backend backend);
  ~ForeignKeysOff();
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

 private:
  soci::session* sql_ = nullptr;  // null: nothing to restore
};

// Fast loading of many rows into one table within the caller's transaction: COPY on
// PostgreSQL, one reused native prepared statement on SQLite. Values are text; the database
// converts them to the column types.
class BulkWriter {
 public:
  virtual ~BulkWriter() = default;
  // Adds one row; `values` has one entry per column given to Create.
  virtual Status Add(const std::vector<std::string_view>& values) = 0;
  // Sends what is buffered and ends the load; call once, before the transaction commits.
  virtual Status Finish() = 0;
  // Rows written so far (all of them once Finish succeeded), not counting rows skipped
  // under OnConflict::kSkip because their key was already present.
  virtual std::int64_t inserted() const = 0;

  // kFail: a row whose unique key is already present fails the load (AlreadyExists).
  // kSkip: such rows are skipped. After any other failure (a NOT NULL or CHECK constraint)
  // some rows of the failing batch may remain written on SQLite: roll the transaction back.
  enum class OnConflict { kFail, kSkip };
  static std::unique_ptr<BulkWriter> Create(soci::session& sql, Backend backend, std::string table,
                                            std::vector<std::string> columns,
                                            OnConflict on_conflict = OnConflict::kFail);
};

}  // namespace zl::store::dialect
