// Reading the small tab-separated data files the domain ships (data/regions/*.tsv,
// data/industries.tsv): `#` comment lines and blank lines are skipped, the header row is
// checked, and each row must have exactly the header's number of columns.
#pragma once

#include <string_view>
#include <vector>

#include "base/result.h"

namespace zl::domain {

struct TsvRow {
  int line = 0;                          // 1-based line number in the file, for errors
  std::vector<std::string_view> fields;  // views into the text; '\r' and spaces trimmed
};

// `header` is the expected first row, e.g. "code\tname_zh\tname_en". Fails with
// InvalidArgument "<source>:<line>: …" when the header is missing or a row has the wrong
// number of fields.
Result<std::vector<TsvRow>> ParseTsv(std::string_view text, std::string_view header,
                                     std::string_view source);

}  // namespace zl::domain
