// Hand-built .xlsx files for tests and benchmarks, and reading written ones back: a zip written
// with minizip's zip.h around whatever sheet XML a test needs, including things TableWriter never
// writes (shared strings, rich text, date styles, gaps, a DOCTYPE).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/result.h"

namespace zl::sheet::testing {

// A zip archive (deflated) holding `entries` as (name, content) in that order.
Result<std::string> BuildZip(const std::vector<std::pair<std::string, std::string>>& entries);

struct XlsxParts {
  std::string sheet_data;      // the inside of <sheetData>, e.g. <row r="1">...</row>
  std::string sheet_xml;       // when set, the whole sheet part instead
  std::string shared_strings;  // the inside of <sst>; no sharedStrings.xml when empty
  std::string styles;          // the inside of <styleSheet>; no styles.xml when empty
  bool date1904 = false;
};

// A minimal workbook with one worksheet, "xl/worksheets/sheet1.xml".
Result<std::string> BuildXlsx(const XlsxParts& parts);

// Reading back what a writer made: one zip entry whole (InvalidArgument when it is missing),
// and the sheets' names in tab order from xl/workbook.xml (empty when the file is no .xlsx).
Result<std::string> ZipEntry(const std::string& zip_bytes, const std::string& name);
std::vector<std::string> XlsxSheetNames(const std::string& xlsx_bytes);

}  // namespace zl::sheet::testing
