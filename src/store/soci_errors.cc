// StatusFromException: inspects SOCI's backend-specific error types.
#include "store/soci_errors.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <string>

namespace zl::store {

namespace {

std::string Prefixed(std::string_view context, std::string_view message) {
  std::string out(context);
  if (!out.empty()) out += ": ";
  // SOCI appends the statement text after " while executing"; keep only the driver's words.
  std::size_t cut = message.find(" while executing");
  out += message.substr(0, cut);
  return out;
}

}  // namespace

Status StatusFromException(const std::exception& e, std::string_view context) {
  std::string_view what = e.what();
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    int code = lite->result() & 0xff;  // primary result code
    if (code == 19) {                  // SQLITE_CONSTRAINT
      if (what.find("UNIQUE") != std::string_view::npos ||
          what.find("PRIMARY KEY") != std::string_view::npos) {
        return Status::AlreadyExists(Prefixed(context, what));
      }
      return Status::FailedPrecondition(Prefixed(context, what));
    }
    if (code == 5 || code == 6) return Status::Unavailable(Prefixed(context, what));  // BUSY
    if (code == 14) return Status::Unavailable(Prefixed(context, what));              // CANTOPEN
    return Status::Internal(Prefixed(context, what));
  }
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    std::string state = pg->sqlstate();
    if (state == "23505") return Status::AlreadyExists(Prefixed(context, what));
    if (state.rfind("23", 0) == 0) return Status::FailedPrecondition(Prefixed(context, what));
    if (state.rfind("08", 0) == 0 || state == "57P01") {
      return Status::Unavailable(Prefixed(context, what));
    }
    return Status::Internal(Prefixed(context, what));
  }
  if (const auto* soci_error = dynamic_cast<const soci::soci_error*>(&e)) {
    if (soci_error->get_error_category() == soci::soci_error::connection_error ||
        what.find("Cannot establish connection") != std::string_view::npos ||
        what.find("connection") != std::string_view::npos) {
      return Status::Unavailable(Prefixed(context, what));
    }
  }
  return Status::Internal(Prefixed(context, what));
}

}  // namespace zl::store
