// Translation of database errors into Status, in one place for both backends: SOCI
// exceptions, and the native error codes seen on the bulk-load paths.
#pragma once

#include <exception>
#include <string>
#include <string_view>

#include "base/status.h"

namespace zl::store {

// Maps an exception thrown by SOCI (or the standard library underneath) to a Status:
// unique-key violations become AlreadyExists, other constraint failures FailedPrecondition,
// lost or refused connections Unavailable, everything else Internal. `context` says what
// was being done ("applying migration 3").
Status StatusFromException(const std::exception& e, std::string_view context = {});

// The same mapping from an SQLite result code (primary or extended) and its message.
Status StatusFromSqlite(int code, std::string message);

// The same mapping from a PostgreSQL SQLSTATE and its message.
Status StatusFromSqlState(std::string_view sqlstate, std::string message);

}  // namespace zl::store
