// Streaming a query's rows on each backend's native API (see row_scan.h).
#include "store/row_scan.h"

#include <charconv>
#include <string>

#include "store/dialect.h"
#include "store/native_handle.h"
#include "store/soci_errors.h"

namespace zl::store {

namespace {

Status ScanSqlite(soci::session& sql, std::string_view query, ScanRow& row, void*& stmt_slot,
                  const std::function<Status(const ScanRow&)>& on_row) {
  sqlite_api::sqlite3* db = SqliteConnection(sql);
  sqlite_api::sqlite3_stmt* stmt = nullptr;
  if (sqlite_api::sqlite3_prepare_v2(db, query.data(), static_cast<int>(query.size()), &stmt,
                                     nullptr) != SQLITE_OK) {
    return StatusFromSqlite(sqlite_api::sqlite3_extended_errcode(db),
                            sqlite_api::sqlite3_errmsg(db));
  }
  stmt_slot = stmt;
  Status status;
  int rc = 0;
  while ((rc = sqlite_api::sqlite3_step(stmt)) == SQLITE_ROW) {
    status = on_row(row);
    if (!status.ok()) break;
  }
  if (status.ok() && rc != SQLITE_DONE) {
    status =
        StatusFromSqlite(sqlite_api::sqlite3_extended_errcode(db), sqlite_api::sqlite3_errmsg(db));
  }
  sqlite_api::sqlite3_finalize(stmt);
  stmt_slot = nullptr;
  return status;
}

Status PgError(PGresult* res) {
  const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
  return StatusFromSqlState(state ? state : "", PQresultErrorMessage(res));
}

Status ScanPostgres(soci::session& sql, std::string_view query, ScanRow& row,
                    const void*& result_slot, const std::function<Status(const ScanRow&)>& on_row) {
  PGconn* conn = PgConnection(sql);
  const std::string text(query);
  if (PQsendQuery(conn, text.c_str()) != 1) return Status::Unavailable(PQerrorMessage(conn));
  PQsetSingleRowMode(conn);
  Status status;
  // Every result must be read, even after an error, before the connection is usable again.
  while (PGresult* res = PQgetResult(conn)) {
    const ExecStatusType state = PQresultStatus(res);
    if (state == PGRES_SINGLE_TUPLE && status.ok()) {
      result_slot = res;
      status = on_row(row);
      result_slot = nullptr;
    } else if (state != PGRES_SINGLE_TUPLE && state != PGRES_TUPLES_OK && status.ok()) {
      status = PgError(res);
    }
    PQclear(res);
  }
  return status;
}

}  // namespace

std::string_view ScanRow::Text(int column) const {
  if (sqlite_stmt_ != nullptr) {
    auto* stmt = static_cast<sqlite_api::sqlite3_stmt*>(sqlite_stmt_);
    const unsigned char* text = sqlite_api::sqlite3_column_text(stmt, column);
    if (text == nullptr) return {};
    return {reinterpret_cast<const char*>(text),
            static_cast<size_t>(sqlite_api::sqlite3_column_bytes(stmt, column))};
  }
  const auto* res = static_cast<const PGresult*>(pg_result_);
  return {PQgetvalue(res, 0, column), static_cast<size_t>(PQgetlength(res, 0, column))};
}

std::int64_t ScanRow::Integer(int column) const {
  if (sqlite_stmt_ != nullptr) {
    return sqlite_api::sqlite3_column_int64(static_cast<sqlite_api::sqlite3_stmt*>(sqlite_stmt_),
                                            column);
  }
  std::string_view text = Text(column);
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

bool ScanRow::IsNull(int column) const {
  if (sqlite_stmt_ != nullptr) {
    return sqlite_api::sqlite3_column_type(static_cast<sqlite_api::sqlite3_stmt*>(sqlite_stmt_),
                                           column) == SQLITE_NULL;
  }
  return PQgetisnull(static_cast<const PGresult*>(pg_result_), 0, column) != 0;
}

Status ScanRows(soci::session& sql, std::string_view query,
                const std::function<Status(const ScanRow&)>& on_row) {
  ScanRow row;
  if (dialect::BackendOf(sql) == Backend::kPostgres) {
    return ScanPostgres(sql, query, row, row.pg_result_, on_row);
  }
  return ScanSqlite(sql, query, row, row.sqlite_stmt_, on_row);
}

}  // namespace zl::store
