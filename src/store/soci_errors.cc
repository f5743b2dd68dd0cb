// StatusFromException and friends: inspect SOCI's backend-specific error types.
#include "store/soci_errors.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace zl::store {

namespace {

// SOCI appends the statement text after " while executing"; keep only the driver's words,
// on one line.
std::string Clean(std::string_view context, std::string_view message) {
  std::string out(context);
  if (!out.empty()) out += ": ";
  std::string_view text = message.substr(0, message.find(" while executing"));
  constexpr std::string_view kSociPrefix = "Cannot establish connection to the database. ";
  if (text.substr(0, kSociPrefix.size()) == kSociPrefix) text.remove_prefix(kSociPrefix.size());
  bool space = false;
  for (char c : text) {
    bool blank = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (blank && space) continue;
    out += blank ? ' ' : c;
    space = blank;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

Status StatusFromSqlite(int code, std::string message) {
  switch (code & 0xff) {  // the primary result code
    case 19:              // SQLITE_CONSTRAINT
      if (message.find("UNIQUE") != std::string::npos ||
          message.find("PRIMARY KEY") != std::string::npos) {
        return Status::AlreadyExists(std::move(message));
      }
      return Status::FailedPrecondition(std::move(message));
    case 5:   // SQLITE_BUSY
    case 6:   // SQLITE_LOCKED
    case 14:  // SQLITE_CANTOPEN
      return Status::Unavailable(std::move(message));
    default:
      return Status::Internal(std::move(message));
  }
}

Status StatusFromSqlState(std::string_view state, std::string message) {
  if (state == "23505") return Status::AlreadyExists(std::move(message));
  if (state.substr(0, 2) == "23") return Status::FailedPrecondition(std::move(message));
  // Class 08: connection exceptions; 57P0x: the server is shutting down or terminated us.
  if (state.substr(0, 2) == "08" || state.substr(0, 3) == "57P") {
    return Status::Unavailable(std::move(message));
  }
  return Status::Internal(std::move(message));
}

Status StatusFromException(const std::exception& e, std::string_view context) {
  std::string message = Clean(context, e.what());
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    return StatusFromSqlite(lite->result(), std::move(message));
  }
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    return StatusFromSqlState(pg->sqlstate(), std::move(message));
  }
  if (const auto* soci_error = dynamic_cast<const soci::soci_error*>(&e)) {
    if (soci_error->get_error_category() == soci::soci_error::connection_error ||
        message.find("connection") != std::string::npos) {
      return Status::Unavailable(std::move(message));
    }
  }
  return Status::Internal(std::move(message));
}

}  // namespace zl::store
