// Tests for reading indicator tables: the shipped default, and each refusal naming its line
// and column.
#include <gtest/gtest.h>

#include <string>

#include "plan/assessment.h"

namespace zl::plan {
namespace {

constexpr char kHeader[] =
    "code\tlevel1\tlevel2\tname\tmethod\tevidence\tlead_department\tpoints\tsource\tfull_at\t"
    "zero_at\tlate_factor\n";

// A valid table (lines 2–6, with a comment on line 4); tests replace a row.
const std::string kT1 = "T1\t质量目标\t产品质量\t合格率\tm\te\t省质监局\t40\trate\t92\t80\t";
const std::string kM1 = "M1\t质量措施\t落实\t按期完成\tm\te\t省质监局\t30\ttasks\t\t\t0.5";
const std::string kM2 = "M2\t质量措施\t宏观管理\t规划\tm\te\t省质监局\t30\tfigure\t\t\t";
const std::string kV1 = "V1\t否决项\t事件\t系统性事件\tm\te\t省质监局\t0\tveto\t\t\t";

std::string Table(const std::string& t1 = kT1, const std::string& m1 = kM1,
                  const std::string& m2 = kM2, const std::string& v1 = kV1) {
  return std::string(kHeader) + t1 + "\n" + m1 + "\n# a comment\n" + m2 + "\n" + v1 + "\n";
}

Status ErrorOf(const std::string& tsv) {
  Result<IndicatorSystem> r = ParseIndicatorSystem(tsv, 2026);
  EXPECT_FALSE(r.ok()) << tsv;
  return r.status();
}

TEST(IndicatorSystem, ReadsATable) {
  Result<IndicatorSystem> r = ParseIndicatorSystem(Table(), 2026);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->year, 2026);
  ASSERT_EQ(r->indicators.size(), 4u);
  const Indicator& t1 = r->indicators[0];
  EXPECT_EQ(t1.code, "T1");
  EXPECT_EQ(t1.level1, "质量目标");
  EXPECT_EQ(t1.level2, "产品质量");
  EXPECT_EQ(t1.lead_department, "省质监局");
  EXPECT_EQ(t1.source, IndicatorSource::kRate);
  EXPECT_EQ(t1.full_at, 92);
  EXPECT_EQ(t1.zero_at, 80);
  EXPECT_EQ(r->indicators[1].late_factor, 0.5);
  EXPECT_EQ(r->indicators[3].source, IndicatorSource::kVeto);
  EXPECT_EQ(FindIndicator(*r, "M2"), &r->indicators[2]);
  EXPECT_EQ(FindIndicator(*r, "X9"), nullptr);
}

TEST(IndicatorSystem, DefaultLoadsAndAddsUpTo100) {
  const IndicatorSystem system = DefaultIndicatorSystem(2027);
  EXPECT_EQ(system.year, 2027);
  double targets = 0, measures = 0, total = 0;
  int vetoes = 0;
  for (const Indicator& i : system.indicators) {
    total += i.points;
    if (i.level1 == "质量目标") targets += i.points;
    if (i.level1 == "质量措施") measures += i.points;
    if (i.source == IndicatorSource::kVeto) ++vetoes;
  }
  EXPECT_DOUBLE_EQ(total, 100);
  EXPECT_DOUBLE_EQ(targets, 40);   // Anhui's 质量目标 block
  EXPECT_DOUBLE_EQ(measures, 60);  // and its 质量措施 block
  EXPECT_GE(vetoes, 1);
  const Indicator* t1 = FindIndicator(system, "T1");
  ASSERT_NE(t1, nullptr);
  EXPECT_EQ(t1->name, "制造业产品质量合格率");
  EXPECT_EQ(t1->full_at, 92);
  ASSERT_NE(FindIndicator(system, "M1"), nullptr);
  EXPECT_EQ(FindIndicator(system, "M1")->source, IndicatorSource::kTasks);
  ASSERT_NE(FindIndicator(system, "T4"), nullptr);
  EXPECT_EQ(FindIndicator(system, "T4")->source, IndicatorSource::kTargets);
  // The compiled-in text is the same table.
  Result<IndicatorSystem> again = ParseIndicatorSystem(DefaultIndicatorTable(), 2027);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->indicators.size(), system.indicators.size());
}

TEST(IndicatorSystem, SourceNames) {
  for (IndicatorSource s :
       {IndicatorSource::kRate, IndicatorSource::kFigure, IndicatorSource::kTasks,
        IndicatorSource::kTargets, IndicatorSource::kVeto}) {
    Result<IndicatorSource> back = ParseIndicatorSource(IndicatorSourceName(s));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, s);
  }
  EXPECT_FALSE(ParseIndicatorSource("Rate").ok());
  EXPECT_TRUE(TakesFigure(IndicatorSource::kRate));
  EXPECT_TRUE(TakesFigure(IndicatorSource::kVeto));
  EXPECT_FALSE(TakesFigure(IndicatorSource::kTasks));
  EXPECT_FALSE(TakesFigure(IndicatorSource::kTargets));
}

TEST(IndicatorSystem, UnknownSourceNamesLineAndColumn) {
  Status s = ErrorOf(Table("T1\t质量目标\t产品质量\t合格率\tm\te\t省质监局\t40\tratio\t92\t80\t"));
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("line 2, column 9 (source)"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("ratio"), std::string::npos) << s.message();
  EXPECT_EQ(s.field(), "source");
}

TEST(IndicatorSystem, DuplicateCode) {
  Status s =
      ErrorOf(Table(kT1, kM1, "M1\t质量措施\t宏观管理\t规划\tm\te\t省质监局\t30\tfigure\t\t\t"));
  EXPECT_NE(s.message().find("line 5, column 1 (code)"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("M1 is listed twice"), std::string::npos) << s.message();
}

TEST(IndicatorSystem, PointsNotANumber) {
  Status s = ErrorOf(Table("T1\t质量目标\t产品质量\t合格率\tm\te\t省质监局\t四十\trate\t92\t80\t"));
  EXPECT_NE(s.message().find("line 2, column 8 (points)"), std::string::npos) << s.message();
  EXPECT_EQ(s.field(), "points");
}

TEST(IndicatorSystem, PointsMustAddUpTo100) {
  Status s = ErrorOf(Table("T1\t质量目标\t产品质量\t合格率\tm\te\t省质监局\t35\trate\t92\t80\t"));
  EXPECT_NE(s.message().find("95 points, not 100"), std::string::npos) << s.message();
  EXPECT_EQ(s.field(), "points");
}

TEST(IndicatorSystem, RateNeedsFullAboveZero) {
  Status s = ErrorOf(Table("T1\t质量目标\t产品质量\t合格率\tm\te\t省质监局\t40\trate\t80\t92\t"));
  EXPECT_NE(s.message().find("line 2, column 10 (full_at)"), std::string::npos) << s.message();
  s = ErrorOf(Table("T1\t质量目标\t产品质量\t合格率\tm\te\t省质监局\t40\trate\t92\t\t"));
  EXPECT_NE(s.message().find("line 2, column 11 (zero_at)"), std::string::npos) << s.message();
  s = ErrorOf(Table("T1\t质量目标\t产品质量\t合格率\tm\te\t省质监局\t40\trate\t120\t80\t"));
  EXPECT_EQ(s.field(), "full_at");
}

TEST(IndicatorSystem, VetoHasNoPoints) {
  Status s = ErrorOf(Table("T1\t质量目标\t产品质量\t合格率\tm\te\t省质监局\t35\trate\t92\t80\t",
                           "M1\t质量措施\t落实\t按期完成\tm\te\t省质监局\t30\ttasks\t\t\t0.5",
                           "M2\t质量措施\t宏观管理\t规划\tm\te\t省质监局\t30\tfigure\t\t\t",
                           "V1\t否决项\t事件\t系统性事件\tm\te\t省质监局\t5\tveto\t\t\t"));
  EXPECT_NE(s.message().find("line 6, column 8 (points)"), std::string::npos) << s.message();
}

TEST(IndicatorSystem, OtherColumnRules) {
  // A scored indicator without points, a late factor outside 0–1 or on another source,
  // thresholds on a figure, a bad code, a missing name.
  EXPECT_NE(ErrorOf(Table("T1\t质量目标\t产品质量\t合格率\tm\te\t省质监局\t0\trate\t92\t80\t"))
                .message()
                .find("column 8 (points)"),
            std::string::npos);
  EXPECT_EQ(ErrorOf(Table(kT1, "M1\t质量措施\t落实\t按期完成\tm\te\t省质监局\t30\ttasks\t\t\t1.5"))
                .field(),
            "late_factor");
  EXPECT_EQ(
      ErrorOf(Table(kT1, kM1, "M2\t质量措施\t宏观管理\t规划\tm\te\t省质监局\t30\tfigure\t\t\t1"))
          .field(),
      "late_factor");
  EXPECT_EQ(
      ErrorOf(Table(kT1, kM1, "M2\t质量措施\t宏观管理\t规划\tm\te\t省质监局\t30\tfigure\t9\t\t"))
          .field(),
      "full_at");
  EXPECT_EQ(
      ErrorOf(Table(kT1, kM1, "M 2\t质量措施\t宏观管理\t规划\tm\te\t省质监局\t30\tfigure\t\t\t"))
          .field(),
      "code");
  EXPECT_EQ(ErrorOf(Table(kT1, kM1, "M2\t质量措施\t宏观管理\t\tm\te\t省质监局\t30\tfigure\t\t\t"))
                .field(),
            "name");
}

TEST(IndicatorSystem, ShapeErrorsNameTheLine) {
  Status s = ErrorOf("code\tpoints\nT1\t100\n");
  EXPECT_NE(s.message().find(":1: expected the header row"), std::string::npos) << s.message();
  s = ErrorOf(std::string(kHeader) + "T1\t质量目标\t产品质量\t合格率\t40\n");
  EXPECT_NE(s.message().find(":2: expected 12 tab-separated fields, got 5"), std::string::npos)
      << s.message();
  s = ErrorOf(kHeader);
  EXPECT_NE(s.message().find("no indicators"), std::string::npos) << s.message();
  EXPECT_FALSE(ParseIndicatorSystem("", 2026).ok());
}

}  // namespace
}  // namespace zl::plan
