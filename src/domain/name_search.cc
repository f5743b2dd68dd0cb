// Search keys and n-grams of enterprise names (see name_search.h).
#include "domain/name_search.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "base/text.h"

namespace zl::domain {

std::string NameSearchKey(std::string_view text) {
  std::string nfkc = NormalizeNfkc(text);
  std::string key;
  key.reserve(nfkc.size());
  const auto* s = reinterpret_cast<const uint8_t*>(nfkc.data());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(nfkc.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || !u_isalnum(c)) continue;
    c = u_tolower(c);
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    key.append(buf, static_cast<std::size_t>(len));
  }
  return key;
}

std::vector<std::string> KeyCharacters(std::string_view key) {
  std::vector<std::string> out;
  const auto* s = reinterpret_cast<const uint8_t*>(key.data());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(key.size());
  while (i < n) {
    int32_t start = i;
    U8_FWD_1(s, i, n);
    out.emplace_back(
        key.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
  }
  return out;
}

std::vector<std::string> KeyBigrams(std::string_view key) {
  std::vector<std::string> chars = KeyCharacters(key);
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 1 < chars.size(); ++i) out.push_back(chars[i] + chars[i + 1]);
  return out;
}

std::vector<std::string> KeyUnigrams(std::string_view key) {
  std::vector<std::string> out;
  for (std::string& c : KeyCharacters(key)) {
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace zl::domain
