// Dialect: SQLite and PostgreSQL specifics, including the native bulk-load paths.
#include "store/dialect.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <utility>

#include "base/text.h"
#include "store/native_handle.h"
#include "store/soci_errors.h"

namespace zl::store::dialect {

namespace {

std::string ColumnList(const std::vector<std::string>& columns) {
  std::string out;
  for (const std::string& c : columns) out += (out.empty() ? "" : ", ") + c;
  return out;
}

// Rows are buffered and inserted kBatchRows at a time by one multi-row INSERT. Besides
// saving statement executions, this matters for tables with FTS5 indexes fed by triggers:
// FTS5 writes a new index segment at the end of every statement, so one statement per row
// would bury the index in tiny segments (4x slower at 200,000 rows).
class SqliteBulkWriter final : public BulkWriter {
 public:
  SqliteBulkWriter(soci::session& sql, std::string table, std::vector<std::string> columns,
                   OnConflict on_conflict)
      : db_(SqliteConnection(sql)),
        table_(std::move(table)),
        columns_(std::move(columns)),
        on_conflict_(on_conflict) {
    batch_rows_ = std::max<std::size_t>(1, std::min<std::size_t>(500, 30000 / columns_.size()));
  }
  ~SqliteBulkWriter() override { sqlite_api::sqlite3_finalize(full_batch_); }

  Status Add(const std::vector<std::string_view>& values) override {
    if (!status_.ok()) return status_;
    if (values.size() != columns_.size()) {
      return Status::Internal("bulk row has the wrong column count");
    }
    for (std::string_view v : values) {
      pending_.emplace_back(arena_.size(), v.size());
      arena_.append(v);
    }
    if (pending_.size() == batch_rows_ * columns_.size()) {
      if (full_batch_ == nullptr) status_ = Prepare(batch_rows_, &full_batch_);
      if (status_.ok()) status_ = Execute(full_batch_);
    }
    return status_;
  }

  std::int64_t inserted() const override { return inserted_; }

  Status Finish() override {
    if (!status_.ok() || pending_.empty()) return status_;
    sqlite_api::sqlite3_stmt* rest = nullptr;
    status_ = Prepare(pending_.size() / columns_.size(), &rest);
    if (status_.ok()) status_ = Execute(rest);
    sqlite_api::sqlite3_finalize(rest);
    return status_;
  }

 private:
  Status Prepare(std::size_t rows, sqlite_api::sqlite3_stmt** stmt) {
    std::string row = "(";
    for (std::size_t i = 0; i < columns_.size(); ++i) row += i ? ", ?" : "?";
    row += ")";
    // kSkip: OR FAIL rather than the default ABORT for the other constraints (NOT NULL,
    // CHECK), so that, unless foreign keys are checked, the statement needs no statement
    // journal, a copy of every page it touches that SQLite keeps to undo it alone: 1 s of
    // 8 in a million-record import. A failed statement may thus leave some of its rows
    // behind; every caller rolls the transaction back after a failure anyway.
    std::string text = on_conflict_ == OnConflict::kSkip ? "INSERT OR FAIL INTO " : "INSERT INTO ";
    text += table_ + " (" + ColumnList(columns_) + ") VALUES ";
    for (std::size_t r = 0; r < rows; ++r) text += (r ? ", " : "") + row;
    if (on_conflict_ == OnConflict::kSkip) text += " ON CONFLICT DO NOTHING";
    if (sqlite_api::sqlite3_prepare_v2(db_, text.c_str(), -1, stmt, nullptr) != 0) return Error();
    return Status();
  }

  Status Execute(sqlite_api::sqlite3_stmt* stmt) {
    for (std::size_t i = 0; i < pending_.size(); ++i) {
      sqlite_api::sqlite3_bind_text(stmt, static_cast<int>(i + 1),
                                    arena_.data() + pending_[i].first,
                                    static_cast<int>(pending_[i].second), SQLITE_STATIC);
    }
    int rc = sqlite_api::sqlite3_step(stmt);
    Status status = rc == SQLITE_DONE ? Status() : Error();
    if (status.ok()) inserted_ += sqlite_api::sqlite3_changes(db_);
    sqlite_api::sqlite3_reset(stmt);
    pending_.clear();
    arena_.clear();
    return status;
  }

  Status Error() {
    return StatusFromSqlite(sqlite_api::sqlite3_extended_errcode(db_),
                            sqlite_api::sqlite3_errmsg(db_));
  }

  sqlite_api::sqlite3* db_;
  std::string table_;
  std::vector<std::string> columns_;
  std::size_t batch_rows_;
  // The values of the rows not yet inserted, row-major, as (offset, length) in arena_: one
  // buffer instead of a string per value (bulk loads are allocation-bound otherwise).
  std::vector<std::pair<std::size_t, std::size_t>> pending_;
  std::string arena_;
  OnConflict on_conflict_;
  sqlite_api::sqlite3_stmt* full_batch_ = nullptr;
  std::int64_t inserted_ = 0;
  Status status_;
};

class PostgresBulkWriter final : public BulkWriter {
 public:
  // Rows are buffered and sent by one complete COPY per megabyte, so that the caller may run
  // other statements on the connection between Add calls (a COPY in progress would block
  // them). With kSkip, rows are copied into a temporary table first and moved over with
  // INSERT … ON CONFLICT DO NOTHING at Finish (COPY itself cannot skip conflicts).
  PostgresBulkWriter(soci::session& sql, const std::string& table,
                     const std::vector<std::string>& columns, OnConflict on_conflict)
      : conn_(PgConnection(sql)), columns_(columns.size()) {
    std::string target = table;
    if (on_conflict == OnConflict::kSkip) {
      staging_ = "zl_bulk_" + table;
      move_over_ = "INSERT INTO " + table + " (" + ColumnList(columns) + ") SELECT " +
                   ColumnList(columns) + " FROM " + staging_ + " ON CONFLICT DO NOTHING";
      status_ = Exec("CREATE TEMP TABLE " + staging_ + " AS SELECT " + ColumnList(columns) +
                     " FROM " + table + " WITH NO DATA");
      target = staging_;
    }
    copy_ = "COPY " + target + " (" + ColumnList(columns) + ") FROM STDIN";
  }

  Status Add(const std::vector<std::string_view>& values) override {
    if (!status_.ok()) return status_;
    if (values.size() != columns_) return Status::Internal("bulk row has the wrong column count");
    ++rows_;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) buffer_ += '\t';
      for (char c : values[i]) {  // COPY text format escapes
        switch (c) {
          case '\\':
            buffer_ += "\\\\";
            break;
          case '\t':
            buffer_ += "\\t";
            break;
          case '\n':
            buffer_ += "\\n";
            break;
          case '\r':
            buffer_ += "\\r";
            break;
          default:
            buffer_ += c;
        }
      }
    }
    buffer_ += '\n';
    if (buffer_.size() >= (1 << 20)) Flush();
    return status_;
  }

  Status Finish() override {
    if (finished_) return status_;
    finished_ = true;
    Flush();
    if (!status_.ok()) return status_;
    if (staging_.empty()) {
      inserted_ = rows_;
      return status_;
    }
    PGresult* res = PQexec(conn_, move_over_.c_str());
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
      status_ = ResultError(res);
    } else {
      inserted_ = std::atoll(PQcmdTuples(res));
    }
    PQclear(res);
    if (status_.ok()) status_ = Exec("DROP TABLE " + staging_);
    return status_;
  }

  std::int64_t inserted() const override { return inserted_; }

 private:
  // Sends the buffered rows as one COPY.
  void Flush() {
    if (buffer_.empty() || !status_.ok()) return;
    PGresult* res = PQexec(conn_, copy_.c_str());
    const bool copying = PQresultStatus(res) == PGRES_COPY_IN;
    if (!copying) status_ = ResultError(res);
    PQclear(res);
    if (!copying) return;
    if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1 ||
        PQputCopyEnd(conn_, nullptr) != 1) {
      status_ = Status::Unavailable(PQerrorMessage(conn_));
    }
    while (PGresult* r = PQgetResult(conn_)) {
      if (PQresultStatus(r) != PGRES_COMMAND_OK && status_.ok()) status_ = ResultError(r);
      PQclear(r);
    }
    buffer_.clear();
  }

  Status Exec(const std::string& text) {
    PGresult* res = PQexec(conn_, text.c_str());
    Status s = PQresultStatus(res) == PGRES_COMMAND_OK || PQresultStatus(res) == PGRES_TUPLES_OK
                   ? Status()
                   : ResultError(res);
    PQclear(res);
    return s;
  }

  Status ResultError(PGresult* res) {
    const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    return StatusFromSqlState(state ? state : "", PQresultErrorMessage(res));
  }

  PGconn* conn_;
  std::size_t columns_;
  std::string copy_;  // the COPY statement
  std::string buffer_;
  std::string staging_;    // kSkip: the temporary table rows are copied into
  std::string move_over_;  // kSkip: the statement moving them into the real table
  std::int64_t rows_ = 0;
  std::int64_t inserted_ = 0;
  bool finished_ = false;
  Status status_;
};

}  // namespace

void PrepareSqliteLibrary() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Fails (harmlessly: serialized mode stays) when SQLite was already initialized.
    if (sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD) != SQLITE_OK) {
      spdlog::debug("SQLite was initialized before Zhiliang configured it; serialized mode kept");
    }
  });
}

void SetUpConnection(soci::session& sql, const DatabaseUrl& url) {
  if (url.backend == Backend::kSqlite) {
    sql << "PRAGMA foreign_keys = ON";
    sql << "PRAGMA synchronous = NORMAL";
    // 64 MiB of page cache per connection (default 2 MiB): a bulk load of 200,000 rows
    // then stays in memory until commit instead of spilling to the WAL (7.8 s -> 5.0 s).
    sql << "PRAGMA cache_size = -65536";
    if (!url.in_memory()) {
      std::string mode;
      sql << "PRAGMA journal_mode = WAL", soci::into(mode);
    }
  } else {
    sql << "SET client_min_messages = warning";
  }
}

ForeignKeysOff::ForeignKeysOff(soci::session& sql, Backend backend) {
  if (backend != Backend::kSqlite) return;
  sql << "PRAGMA foreign_keys = OFF";
  sql_ = &sql;
}

ForeignKeysOff::~ForeignKeysOff() {
  if (sql_ == nullptr || sql_->get_backend() == nullptr) return;
  sqlite_api::sqlite3* db = SqliteConnection(*sql_);
  // The pragma is a no-op inside a transaction: end one left open by a failed rollback.
  if (sqlite_api::sqlite3_get_autocommit(db) == 0) {
    sqlite_api::sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  sqlite_api::sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
  int on = 0;
  sqlite_api::sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FKEY, -1, &on);
  if (on == 1) return;
  spdlog::error("could not switch foreign keys on again after a bulk write; closing the session");
  try {
    sql_->close();
  } catch (const std::exception&) {
    // Closed or not, the pool reopens a session without a backend before its next use.
  }
}

void BeginWrite(soci::session& sql, Backend backend) {
  if (backend == Backend::kSqlite) {
    sql << "BEGIN IMMEDIATE";  // take the write lock now, not at the first write
  } else {
    sql.begin();
  }
}

void LockForMigration(soci::session& sql, Backend backend) {
  if (backend == Backend::kPostgres) {
    sql << "SELECT pg_advisory_xact_lock(7203581940)";  // any constant, the same everywhere
  }
}

bool ConnectionLost(soci::session& sql, Backend backend) {
  if (sql.get_backend() == nullptr) return true;  // a reconnect failed earlier
  if (backend != Backend::kPostgres) return false;
  PGconn* conn = PgConnection(sql);
  return conn == nullptr || PQstatus(conn) == CONNECTION_BAD;
}

std::unique_ptr<BulkWriter> BulkWriter::Create(soci::session& sql, Backend backend,
                                               std::string table, std::vector<std::string> columns,
                                               OnConflict on_conflict) {
  if (backend == Backend::kPostgres) {
    return std::make_unique<PostgresBulkWriter>(sql, table, columns, on_conflict);
  }
  return std::make_unique<SqliteBulkWriter>(sql, std::move(table), std::move(columns), on_conflict);
}

Backend BackendOf(soci::session& sql) {
  return sql.get_backend_name() == "postgresql" ? Backend::kPostgres : Backend::kSqlite;
}

}  // namespace zl::store::dialect
