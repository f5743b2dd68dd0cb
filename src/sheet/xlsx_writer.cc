// The .xlsx writers over libxlsxwriter (the WorkbookWriter, and the TableWriter as a workbook
// of one sheet). libxlsxwriter writes only to a named file: the workbook goes to a temporary
// file that Finish reads back and removes. Constant-memory mode streams rows to disk as they
// are added, so a large export does not hold every cell in memory.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "sheet/writers.h"

namespace zl::sheet {
namespace {

constexpr std::uint32_t kMaxRows = 1048576;
constexpr std::size_t kMaxColumns = 16384;
constexpr double kMinWidth = 8, kMaxWidth = 60;

// Columns a text takes in Excel's default font, roughly: CJK and other wide characters
// (three- and four-byte UTF-8) count two.
std::size_t DisplayWidth(std::string_view s) {
  std::size_t width = 0;
  for (unsigned char c : s) {
    if (c < 0x80) {
      ++width;
    } else if (c >= 0xE0) {
      width += 2;
    } else if (c >= 0xC0) {
      ++width;
    }
  }
  return width;
}

std::string TempDir() {
  const char* dir = std::getenv("TMPDIR");
  return dir != nullptr && *dir != '\0' ? dir : "/tmp";
}

// A workbook of one or more sheets (the WorkbookWriter), streamed to a temporary file.
class XlsxBook : public WorkbookWriter {
 public:
  XlsxBook() : tmpdir_(TempDir()) {
    path_ = tmpdir_ + "/zl-sheet-XXXXXX.xlsx";
    const int fd = ::mkstemps(path_.data(), 5);
    if (fd < 0) {
      status_ = Status::IoError(
          fmt::format("cannot create a temporary file in {}: {}", tmpdir_, std::strerror(errno)));
      path_.clear();
      return;
    }
    ::close(fd);
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = tmpdir_.data();
    workbook_ = workbook_new_opt(path_.c_str(), &options);
    if (workbook_ == nullptr) {
      status_ = Status::IoError("libxlsxwriter could not start a workbook");
      return;
    }
    bold_ = workbook_add_format(workbook_);
    if (bold_ == nullptr) {
      status_ = Status::Internal("libxlsxwriter could not add a format");
      return;
    }
    format_set_bold(bold_);
  }

  ~XlsxBook() override {
    if (workbook_ != nullptr) lxw_workbook_free(workbook_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }

  Status AddSheet(std::string_view name, int header_rows) override {
    if (!status_.ok()) return status_;
    if (finished_) return Status::FailedPrecondition("WorkbookWriter::AddSheet after Finish");
    EndSheet();
    const std::string unique = UniqueSheetName(name, names_);
    names_.push_back(unique);
    sheet_ = workbook_add_worksheet(workbook_, unique.c_str());
    if (sheet_ == nullptr) {
      return status_ = Status::Internal("libxlsxwriter could not add the worksheet");
    }
    header_rows_ = static_cast<std::uint32_t>(std::max(header_rows, 0));
    rows_ = 0;
    widths_.clear();
    return Status::Ok();
  }

  Status AddRow(const std::vector<std::string>& cells) override {
    if (!status_.ok()) return status_;
    if (finished_) return Status::FailedPrecondition("TableWriter::AddRow after Finish");
    if (sheet_ == nullptr)
      return Status::FailedPrecondition("WorkbookWriter::AddRow before AddSheet");
    if (rows_ >= kMaxRows) {
      return status_ = Status::InvalidArgument(
                 "an .xlsx sheet holds at most 1,048,576 rows; export fewer rows or use CSV");
    }
    if (cells.size() > kMaxColumns) {
      return status_ = Status::InvalidArgument(
                 fmt::format("row {} has {} cells; an .xlsx sheet holds at most 16,384 columns",
                             rows_ + 1, cells.size()));
    }
    if (widths_.size() < cells.size()) widths_.resize(cells.size(), 0);
    for (std::size_t col = 0; col < cells.size(); ++col) {
      const std::string& text = cells[col];
      if (text.empty()) continue;
      const lxw_error err =
          worksheet_write_string(sheet_, rows_, static_cast<lxw_col_t>(col), text.c_str(),
                                 rows_ < header_rows_ ? bold_ : nullptr);
      if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
        return status_ = Status::InvalidArgument(fmt::format(
                   "row {} column {}: the text is longer than 32,767 characters, the most an "
                   ".xlsx cell holds",
                   rows_ + 1, col + 1));
      }
      if (err != LXW_NO_ERROR) return status_ = Failed("writing a cell", err);
      widths_[col] = std::max(widths_[col], DisplayWidth(text));
    }
    ++rows_;
    return Status::Ok();
  }

  Result<std::string> Finish() override {
    if (!status_.ok()) return status_;
    if (finished_) return Status::FailedPrecondition("TableWriter::Finish called twice");
    if (sheet_ == nullptr) ZL_RETURN_IF_ERROR(AddSheet("Sheet1", 0));
    finished_ = true;
    EndSheet();
    const lxw_error err = workbook_close(workbook_);
    workbook_ = nullptr;  // workbook_close frees it, even on failure
    if (err != LXW_NO_ERROR) return status_ = Failed("writing the file", err);

    std::ifstream in(path_, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) return status_ = Status::IoError(fmt::format("cannot read back {}", path_));
    ::unlink(path_.c_str());
    path_.clear();
    return std::move(bytes).str();
  }

 private:
  static Status Failed(std::string_view what, lxw_error err) {
    return Status::IoError(fmt::format("libxlsxwriter failed {}: {}", what, lxw_strerror(err)));
  }

  // Sets the current sheet's column widths and keeps its header in view.
  void EndSheet() {
    if (sheet_ == nullptr) return;
    for (std::size_t col = 0; col < widths_.size(); ++col) {
      const double width = std::clamp(static_cast<double>(widths_[col]) + 2, kMinWidth, kMaxWidth);
      const auto c = static_cast<lxw_col_t>(col);
      worksheet_set_column(sheet_, c, c, width, nullptr);
    }
    if (header_rows_ > 0 && rows_ > header_rows_) worksheet_freeze_panes(sheet_, header_rows_, 0);
    widths_.clear();
  }

  std::string tmpdir_;
  std::string path_;  // the temporary file; empty once removed
  lxw_workbook* workbook_ = nullptr;
  lxw_format* bold_ = nullptr;
  std::vector<std::string> names_;  // the sheets' names so far
  lxw_worksheet* sheet_ = nullptr;  // the current sheet
  std::uint32_t header_rows_ = 1;
  std::uint32_t rows_ = 0;
  std::vector<std::size_t> widths_;
  bool finished_ = false;
  Status status_;
};

// The .xlsx TableWriter: a workbook of one sheet whose first row is the header.
class XlsxWriter : public TableWriter {
 public:
  explicit XlsxWriter(std::string_view sheet_name) { status_ = book_.AddSheet(sheet_name, 1); }

  Status AddRow(const std::vector<std::string>& cells) override {
    if (!status_.ok()) return status_;
    return book_.AddRow(cells);
  }

  Result<std::string> Finish() override {
    if (!status_.ok()) return status_;
    return book_.Finish();
  }

 private:
  XlsxBook book_;
  Status status_;
};

}  // namespace

std::string SanitizeSheetName(std::string_view name) {
  std::string out;
  std::size_t units = 0;  // UTF-16 code units, which Excel's 31-character limit counts
  for (std::size_t i = 0; i < name.size();) {
    const unsigned char lead = static_cast<unsigned char>(name[i]);
    const std::size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    const std::size_t width = len == 4 ? 2 : 1;
    if (units + width > 31 || i + len > name.size()) break;
    const std::string_view ch = name.substr(i, len);
    const bool forbidden =
        len == 1 &&
        (std::string_view("[]:*?/\\").find(ch[0]) != std::string_view::npos || lead < 0x20);
    out.append(forbidden ? "_" : ch);
    units += width;
    i += len;
  }
  while (!out.empty() && out.front() == '\'') out.erase(0, 1);
  while (!out.empty() && out.back() == '\'') out.pop_back();
  if (out.empty()) return "Sheet1";
  // Excel reserves "History" for its change-tracking sheet.
  std::string lower = out;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "history") out.push_back('_');
  return out;
}

std::unique_ptr<TableWriter> NewXlsxWriter(std::string sheet_name) {
  return std::make_unique<XlsxWriter>(sheet_name);
}

std::unique_ptr<WorkbookWriter> NewXlsxWorkbook() { return std::make_unique<XlsxBook>(); }

}  // namespace zl::sheet
