// Tests for Chinese and Arabic numerals: the values the plans use (千, 一百, 五十, 三百二十, 两千,
// 1.5万, 十) and the runs that are not numbers.
#include "plan/chinese_number.h"

#include <gtest/gtest.h>

namespace zl::plan {
namespace {

TEST(ChineseNumeralTest, Values) {
  EXPECT_EQ(ParseChineseNumeral(U"千"), 1000);
  EXPECT_EQ(ParseChineseNumeral(U"一百"), 100);
  EXPECT_EQ(ParseChineseNumeral(U"五十"), 50);
  EXPECT_EQ(ParseChineseNumeral(U"三百二十"), 320);
  EXPECT_EQ(ParseChineseNumeral(U"两千"), 2000);
  EXPECT_EQ(ParseChineseNumeral(U"十"), 10);
  EXPECT_EQ(ParseChineseNumeral(U"十五"), 15);
  EXPECT_EQ(ParseChineseNumeral(U"一百零五"), 105);
  EXPECT_EQ(ParseChineseNumeral(U"一万五千"), 15000);
  EXPECT_EQ(ParseChineseNumeral(U"十万"), 100000);
  EXPECT_EQ(ParseChineseNumeral(U"一亿五千万"), 150000000);
  EXPECT_EQ(ParseChineseNumeral(U"四"), 4);
  EXPECT_EQ(ParseChineseNumeral(U"贰拾"), 20);
}

TEST(ChineseNumeralTest, NotNumbers) {
  EXPECT_FALSE(ParseChineseNumeral(U""));
  EXPECT_FALSE(ParseChineseNumeral(U"三四"));      // three or four
  EXPECT_FALSE(ParseChineseNumeral(U"二〇一四"));  // a year read digit by digit
  EXPECT_FALSE(ParseChineseNumeral(U"万"));
  EXPECT_FALSE(ParseChineseNumeral(U"万一"));
  EXPECT_FALSE(ParseChineseNumeral(U"十a"));
}

TEST(ChineseNumeralTest, Names) {
  EXPECT_EQ(ChineseNumeral(1), "一");
  EXPECT_EQ(ChineseNumeral(10), "十");
  EXPECT_EQ(ChineseNumeral(12), "十二");
  EXPECT_EQ(ChineseNumeral(20), "二十");
  EXPECT_EQ(ChineseNumeral(35), "三十五");
  EXPECT_EQ(ChineseNumeral(100), "100");
}

TEST(MatchNumberTest, Arabic) {
  auto m = MatchNumber(U"1.5万家", 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 15000);
  EXPECT_EQ(m->length, 4u);
  EXPECT_EQ(m->multiplier, 10000);
  EXPECT_FALSE(m->chinese);

  m = MatchNumber(U"骨干1500名", 2);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 1500);
  EXPECT_EQ(m->length, 4u);

  m = MatchNumber(U"１,５００名", 0);  // full-width digits, a thousands separator
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 1500);
  EXPECT_EQ(m->length, 5u);

  m = MatchNumber(U"20,30家", 0);  // not a thousands separator
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 20);

  m = MatchNumber(U"95.5%", 0);
  ASSERT_TRUE(m);
  EXPECT_DOUBLE_EQ(m->value, 95.5);
  EXPECT_EQ(m->length, 4u);
}

TEST(MatchNumberTest, Chinese) {
  auto m = MatchNumber(U"选择千家民营企业", 2);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 1000);
  EXPECT_EQ(m->length, 1u);
  EXPECT_TRUE(m->chinese);

  m = MatchNumber(U"两千名", 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 2000);
  EXPECT_EQ(m->length, 2u);

  m = MatchNumber(U"十万元", 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->value, 100000);
  EXPECT_EQ(m->multiplier, 10000);

  EXPECT_FALSE(MatchNumber(U"三四个", 0));
  EXPECT_FALSE(MatchNumber(U"质量", 0));
  EXPECT_FALSE(MatchNumber(U"", 0));
}

}  // namespace
}  // namespace zl::plan
