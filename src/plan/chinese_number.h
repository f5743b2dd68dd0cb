// Numbers as Chinese plans write them: Chinese numerals ("千" = 1000, "三百二十" = 320, "两千" =
// 2000, "十" = 10, "一万五千" = 15000, formal 壹贰叁 too) and Arabic digits in either width with a
// decimal point and a 百/千/万/亿 multiplier ("1.5万" = 15000). Used for item and part numbers
// and for quantitative targets.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zl::plan {

// True for 零〇一二两三四五六七八九十百千万亿 and the formal forms.
bool IsChineseNumeralChar(char32_t c);

// The value of `text` when it is exactly one well-formed Chinese numeral, else nullopt. Digit
// runs without a multiplier ("三四", "二〇一四") and a bare 万 or 亿 are not numbers.
std::optional<double> ParseChineseNumeral(std::u32string_view text);

// 1 → "一", 10 → "十", 12 → "十二", 20 → "二十" (1…99), for messages; the digits otherwise.
std::string ChineseNumeral(int n);

struct NumberMatch {
  double value = 0;
  size_t length = 0;      // characters taken from the text, multiplier included
  double multiplier = 1;  // the trailing 百/千/万/亿 already applied to `value`, or 1
  bool chinese = false;   // written in Chinese numerals
};

// The number that starts at text[pos]: Arabic digits (with a "," thousands separator and a
// decimal point) optionally followed by one multiplier, or the longest run of Chinese numeral
// characters, which must be well-formed. nullopt when there is none.
std::optional<NumberMatch> MatchNumber(std::u32string_view text, size_t pos);

}  // namespace zl::plan
