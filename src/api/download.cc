// File downloads (see download.h).
#include "api/download.h"

#include "api/params.h"

namespace zl::api {

Result<sheet::TableFormat> DownloadFormat(const http::Request& request) {
  std::string format = TextParam(request, "format");
  return sheet::ParseTableFormat(format.empty() ? "csv" : format);
}

http::Response TableDownload(sheet::TableFormat format, const std::string& file_stem,
                             const std::string& sheet_name,
                             const std::function<Status(sheet::TableWriter&)>& fill) {
  std::unique_ptr<sheet::TableWriter> writer = sheet::TableWriter::Create(format, sheet_name);
  Status filled = fill(*writer);
  if (!filled.ok()) return http::Response::FromStatus(filled);
  Result<std::string> bytes = writer->Finish();
  if (!bytes.ok()) return http::Response::FromStatus(bytes.status());
  http::Response response =
      http::Response::Text(std::move(*bytes), std::string(sheet::ContentType(format)));
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + file_stem + "." +
                                                std::string(sheet::FileExtension(format)) + "\"");
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace zl::api
