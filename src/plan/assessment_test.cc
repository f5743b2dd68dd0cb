// Tests for the scoring engine: each source, the grade boundaries, veto items, ranking with
// ties, and the score-sheet and ranking tables.
#include "plan/assessment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace zl::plan {
namespace {

Indicator Make(std::string code, double points, IndicatorSource source) {
  Indicator i;
  i.code = std::move(code);
  i.level1 = source == IndicatorSource::kVeto ? "否决项" : "质量目标";
  i.level2 = "二级";
  i.name = "要点 " + i.code;
  i.method = "方法";
  i.evidence = "依据";
  i.lead_department = "省质监局";
  i.points = points;
  i.source = source;
  return i;
}

// T1 rate (30, full 92, zero 80), T2 targets (10), M1 tasks (30, late 0.5), M2 figure (30),
// V1 veto.
IndicatorSystem System() {
  IndicatorSystem s;
  s.year = 2026;
  Indicator t1 = Make("T1", 30, IndicatorSource::kRate);
  t1.full_at = 92;
  t1.zero_at = 80;
  s.indicators = {t1, Make("T2", 10, IndicatorSource::kTargets),
                  Make("M1", 30, IndicatorSource::kTasks), Make("M2", 30, IndicatorSource::kFigure),
                  Make("V1", 0, IndicatorSource::kVeto)};
  return s;
}

CityInputs Inputs(std::string region, std::map<std::string, double> figures) {
  CityInputs in;
  in.region_code = std::move(region);
  in.figures = std::move(figures);
  return in;
}

const ScoreLine& Line(const CityScore& c, const std::string& code) {
  for (const ScoreLine& l : c.lines) {
    if (l.code == code) return l;
  }
  static const ScoreLine kNone;
  ADD_FAILURE() << "no line " << code;
  return kNone;
}

CityScore ScoreOne(const CityInputs& in, const IndicatorSystem& system = System()) {
  std::vector<CityScore> out = ScoreCities(system, std::vector<CityInputs>{in});
  EXPECT_EQ(out.size(), 1u);
  return out.empty() ? CityScore{} : out[0];
}

TEST(Assessment, RateIsLinearBetweenItsThresholds) {
  auto score = [](double rate) {
    return Line(ScoreOne(Inputs("130200", {{"T1", rate}})), "T1").score;
  };
  EXPECT_EQ(score(95), 30);
  EXPECT_EQ(score(92), 30);
  EXPECT_EQ(score(86), 15);
  EXPECT_EQ(score(88), 20);
  EXPECT_EQ(score(83), 7.5);
  EXPECT_EQ(score(80), 0);
  EXPECT_EQ(score(40), 0);
  EXPECT_EQ(score(81), 2.5);
  EXPECT_EQ(score(90.1), 25.25);
  EXPECT_EQ(score(84), 10);
  EXPECT_EQ(score(80.5), 1.25);
  EXPECT_DOUBLE_EQ(score(80.4), 1.0);
  const ScoreLine line = Line(ScoreOne(Inputs("130200", {{"T1", 86}})), "T1");
  EXPECT_FALSE(line.missing);
  EXPECT_NE(line.basis.find("86%"), std::string::npos) << line.basis;
}

TEST(Assessment, RatesRoundToHundredths) {
  IndicatorSystem s = System();
  s.indicators[0].points = 10;
  s.indicators[0].full_at = 95;
  s.indicators[0].zero_at = 80;
  // 10 × 3/15 = 2; 10 × 1/15 = 0.666… → 0.67
  EXPECT_DOUBLE_EQ(Line(ScoreOne(Inputs("130200", {{"T1", 81}}), s), "T1").score, 0.67);
}

TEST(Assessment, MissingFiguresScoreZeroAndSaySo) {
  CityScore c = ScoreOne(Inputs("130200", {}));
  EXPECT_TRUE(Line(c, "T1").missing);
  EXPECT_EQ(Line(c, "T1").score, 0);
  EXPECT_TRUE(Line(c, "M2").missing);
  EXPECT_EQ(Line(c, "M2").score, 0);
  EXPECT_TRUE(Line(c, "V1").missing);
  EXPECT_FALSE(Line(c, "V1").vetoed);
  EXPECT_FALSE(c.vetoed);
  // No tasks due and no targets: those keep their points and say why.
  EXPECT_FALSE(Line(c, "M1").missing);
  EXPECT_EQ(Line(c, "M1").score, 30);
  EXPECT_NE(Line(c, "M1").basis.find("无到期任务"), std::string::npos);
  EXPECT_EQ(Line(c, "T2").score, 10);
  EXPECT_NE(Line(c, "T2").basis.find("无量化目标"), std::string::npos);
  EXPECT_EQ(c.total, 40);
  EXPECT_EQ(c.grade, 'D');
}

TEST(Assessment, FigureIsTheAssessorsPointsClamped) {
  EXPECT_EQ(Line(ScoreOne(Inputs("130200", {{"M2", 22.5}})), "M2").score, 22.5);
  EXPECT_EQ(Line(ScoreOne(Inputs("130200", {{"M2", 0}})), "M2").score, 0);
  EXPECT_EQ(Line(ScoreOne(Inputs("130200", {{"M2", 45}})), "M2").score, 30);
  EXPECT_EQ(Line(ScoreOne(Inputs("130200", {{"M2", -3}})), "M2").score, 0);
}

TEST(Assessment, TasksCountLateOnesByTheFactor) {
  CityInputs in = Inputs("130200", {});
  in.tasks_due = 10;
  in.tasks_on_time = 6;
  in.tasks_late = 2;  // and 2 still open
  const ScoreLine line = Line(ScoreOne(in), "M1");
  EXPECT_EQ(line.score, 21);  // 30 × (6 + 0.5 × 2) / 10
  EXPECT_NE(line.basis.find("到期任务10项"), std::string::npos) << line.basis;
  EXPECT_NE(line.basis.find("未办结2项"), std::string::npos) << line.basis;

  IndicatorSystem strict = System();
  strict.indicators[2].late_factor = 0;
  EXPECT_EQ(Line(ScoreOne(in, strict), "M1").score, 18);
  in.tasks_on_time = 10;
  in.tasks_late = 0;
  EXPECT_EQ(Line(ScoreOne(in), "M1").score, 30);
  in.tasks_on_time = 0;
  EXPECT_EQ(Line(ScoreOne(in), "M1").score, 0);
  in.tasks_due = 3;
  in.tasks_on_time = 1;
  EXPECT_EQ(Line(ScoreOne(in), "M1").score, 10);
  in.tasks_on_time = 2;
  EXPECT_EQ(Line(ScoreOne(in), "M1").score, 20);
  in.tasks_on_time = 0;
  in.tasks_late = 1;
  EXPECT_EQ(Line(ScoreOne(in), "M1").score, 5);
}

TEST(Assessment, TargetsAreTheMeanAchievement) {
  CityInputs in = Inputs("130200", {});
  in.targeted_tasks = 4;
  in.target_achievement = 0.875;
  const ScoreLine line = Line(ScoreOne(in), "T2");
  EXPECT_EQ(line.score, 8.75);
  EXPECT_NE(line.basis.find("4项"), std::string::npos) << line.basis;
  EXPECT_NE(line.basis.find("87.5%"), std::string::npos) << line.basis;
  in.target_achievement = 0;
  EXPECT_EQ(Line(ScoreOne(in), "T2").score, 0);
  in.target_achievement = 1.7;  // never more than the points
  EXPECT_EQ(Line(ScoreOne(in), "T2").score, 10);
}

TEST(Assessment, GradeBoundaries) {
  EXPECT_EQ(GradeFor(100, false), 'A');
  EXPECT_EQ(GradeFor(90, false), 'A');
  EXPECT_EQ(GradeFor(89.99, false), 'B');
  EXPECT_EQ(GradeFor(80, false), 'B');
  EXPECT_EQ(GradeFor(79.99, false), 'C');
  EXPECT_EQ(GradeFor(60, false), 'C');
  EXPECT_EQ(GradeFor(59.99, false), 'D');
  EXPECT_EQ(GradeFor(0, false), 'D');
  EXPECT_EQ(GradeFor(100, true), 'D');
  // A total that is 90 after summing rounded lines is an A, whatever the binary noise.
  EXPECT_EQ(GradeFor(0.1 + 0.2 + 89.7, false), 'A');
}

TEST(Assessment, TotalsAreSumsOfRoundedLinesAndGradeFromThem) {
  // 30 + 10 + 30 + 20 = 90 → A; one hundredth less → B.
  CityInputs in = Inputs("130200", {{"T1", 92}, {"M2", 20}, {"V1", 0}});
  CityScore c = ScoreOne(in);
  EXPECT_EQ(c.total, 90);
  EXPECT_EQ(c.grade, 'A');
  in.figures["M2"] = 19.99;
  c = ScoreOne(in);
  EXPECT_DOUBLE_EQ(c.total, 89.99);
  EXPECT_EQ(c.grade, 'B');
  in.figures["M2"] = 0;
  in.figures["T1"] = 80 + 12.0 * 19.99 / 30;  // 19.99 points
  c = ScoreOne(in);
  EXPECT_DOUBLE_EQ(c.total, 59.99);
  EXPECT_EQ(c.grade, 'D');
  in.figures["T1"] = 88;  // 20
  c = ScoreOne(in);
  EXPECT_EQ(c.total, 60);
  EXPECT_EQ(c.grade, 'C');
}

TEST(Assessment, VetoMeansD) {
  CityScore c = ScoreOne(Inputs("130200", {{"T1", 99}, {"M2", 30}, {"V1", 1}}));
  EXPECT_EQ(c.total, 100);
  EXPECT_TRUE(c.vetoed);
  EXPECT_TRUE(Line(c, "V1").vetoed);
  EXPECT_EQ(Line(c, "V1").score, 0);
  EXPECT_EQ(c.grade, 'D');
  c = ScoreOne(Inputs("130200", {{"T1", 99}, {"M2", 30}, {"V1", 0}}));
  EXPECT_FALSE(c.vetoed);
  EXPECT_FALSE(Line(c, "V1").missing);
  EXPECT_EQ(c.grade, 'A');
}

TEST(Assessment, RankingSharesRanksAndPutsVetoedCitiesLast) {
  std::vector<CityInputs> cities = {
      Inputs("130300", {{"T1", 92}, {"M2", 10}}),             // 80
      Inputs("130200", {{"T1", 92}, {"M2", 20}}),             // 90
      Inputs("130100", {{"T1", 92}, {"M2", 10}}),             // 80, ties with 130300
      Inputs("130400", {{"T1", 92}, {"M2", 30}, {"V1", 1}}),  // 100 but vetoed
      Inputs("130500", {{"T1", 86}}),                         // 55
      Inputs("130600", {{"T1", 80}, {"V1", 1}}),              // 40, vetoed
  };
  std::vector<CityScore> out = ScoreCities(System(), cities);
  ASSERT_EQ(out.size(), 6u);
  std::vector<std::string> order;
  std::vector<int> ranks;
  for (const CityScore& c : out) {
    order.push_back(c.region_code);
    ranks.push_back(c.rank);
  }
  EXPECT_EQ(order,
            (std::vector<std::string>{"130200", "130100", "130300", "130500", "130400", "130600"}));
  EXPECT_EQ(ranks, (std::vector<int>{1, 2, 2, 4, 5, 6}));
  EXPECT_EQ(out[0].grade, 'A');
  EXPECT_EQ(out[1].grade, 'B');
  EXPECT_EQ(out[3].grade, 'D');
  EXPECT_EQ(out[4].grade, 'D');
  // Pure: the same inputs give the same result.
  std::vector<CityScore> again = ScoreCities(System(), cities);
  for (size_t i = 0; i < out.size(); ++i) {
    EXPECT_EQ(again[i].region_code, out[i].region_code);
    EXPECT_EQ(again[i].total, out[i].total);
  }
}

TEST(Assessment, VetoedCitiesWithEqualTotalsShareARank) {
  std::vector<CityInputs> cities = {Inputs("130300", {{"V1", 1}}), Inputs("130200", {{"V1", 1}}),
                                    Inputs("130100", {})};
  std::vector<CityScore> out = ScoreCities(System(), cities);
  EXPECT_EQ(out[0].region_code, "130100");
  EXPECT_EQ(out[0].rank, 1);
  EXPECT_EQ(out[1].region_code, "130200");
  EXPECT_EQ(out[1].rank, 2);
  EXPECT_EQ(out[2].rank, 2);
}

TEST(Assessment, ScoreSheetRows) {
  CityInputs in = Inputs("130200", {{"T1", 86}, {"M2", 25}, {"V1", 1}});
  in.tasks_due = 4;
  in.tasks_on_time = 3;
  CityScore c = ScoreOne(in);
  const auto rows = ScoreSheetRows(System(), c, "唐山市");
  ASSERT_EQ(rows.size(), 2u + 5u + 1u);
  EXPECT_EQ(rows[0][0], "唐山市2026年度质量工作考核评分细则");
  EXPECT_EQ(rows[1],
            (std::vector<std::string>{"一级指标", "二级指标", "考核要点", "评分方法", "评分依据",
                                      "牵头考核部门", "分值", "得分", "得分说明"}));
  EXPECT_EQ(rows[2][0], "质量目标");
  EXPECT_EQ(rows[2][2], "要点 T1");
  EXPECT_EQ(rows[2][5], "省质监局");
  EXPECT_EQ(rows[2][6], "30");
  EXPECT_EQ(rows[2][7], "15.00");
  EXPECT_EQ(rows[4][7], "22.50");  // M1: 30 × 3/4
  EXPECT_EQ(rows[6][6], "否决项");
  EXPECT_EQ(rows[6][7], "否决");
  const auto& total = rows.back();
  EXPECT_EQ(total[0], "合计");
  EXPECT_EQ(total[6], "100");
  EXPECT_EQ(total[7], "72.50");  // 15 + 10 + 22.5 + 25
  EXPECT_NE(total[8].find("等级D"), std::string::npos) << total[8];
  EXPECT_NE(total[8].find("否决"), std::string::npos) << total[8];
}

TEST(Assessment, RankingRows) {
  std::vector<CityScore> out =
      ScoreCities(System(), std::vector<CityInputs>{Inputs("130200", {{"T1", 92}, {"M2", 20}}),
                                                    Inputs("130300", {{"V1", 1}})});
  const auto rows = RankingRows(out, {{"130200", "唐山市"}});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"排名", "地区", "总分", "等级", "否决项"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "唐山市", "90.00", "A", "否"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"2", "130300", "40.00", "D", "是（V1）"}));
}

}  // namespace
}  // namespace zl::plan
