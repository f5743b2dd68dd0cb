// ICU-backed implementation of the text helpers in text.h.
#include "base/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace zl {

namespace {

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool IsTrimmable(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_WHITE_SPACE) || c == 0x200B || c == 0xFEFF;
}

bool IsDash(UChar32 c) { return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }

// Decodes the code point starting at s[i] and advances i; ill-formed bytes give a negative c.
UChar32 Next(std::string_view s, int32_t& i) {
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c;
}

}  // namespace

std::string NormalizeNfkc(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);  // ICU data missing: leave text as is
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString out = nfkc->normalize(in, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::string TrimSpace(std::string_view utf8) {
  const int32_t n = static_cast<int32_t>(utf8.size());
  int32_t begin = 0;
  while (begin < n) {
    int32_t i = begin;
    if (!IsTrimmable(Next(utf8, i))) break;
    begin = i;
  }
  int32_t end = n;
  while (end > begin) {
    int32_t i = end;
    UChar32 c;
    U8_PREV(utf8.data(), 0, i, c);
    if (!IsTrimmable(c)) break;
    end = i;
  }
  return std::string(utf8.substr(begin, end - begin));
}

std::string NormalizeCode(std::string_view utf8) {
  std::string out;
  if (IsAscii(utf8)) {  // the common case, without ICU: NFKC leaves ASCII unchanged
    out.reserve(utf8.size());
    for (char c : utf8) {
      if (c == ' ' || (c >= '\t' && c <= '\r') || c == '-') continue;  // ASCII White_Space
      out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
  }
  const std::string nfkc = NormalizeNfkc(utf8);
  out.reserve(nfkc.size());
  const int32_t n = static_cast<int32_t>(nfkc.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    const UChar32 c = Next(nfkc, i);
    if (c >= 0 && (IsTrimmable(c) || IsDash(c))) continue;
    if (c >= 'a' && c <= 'z') {
      out.push_back(static_cast<char>(c - 'a' + 'A'));
    } else {
      out.append(nfkc, start, i - start);
    }
  }
  return out;
}

size_t CountCodePoints(std::string_view utf8) {
  size_t count = 0;
  const int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    if (Next(utf8, i) < 0) i = start + 1;  // count an ill-formed sequence byte by byte
    ++count;
  }
  return count;
}

bool IsValidUtf8(std::string_view s) {
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    if (Next(s, i) < 0) return false;
  }
  return true;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string> SplitList(std::string_view text, char separator) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at <= text.size()) {
    size_t comma = text.find(separator, at);
    if (comma == std::string_view::npos) comma = text.size();
    std::string item = TrimSpace(text.substr(at, comma - at));
    if (!item.empty()) out.push_back(std::move(item));
    at = comma + 1;
  }
  return out;
}

std::string JoinList(const std::vector<std::string>& items, char separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

std::string AsciiUpper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace zl
