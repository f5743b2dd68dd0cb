// Number, date and escape handling for .xlsx cell values (see xlsx_values.h).
#include "sheet/xlsx_values.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "base/date.h"

namespace zl::sheet {
namespace {

constexpr int kSecondsPerDay = 86400;
// 10000-01-01, where ISO dates end, as a serial in the 1900 and the 1904 system.
constexpr double kEndSerial1900 = 2958466;
constexpr double kEndSerial1904 = kEndSerial1900 - 1462;

void AppendNumber(double v, std::string& out) {
  char buf[64];
  if (v == 0) {
    out = "0";  // also for -0
    return;
  }
  if (std::trunc(v) != v || std::fabs(v) >= 1e21) {
    out.assign(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
    return;
  }
  // Whole numbers in plain digits, as Excel's "0" format shows them. Below 2^53 every integer
  // is exact, so its digits are the shortest form; above, the shortest digits are padded with
  // zeros ("1.30181199001011e+17" → "130181199001011000") rather than printed exactly
  // ("...008"), which would invent digits Excel never had. Beyond 1e21 the exponent stays.
  if (std::fabs(v) < 9007199254740992.0) {
    out.assign(buf, std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed).ptr);
    return;
  }
  const char* end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific).ptr;
  const std::string_view sci(buf, static_cast<size_t>(end - buf));  // "-1.2345e+17"
  const size_t e = sci.find('e');
  int exponent = 0;
  std::from_chars(sci.data() + e + 2, end, exponent);  // always "e+NN" here
  out.clear();
  for (char c : sci.substr(0, e)) {
    if (c != '.') out.push_back(c);
  }
  const size_t digits = out.size() - (v < 0 ? 1 : 0);
  out.append(static_cast<size_t>(exponent + 1) - digits, '0');
}

void AppendClock(int seconds, std::string& out) {
  fmt::format_to(std::back_inserter(out), "{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60,
                 seconds % 60);
}

// The date of whole-day `days` since the epoch of the date system.
std::string SerialDate(std::int64_t days, bool date1904) {
  if (date1904) return Date::FromYmd(1904, 1, 1).AddDays(static_cast<int>(days)).ToString();
  // Excel treats 1900 as a leap year (as Lotus 1-2-3 did): serial 60 is 1900-02-29, a day
  // that never was, so serials after it are one day further on than a plain count.
  if (days == 60) return "1900-02-29";
  if (days < 60) return Date::FromYmd(1899, 12, 31).AddDays(static_cast<int>(days)).ToString();
  return Date::FromYmd(1899, 12, 30).AddDays(static_cast<int>(days)).ToString();
}

void AppendUtf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// The UTF-16 code unit of the escape "_xHHHH_" at text[i], or -1 when there is none.
int EscapeAt(std::string_view text, size_t i) {
  if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_') {
    return -1;
  }
  unsigned value = 0;
  const auto r = std::from_chars(text.data() + i + 2, text.data() + i + 6, value, 16);
  return r.ec == std::errc() && r.ptr == text.data() + i + 6 ? static_cast<int>(value) : -1;
}

}  // namespace

NumberKind BuiltinFormatKind(int id) {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) ||
      id == 57 || id == 58) {
    return NumberKind::kDate;
  }
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47) || id == 55 ||
      id == 56) {
    return NumberKind::kTime;
  }
  return id == 22 ? NumberKind::kDateTime : NumberKind::kNumber;
}

NumberKind FormatCodeKind(std::string_view code) {
  bool date = false, time = false, month = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {  // literal text
      const size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {  // escaped, spacing and fill characters
      ++i;
    } else if (c == '[') {  // colour, locale, condition, or elapsed time [h] [mm] [ss]
      const size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      const std::string_view inside = code.substr(i + 1, close - i - 1);
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) {
        time = true;
      }
      i = close;
    } else {
      switch (c | 0x20) {  // ASCII lower case
        case 'd':
        case 'y':
          date = true;
          break;
        case 'h':
        case 's':
          time = true;
          break;
        case 'm':
          month = true;
          break;
      }
    }
  }
  if (date || (month && !time)) return time ? NumberKind::kDateTime : NumberKind::kDate;
  return time ? NumberKind::kTime : NumberKind::kNumber;
}

void FormatNumberCell(std::string_view value, NumberKind kind, bool date1904, std::string& out) {
  double v = 0;
  const auto r = std::from_chars(value.data(), value.data() + value.size(), v);
  if (r.ec != std::errc() || r.ptr != value.data() + value.size() || !std::isfinite(v)) {
    out.assign(value);
    return;
  }
  if (kind == NumberKind::kNumber || v < 0 || v >= (date1904 ? kEndSerial1904 : kEndSerial1900)) {
    AppendNumber(v, out);
    return;
  }
  // Whole seconds, rounded, so that 45000.9999999 (a stored midnight) is the next day.
  const auto total = static_cast<std::int64_t>(std::llround(v * kSecondsPerDay));
  const std::int64_t days = total / kSecondsPerDay;
  const int seconds = static_cast<int>(total % kSecondsPerDay);
  if (kind == NumberKind::kTime && days == 0) {
    out.clear();
    AppendClock(seconds, out);
    return;
  }
  if (!date1904 && days == 0) {  // "1900-01-00" in Excel: no real date
    AppendNumber(v, out);
    return;
  }
  out = SerialDate(days, date1904);
  if (kind != NumberKind::kDate && seconds != 0) {
    out.push_back(' ');
    AppendClock(seconds, out);
  }
}

void DecodeOoxmlEscapes(std::string& text) {
  size_t i = text.find("_x");
  if (i == std::string::npos) return;
  std::string out(text, 0, i);
  while (i < text.size()) {
    const int unit = EscapeAt(text, i);
    if (unit < 0) {
      out.push_back(text[i++]);
      continue;
    }
    i += 7;
    char32_t c = static_cast<char32_t>(unit);
    if (unit >= 0xD800 && unit <= 0xDBFF) {  // a surrogate pair is two escapes
      const int low = EscapeAt(text, i);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + static_cast<char32_t>(low - 0xDC00);
        i += 7;
      } else {
        c = 0xFFFD;
      }
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      c = 0xFFFD;
    }
    AppendUtf8(c, out);
  }
  text = std::move(out);
}

}  // namespace zl::sheet
