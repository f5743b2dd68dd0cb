// Writes test workbooks through minizip's zip.h into a temporary file and reads them back.
#include "sheet/xlsx_test_util.h"

#include <fmt/format.h>
#include <minizip/zip.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

#include "sheet/xlsx_zip.h"

namespace zl::sheet::testing {

Result<std::string> BuildZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  const char* dir = std::getenv("TMPDIR");
  std::string path = fmt::format("{}/zl-sheet-test-XXXXXX", dir && *dir ? dir : "/tmp");
  const int fd = ::mkstemp(path.data());
  if (fd < 0) return Status::IoError("mkstemp failed");
  ::close(fd);
  zipFile zip = zipOpen(path.c_str(), APPEND_STATUS_CREATE);
  if (zip == nullptr) return Status::IoError("zipOpen failed");
  for (const auto& [name, content] : entries) {
    zip_fileinfo info{};
    if (zipOpenNewFileInZip(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                            Z_DEFAULT_COMPRESSION) != ZIP_OK ||
        zipWriteInFileInZip(zip, content.data(), static_cast<unsigned>(content.size())) != ZIP_OK ||
        zipCloseFileInZip(zip) != ZIP_OK) {
      zipClose(zip, nullptr);
      ::unlink(path.c_str());
      return Status::IoError("writing a zip entry failed");
    }
  }
  zipClose(zip, nullptr);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  ::unlink(path.c_str());
  return std::move(bytes).str();
}

Result<std::string> BuildXlsx(const XlsxParts& parts) {
  constexpr std::string_view kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  constexpr std::string_view kRel =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::string workbook_rels = fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="{0}/worksheet" Target="worksheets/sheet1.xml"/>)",
      kRel);
  std::vector<std::pair<std::string, std::string>> entries = {
      {"[Content_Types].xml",
       R"(<?xml version="1.0" encoding="UTF-8"?>)"
       R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
      {"_rels/.rels",
       fmt::format(
           R"(<?xml version="1.0" encoding="UTF-8"?>)"
           R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
           R"(<Relationship Id="rId1" Type="{}/officeDocument" Target="xl/workbook.xml"/>)"
           R"(</Relationships>)",
           kRel)},
      {"xl/workbook.xml",
       fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{}" xmlns:r="{}">)"
                   R"(<workbookPr date1904="{}"/><sheets>)"
                   R"(<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)",
                   kMain, kRel, parts.date1904 ? 1 : 0)},
      {"xl/worksheets/sheet1.xml",
       !parts.sheet_xml.empty()
           ? parts.sheet_xml
           : fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{}">)"
                         R"(<sheetData>{}</sheetData></worksheet>)",
                         kMain, parts.sheet_data)},
  };
  if (!parts.shared_strings.empty()) {
    workbook_rels += fmt::format(
        R"(<Relationship Id="rId2" Type="{}/sharedStrings" Target="sharedStrings.xml"/>)", kRel);
    entries.emplace_back("xl/sharedStrings.xml",
                         fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{}">)"
                                     R"({}</sst>)",
                                     kMain, parts.shared_strings));
  }
  if (!parts.styles.empty()) {
    workbook_rels +=
        fmt::format(R"(<Relationship Id="rId3" Type="{}/styles" Target="styles.xml"/>)", kRel);
    entries.emplace_back(
        "xl/styles.xml",
        fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{}">)"
                    R"({}</styleSheet>)",
                    kMain, parts.styles));
  }
  entries.emplace_back("xl/_rels/workbook.xml.rels", workbook_rels + "</Relationships>");
  return BuildZip(entries);
}

Result<std::string> ZipEntry(const std::string& zip_bytes, const std::string& name) {
  ZL_ASSIGN_OR_RETURN(std::unique_ptr<ZipArchive> zip, ZipArchive::Open(zip_bytes));
  ZL_RETURN_IF_ERROR(zip->OpenEntry(name, std::uint64_t{1} << 28));
  std::string out, chunk(1 << 16, '\0');
  for (;;) {
    ZL_ASSIGN_OR_RETURN(size_t n, zip->Read(chunk.data(), chunk.size()));
    if (n == 0) return out;
    out.append(chunk.data(), n);
  }
}

std::vector<std::string> XlsxSheetNames(const std::string& xlsx_bytes) {
  Result<std::string> workbook = ZipEntry(xlsx_bytes, "xl/workbook.xml");
  std::vector<std::string> names;
  if (!workbook.ok()) return names;
  const std::regex sheet("<sheet name=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(workbook->begin(), workbook->end(), sheet);
       it != std::sregex_iterator(); ++it) {
    names.push_back((*it)[1]);
  }
  return names;
}

}  // namespace zl::sheet::testing
