// Validation of one row of an import file: the exact column layouts of the enterprise and
// record files, and the checks each cell must pass (USCC check characters, region and
// industry codes, dates, required fields, known record kinds, consistent polarity and
// severity). Pure functions, no database: whether the enterprise exists and whether the row
// lies in the importer's region are checked by the importer.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "domain/credit_record.h"
#include "domain/enterprise.h"
#include "store/import_tables.h"

namespace zl::credit {

enum class ImportKind { kEnterprises, kRecords };

// "enterprises" | "records"; InvalidArgument on field "kind" otherwise.
Result<ImportKind> ParseImportKind(std::string_view text);
std::string_view ImportKindName(ImportKind kind);

// The header row a file of `kind` must have, in order.
std::span<const std::string_view> ImportColumns(ImportKind kind);

// Checks the header row: every column present, in order, nothing extra. InvalidArgument on
// field "file" naming the first missing, unexpected or misplaced column.
Status CheckHeader(ImportKind kind, const std::vector<std::string>& cells);

// Appends to `errors` one entry per bad cell of data row `row` (1-based file row) and
// returns the parsed value when there is none. `today` bounds dates that cannot be in the
// future. A row with too many cells, or none, is one error for the whole row; missing
// trailing cells count as empty. The cells are consumed (moved from, padded).
std::optional<domain::Enterprise> ParseEnterpriseRow(std::vector<std::string>& cells,
                                                     std::int64_t row, Date today,
                                                     std::vector<store::ImportError>& errors);
std::optional<domain::CreditRecord> ParseRecordRow(std::vector<std::string>& cells,
                                                   std::int64_t row, Date today,
                                                   std::vector<store::ImportError>& errors);

}  // namespace zl::credit
