// Reading tables from uploaded spreadsheet files, CSV or .xlsx, one row at a time.
//
// Bulk imports read hundreds of thousands of rows, so both formats stream: a CSV is decoded
// to UTF-8 once and split record by record, and an .xlsx sheet is inflated and parsed in 64 KiB
// chunks, never held as a whole in memory (only its shared-string table is). Every cell comes
// back as text: an .xlsx number as the shortest text that reads back to the same value
// ("130200", "0.25"), a date-formatted number as "YYYY-MM-DD", a boolean as "TRUE"/"FALSE".
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/text_encoding.h"

namespace zl::sheet {

struct TableOptions {
  std::optional<TextEncoding> encoding;  // CSV only; detected (DetectEncoding) when unset
};

class TableReader {
 public:
  virtual ~TableReader() = default;

  // Reads the next row into `cells` (replacing its contents). Returns true for a row, false at
  // the end. A malformed file fails with InvalidArgument whose message names the row
  // ("row 7: ..."); after a failure the reader stays failed.
  // Blank CSV lines come back as a row with zero cells (the caller reports them). For xlsx,
  // rows absent from the sheet XML are skipped, and so are rows present only for formatting
  // (no cell has a value: Excel writes those for styled or resized rows, and a person cannot
  // tell them from absent ones); row() still reflects the real sheet row number. Trailing
  // empty cells are not returned, gaps before a value are filled with "".
  virtual Result<bool> Next(std::vector<std::string>& cells) = 0;

  // 1-based row number of the row last returned (CSV: the line where the record started;
  // xlsx: the sheet row number r="..."). 0 before the first row.
  virtual std::int64_t row() const = 0;

  // "csv" or "xlsx"
  virtual std::string_view format() const = 0;
};

// Opens `bytes` (the whole file content; the reader keeps it): xlsx when it begins with the
// zip signature "PK\x03\x04", CSV otherwise (decoded to UTF-8 first, per options). Fails with
// InvalidArgument: on field "encoding" when a CSV cannot be decoded; on field "file" for a
// legacy .xls or password-protected workbook (an OLE compound file), a damaged zip, an xlsx
// without a worksheet, a part larger than 1 GiB uncompressed or XML with a DOCTYPE.
Result<std::unique_ptr<TableReader>> OpenTable(std::string bytes, const TableOptions& options = {});

// Reads the file at `path` and calls OpenTable. Fails with NotFound when there is no such
// file and IoError when it cannot be read.
Result<std::unique_ptr<TableReader>> OpenTableFile(const std::string& path,
                                                   const TableOptions& options = {});

}  // namespace zl::sheet
