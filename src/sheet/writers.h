// The writer implementations behind TableWriter::Create and WorkbookWriter::Create, and the
// helpers their tests call directly.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sheet/table_writer.h"
#include "sheet/workbook_writer.h"

namespace zl::sheet {

std::unique_ptr<TableWriter> NewCsvWriter();
std::unique_ptr<TableWriter> NewXlsxWriter(std::string sheet_name);
std::unique_ptr<WorkbookWriter> NewXlsxWorkbook();

// True for text such as "12", "-12.5", "+3", ".5" or "1e5": a number, not a formula.
bool IsPlainNumber(std::string_view text);

// A worksheet name Excel accepts (see TableWriter::Create).
std::string SanitizeSheetName(std::string_view name);
// SanitizeSheetName(name), with " (2)", " (3)", … when a name in `taken` already has it
// (ignoring ASCII case, as Excel does); still at most 31 characters.
std::string UniqueSheetName(std::string_view name, const std::vector<std::string>& taken);

}  // namespace zl::sheet
