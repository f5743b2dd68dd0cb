// Tests for the text helpers: NFKC folding, trimming Chinese spaces, code normalisation and
// UTF-8 counting/validation.
#include "base/text.h"

#include <gtest/gtest.h>

namespace zl {
namespace {

TEST(Text, NfkcFoldsFullWidth) {
  EXPECT_EQ(NormalizeNfkc("９１１３０１００ＭＡ０Ｃ１２３４０９"), "91130100MA0C123409");
  EXPECT_EQ(NormalizeNfkc("ａｂｃ（１）"), "abc(1)");
  EXPECT_EQ(NormalizeNfkc("河北省　石家庄市"), "河北省 石家庄市");  // U+3000 → space
  EXPECT_EQ(NormalizeNfkc("plain ascii"), "plain ascii");
  EXPECT_EQ(NormalizeNfkc("质量兴省"), "质量兴省");
  EXPECT_EQ(NormalizeNfkc("\xEF\xBD\xB6"), "\xE3\x82\xAB");  // half-width katakana KA → full
  EXPECT_EQ(NormalizeNfkc("a\xFF"), "a\xEF\xBF\xBD");        // ill-formed byte → U+FFFD
}

TEST(Text, TrimSpaceHandlesChineseAndInvisibleSpaces) {
  EXPECT_EQ(TrimSpace("  abc \t\r\n"), "abc");
  EXPECT_EQ(TrimSpace("　河北　省　"), "河北　省");  // inner U+3000 kept
  EXPECT_EQ(TrimSpace("\xC2\xA0x\xC2\xA0"), "x");    // NBSP
  EXPECT_EQ(TrimSpace("\xEF\xBB\xBF"
                      "code\xE2\x80\x8B"),
            "code");  // BOM, zero-width space
  EXPECT_EQ(TrimSpace("   "), "");
  EXPECT_EQ(TrimSpace(""), "");
  EXPECT_EQ(TrimSpace("中"), "中");
}

TEST(Text, NormalizeCodeForTypedCodes) {
  EXPECT_EQ(NormalizeCode("９１１３０１００ＭＡ０Ｃ１２３４０９"), "91130100MA0C123409");
  EXPECT_EQ(NormalizeCode(" 9113-0100 ma0c 1234 09\t"), "91130100MA0C123409");
  EXPECT_EQ(NormalizeCode("　９１１３０１００－ｍａ０ｃ１２３４０９　"), "91130100MA0C123409");
  EXPECT_EQ(NormalizeCode("130\xE2\x80\x93"
                          "100"),
            "130100");  // en dash
  EXPECT_EQ(NormalizeCode("c13"), "C13");
  EXPECT_EQ(NormalizeCode("中a"), "中A");  // non-ASCII kept for the validator to report
  EXPECT_EQ(NormalizeCode(""), "");
}

TEST(Text, CountsCodePointsNotBytes) {
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("河北省"), 3u);
  EXPECT_EQ(CountCodePoints("A中😀"), 3u);
  EXPECT_EQ(CountCodePoints("a\xFF\xFE"), 3u);
  EXPECT_EQ(CountCodePoints(""), 0u);
}

TEST(Text, ValidatesUtf8) {
  EXPECT_TRUE(IsValidUtf8("质量 quality 😀"));
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xE4\xB8"));          // truncated 中
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // UTF-16 surrogate D800
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

TEST(TextTest, CommaListsSplitTrimmedWithoutEmptiesAndJoinBack) {
  EXPECT_EQ(SplitList(" C13, C14,,  *"), (std::vector<std::string>{"C13", "C14", "*"}));
  EXPECT_TRUE(SplitList("").empty());
  EXPECT_TRUE(SplitList(" , ").empty());
  EXPECT_EQ(JoinList({"bidding", "honours"}), "bidding,honours");
  EXPECT_EQ(JoinList({}), "");
  EXPECT_EQ(SplitList(JoinList({"a", "b"})), (std::vector<std::string>{"a", "b"}));
  // One per line, for items that may hold commas.
  EXPECT_EQ(JoinList({"加强监管，开展抽查。", "b"}, '\n'), "加强监管，开展抽查。\nb");
  EXPECT_EQ(SplitList("a, b\n\nc\n", '\n'), (std::vector<std::string>{"a, b", "c"}));
}

}  // namespace
}  // namespace zl
