// Masking of ID numbers, phone numbers and person names for public output (see masking.h).
#include "domain/masking.h"

#include <algorithm>

#include "base/date.h"
#include "domain/name_search.h"

namespace zl::domain {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

int DigitsValue(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

bool IsResidentIdNumber(std::string_view id) {
  if (id.size() != 18) return false;
  for (int i = 0; i < 17; ++i) {
    if (!IsDigit(id[i])) return false;
  }
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (id[i] - '0') * kWeights[i];
  char last = id[17] == 'x' ? 'X' : id[17];
  if (kCheck[sum % 11] != last) return false;
  const int year = DigitsValue(id.substr(6, 4));
  const int month = DigitsValue(id.substr(10, 2));
  const int day = DigitsValue(id.substr(12, 2));
  return year >= 1900 && year <= 2100 && Date::IsValidYmd(year, month, day);
}

std::string MaskPersonName(std::string_view name) {
  std::vector<std::string> chars = KeyCharacters(name);
  if (chars.empty()) return "";
  std::string out = chars[0];
  const bool latin = chars[0].size() == 1;
  if (latin) return out + "***";
  std::size_t letters = 0;
  for (std::size_t i = 1; i < chars.size(); ++i) {
    if (chars[i] != " " && chars[i] != "·") ++letters;
  }
  for (std::size_t i = 0; i < std::max<std::size_t>(letters, 1); ++i) out += "某";
  return out;
}

std::string MaskPersonalInfo(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    // Only a digit run that does not continue an ASCII word or number can be a personal number.
    if (!IsDigit(text[i]) || (i > 0 && IsAsciiAlnum(text[i - 1]))) {
      out += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && IsDigit(text[end])) ++end;
    std::size_t run = end - i;
    auto free_after = [&](std::size_t at) { return at >= text.size() || !IsAsciiAlnum(text[at]); };
    // Resident ID: 17 digits + digit or X.
    if (run == 18 || (run == 17 && end < text.size() && (text[end] == 'X' || text[end] == 'x'))) {
      std::size_t stop = run == 18 ? end : end + 1;
      if (free_after(stop) && IsResidentIdNumber(text.substr(i, 18))) {
        out.append(text.substr(i, 6)).append(8, '*').append(text.substr(i + 14, 4));
        i = stop;
        continue;
      }
    }
    // Mobile: 1[3-9] + 9 digits.
    if (run == 11 && text[i] == '1' && text[i + 1] >= '3' && free_after(end)) {
      out.append(text.substr(i, 3)).append("****").append(text.substr(i + 7, 4));
      i = end;
      continue;
    }
    // Landline: 0 + 2-3 digit area code, a dash, 7-8 digits.
    if (text[i] == '0' && (run == 3 || run == 4) && end < text.size() && text[end] == '-') {
      std::size_t local = end + 1;
      std::size_t local_end = local;
      while (local_end < text.size() && IsDigit(text[local_end])) ++local_end;
      std::size_t n = local_end - local;
      if ((n == 7 || n == 8) && free_after(local_end)) {
        out.append(text.substr(i, run + 1))
            .append(n - 2, '*')
            .append(text.substr(local_end - 2, 2));
        i = local_end;
        continue;
      }
    }
    out.append(text.substr(i, run));
    i = end;
  }
  return out;
}

}  // namespace zl::domain
