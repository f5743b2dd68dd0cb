// A streaming RFC 4180 CSV reader over UTF-8 text, for bulk imports of spreadsheets.
//
// Records are read one at a time from a view of the text (which must outlive the reader), so a
// large file is never held twice as rows. Fields may be quoted with '"'; inside quotes, "" is a
// literal quote and commas and line breaks are data. Lines end in "\r\n", "\n" or a lone "\r";
// the last line need not end at all. The reader does not check field counts: a record with more
// or fewer fields than the header is returned as is, for the caller to report.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace zl {

class CsvReader {
 public:
  explicit CsvReader(std::string_view utf8_text);

  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record into `fields` (replacing its contents) and returns true; returns
  // false at the end of the text or on an error. A blank line is a record with no fields, so
  // the caller can report "empty line" with its number; "" on a line of its own is one empty
  // field. Errors (an unterminated quoted field, a quote inside an unquoted field, text after
  // a closing quote) set status() to InvalidArgument with a message that begins "line N: ";
  // every later call returns false.
  bool Next(std::vector<std::string>& fields);

  // The 1-based line on which the record last returned by Next (or the one that failed)
  // started; a quoted field can make a record span several lines. 0 before the first Next.
  int line() const { return record_line_; }

  // OK unless Next has met malformed input.
  const Status& status() const { return status_; }

 private:
  // Reads a quoted field starting at the opening quote into `out`; false on error.
  bool ReadQuoted(std::string& out);
  // Reads an unquoted field into `out`; false on error.
  bool ReadUnquoted(std::string& out);
  // True at the end of the text or at a line break.
  bool AtRecordEnd() const;
  // Consumes one line break ("\r\n", "\n" or "\r") if there is one.
  void SkipLineBreak();
  bool Fail(int line, std::string_view what);

  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;         // line of text_[pos_]
  int record_line_ = 0;  // line where the current record started
  Status status_;
};

}  // namespace zl
