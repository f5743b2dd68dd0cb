// Uscc: the Unified Social Credit Code (统一社会信用代码, GB 32100-2015), the 18-character key
// of every enterprise in the quality credit archive.
//
//   pos 1     registration authority (9 = 工商 / market regulation)
//   pos 2     organisation category (91 enterprise, 92 个体工商户, 93 农民专业合作社, …)
//   pos 3–8   GB/T 2260 region code of the registering authority
//   pos 9–17  organisation code (GB 11714); pos 17 is its own check character
//   pos 18    check character over pos 1–17 (weights 3^(i-1) mod 31, alphabet of 31)
//
// Check() explains exactly what is wrong (position, character, expected value) in English
// and Chinese, because people type these codes by hand. Positions refer to the code after
// NormalizeCode (full-width folded, spaces and dashes removed, upper-cased).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace zl::domain {

struct UsccVerdict {
  bool valid = false;
  std::string reason;     // why it is invalid, in English; empty when valid
  std::string reason_zh;  // the same in Chinese
  std::string warning;    // a tolerated problem (see UsccPolicy) when valid; else empty
  std::string warning_zh;
  std::string normalized;  // the input after NormalizeCode, whether valid or not
};

struct UsccPolicy {
  // A pos-17 (GB 11714) mismatch: invalid (true) or valid with a warning (false).
  // credit-rules.md marks "treat as a warning" as an inference, so it is configurable.
  bool org_code_check_is_error = true;
  // Pos 1/2 missing from the code table: invalid (true) or valid with a warning (false).
  // The table still has to be confirmed against GB 32100 and its amendment sheets.
  bool code_table_is_error = true;
};

class Uscc {
 public:
  static constexpr size_t kLength = 18;
  // The 31 characters GB 32100 uses, in value order (I, O, S, V and Z are not used).
  static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  // Normalises `input` and checks, in order: length, characters (digits at pos 3–8),
  // pos 1/2 against the code table, the pos-18 check character, the pos-17 check character.
  // The verdict names the first problem found.
  static UsccVerdict Check(std::string_view input, UsccPolicy policy = {});
  // Check() as a Result: InvalidArgument with field "uscc" and the English reason.
  static Result<Uscc> Parse(std::string_view input, UsccPolicy policy = {});

  // The pos-18 character for 17 characters of kAlphabet; '\0' if `first17` is not that.
  static char ComputeCheckCharacter(std::string_view first17);
  // The GB 11714 check character (pos 17) for pos 9–16: 8 characters of 0-9/A-Z; '\0' if
  // `pos9to16` is not that.
  static char ComputeOrgCodeCheck(std::string_view pos9to16);

  const std::string& str() const { return code_; }
  std::string_view registration_region() const { return std::string_view(code_).substr(2, 6); }
  std::string_view org_code() const { return std::string_view(code_).substr(8, 9); }
  char authority() const { return code_[0]; }
  char category() const { return code_[1]; }
  // Registered by market regulation (工商, pos 1 = '9'): enterprises, 个体工商户 and
  // farmers' cooperatives.
  bool is_enterprise() const { return authority() == '9'; }

  friend bool operator==(const Uscc&, const Uscc&) = default;

 private:
  explicit Uscc(std::string code) : code_(std::move(code)) {}
  std::string code_;
};

}  // namespace zl::domain
