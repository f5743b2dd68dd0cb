// Versioned schema migrations, compiled into the binary.
//
// Each migration is a numbered SQL file in src/store/migrations/ ("0001_enterprise.sql"),
// written once for both backends; where PostgreSQL needs different SQL, a variant file
// "0001_enterprise.postgresql.sql" stands beside it and is used instead. A common file spells
// a generated 64-bit key column "$ID_PRIMARY_KEY" (INTEGER PRIMARY KEY on SQLite, an identity
// column on PostgreSQL). The table
// schema_migrations records what ran. Each migration runs in its own transaction, so a
// failed one leaves the database at the previous version. Running twice changes nothing.
#pragma once

#include <climits>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/database_url.h"

namespace zl::store {

class Database;

struct Migration {
  int version = 0;
  std::string name;  // file name without the version and extension, e.g. "enterprise"
  std::string sql;   // the text for the database's backend
};

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;  // "0001_enterprise", ...
};

// The migrations for `backend`, in version order. Fails if a version has a variant for one
// backend but neither a common file nor a variant for the other.
Result<std::vector<Migration>> MigrationsFor(Backend backend);

// Applies every migration newer than the database's current version (and, for tests of an
// upgrade, not newer than `up_to_version`).
Result<MigrationReport> ApplyMigrations(Database& db, int up_to_version = INT_MAX);

// Splits a migration file into statements: a statement ends with ';' at the end of a line,
// except inside a block opened by a line ending in BEGIN (trigger bodies), which ends at a
// line "END;". Comment lines ("--") are dropped.
std::vector<std::string> SplitSqlStatements(const std::string& sql);

}  // namespace zl::store
