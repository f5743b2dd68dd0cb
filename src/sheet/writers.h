// The two TableWriter implementations behind TableWriter::Create, and the helpers their tests
// call directly.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "sheet/table_writer.h"

namespace zl::sheet {

std::unique_ptr<TableWriter> NewCsvWriter();
std::unique_ptr<TableWriter> NewXlsxWriter(std::string sheet_name);

// True for text such as "12", "-12.5", "+3", ".5" or "1e5": a number, not a formula.
bool IsPlainNumber(std::string_view text);

// A worksheet name Excel accepts (see TableWriter::Create).
std::string SanitizeSheetName(std::string_view name);

}  // namespace zl::sheet
