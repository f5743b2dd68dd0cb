// Parsing of the --db URL that every subcommand takes.
//
//   sqlite:PATH                      an SQLite file (created if missing), e.g. sqlite:zhiliang.db
//   sqlite::memory:                  a private in-memory database (tests; one connection)
//   postgresql://user:pass@host:port/db   PostgreSQL (libpq URI syntax; postgres:// also accepted)
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace zl::store {

enum class Backend { kSqlite, kPostgres };

struct DatabaseUrl {
  Backend backend = Backend::kSqlite;
  std::string target;   // SQLite: the file path (or ":memory:"); PostgreSQL: libpq conninfo
  std::string display;  // the URL with any password replaced by "***", for logs and errors

  bool in_memory() const { return backend == Backend::kSqlite && target == ":memory:"; }

  // Fails with InvalidArgument (field "db") naming what is wrong with the URL.
  static Result<DatabaseUrl> Parse(std::string_view url);
};

const char* BackendName(Backend backend);

}  // namespace zl::store
