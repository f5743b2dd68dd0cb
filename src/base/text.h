// Text helpers for what people type and paste: Unicode normalisation (NFKC folds full-width
// letters and digits to ASCII), trimming of every kind of space Chinese text uses, and the
// canonical form of identifiers such as USCCs. Everything takes and returns UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zl {

// Unicode NFKC. Full-width ASCII ("ＡＢ１２") becomes ASCII ("AB12"), the ideographic space
// U+3000 and NBSP become U+0020, and CJK text is otherwise unchanged. Ill-formed UTF-8 is
// replaced by U+FFFD. Pure-ASCII input is returned as is without calling ICU.
std::string NormalizeNfkc(std::string_view utf8);

// Removes leading and trailing white space: every Unicode White_Space character (ASCII
// space, tab, CR, LF, NBSP U+00A0, ideographic space U+3000, …) plus the zero-width space
// U+200B and the byte-order mark U+FEFF, which arrive with pasted and exported text.
std::string TrimSpace(std::string_view utf8);

// The canonical form of a code typed by a person (USCC, region code, industry code):
// NFKC, then all white space and dashes (ASCII '-', U+2010–U+2015, U+2212) removed anywhere,
// then ASCII letters upper-cased. "９１１３ ０１００-ma0c１２３４０９" → "91130100MA0C123409".
std::string NormalizeCode(std::string_view utf8);

// ASCII letters lower-cased, everything else (Chinese included) unchanged: for codes and
// keywords people type in either case ("Penalty", "GOOD").
std::string AsciiLower(std::string_view text);
// ASCII letters upper-cased ("aa" -> "AA" for grades), everything else unchanged.
std::string AsciiUpper(std::string_view text);

// Number of Unicode code points; each byte of an ill-formed sequence counts as one.
size_t CountCodePoints(std::string_view utf8);

// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or values > U+10FFFF).
bool IsValidUtf8(std::string_view s);

// A stored list: "a, b,,c" → {"a", "b", "c"} (items trimmed, empty ones dropped), and back:
// {"a", "b"} → "a,b". Comma-separated by default; lists whose items may hold commas (a plan's
// measures, unit names) are stored one per line with '\n'.
std::vector<std::string> SplitList(std::string_view text, char separator = ',');
std::string JoinList(const std::vector<std::string>& items, char separator = ',');

}  // namespace zl
