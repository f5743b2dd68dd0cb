// Hand-built .xlsx files for tests and benchmarks: a zip written with minizip's zip.h around
// whatever sheet XML a test needs, including things TableWriter never writes (shared strings,
// rich text, date styles, gaps, a DOCTYPE).
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

}  // namespace zl::sheet::testing
