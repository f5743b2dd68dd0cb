// Writing several tables into one .xlsx workbook, one worksheet each (a ranking followed by a
// score sheet per city, for instance). Cells are text, as with TableWriter's .xlsx; each
// sheet's first `header_rows` rows are bold and stay in view, its column widths follow the
// content, and rows go to disk as they come. The single-table TableWriter is this with one
// sheet.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace zl::sheet {

class WorkbookWriter {
 public:
  virtual ~WorkbookWriter() = default;

  // Starts a new worksheet; later rows go to it, and earlier sheets are done. `name` is made
  // acceptable as TableWriter::Create describes, and unique in the workbook (Excel compares
  // names without case) by a " (2)", " (3)", … suffix. Fails with IoError when the workbook
  // could not be started.
  virtual Status AddSheet(std::string_view name, int header_rows) = 0;

  // Appends a row to the current sheet (FailedPrecondition before the first AddSheet); the
  // limits and failures are TableWriter::AddRow's, and stick.
  virtual Status AddRow(const std::vector<std::string>& cells) = 0;

  // Ends the workbook and returns the file's bytes; a workbook without sheets gets one empty
  // sheet. Call once; fails as AddRow does.
  virtual Result<std::string> Finish() = 0;

  // An .xlsx workbook (over libxlsxwriter).
  static std::unique_ptr<WorkbookWriter> Create();
};

}  // namespace zl::sheet
