// Tests for Uscc with the vectors of credit-rules.md §1.1 item 6, plus typed-input forms
// (full-width, lowercase, spaced) and every kind of error reason.
#include "domain/uscc.h"

#include <gtest/gtest.h>

namespace zl::domain {
namespace {

TEST(Uscc, RealCodesAreValid) {
  for (const char* code : {"914403001922038216", "91330100799655058B", "9144030071526726XG",
                           "91440300708461136T", "91110000802100433B"}) {
    UsccVerdict v = Uscc::Check(code);
    EXPECT_TRUE(v.valid) << code << ": " << v.reason;
    EXPECT_EQ(v.reason, "");
    EXPECT_EQ(v.warning, "");
    EXPECT_EQ(v.normalized, code);
  }
}

TEST(Uscc, SyntheticHebeiCodesAreValid) {
  for (const char* code : {"91130100MA0C123409", "91130682MA0D56782B", "92130181MA0E9K2L82",
                           "93131100MA0F3N4PXA", "91130100MA00003490"}) {
    EXPECT_TRUE(Uscc::Check(code).valid) << code << ": " << Uscc::Check(code).reason;
  }
}

TEST(Uscc, SumDivisibleBy31GivesZero) {
  // Without the final mod 31 the check value would be 31, past the end of the alphabet.
  EXPECT_EQ(Uscc::ComputeCheckCharacter("91130100MA0000349"), '0');
  EXPECT_EQ(Uscc::ComputeCheckCharacter("91440300708461136"), 'T');
  EXPECT_EQ(Uscc::ComputeCheckCharacter("9144030071526726X"), 'G');
  EXPECT_EQ(Uscc::ComputeCheckCharacter("9144030071526726"), '\0');   // 16 characters
  EXPECT_EQ(Uscc::ComputeCheckCharacter("9144030071526726I"), '\0');  // I is not used
}

TEST(Uscc, OrgCodeCheck) {
  EXPECT_EQ(Uscc::ComputeOrgCodeCheck("19220382"), '1');
  EXPECT_EQ(Uscc::ComputeOrgCodeCheck("71526726"), 'X');  // r = 10
  EXPECT_EQ(Uscc::ComputeOrgCodeCheck("MA0C1234"), '0');  // r = 11
  EXPECT_EQ(Uscc::ComputeOrgCodeCheck("7996550"), '\0');
  EXPECT_EQ(Uscc::ComputeOrgCodeCheck("7996550a"), '\0');
}

TEST(Uscc, WrongCheckCharacter) {
  UsccVerdict v = Uscc::Check("914403001922038217");
  EXPECT_FALSE(v.valid);
  EXPECT_EQ(v.reason, "check character (position 18) is '7', expected '6'");
  EXPECT_EQ(v.reason_zh, "校验码（第18位）为“7”，应为“6”");
  EXPECT_EQ(Uscc::Check("91350203M0001QAY9B").reason,
            "check character (position 18) is 'B', expected '9'");
}

TEST(Uscc, MockCodesFailBothChecks) {
  EXPECT_EQ(Uscc::Check("91110108717809965C").reason,
            "check character (position 18) is 'C', expected 'J'");
  EXPECT_EQ(Uscc::Check("9133010057462616XH").reason,
            "check character (position 18) is 'H', expected '9'");
  // With a corrected pos 18 the pos-17 (GB 11714) check still fails.
  UsccVerdict v = Uscc::Check("91110108717809965J");
  EXPECT_FALSE(v.valid);
  EXPECT_EQ(v.reason,
            "organisation code check character (position 17, GB 11714) is '5', expected '6'");
  EXPECT_EQ(v.reason_zh, "组织机构代码校验码（第17位，GB 11714）为“5”，应为“6”");
}

TEST(Uscc, OrgCodeMismatchCanBeAWarning) {
  UsccPolicy lenient;
  lenient.org_code_check_is_error = false;
  UsccVerdict v = Uscc::Check("91110108717809965J", lenient);
  EXPECT_TRUE(v.valid);
  EXPECT_EQ(v.reason, "");
  EXPECT_EQ(v.warning,
            "organisation code check character (position 17, GB 11714) is '5', expected '6'");
  EXPECT_NE(v.warning_zh, "");
  EXPECT_TRUE(Uscc::Parse("91110108717809965J", lenient).ok());
  EXPECT_FALSE(Uscc::Parse("91110108717809965J").ok());
}

TEST(Uscc, NormalisesTypedInput) {
  UsccVerdict v = Uscc::Check("９１１３０１００ＭＡ０Ｃ１２３４０９");
  EXPECT_TRUE(v.valid) << v.reason;
  EXPECT_EQ(v.normalized, "91130100MA0C123409");
  EXPECT_TRUE(Uscc::Check("91130100ma0c123409").valid);
  EXPECT_TRUE(Uscc::Check(" 9113 0100-MA0C 1234 09\n").valid);
  EXPECT_TRUE(Uscc::Check("　９１１３０１００ｍａ０ｃ１２３４０９　").valid);
  EXPECT_EQ(Uscc::Check("9144030071526726xg").normalized, "9144030071526726XG");
}

TEST(Uscc, LengthErrors) {
  EXPECT_EQ(Uscc::Check("91130100MA0C12340").reason, "must be 18 characters, got 17");
  EXPECT_EQ(Uscc::Check("91130100MA0C12340").reason_zh, "应为18位，实际为17位");
  EXPECT_EQ(Uscc::Check("91130100MA0C1234099").reason, "must be 18 characters, got 19");
  EXPECT_EQ(Uscc::Check("91130100MA0C1234中").reason, "must be 18 characters, got 17");
}

TEST(Uscc, CharacterErrorsNameCharacterAndPosition) {
  EXPECT_EQ(Uscc::Check("91130100IA0C123409").reason,
            "character 'I' at position 9 is not allowed (GB 32100 does not use I, O, S, V, Z)");
  EXPECT_EQ(Uscc::Check("91130100IA0C123409").reason_zh,
            "第9位的字符“I”不允许使用（GB 32100 不使用 I、O、S、V、Z）");
  EXPECT_EQ(Uscc::Check("91130100MA0C1234O9").reason,
            "character 'O' at position 17 is not allowed (GB 32100 does not use I, O, S, V, Z)");
  EXPECT_EQ(Uscc::Check("91130100MA0C12*409").reason,
            "character '*' at position 15 is not allowed (only digits and the letters A–H, J–N, "
            "P, Q, R, T, U, W, X, Y are used)");
  EXPECT_EQ(Uscc::Check("9113A100MA0C123409").reason,
            "character 'A' at position 5 is not allowed: positions 3–8 (the registering "
            "authority's GB/T 2260 region code) must be digits");
  EXPECT_EQ(Uscc::Check("91130100MA0C12340中").reason,
            "character '中' at position 18 is not allowed (only digits and the letters A–H, J–N, "
            "P, Q, R, T, U, W, X, Y are used)");
  EXPECT_EQ(Uscc::Check("").reason, "is empty; a USCC has 18 characters");
}

// Builds a code with correct check characters from its first 16 characters.
std::string Complete(std::string first16) {
  first16 += Uscc::ComputeOrgCodeCheck(first16.substr(8, 8));
  return first16 + Uscc::ComputeCheckCharacter(first16);
}

TEST(Uscc, CodeTableErrors) {
  EXPECT_EQ(Uscc::Check(Complete("B1130100MA0C1234")).reason,
            "registration authority code (position 1) 'B' is not assigned in GB 32100 "
            "(expected 1–9, A, N or Y)");
  UsccVerdict v = Uscc::Check(Complete("94130100MA0C1234"));
  EXPECT_EQ(v.reason,
            "organisation category (position 2) '4' is not assigned under registration authority "
            "'9' (industry and commerce (now market regulation); expected 1, 2 or 3)");
  EXPECT_EQ(v.reason_zh,
            "第2位机构类别代码“4”不属于登记管理部门“9”（工商）的类别（应为 1、2 或 3）");
  EXPECT_FALSE(Uscc::Check(Complete("Y2130100MA0C1234")).valid);
  EXPECT_TRUE(Uscc::Check(Complete("Y1130100MA0C1234")).valid);
  EXPECT_TRUE(Uscc::Check(Complete("N3130100MA0C1234")).valid);
  EXPECT_TRUE(Uscc::Check(Complete("51130100MA0C1234")).valid);

  UsccPolicy lenient;
  lenient.code_table_is_error = false;
  v = Uscc::Check(Complete("94130100MA0C1234"), lenient);
  EXPECT_TRUE(v.valid);
  EXPECT_NE(v.warning.find("position 2"), std::string::npos);
}

TEST(Uscc, ParseAndAccessors) {
  Result<Uscc> u = Uscc::Parse("９２１３０１８１ＭＡ０Ｅ９Ｋ２Ｌ８２");
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  EXPECT_EQ(u->str(), "92130181MA0E9K2L82");
  EXPECT_EQ(u->registration_region(), "130181");
  EXPECT_EQ(u->org_code(), "MA0E9K2L8");
  EXPECT_EQ(u->authority(), '9');
  EXPECT_EQ(u->category(), '2');
  EXPECT_TRUE(u->is_enterprise());
  EXPECT_FALSE(Uscc::Parse(Complete("11130100MA0C1234"))->is_enterprise());

  Result<Uscc> bad = Uscc::Parse("914403001922038217");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(bad.status().field(), "uscc");
  EXPECT_EQ(bad.status().message(), "check character (position 18) is '7', expected '6'");
}

TEST(Uscc, DetectsEverySingleCharacterTypo) {
  const std::string good = "91130682MA0D56782B";
  for (size_t i = 0; i < good.size(); ++i) {
    for (char c : Uscc::kAlphabet) {
      if (c == good[i]) continue;
      std::string typo = good;
      typo[i] = c;
      EXPECT_FALSE(Uscc::Check(typo).valid) << typo;
    }
  }
}

}  // namespace
}  // namespace zl::domain
