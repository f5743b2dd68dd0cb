// Parsing Chinese and Arabic numerals for chinese_number.h.
#include "plan/chinese_number.h"

#include <cmath>

namespace zl::plan {
namespace {

// 0–9 for a digit character, -1 otherwise.
int DigitValue(char32_t c) {
  switch (c) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
    case U'壹':
      return 1;
    case U'二':
    case U'两':
    case U'贰':
      return 2;
    case U'三':
    case U'叁':
      return 3;
    case U'四':
    case U'肆':
      return 4;
    case U'五':
    case U'伍':
      return 5;
    case U'六':
    case U'陆':
      return 6;
    case U'七':
    case U'柒':
      return 7;
    case U'八':
    case U'捌':
      return 8;
    case U'九':
    case U'玖':
      return 9;
    default:
      return -1;
  }
}

// 10, 100, 1000 for 十百千 (and 拾佰仟), 1e4 and 1e8 for 万 and 亿, 0 otherwise.
double MultiplierValue(char32_t c) {
  switch (c) {
    case U'十':
    case U'拾':
      return 10;
    case U'百':
    case U'佰':
      return 100;
    case U'千':
    case U'仟':
      return 1000;
    case U'万':
      return 1e4;
    case U'亿':
      return 1e8;
    default:
      return 0;
  }
}

int AsciiDigit(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}

}  // namespace

bool IsChineseNumeralChar(char32_t c) { return DigitValue(c) >= 0 || MultiplierValue(c) > 0; }

std::optional<double> ParseChineseNumeral(std::u32string_view text) {
  if (text.empty()) return std::nullopt;
  double result = 0;   // everything above the current 万 section
  double section = 0;  // the current section below 万
  double number = 0;   // the pending digit
  bool pending = false;
  bool last_was_digit = false;
  bool last_was_zero = false;
  bool any_multiplier = false;
  for (char32_t c : text) {
    const int d = DigitValue(c);
    if (d >= 0) {
      // "三四" (three or four) and "二〇一四" (a year read digit by digit) are not numbers.
      if (last_was_digit && !last_was_zero && d != 0) return std::nullopt;
      number = d;
      pending = true;
      last_was_digit = true;
      last_was_zero = d == 0;
      continue;
    }
    const double m = MultiplierValue(c);
    if (m == 0) return std::nullopt;
    any_multiplier = true;
    if (m < 1e4) {
      // A leading 十/百/千 stands for one of it: "十五" = 15, "千" = 1000.
      section += (pending ? number : 1) * m;
    } else {
      const double below = section + (pending ? number : 0);
      if (below == 0 && result == 0) return std::nullopt;  // a bare 万 or 亿
      if (m == 1e4) {
        result += below * m;
      } else {
        result = (result + below) * m;
      }
      section = 0;
    }
    number = 0;
    pending = false;
    last_was_digit = false;
    last_was_zero = false;
  }
  if (!any_multiplier && text.size() > 1) return std::nullopt;
  return result + section + (pending ? number : 0);
}

std::string ChineseNumeral(int n) {
  static constexpr const char* kDigits[] = {"零", "一", "二", "三", "四",
                                            "五", "六", "七", "八", "九"};
  if (n < 1 || n > 99) return std::to_string(n);
  if (n < 10) return kDigits[n];
  std::string out = n >= 20 ? std::string(kDigits[n / 10]) + "十" : std::string("十");
  if (n % 10 != 0) out += kDigits[n % 10];
  return out;
}

std::optional<NumberMatch> MatchNumber(std::u32string_view text, size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  NumberMatch m;
  if (AsciiDigit(text[pos]) >= 0) {
    size_t i = pos;
    double value = 0;
    while (i < text.size()) {
      if (AsciiDigit(text[i]) >= 0) {
        value = value * 10 + AsciiDigit(text[i]);
        ++i;
      } else if (text[i] == U',' && i + 3 < text.size() && AsciiDigit(text[i + 1]) >= 0 &&
                 AsciiDigit(text[i + 2]) >= 0 && AsciiDigit(text[i + 3]) >= 0 &&
                 (i + 4 >= text.size() || AsciiDigit(text[i + 4]) < 0)) {
        ++i;  // "1,500": a thousands separator
      } else {
        break;
      }
    }
    if (i + 1 < text.size() && (text[i] == U'.' || text[i] == U'．') &&
        AsciiDigit(text[i + 1]) >= 0) {
      double scale = 0.1;
      for (++i; i < text.size() && AsciiDigit(text[i]) >= 0; ++i, scale /= 10) {
        value += AsciiDigit(text[i]) * scale;
      }
    }
    if (i < text.size() && MultiplierValue(text[i]) >= 100) {
      m.multiplier = MultiplierValue(text[i]);
      value *= m.multiplier;
      ++i;
    }
    m.value = value;
    m.length = i - pos;
    return m;
  }
  if (!IsChineseNumeralChar(text[pos])) return std::nullopt;
  size_t end = pos;
  while (end < text.size() && IsChineseNumeralChar(text[end])) ++end;
  std::optional<double> value = ParseChineseNumeral(text.substr(pos, end - pos));
  if (!value) return std::nullopt;
  m.value = *value;
  m.length = end - pos;
  m.chinese = true;
  const double last = MultiplierValue(text[end - 1]);
  if (last >= 1e4 && end - pos > 1) m.multiplier = last;
  return m;
}

}  // namespace zl::plan
