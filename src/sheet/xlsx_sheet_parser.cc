// The worksheet state machine: <sheetData><row r="5"><c r="C5" t="s" s="2"><v>7</v></c>.
#include "sheet/xlsx_sheet_parser.h"

#include <fmt/format.h>

#include <charconv>

namespace zl::sheet {
namespace {

constexpr std::int64_t kMaxColumns = 16384;  // XFD

bool ParseInt(std::string_view s, std::int64_t& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// The 0-based column of a cell reference such as "C5" ("C" → 2), or -1 when malformed.
std::int64_t ParseColumn(std::string_view ref) {
  std::int64_t col = 0;
  size_t i = 0;
  for (; i < ref.size() && i < 4; ++i) {
    const char c = ref[i];
    if (c >= 'A' && c <= 'Z') {
      col = col * 26 + (c - 'A' + 1);
    } else if (c >= 'a' && c <= 'z') {
      col = col * 26 + (c - 'a' + 1);
    } else {
      break;
    }
  }
  if (i == 0 || col > kMaxColumns) return -1;
  return col - 1;
}

}  // namespace

SheetParser::SheetParser(ZipArchive& zip, const SharedStrings& strings,
                         const std::vector<NumberKind>& styles, bool date1904)
    : zip_(zip), strings_(strings), styles_(styles), date1904_(date1904), parser_(*this) {}

Status SheetParser::Open(const std::string& path) { return zip_.OpenEntry(path, kMaxPartSize); }

Result<bool> SheetParser::Next(std::vector<std::string>& cells) {
  if (!status_.ok()) return status_;
  target_ = &cells;
  count_ = 0;
  while (!done_) {
    Result<XmlParser::Progress> progress = suspended_ ? parser_.Resume() : parser_.ParseChunk(zip_);
    if (!progress.ok()) {
      cells.clear();
      status_ = progress.status().WithContext(fmt::format("row {}: ", in_row_ ? row_ : row_ + 1));
      return status_;
    }
    suspended_ = *progress == XmlParser::Progress::kSuspended;
    if (suspended_ && count_ > 0) {  // a row ended and it has values
      cells.resize(count_);
      returned_row_ = row_;
      return true;
    }
    done_ = *progress == XmlParser::Progress::kDone;
  }
  cells.clear();
  return false;
}

void SheetParser::StartElement(std::string_view name, const char** attrs) {
  if (!in_sheet_data_) {
    in_sheet_data_ = name == "sheetData";
  } else if (in_cell_) {
    if (name == "v") {
      in_v_ = true;
    } else if (name == "is") {
      in_is_ = true;
    } else if (name == "t") {
      in_t_ = in_is_ && rph_depth_ == 0;
    } else if (name == "rPh") {
      ++rph_depth_;
    }
  } else if (name == "c" && in_row_) {
    StartCell(attrs);
  } else if (name == "row") {
    StartRow(attrs);
  }
}

void SheetParser::EndElement(std::string_view name) {
  if (!in_sheet_data_) return;
  if (in_cell_) {
    if (name == "v") {
      in_v_ = false;
    } else if (name == "t") {
      in_t_ = false;
    } else if (name == "is") {
      in_is_ = false;
    } else if (name == "rPh") {
      --rph_depth_;
    } else if (name == "c") {
      EndCell();
    }
  } else if (name == "row" && in_row_) {
    in_row_ = false;
    parser_.Suspend();
  } else if (name == "sheetData") {
    in_sheet_data_ = false;
  }
}

void SheetParser::Text(std::string_view text) {
  if (in_v_ || in_t_) value_.append(text);
}

void SheetParser::StartRow(const char** attrs) {
  in_row_ = true;
  col_ = -1;
  count_ = 0;
  const char* r = FindAttr(attrs, "r");
  if (r == nullptr) {
    ++row_;
    return;
  }
  std::int64_t n = 0;
  if (!ParseInt(r, n) || n < 1) {
    ++row_;
    parser_.Fail(Status::InvalidArgument(fmt::format("r=\"{}\" is not a row number", r), "file"));
    return;
  }
  row_ = n;
}

void SheetParser::StartCell(const char** attrs) {
  in_cell_ = true;
  value_.clear();
  type_ = CellType::kNumber;
  kind_ = NumberKind::kNumber;
  // Attribute names are compared by hand: this runs for every cell.
  for (; attrs[0] != nullptr; attrs += 2) {
    const char* key = attrs[0];
    if (key[0] == '\0' || key[1] != '\0') continue;  // r, t and s are one letter
    const std::string_view v = attrs[1];
    if (key[0] == 'r') {
      const std::int64_t col = ParseColumn(v);
      if (col < 0) {
        parser_.Fail(Status::InvalidArgument(
            fmt::format("cell reference \"{}\" is not a column within A–XFD", v), "file"));
        return;
      }
      col_ = col - 1;  // incremented below, as for a cell without a reference
    } else if (key[0] == 't') {
      if (v == "s") {
        type_ = CellType::kShared;
      } else if (v == "inlineStr") {
        type_ = CellType::kInline;
      } else if (v == "str" || v == "e") {
        type_ = CellType::kString;
      } else if (v == "b") {
        type_ = CellType::kBool;
      } else if (v == "d") {
        type_ = CellType::kIsoDate;
      }
    } else if (key[0] == 's') {
      std::int64_t style = 0;
      if (ParseInt(v, style) && style >= 0 && static_cast<std::uint64_t>(style) < styles_.size()) {
        kind_ = styles_[static_cast<size_t>(style)];
      }
    }
  }
  if (++col_ >= kMaxColumns) {
    parser_.Fail(Status::InvalidArgument("a row has more than 16384 cells", "file"));
  }
}

void SheetParser::EndCell() {
  in_cell_ = in_v_ = in_is_ = in_t_ = false;
  rph_depth_ = 0;
  if (value_.empty()) return;
  std::string_view text = value_;
  switch (type_) {
    case CellType::kShared: {
      std::int64_t index = 0;
      if (!ParseInt(value_, index) || index < 0 ||
          static_cast<std::uint64_t>(index) >= strings_.size()) {
        parser_.Fail(Status::InvalidArgument(
            fmt::format("a cell refers to shared string {} of {}", value_, strings_.size()),
            "file"));
        return;
      }
      text = strings_[static_cast<size_t>(index)];
      break;
    }
    case CellType::kInline:
    case CellType::kString:
      DecodeOoxmlEscapes(value_);
      text = value_;
      break;
    case CellType::kBool:
      text = value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : text;
      break;
    case CellType::kIsoDate:  // "2023-03-15T00:00:00Z" is the date alone
      if (value_.size() > 10 && value_[10] == 'T') {
        if (text.find_first_not_of("0:.Z", 11) == std::string_view::npos) {
          text = text.substr(0, 10);
        } else {
          value_[10] = ' ';
        }
      }
      break;
    case CellType::kNumber:
      FormatNumberCell(value_, kind_, date1904_, formatted_);
      text = formatted_;
      break;
  }
  if (!text.empty()) Place(static_cast<size_t>(col_), text);
}

void SheetParser::Place(std::size_t col, std::string_view value) {
  if (col < count_) {  // out of order: Excel never writes this, but a later cell wins
    (*target_)[col].assign(value);
    return;
  }
  while (count_ < col) SetCell(count_++, {});
  SetCell(count_++, value);
}

void SheetParser::SetCell(std::size_t i, std::string_view value) {
  // Assigns into the caller's strings where it can, so their buffers are reused row to row.
  std::vector<std::string>& cells = *target_;
  if (i < cells.size()) {
    cells[i].assign(value);
  } else {
    cells.emplace_back(value);
  }
}

}  // namespace zl::sheet
