// Writing tables as CSV or .xlsx files, for exports and import error reports.
//
// Every cell is written as text. CSV is UTF-8 with a byte-order mark (so Excel in a Chinese
// locale opens it as UTF-8 rather than GBK), CRLF line ends and RFC 4180 quoting. Against CSV
// formula injection, a cell that begins with '=', '+', '-', '@', a tab or a carriage return
// gets a leading "'" unless it is a plain number such as "-12.5" or "+3" (a negative amount must
// stay a number; no spreadsheet runs a plain number as a formula) or that one character alone
// (a "-" for "none" stays as it is). Readers of the CSV see the "'" as part of the text. The .xlsx
// writer stores cells as strings, which Excel never evaluates, so it needs no such prefix; its
// first row is bold, its column widths follow the content, and it writes rows to disk as they come.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace zl::sheet {

enum class TableFormat { kCsv, kXlsx };

// "csv" or "xlsx"; anything else fails with InvalidArgument on the field "format".
Result<TableFormat> ParseTableFormat(std::string_view name);
// "text/csv; charset=utf-8" or the .xlsx media type.
std::string_view ContentType(TableFormat format);
// "csv" or "xlsx" (no dot).
std::string_view FileExtension(TableFormat format);

class TableWriter {
 public:
  virtual ~TableWriter() = default;

  // Appends a row; the first row is the header (bold in xlsx). Fails with InvalidArgument when
  // an xlsx limit is exceeded (1,048,576 rows, 16,384 columns, 32,767 characters in a cell)
  // and with IoError when the temporary file cannot be written; later calls fail the same way.
  virtual Status AddRow(const std::vector<std::string>& cells) = 0;

  // Ends the table and returns the whole file's bytes. Call once; fails as AddRow does.
  virtual Result<std::string> Finish() = 0;

  // `sheet_name` names the xlsx worksheet (ignored for CSV); it is made acceptable to Excel:
  // []:*?/\ become '_', leading and trailing apostrophes are dropped, it is cut to 31
  // characters, an empty name becomes "Sheet1", and "History" (reserved by Excel) "History_".
  static std::unique_ptr<TableWriter> Create(TableFormat format, std::string sheet_name);
};

}  // namespace zl::sheet
