// Table formats by name, their media types, and TableWriter::Create.
#include "sheet/table_writer.h"

#include <fmt/format.h>

#include "sheet/writers.h"

namespace zl::sheet {

Result<TableFormat> ParseTableFormat(std::string_view name) {
  if (name == "csv") return TableFormat::kCsv;
  if (name == "xlsx") return TableFormat::kXlsx;
  return Status::InvalidArgument(
      fmt::format("unknown table format \"{}\"; use \"csv\" or \"xlsx\"", name), "format");
}

std::string_view ContentType(TableFormat format) {
  return format == TableFormat::kCsv
             ? "text/csv; charset=utf-8"
             : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

std::string_view FileExtension(TableFormat format) {
  return format == TableFormat::kCsv ? "csv" : "xlsx";
}

std::unique_ptr<TableWriter> TableWriter::Create(TableFormat format, std::string sheet_name) {
  if (format == TableFormat::kCsv) return NewCsvWriter();
  return NewXlsxWriter(std::move(sheet_name));
}

}  // namespace zl::sheet
