// Tests for the character-level helpers: UTF-8 round trips, bracket matching that survives a
// bracket never closed, quoted names, and sentences that do not split inside brackets.
#include "plan/plan_text.h"

#include <gtest/gtest.h>

namespace zl::plan {
namespace {

TEST(PlanTextTest, Utf8RoundTripAndBadBytes) {
  EXPECT_EQ(ToU8(ToU32("质量 ａ1")), "质量 ａ1");
  EXPECT_EQ(ToU32("a\xFF"
                  "b"),
            U"a\uFFFDb");
  EXPECT_EQ(ToU32("\xE8\xB4"), U"\uFFFD\uFFFD");  // truncated
  EXPECT_EQ(ToU32("\xC0\xAF"), U"\uFFFD\uFFFD");  // overlong
  EXPECT_EQ(Trim(U"　 质量\t\u200B"), U"质量");
}

TEST(PlanTextTest, MatchBrackets) {
  // （ and ) match across widths; “ inside is matched on its own.
  std::u32string t = U"a（b“c”d)e";
  std::vector<size_t> p = MatchBrackets(t);
  EXPECT_EQ(p[1], 7u);
  EXPECT_EQ(p[7], 1u);
  EXPECT_EQ(p[3], 5u);
  // An unclosed “ does not swallow the closing parenthesis.
  t = U"（a“b）c";
  p = MatchBrackets(t);
  EXPECT_EQ(p[0], 4u);
  EXPECT_EQ(p[2], kNoPartner);
  // A closer with no opener, and an opener with no closer.
  t = U"a）b（c";
  p = MatchBrackets(t);
  EXPECT_EQ(p[1], kNoPartner);
  EXPECT_EQ(p[3], kNoPartner);
  // Deep nesting of unclosed openers stays linear (and correct).
  t = std::u32string(100000, U'（') + std::u32string(100000, U'”');
  p = MatchBrackets(t);
  EXPECT_EQ(p.front(), kNoPartner);
}

TEST(PlanTextTest, QuotedMask) {
  const std::u32string t = U"a“b”c《d》e\"f\"g（h）";
  const std::vector<bool> m = QuotedMask(t);
  const std::vector<bool> expected = {false, true, true, true, false, true,  true,  true,
                                      false, true, true, true, false, false, false, false};
  EXPECT_EQ(m, expected);
}

TEST(PlanTextTest, SplitSentences) {
  using V = std::vector<std::u32string>;
  EXPECT_EQ(SplitSentences(U"加强监管。开展“质量月。”活动！是否？"),
            (V{U"加强监管。", U"开展“质量月。”活动！", U"是否？"}));
  EXPECT_EQ(SplitSentences(U"说明（注意。其他）完。尾巴"), (V{U"说明（注意。其他）完。", U"尾巴"}));
  // An unclosed bracket does not stop the splitting.
  EXPECT_EQ(SplitSentences(U"开展检查（重点。加强执法。"), (V{U"开展检查（重点。", U"加强执法。"}));
  EXPECT_EQ(SplitSentences(U"标题\n措施。\n\n"), (V{U"标题", U"措施。"}));
  EXPECT_EQ(SplitSentences(U"《规划\n方案》。"), (V{U"《规划方案》。"}));
  EXPECT_EQ(SplitSentences(U"1.5万家。"), (V{U"1.5万家。"}));
}

TEST(PlanTextTest, Excerpt) {
  EXPECT_EQ(Excerpt(U"  短文本 "), "短文本");
  EXPECT_EQ(Excerpt(U"一二三四五六", 4), "一二三四…");
}

}  // namespace
}  // namespace zl::plan
