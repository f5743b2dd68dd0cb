// The RFC 4180 state machine behind csv_reader.h: a field at a time, copying only field text.
#include "base/csv_reader.h"

#include <fmt/format.h>

namespace zl {

CsvReader::CsvReader(std::string_view utf8_text) : text_(utf8_text) {}

bool CsvReader::Next(std::vector<std::string>& fields) {
  size_t count = 0;
  // Reuses the strings already in `fields` so a loop over a big file does not reallocate.
  auto next_field = [&]() -> std::string& {
    if (count == fields.size()) fields.emplace_back();
    std::string& f = fields[count++];
    f.clear();
    return f;
  };

  if (!status_.ok() || pos_ >= text_.size()) {
    fields.clear();
    return false;
  }
  record_line_ = line_;
  if (!AtRecordEnd()) {
    while (true) {
      std::string& field = next_field();
      const bool ok = text_[pos_] == '"' ? ReadQuoted(field) : ReadUnquoted(field);
      if (!ok) {
        fields.clear();
        return false;
      }
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        if (AtRecordEnd()) {  // a trailing comma ends with an empty field
          next_field();
          break;
        }
        continue;
      }
      break;  // AtRecordEnd(): ReadQuoted and ReadUnquoted stop only at ',' or there
    }
  }
  SkipLineBreak();
  fields.resize(count);
  return true;
}

bool CsvReader::ReadQuoted(std::string& out) {
  const int start_line = line_;
  ++pos_;  // the opening quote
  while (true) {
    const size_t quote = text_.find('"', pos_);
    if (quote == std::string_view::npos) {
      return Fail(start_line, "unterminated quoted field (a '\"' is missing)");
    }
    const std::string_view chunk = text_.substr(pos_, quote - pos_);
    for (size_t i = 0; i < chunk.size(); ++i) {  // count line breaks inside the quotes
      if (chunk[i] == '\n' ||
          (chunk[i] == '\r' && (i + 1 == chunk.size() || chunk[i + 1] != '\n'))) {
        ++line_;
      }
    }
    out.append(chunk);
    pos_ = quote + 1;
    if (pos_ < text_.size() && text_[pos_] == '"') {  // "" is a literal quote
      out.push_back('"');
      ++pos_;
      continue;
    }
    if (pos_ < text_.size() && text_[pos_] != ',' && !AtRecordEnd()) {
      return Fail(line_, "unexpected text after a closing quote (write \"\" for a quote)");
    }
    return true;
  }
}

bool CsvReader::ReadUnquoted(std::string& out) {
  const size_t end = text_.find_first_of(",\r\n\"", pos_);
  const size_t stop = end == std::string_view::npos ? text_.size() : end;
  if (stop < text_.size() && text_[stop] == '"') {
    return Fail(line_, "a '\"' inside an unquoted field (quote the whole field and write \"\")");
  }
  out.assign(text_.substr(pos_, stop - pos_));
  pos_ = stop;
  return true;
}

bool CsvReader::AtRecordEnd() const {
  return pos_ >= text_.size() || text_[pos_] == '\n' || text_[pos_] == '\r';
}

void CsvReader::SkipLineBreak() {
  if (pos_ >= text_.size()) return;
  if (text_[pos_] == '\r') {
    ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
  } else if (text_[pos_] == '\n') {
    ++pos_;
    ++line_;
  }
}

bool CsvReader::Fail(int line, std::string_view what) {
  status_ = Status::InvalidArgument(fmt::format("line {}: {}", line, what));
  return false;
}

}  // namespace zl
