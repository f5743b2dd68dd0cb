// The CSV TableWriter: UTF-8 with a byte-order mark, CRLF, RFC 4180 quoting, and a "'" in
// front of cells a spreadsheet would run as formulas (see table_writer.h).
#include <string_view>

#include "sheet/writers.h"

namespace zl::sheet {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class CsvWriter : public TableWriter {
 public:
  CsvWriter() : out_("\xEF\xBB\xBF") {}

  Status AddRow(const std::vector<std::string>& cells) override {
    if (finished_) return Status::FailedPrecondition("TableWriter::AddRow after Finish");
    if (cells.size() == 1 && cells[0].empty()) {
      out_.append("\"\"");  // one empty cell, not a blank line
    }
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out_.push_back(',');
      AppendField(cells[i]);
    }
    out_.append("\r\n");
    return Status::Ok();
  }

  Result<std::string> Finish() override {
    if (finished_) return Status::FailedPrecondition("TableWriter::Finish called twice");
    finished_ = true;
    return std::move(out_);
  }

 private:
  void AppendField(std::string_view cell) {
    // OWASP's list of formula triggers (a tab or CR first also starts a formula in some
    // spreadsheets' import dialogs). A lone character such as "-" (often "none" in a table)
    // cannot hold a formula and is left alone.
    const bool guard = cell.size() > 1 &&
                       std::string_view("=+-@\t\r").find(cell[0]) != std::string_view::npos &&
                       !IsPlainNumber(cell);
    const bool quote = cell.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quote) out_.push_back('"');
    if (guard) out_.push_back('\'');
    if (quote) {
      for (char c : cell) {
        if (c == '"') out_.push_back('"');
        out_.push_back(c);
      }
      out_.push_back('"');
    } else {
      out_.append(cell);
    }
  }

  std::string out_;
  bool finished_ = false;
};

}  // namespace

bool IsPlainNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits = 0;
  while (i < s.size() && IsDigit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == start) return false;
  }
  return i == s.size();
}

std::unique_ptr<TableWriter> NewCsvWriter() { return std::make_unique<CsvWriter>(); }

}  // namespace zl::sheet
