// Character-level helpers for reading plan documents. Chinese documents are read one character
// at a time (brackets, numerals, punctuation in full and half width), which is simplest in
// UTF-32; these convert to and from UTF-8 and find matching brackets, quoted names and
// sentences without being fooled by a bracket that is never closed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zl::plan {

inline constexpr size_t kNoPartner = static_cast<size_t>(-1);

// UTF-8 → UTF-32; each ill-formed byte becomes U+FFFD.
std::u32string ToU32(std::string_view utf8);
std::string ToU8(std::u32string_view text);

// Unicode white space as Chinese text has it: ASCII, NBSP, U+3000, zero-width space, BOM.
bool IsSpace(char32_t c);
std::u32string_view Trim(std::u32string_view text);

bool IsOpenParen(char32_t c);   // （ or (
bool IsCloseParen(char32_t c);  // ） or )
// 。！？ and their half-width forms; "." is not one (it is a decimal point in "1.5万").
bool IsSentenceEnd(char32_t c);
// Punctuation that ends a phrase: sentence ends, commas, semicolons, colons, the enumeration
// comma 、, brackets and quotes, and white space.
bool IsPhraseBreak(char32_t c);

// For every bracket (（）() “” ‘’ 《》 〔〕 「」 『』 【】) its partner's index; kNoPartner for
// a bracket that is never closed or never opened, and for every other character. Parentheses
// match either width ("（…)"); a closer skips over unclosed openers of another kind.
std::vector<size_t> MatchBrackets(std::u32string_view text);

// True for each character inside a quoted name: between matched “” ‘’ 《》 〔〕 「」 『』 【】 or a
// pair of ASCII double quotes, the quotes included.
std::vector<bool> QuotedMask(std::u32string_view text);

// The sentences of `text`, each ending with its 。！？ (kept). A sentence end inside matched
// brackets or quotes does not split; '\n' ends a sentence without adding a character, and inside
// brackets is dropped (a line wrapped there). Sentences are trimmed and empty ones dropped.
std::vector<std::u32string> SplitSentences(std::u32string_view text);

// At most `max_chars` characters of `text` with "…" when cut, as UTF-8 for messages.
std::string Excerpt(std::u32string_view text, size_t max_chars = 30);

}  // namespace zl::plan
