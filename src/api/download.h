// File downloads (exports, error reports): a table written as CSV or xlsx and sent as an
// attachment. The format comes from the "format" query parameter (csv by default).
#pragma once

#include <functional>
#include <string>

#include "base/result.h"
#include "http/request.h"
#include "http/response.h"
#include "sheet/table_writer.h"

namespace zl::api {

// The "format" parameter: csv (default) or xlsx; InvalidArgument on field "format".
Result<sheet::TableFormat> DownloadFormat(const http::Request& request);

// Writes the table with `fill` (header row first) and answers it as "<file_stem>.<ext>".
// `file_stem` must be ASCII without quotes (it goes into Content-Disposition).
http::Response TableDownload(sheet::TableFormat format, const std::string& file_stem,
                             const std::string& sheet_name,
                             const std::function<Status(sheet::TableWriter&)>& fill);

}  // namespace zl::api
