// A plan document as paragraphs, and the headings that start its parts ("一、") and items
// ("（一）" or "(一)"). A paragraph is a line, except that in a text file a line wrapped by hand
// is joined to the next one: it does not end a sentence, it is not short (a title or a heading
// is), the next line is not indented, not a heading and not wider than it, and no blank line
// comes between. Each paragraph remembers the line numbers it came from, for warnings.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zl::plan {

struct Paragraph {
  std::u32string text;                        // trimmed; wrapped lines joined without a separator
  std::vector<std::pair<size_t, int>> lines;  // (offset in text, 1-based line number)

  int line() const { return lines.front().second; }
  // The line the character at `offset` came from.
  int LineAt(size_t offset) const;
};

// Splits at "\n", "\r\n", "\r", U+2028 and U+2029; blank lines only separate. With
// `lines_are_paragraphs` (a .docx) no lines are joined.
std::vector<Paragraph> SplitParagraphs(std::u32string_view text, bool lines_are_paragraphs);

enum class HeadingKind { kNone, kPart, kItem };

struct Heading {
  HeadingKind kind = HeadingKind::kNone;
  std::u32string number;  // "三", without "、" or the parentheses
  int value = 0;          // 3
  size_t body = 0;        // where the text after the heading mark starts
};

// "一、…" (also "一．") is a part, "（一）…" or "(一)…" an item; the numeral must be a
// well-formed Chinese number below 100.
Heading ReadHeading(std::u32string_view paragraph);

}  // namespace zl::plan
