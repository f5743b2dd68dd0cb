// The .xlsx TableReader: the first worksheet of a workbook, streamed row by row.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "sheet/table_reader.h"

namespace zl::sheet {

// Opens `bytes`, a whole .xlsx file, and reads everything the sheet's cells refer to (shared
// strings, styles). Fails with InvalidArgument (field "file") as OpenTable describes.
Result<std::unique_ptr<TableReader>> OpenXlsx(std::string bytes);

}  // namespace zl::sheet
