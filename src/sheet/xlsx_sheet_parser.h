// Streams the rows of one worksheet part (xl/worksheets/sheetN.xml) out of the zip: expat is
// fed 64 KiB at a time and suspended at each </row>, so the caller pulls one row at a time and
// memory does not grow with the sheet.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "sheet/xlsx_parts.h"
#include "sheet/xlsx_xml.h"
#include "sheet/xlsx_zip.h"

namespace zl::sheet {

class SheetParser : private XmlHandler {
 public:
  // All four must outlive the parser.
  SheetParser(ZipArchive& zip, const SharedStrings& strings, const std::vector<NumberKind>& styles,
              bool date1904);

  // Opens the worksheet part `path` in the zip.
  Status Open(const std::string& path);

  // TableReader::Next for the sheet: the next row with at least one value. Errors are
  // InvalidArgument (field "file") prefixed "row N: ", and stick.
  Result<bool> Next(std::vector<std::string>& cells);
  std::int64_t row() const { return returned_row_; }

 private:
  enum class CellType : std::uint8_t { kNumber, kShared, kInline, kString, kBool, kIsoDate };

  void StartElement(std::string_view name, const char** attrs) override;
  void EndElement(std::string_view name) override;
  void Text(std::string_view text) override;
  void StartRow(const char** attrs);
  void StartCell(const char** attrs);
  void EndCell();
  // Puts `value` at column `col` of the current row, filling any gap with "".
  void Place(std::size_t col, std::string_view value);
  void SetCell(std::size_t i, std::string_view value);

  ZipArchive& zip_;
  const SharedStrings& strings_;
  const std::vector<NumberKind>& styles_;
  const bool date1904_;
  XmlParser parser_;
  Status status_;
  bool suspended_ = false;
  bool done_ = false;

  std::vector<std::string>* target_ = nullptr;  // the caller's cells during Next
  std::size_t count_ = 0;                       // cells of the current row set so far
  std::int64_t row_ = 0;                        // the row being parsed
  std::int64_t returned_row_ = 0;

  bool in_sheet_data_ = false;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool in_v_ = false;
  bool in_is_ = false;
  bool in_t_ = false;
  int rph_depth_ = 0;
  std::int64_t col_ = -1;  // the current (or last) cell's 0-based column
  CellType type_ = CellType::kNumber;
  NumberKind kind_ = NumberKind::kNumber;
  std::string value_;      // the <v> or inline <t> text
  std::string formatted_;  // scratch for numbers
};

}  // namespace zl::sheet
