// The import history: one import_run row per file processed (committed or refused by
// --strict) and its rejected rows in import_error, so that the error report can be shown and
// downloaded later. Session-level functions for use inside Database::Read/Write.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.h"

namespace soci {
class session;
}

namespace zl::store {

struct ImportRun {
  std::int64_t id = 0;
  std::string kind;          // "enterprises" | "records"
  std::string file_name;     // as given by the uploader; may be ""
  std::string format;        // "csv" | "xlsx"
  std::string actor;         // audit actor label
  std::string actor_region;  // "" for province-wide actors
  bool strict = false;
  bool committed = false;
  std::int64_t accepted = 0, rejected = 0, inserted = 0, updated = 0, unchanged = 0;
  std::string created_at;
};

struct ImportError {
  std::int64_t row = 0;  // 1-based row in the file (the header is row 1)
  std::string column;    // the column's header name, or "" for the whole row
  std::string reason;
};

// Inserts the run (its id is assigned) and returns the id.
Result<std::int64_t> InsertImportRun(soci::session& sql, const ImportRun& run);
// Stores the final counts and the committed flag of run `run.id`.
void UpdateImportRun(soci::session& sql, const ImportRun& run);
// Appends errors, numbered from `first_seq`.
Status AddImportErrors(soci::session& sql, std::int64_t import_id, std::int64_t first_seq,
                       std::span<const ImportError> errors);

Result<std::optional<ImportRun>> FindImportRun(soci::session& sql, std::int64_t id);
// Newest first. `region`: only runs by actors of that region ("" = all).
Result<std::vector<ImportRun>> ListImportRuns(soci::session& sql, const std::string& region,
                                              int limit, std::int64_t offset, std::int64_t& total);
// The run's errors in row order, at most `limit` (-1: all), one at a time to `visit`.
Status ScanImportErrors(soci::session& sql, std::int64_t import_id, std::int64_t limit,
                        const std::function<void(const ImportError&)>& visit);

}  // namespace zl::store
