// Lines, paragraphs and headings for plan_paragraphs.h.
#include "plan/plan_paragraphs.h"

#include <algorithm>
#include <iterator>
#include <optional>

#include "plan/chinese_number.h"
#include "plan/plan_text.h"

namespace zl::plan {
namespace {

// A line narrower than this (in columns, a Chinese character being two) is a title or a
// heading, not a line wrapped by hand.
constexpr size_t kMinWrappedWidth = 40;
// A wrapped line is as wide as the wrap, so the line after it is not much wider (wrapped by
// columns or by characters; the slack allows for a wide character that did not fit).
constexpr size_t kWrapSlack = 4;

// Display columns: two for a Chinese character, one for ASCII.
size_t Width(std::u32string_view text) {
  size_t w = 0;
  for (char32_t c : text) w += c < 0x1100 ? 1 : 2;
  return w;
}

struct Line {
  std::u32string_view text;  // trimmed
  int number = 0;
  bool indented = false;
  size_t width = 0;  // columns, the indentation included
  size_t chars = 0;  // characters, the indentation included
};

std::vector<Line> SplitLines(std::u32string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  int number = 1;
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool end = i == text.size();
    const char32_t c = end ? U'\n' : text[i];
    if (c != U'\n' && c != U'\r' && c != 0x2028 && c != 0x2029) continue;
    const std::u32string_view raw = text.substr(start, i - start);
    const std::u32string_view trimmed = Trim(raw);
    const size_t indent = trimmed.empty() ? 0 : static_cast<size_t>(trimmed.data() - raw.data());
    const std::u32string_view shown = raw.substr(0, indent + trimmed.size());
    lines.push_back({trimmed, number, indent > 0, Width(shown), shown.size()});
    if (c == U'\r' && i + 1 < text.size() && text[i + 1] == U'\n') ++i;
    start = i + 1;
    ++number;
  }
  return lines;
}

// True when the paragraph does not end a sentence ("。", "。”"), a clause that introduces what
// follows ("：", "；") or a parenthesis (an item's department list ends its paragraph).
bool RunsOn(std::u32string_view text) {
  while (!text.empty() && (text.back() == U'”' || text.back() == U'’' || text.back() == U'」' ||
                           text.back() == U'』')) {
    text.remove_suffix(1);
  }
  if (text.empty()) return false;
  const char32_t c = text.back();
  return !IsSentenceEnd(c) && !IsCloseParen(c) && c != U'：' && c != U':' && c != U'；' &&
         c != U';';
}

// The Chinese numeral run at the start of `text`, if it is a well-formed number 1…99.
std::optional<int> LeadingNumeral(std::u32string_view text, size_t from, size_t* end) {
  size_t i = from;
  while (i < text.size() && i - from < 4 && IsChineseNumeralChar(text[i])) ++i;
  if (i == from) return std::nullopt;
  std::optional<double> v = ParseChineseNumeral(text.substr(from, i - from));
  if (!v || *v < 1 || *v > 99) return std::nullopt;
  *end = i;
  return static_cast<int>(*v);
}

}  // namespace

int Paragraph::LineAt(size_t offset) const {
  auto after = std::upper_bound(lines.begin(), lines.end(), offset,
                                [](size_t o, const auto& line) { return o < line.first; });
  return after == lines.begin() ? lines.front().second : std::prev(after)->second;
}

std::vector<Paragraph> SplitParagraphs(std::u32string_view text, bool lines_are_paragraphs) {
  std::vector<Paragraph> paragraphs;
  const Line* last = nullptr;
  const std::vector<Line> lines = SplitLines(text);
  for (const Line& line : lines) {
    if (line.text.empty()) {
      last = nullptr;
      continue;
    }
    const bool join =
        !lines_are_paragraphs && last != nullptr && !line.indented &&
        RunsOn(paragraphs.back().text) && last->width >= kMinWrappedWidth &&
        (last->width + kWrapSlack >= line.width || last->chars + kWrapSlack / 2 >= line.chars) &&
        ReadHeading(line.text).kind == HeadingKind::kNone;
    if (!join) paragraphs.emplace_back();
    Paragraph& p = paragraphs.back();
    p.lines.emplace_back(p.text.size(), line.number);
    p.text += line.text;
    last = &line;
  }
  return paragraphs;
}

Heading ReadHeading(std::u32string_view text) {
  Heading h;
  size_t end = 0;
  if (!text.empty() && IsOpenParen(text.front())) {
    std::optional<int> v = LeadingNumeral(text, 1, &end);
    if (!v || end >= text.size() || !IsCloseParen(text[end])) return h;
    h.kind = HeadingKind::kItem;
    h.number = text.substr(1, end - 1);
    h.value = *v;
    h.body = end + 1;
  } else {
    std::optional<int> v = LeadingNumeral(text, 0, &end);
    if (!v || end >= text.size()) return h;
    const char32_t mark = text[end];
    if (mark != U'、' && mark != U'．' && mark != U'.') return h;
    h.kind = HeadingKind::kPart;
    h.number = text.substr(0, end);
    h.value = *v;
    h.body = end + 1;
  }
  while (h.body < text.size() && IsSpace(text[h.body])) ++h.body;
  return h;
}

}  // namespace zl::plan
