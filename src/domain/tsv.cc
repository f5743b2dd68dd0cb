// ParseTsv: the tab-separated format of the domain's data files.
#include "domain/tsv.h"

#include <fmt/format.h>

namespace zl::domain {

namespace {

std::string_view Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \r");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \r") - b + 1);
}

std::vector<std::string_view> Split(std::string_view line) {
  std::vector<std::string_view> out;
  for (size_t start = 0;;) {
    const size_t tab = line.find('\t', start);
    out.push_back(Trim(line.substr(start, tab - start)));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

}  // namespace

Result<std::vector<TsvRow>> ParseTsv(std::string_view text, std::string_view header,
                                     std::string_view source) {
  const size_t columns = Split(header).size();
  std::vector<TsvRow> rows;
  bool seen_header = false;
  int line_no = 0;
  while (!text.empty()) {
    ++line_no;
    const size_t nl = text.find('\n');
    const std::string_view line = Trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (line.empty() || line[0] == '#') continue;
    if (!seen_header) {
      if (line != header) {
        return Status::InvalidArgument(
            fmt::format("{}:{}: expected the header row '{}'", source, line_no, header));
      }
      seen_header = true;
      continue;
    }
    TsvRow row{line_no, Split(line)};
    if (row.fields.size() != columns) {
      return Status::InvalidArgument(fmt::format("{}:{}: expected {} tab-separated fields, got {}",
                                                 source, line_no, columns, row.fields.size()));
    }
    rows.push_back(std::move(row));
  }
  if (!seen_header) {
    return Status::InvalidArgument(fmt::format("{}: no header row '{}'", source, header));
  }
  return rows;
}

}  // namespace zl::domain
