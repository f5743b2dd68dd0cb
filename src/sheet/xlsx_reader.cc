// Wires the zip, the workbook parts and the sheet parser into a TableReader.
#include "sheet/xlsx_reader.h"

#include "sheet/xlsx_parts.h"
#include "sheet/xlsx_sheet_parser.h"
#include "sheet/xlsx_zip.h"

namespace zl::sheet {
namespace {

class XlsxTableReader : public TableReader {
 public:
  explicit XlsxTableReader(std::string bytes) : bytes_(std::move(bytes)) {}

  Status Open() {
    ZL_ASSIGN_OR_RETURN(zip_, ZipArchive::Open(bytes_));
    ZL_ASSIGN_OR_RETURN(WorkbookInfo info, ReadWorkbookInfo(*zip_));
    // Some writers leave these parts out of the workbook's relationships.
    if (info.shared_strings_path.empty()) info.shared_strings_path = "xl/sharedStrings.xml";
    if (info.styles_path.empty()) info.styles_path = "xl/styles.xml";
    if (zip_->Has(info.shared_strings_path)) {
      ZL_ASSIGN_OR_RETURN(strings_, ReadSharedStrings(*zip_, info.shared_strings_path));
    }
    if (zip_->Has(info.styles_path)) {
      ZL_ASSIGN_OR_RETURN(styles_, ReadCellStyles(*zip_, info.styles_path));
    }
    sheet_ = std::make_unique<SheetParser>(*zip_, strings_, styles_, info.date1904);
    return sheet_->Open(info.sheet_path);
  }

  Result<bool> Next(std::vector<std::string>& cells) override { return sheet_->Next(cells); }
  std::int64_t row() const override { return sheet_->row(); }
  std::string_view format() const override { return "xlsx"; }

 private:
  // Declared in dependency order: each member refers to those above it.
  std::string bytes_;
  std::unique_ptr<ZipArchive> zip_;
  SharedStrings strings_;
  std::vector<NumberKind> styles_;
  std::unique_ptr<SheetParser> sheet_;
};

}  // namespace

Result<std::unique_ptr<TableReader>> OpenXlsx(std::string bytes) {
  auto reader = std::make_unique<XlsxTableReader>(std::move(bytes));
  ZL_RETURN_IF_ERROR(reader->Open());
  return std::unique_ptr<TableReader>(std::move(reader));
}

}  // namespace zl::sheet
