// WorkbookWriter::Create and the sheet names it makes unique (the writer itself is the .xlsx
// code in xlsx_writer.cc, shared with the single-sheet TableWriter).
#include "sheet/workbook_writer.h"

#include <algorithm>
#include <cctype>

#include "sheet/writers.h"

namespace zl::sheet {
namespace {

std::string Folded(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Taken(const std::string& name, const std::vector<std::string>& taken) {
  const std::string folded = Folded(name);
  return std::any_of(taken.begin(), taken.end(),
                     [&](const std::string& t) { return Folded(t) == folded; });
}

// UTF-16 code units of `s`, which Excel's 31-character limit counts.
std::size_t Units(std::string_view s) {
  std::size_t units = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
  }
  return units;
}

// `s` without its last code point.
void PopCodePoint(std::string& s) {
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty()) s.pop_back();
}

}  // namespace

std::unique_ptr<WorkbookWriter> WorkbookWriter::Create() { return NewXlsxWorkbook(); }

std::string UniqueSheetName(std::string_view name, const std::vector<std::string>& taken) {
  const std::string base = SanitizeSheetName(name);
  if (!Taken(base, taken)) return base;
  for (int n = 2;; ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    std::string stem = base;
    while (!stem.empty() && Units(stem) + suffix.size() > 31) PopCodePoint(stem);
    const std::string candidate = stem + suffix;
    if (!Taken(candidate, taken)) return candidate;
  }
}

}  // namespace zl::sheet
