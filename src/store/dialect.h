// The one place where SQLite and PostgreSQL differ. Everything else in store/ writes SQL
// that both accept (":name" placeholders, ON CONFLICT upserts, TEXT/BIGINT columns, ISO dates
// as text) and asks here for the rest:
//
//   connection set-up         PRAGMAs (WAL, foreign keys)  | client_min_messages
//   write transactions        BEGIN IMMEDIATE              | BEGIN
//   migration lock            (BEGIN IMMEDIATE suffices)   | pg_advisory_xact_lock
//   broken-connection check   never                        | PQstatus == CONNECTION_BAD
//   substring search on names FTS5 trigram index, or instr() for 1-2 character queries
//                                                          | ILIKE with a pg_trgm GIN index
//   bulk load                 one prepared INSERT (native) | COPY FROM STDIN (native)
//
// The schema differences live beside the migrations as NNNN_name.<dialect>.sql variants.
#pragma once

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

// Settings every new connection gets.
void SetUpConnection(soci::session& sql, const DatabaseUrl& url);

// Opens the transaction of a write unit of work.
void BeginWrite(soci::session& sql, Backend backend);

// Inside a transaction: waits until no other process is migrating the same database.
void LockForMigration(soci::session& sql, Backend backend);

// True when the session's connection is known to be broken and must be reopened.
bool ConnectionLost(soci::session& sql, Backend backend);

// A condition on `column` matching rows whose text contains `query` (case-insensitive for
// Latin letters), using the backend's text index where the query is long enough. The value
// to bind for the condition's one placeholder ":name_query" goes to `bound`.
std::string ContainsCondition(Backend backend, std::string_view column, std::string_view fts_table,
                              std::string_view query, std::string& bound);

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

  static std::unique_ptr<BulkWriter> Create(soci::session& sql, Backend backend, std::string table,
                                            std::vector<std::string> columns);
};

}  // namespace zl::store::dialect
