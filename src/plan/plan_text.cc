// UTF-32 conversion, bracket matching and sentence splitting for plan_text.h.
#include "plan/plan_text.h"

#include <utility>

namespace zl::plan {
namespace {

// Opening and closing brackets; parentheses of both widths share kind 0.
constexpr std::pair<char32_t, char32_t> kPairs[] = {
    {U'（', U'）'}, {U'(', U')'},   {U'“', U'”'},   {U'‘', U'’'},   {U'《', U'》'},
    {U'〔', U'〕'}, {U'「', U'」'}, {U'『', U'』'}, {U'【', U'】'},
};

int OpenKind(char32_t c) {
  for (int k = 0; k < static_cast<int>(std::size(kPairs)); ++k) {
    if (kPairs[k].first == c) return k < 2 ? 0 : k;
  }
  return -1;
}

int CloseKind(char32_t c) {
  for (int k = 0; k < static_cast<int>(std::size(kPairs)); ++k) {
    if (kPairs[k].second == c) return k < 2 ? 0 : k;
  }
  return -1;
}

void AppendUtf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::u32string ToU32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    bool ok = len > 0 && i + len <= s.size();
    for (int k = 1; ok && k < len; ++k) {
      const auto cont = static_cast<unsigned char>(s[i + k]);
      ok = (cont & 0xC0) == 0x80;
      c = (c << 6) | (cont & 0x3F);
    }
    // Overlong forms, surrogates and values beyond U+10FFFF are ill-formed too.
    if (ok && ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
               (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)) {
      ok = false;
    }
    if (!ok) {
      out += U'\uFFFD';
      ++i;
      continue;
    }
    out += c;
    i += len;
  }
  return out;
}

std::string ToU8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) AppendUtf8(c, out);
  return out;
}

bool IsSpace(char32_t c) {
  return c == U' ' || (c >= U'\t' && c <= U'\r') || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

std::u32string_view Trim(std::u32string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool IsOpenParen(char32_t c) { return c == U'（' || c == U'('; }
bool IsCloseParen(char32_t c) { return c == U'）' || c == U')'; }

bool IsSentenceEnd(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?' || c == U'｡';
}

bool IsPhraseBreak(char32_t c) {
  if (IsSentenceEnd(c) || IsSpace(c) || OpenKind(c) >= 0 || CloseKind(c) >= 0) return true;
  switch (c) {
    case U'，':
    case U',':
    case U'、':
    case U'；':
    case U';':
    case U'：':
    case U':':
    case U'"':
    case U'…':
    case U'—':
      return true;
    default:
      return false;
  }
}

std::vector<size_t> MatchBrackets(std::u32string_view text) {
  std::vector<size_t> partner(text.size(), kNoPartner);
  // Unclosed openers per kind, in text order. A closer takes the nearest opener of its kind;
  // later openers of other kinds stay unclosed and are dropped, so each opener is looked at a
  // bounded number of times however the brackets are nested.
  std::vector<size_t> open[std::size(kPairs)];
  for (size_t i = 0; i < text.size(); ++i) {
    if (const int kind = OpenKind(text[i]); kind >= 0) {
      open[kind].push_back(i);
      continue;
    }
    const int kind = CloseKind(text[i]);
    if (kind < 0 || open[kind].empty()) continue;
    const size_t opener = open[kind].back();
    open[kind].pop_back();
    partner[opener] = i;
    partner[i] = opener;
    for (std::vector<size_t>& other : open) {
      while (!other.empty() && other.back() > opener) other.pop_back();
    }
  }
  return partner;
}

std::vector<bool> QuotedMask(std::u32string_view text) {
  std::vector<bool> mask(text.size(), false);
  const std::vector<size_t> partner = MatchBrackets(text);
  for (size_t i = 0; i < text.size(); ++i) {
    const int kind = OpenKind(text[i]);
    if (kind <= 0 || partner[i] == kNoPartner) continue;  // parentheses are not quotes
    for (size_t k = i; k <= partner[i]; ++k) mask[k] = true;
  }
  size_t ascii_open = kNoPartner;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != U'"') continue;
    if (ascii_open == kNoPartner) {
      ascii_open = i;
    } else {
      for (size_t k = ascii_open; k <= i; ++k) mask[k] = true;
      ascii_open = kNoPartner;
    }
  }
  return mask;
}

std::vector<std::u32string> SplitSentences(std::u32string_view text) {
  std::vector<std::u32string> out;
  const std::vector<size_t> partner = MatchBrackets(text);
  size_t start = 0;
  auto emit = [&](size_t end) {
    std::u32string s(Trim(text.substr(start, end - start)));
    std::erase(s, U'\n');  // a break inside brackets joins a line that was wrapped there
    if (!s.empty()) out.push_back(std::move(s));
    start = end;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (OpenKind(text[i]) >= 0 && partner[i] != kNoPartner) {
      i = partner[i];  // a sentence end inside brackets or quotes does not count
      continue;
    }
    if (text[i] == U'\n') {
      emit(i);
      continue;
    }
    if (!IsSentenceEnd(text[i])) continue;
    size_t end = i + 1;
    // "？！" and a closing quote right after the full stop stay with the sentence.
    while (end < text.size() && (IsSentenceEnd(text[end]) || text[end] == U'”' ||
                                 text[end] == U'’' || text[end] == U'」')) {
      ++end;
    }
    emit(end);
    i = end - 1;
  }
  emit(text.size());
  return out;
}

std::string Excerpt(std::u32string_view text, size_t max_chars) {
  text = Trim(text);
  if (text.size() <= max_chars) return ToU8(text);
  return ToU8(text.substr(0, max_chars)) + "…";
}

}  // namespace zl::plan
