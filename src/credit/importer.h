// Bulk import of enterprises and credit records from a CSV or .xlsx table (issue #5).
//
// Every row is validated (import_rows.h); a record's enterprise must be in the register, and
// an importer with a regional scope may only touch its own region's enterprises. Valid rows
// are written in one transaction per file — or none when the request is strict and any row
// was rejected. Re-importing a file changes nothing: enterprises are matched by USCC (a row
// equal to the register is "unchanged", a different one updates it) and records by their
// natural key (see domain::CreditRecord::NaturalKey). A row repeated within the file is
// rejected as a duplicate. Each run is kept in the import history with its rejected rows,
// whether it committed or was refused. The file is read and checked on a second thread while
// the calling thread writes (the database session never leaves the caller's thread).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "credit/import_rows.h"
#include "sheet/table_reader.h"
#include "store/import_tables.h"

namespace soci {
class session;
}

namespace zl::store {
class Database;
}

namespace zl::credit {

struct ImportActor {
  std::string label;        // the audit log's actor label ("admin", "cli:root", …)
  std::string region_code;  // "" for province-wide actors; else rows must be in this region
};

struct ImportRequest {
  ImportKind kind = ImportKind::kRecords;
  std::string file_name;
  bool strict = false;
  ImportActor actor;
};

struct ImportReport {
  store::ImportRun run;
  std::vector<store::ImportError> errors;  // the first kReportedErrors, in row order
  std::int64_t errors_total = 0;           // all of them (a row may have several)
};

inline constexpr std::size_t kReportedErrors = 200;
// Errors kept in the import history per run; a file with more keeps the first ones.
inline constexpr std::size_t kStoredErrors = 100000;

// Called inside the transaction that records the run (after the data was written when it
// commits), e.g. to append the audit entry. A failure rolls the whole import back. For record
// imports on SQLite the transaction runs without foreign-key checks (the importer has matched
// every record to the register): a hook must only reference rows it knows exist.
using ImportHook = std::function<Status(soci::session&, const store::ImportRun&)>;

// Reads `reader` (positioned at the start: the first row is the header) and imports it.
// Fails with InvalidArgument (field "file") when the header is wrong or the file cannot be
// read; then nothing is written and no run is recorded. Otherwise returns the report, also
// when rows were rejected or a strict import was refused (run.committed false).
Result<ImportReport> ImportTable(store::Database& db, const ImportRequest& request,
                                 sheet::TableReader& reader, const ImportHook& on_record);

}  // namespace zl::credit
