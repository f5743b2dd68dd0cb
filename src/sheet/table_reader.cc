// OpenTable: tells .xlsx from CSV by the first bytes, and the CSV TableReader.
#include "sheet/table_reader.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/csv_reader.h"
#include "sheet/xlsx_reader.h"

namespace zl::sheet {
namespace {

constexpr std::string_view kZipSignature("PK\x03\x04", 4);
constexpr std::string_view kOleSignature("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
constexpr std::string_view kUtf8Bom("\xEF\xBB\xBF", 3);

class CsvTableReader : public TableReader {
 public:
  // `text` is UTF-8 from `offset` on (past a byte-order mark).
  CsvTableReader(std::string text, size_t offset)
      : text_(std::move(text)), reader_(std::string_view(text_).substr(offset)) {}

  Result<bool> Next(std::vector<std::string>& cells) override {
    if (reader_.Next(cells)) return true;
    if (reader_.status().ok()) return false;
    // CsvReader says "line N: ..."; for a table the line where a record starts is its row.
    std::string_view message = reader_.status().message();
    const size_t colon = message.find(": ");
    if (colon != std::string_view::npos) message.remove_prefix(colon + 2);
    return Status::InvalidArgument(fmt::format("row {}: {}", reader_.line(), message),
                                   reader_.status().field());
  }
  std::int64_t row() const override { return reader_.line(); }
  std::string_view format() const override { return "csv"; }

 private:
  std::string text_;  // before reader_, which views it
  CsvReader reader_;
};

Result<std::unique_ptr<TableReader>> OpenCsv(std::string bytes, const TableOptions& options) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return Status::InvalidArgument(
        "the file is UTF-16 text (Excel's \"Unicode text\"); save it as CSV UTF-8 or .xlsx",
        "encoding");
  }
  const TextEncoding encoding = options.encoding.value_or(DetectEncoding(bytes));
  // DetectEncoding says UTF-8 only for well-formed UTF-8, so such bytes are used as they are
  // rather than copied; otherwise DecodeToUtf8 decodes, or says where the bytes are wrong.
  if (encoding == TextEncoding::kUtf8 &&
      (!options.encoding || DetectEncoding(bytes) == TextEncoding::kUtf8)) {
    const size_t offset = bytes.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
    return std::unique_ptr<TableReader>(std::make_unique<CsvTableReader>(std::move(bytes), offset));
  }
  ZL_ASSIGN_OR_RETURN(std::string text, DecodeToUtf8(bytes, encoding));
  bytes = std::string();  // free the original before reading
  return std::unique_ptr<TableReader>(std::make_unique<CsvTableReader>(std::move(text), 0));
}

}  // namespace

Result<std::unique_ptr<TableReader>> OpenTable(std::string bytes, const TableOptions& options) {
  if (bytes.starts_with(kZipSignature)) return OpenXlsx(std::move(bytes));
  if (bytes.starts_with(kOleSignature)) {
    return Status::InvalidArgument(
        "the file is an Excel 97-2003 workbook (.xls) or a password-protected one; save it "
        "without a password as .xlsx or CSV",
        "file");
  }
  return OpenCsv(std::move(bytes), options);
}

Result<std::unique_ptr<TableReader>> OpenTableFile(const std::string& path,
                                                   const TableOptions& options) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) return Status::NotFound(fmt::format("no file at {}", path));
    return Status::IoError(fmt::format("cannot open {}: {}", path, std::strerror(err)));
  }
  std::string bytes;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) bytes.reserve(static_cast<size_t>(st.st_size));
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return Status::IoError(fmt::format("cannot read {}: {}", path, std::strerror(err)));
    }
    bytes.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return OpenTable(std::move(bytes), options);
}

}  // namespace zl::sheet
