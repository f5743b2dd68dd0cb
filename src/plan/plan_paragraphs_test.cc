// Tests for headings and paragraphs: part and item marks in both widths, what is not a heading,
// lines wrapped by hand joined, titles and short lines kept apart, line numbers kept.
#include "plan/plan_paragraphs.h"

#include <gtest/gtest.h>

namespace zl::plan {
namespace {

TEST(PlanParagraphsTest, Headings) {
  Heading h = ReadHeading(U"一、加强监管");
  EXPECT_EQ(h.kind, HeadingKind::kPart);
  EXPECT_EQ(h.number, U"一");
  EXPECT_EQ(h.value, 1);
  EXPECT_EQ(h.body, 2u);
  h = ReadHeading(U"十二、其他");
  EXPECT_EQ(h.kind, HeadingKind::kPart);
  EXPECT_EQ(h.value, 12);
  h = ReadHeading(U"（三）强化监管");
  EXPECT_EQ(h.kind, HeadingKind::kItem);
  EXPECT_EQ(h.number, U"三");
  EXPECT_EQ(h.body, 3u);
  h = ReadHeading(U"(十) 强化监管");
  EXPECT_EQ(h.kind, HeadingKind::kItem);
  EXPECT_EQ(h.value, 10);
  EXPECT_EQ(h.body, 4u);
  h = ReadHeading(U"（二）");
  EXPECT_EQ(h.kind, HeadingKind::kItem);
  for (std::u32string_view not_heading : {U"一是加强监管", U"（一", U"（2012-2020年）", U"三四、x",
                                          U"（省质监局负责）", U"万、x", U"", U"二〇一四、x"}) {
    EXPECT_EQ(ReadHeading(not_heading).kind, HeadingKind::kNone);
  }
}

TEST(PlanParagraphsTest, WrappedLinesAreJoined) {
  const std::u32string text =
      U"河北省质量工作二〇一四年行动计划标题行\n"                          // line 1: a title
      U"　　为贯彻落实质量发展纲要，明确我省质量工作重点，大力推动提质\n"  // line 2
      U"增效升级，制定本行动计划。\r\n"                                    // line 3: wrapped
      U"\n"                                                                // line 4
      U"　　一、加强监管\n"                                                // line 5
      U"　　（一）加强标题\n"                                              // line 6
      U"开展检查。\n";                                                     // line 7
  const std::vector<Paragraph> p = SplitParagraphs(text, false);
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(p[0].line(), 1);
  EXPECT_EQ(
      p[1].text,
      U"为贯彻落实质量发展纲要，明确我省质量工作重点，大力推动提质增效升级，制定本行动计划。");
  EXPECT_EQ(p[1].line(), 2);
  EXPECT_EQ(p[1].LineAt(0), 2);
  EXPECT_EQ(p[1].LineAt(p[1].text.find(U"增效")), 3);
  EXPECT_EQ(p[2].line(), 5);
  EXPECT_EQ(p[3].text, U"（一）加强标题");  // short: a heading, not wrapped
  EXPECT_EQ(p[4].line(), 7);
  // A .docx: every line is a paragraph.
  EXPECT_EQ(SplitParagraphs(text, true).size(), 6u);
}

}  // namespace
}  // namespace zl::plan
