// The native connection under a SOCI session, for the few paths that bypass SOCI's per-row
// layer (bulk loads in dialect.cc, full-table scans in row_scan.cc). Include only from .cc
// files in store/: it pulls in both backends' headers.
#pragma once

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace zl::store {

inline PGconn* PgConnection(soci::session& sql) {
  return static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_;
}

inline sqlite_api::sqlite3* SqliteConnection(soci::session& sql) {
  return static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
}

}  // namespace zl::store
