// The parts of an .xlsx file that come before its sheet data: which part is the first
// worksheet (workbook.xml and its relationships), the shared-string table, and which cell
// styles format numbers as dates. Each is streamed through expat from the zip.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "sheet/xlsx_values.h"
#include "sheet/xlsx_zip.h"

namespace zl::sheet {

// No part may inflate to more than this; larger sheets must be split.
inline constexpr std::uint64_t kMaxPartSize = std::uint64_t{1} << 30;

struct WorkbookInfo {
  std::string sheet_path;  // the first worksheet in tab order, e.g. "xl/worksheets/sheet1.xml"
  std::string shared_strings_path;  // empty when the workbook has no shared strings
  std::string styles_path;          // empty when it has no styles
  bool date1904 = false;            // <workbookPr date1904="1"/>: serials count from 1904-01-01
};

// Follows _rels/.rels to the workbook (xl/workbook.xml when absent), then its relationships.
// Fails (InvalidArgument, field "file") when the workbook has no worksheet.
Result<WorkbookInfo> ReadWorkbookInfo(ZipArchive& zip);

// The shared-string table, in one buffer: a sheet of 200,000 rows can have millions.
class SharedStrings {
 public:
  std::size_t size() const { return ends_.size(); }
  // Precondition: i < size().
  std::string_view operator[](std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(begin, ends_[i] - begin);
  }
  void Add(std::string_view s) {
    text_.append(s);
    ends_.push_back(text_.size());
  }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;
};

// Rich-text runs (<r><t>) are concatenated; phonetic guides (<rPh>) are left out.
Result<SharedStrings> ReadSharedStrings(ZipArchive& zip, const std::string& path);

// The NumberKind of each cell style (index = a cell's s="..."), from cellXfs and numFmts.
Result<std::vector<NumberKind>> ReadCellStyles(ZipArchive& zip, const std::string& path);

}  // namespace zl::sheet
