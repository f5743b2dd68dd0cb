// GB 32100 validation: character checks, the code table, and both check characters, with
// reasons in English and Chinese.
#include "domain/uscc.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <optional>

#include "base/text.h"
#include "domain/uscc_code_table.h"

namespace zl::domain {

namespace {

// Value of each character in the GB 32100 alphabet, -1 for the rest.
constexpr std::array<std::int8_t, 256> kValues = [] {
  std::array<std::int8_t, 256> v{};
  v.fill(-1);
  for (size_t i = 0; i < Uscc::kAlphabet.size(); ++i) {
    v[static_cast<unsigned char>(Uscc::kAlphabet[i])] = static_cast<std::int8_t>(i);
  }
  return v;
}();

// Weight of position i (0-based) is 3^i mod 31: 1, 3, 9, 27, 19, 26, 16, 17, 20, …
constexpr std::array<int, 17> kWeights = [] {
  std::array<int, 17> w{};
  int p = 1;
  for (int& x : w) {
    x = p;
    p = p * 3 % 31;
  }
  return w;
}();
static_assert(kWeights[3] == 27 && kWeights[4] == 19 && kWeights[16] == 28);

constexpr int kOrgWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};

int Gb11714Value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

struct Problem {
  std::string en, zh;
};

// The first character problem, scanning code points left to right; nullopt when all is fine.
// Precondition: `code` is well-formed UTF-8 (NormalizeCode guarantees it).
std::optional<Problem> CharacterProblem(std::string_view code) {
  size_t pos = 0;
  for (size_t i = 0; i < code.size();) {
    size_t len = 1;
    while (i + len < code.size() && IsContinuationByte(code[i + len])) ++len;
    const std::string_view ch = code.substr(i, len);
    const char c = ch[0];
    ++pos;
    i += len;
    const bool region = pos >= 3 && pos <= 8;
    if (region ? (c >= '0' && c <= '9')
               : (len == 1 && kValues[static_cast<unsigned char>(c)] >= 0)) {
      continue;
    }
    if (region) {
      return Problem{fmt::format("character '{}' at position {} is not allowed: positions 3–8 (the "
                                 "registering authority's GB/T 2260 region code) must be digits",
                                 ch, pos),
                     fmt::format("第{}位的字符“{}”不允许使用：第3–8位（登记管理机关行政区划码）"
                                 "必须是数字",
                                 pos, ch)};
    }
    if (c == 'I' || c == 'O' || c == 'S' || c == 'V' || c == 'Z') {
      return Problem{
          fmt::format("character '{}' at position {} is not allowed (GB 32100 does not "
                      "use I, O, S, V, Z)",
                      ch, pos),
          fmt::format("第{}位的字符“{}”不允许使用（GB 32100 不使用 I、O、S、V、Z）", pos, ch)};
    }
    return Problem{fmt::format("character '{}' at position {} is not allowed (only digits and the "
                               "letters A–H, J–N, P, Q, R, T, U, W, X, Y are used)",
                               ch, pos),
                   fmt::format("第{}位的字符“{}”不允许使用（只能使用数字和字母 A–H、J–N、P、Q、R、"
                               "T、U、W、X、Y）",
                               pos, ch)};
  }
  return std::nullopt;
}

std::string ZhList(std::string_view en_list) {  // "1, 2 or 3" → "1、2 或 3"
  std::string s(en_list);
  for (size_t at; (at = s.find(", ")) != std::string::npos;) s.replace(at, 2, "、");
  if (size_t at = s.find(" or "); at != std::string::npos) s.replace(at, 4, " 或 ");
  return s;
}

std::optional<Problem> CodeTableProblem(char authority, char category) {
  const UsccAuthority* a = FindUsccAuthority(authority);
  if (a == nullptr) {
    return Problem{fmt::format("registration authority code (position 1) '{}' is not assigned "
                               "in GB 32100 (expected 1–9, A, N or Y)",
                               authority),
                   fmt::format("第1位登记管理部门代码“{}”不是 GB 32100 规定的代码（应为 1–9、A、N "
                               "或 Y）",
                               authority)};
  }
  if (a->FindCategory(category) != nullptr) return std::nullopt;
  return Problem{
      fmt::format("organisation category (position 2) '{}' is not assigned under registration "
                  "authority '{}' ({}; expected {})",
                  category, authority, a->name_en, a->allowed_categories),
      fmt::format("第2位机构类别代码“{}”不属于登记管理部门“{}”（{}）的类别（应为 {}）", category,
                  authority, a->name_zh, ZhList(a->allowed_categories))};
}

void AddWarning(UsccVerdict& v, const Problem& p) {
  v.warning += (v.warning.empty() ? "" : "; ") + p.en;
  v.warning_zh += (v.warning_zh.empty() ? "" : "；") + p.zh;
}

UsccVerdict Invalid(UsccVerdict v, Problem p) {
  v.valid = false;
  v.reason = std::move(p.en);
  v.reason_zh = std::move(p.zh);
  return v;
}

}  // namespace

char Uscc::ComputeCheckCharacter(std::string_view first17) {
  if (first17.size() != 17) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    const int v = kValues[static_cast<unsigned char>(first17[i])];
    if (v < 0) return '\0';
    sum += v * kWeights[i];
  }
  return kAlphabet[(31 - sum % 31) % 31];  // the final mod: a sum divisible by 31 gives '0'
}

char Uscc::ComputeOrgCodeCheck(std::string_view pos9to16) {
  if (pos9to16.size() != 8) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 8; ++i) {
    const int v = Gb11714Value(pos9to16[i]);
    if (v < 0) return '\0';
    sum += v * kOrgWeights[i];
  }
  const int r = 11 - sum % 11;
  return r == 10 ? 'X' : r == 11 ? '0' : static_cast<char>('0' + r);
}

UsccVerdict Uscc::Check(std::string_view input, UsccPolicy policy) {
  UsccVerdict v;
  v.normalized = NormalizeCode(input);
  const std::string& code = v.normalized;
  if (code.empty()) {
    return Invalid(std::move(v),
                   {"is empty; a USCC has 18 characters", "统一社会信用代码为空（应为18位）"});
  }
  const size_t n = CountCodePoints(code);
  if (n != kLength) {
    return Invalid(std::move(v), {fmt::format("must be 18 characters, got {}", n),
                                  fmt::format("应为18位，实际为{}位", n)});
  }
  if (auto p = CharacterProblem(code)) return Invalid(std::move(v), std::move(*p));
  // From here on the code is 18 ASCII characters of the alphabet.
  if (auto p = CodeTableProblem(code[0], code[1])) {
    if (policy.code_table_is_error) return Invalid(std::move(v), std::move(*p));
    AddWarning(v, *p);
  }
  if (const char want = ComputeCheckCharacter(std::string_view(code).substr(0, 17));
      want != code[17]) {
    return Invalid(
        std::move(v),
        {fmt::format("check character (position 18) is '{}', expected '{}'", code[17], want),
         fmt::format("校验码（第18位）为“{}”，应为“{}”", code[17], want)});
  }
  if (const char want = ComputeOrgCodeCheck(std::string_view(code).substr(8, 8));
      want != code[16]) {
    Problem p{
        fmt::format("organisation code check character (position 17, GB 11714) is '{}', "
                    "expected '{}'",
                    code[16], want),
        fmt::format("组织机构代码校验码（第17位，GB 11714）为“{}”，应为“{}”", code[16], want)};
    if (policy.org_code_check_is_error) return Invalid(std::move(v), std::move(p));
    AddWarning(v, p);
  }
  v.valid = true;
  return v;
}

Result<Uscc> Uscc::Parse(std::string_view input, UsccPolicy policy) {
  UsccVerdict v = Check(input, policy);
  if (!v.valid) return Status::InvalidArgument(std::move(v.reason), "uscc");
  return Uscc(std::move(v.normalized));
}

}  // namespace zl::domain
