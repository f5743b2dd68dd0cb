// The grader under the small test rule set (testdata/grading_rules_small.txt), every score
// worked out by hand in the comments: dimension a (max 40, base 20), b (max 60, base 40);
// AAA ≥ 90, AA ≥ 80, A ≥ 70, B ≥ 60, C ≥ 40; grading day 2026-11-27.
#include "credit/grader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

namespace zl::credit {
namespace {

using domain::Grade;
using domain::Polarity;
using domain::RiskClass;
using domain::Severity;

const Date kAsOf = Date::FromYmd(2026, 11, 27);

const RuleSet& Rules() {
  static const RuleSet rules = [] {
    std::ifstream in("src/credit/testdata/grading_rules_small.txt");
    std::stringstream s;
    s << in.rdbuf();
    Result<RuleSet> r = RuleSet::Parse(s.str(), "small");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : RuleSet();
  }();
  return rules;
}

struct Rec {
  std::string kind;
  Polarity polarity;
  Severity severity;
  Date on;
};

GradeOutcome GradeOf(const std::vector<Rec>& records, std::string_view industry = "C31",
                     std::vector<Contribution>* explain = nullptr) {
  Grader grader(Rules(), kAsOf);
  GradeTally tally = grader.NewTally();
  std::int64_t id = 0;
  for (const Rec& r : records) {
    grader.Add(tally, {++id, grader.KindIndex(r.kind), r.polarity, r.severity, r.on}, explain);
  }
  return grader.Finish(tally, industry);
}

const Rec kLicence{"licence", Polarity::kGood, Severity::kNone, Date::FromYmd(2025, 1, 1)};
const Rec kAward{"award", Polarity::kGood, Severity::kNone, Date::FromYmd(2012, 5, 1)};
const Rec kAudit{"onsite_audit", Polarity::kGood, Severity::kNone, Date::FromYmd(2025, 6, 1)};

TEST(GraderTest, NoRecordsGivesTheBaseScoreAndBMeetsItsThresholdExactly) {
  GradeOutcome o = GradeOf({});  // 20 + 40 = 60 = B's threshold
  EXPECT_DOUBLE_EQ(o.score, 60);
  EXPECT_EQ(o.grade, Grade::kB);
  EXPECT_EQ(o.risk_class, RiskClass::kB);
  EXPECT_TRUE(o.vetoes.empty());
}

TEST(GraderTest, DimensionsAreClampedAndAaNeedsAnAudit) {
  // a: 20 + 10 = 30; b: 40 + 30 = 70, clamped to 60 (an award never expires); 90 → AAA by
  // score, but without an on-site audit capped at A, risk class B.
  std::vector<Contribution> explain;
  GradeOutcome o = GradeOf({kLicence, kAward}, "C31", &explain);
  EXPECT_DOUBLE_EQ(o.score, 90);
  EXPECT_EQ(o.score_grade, Grade::kAAA);
  EXPECT_EQ(o.grade, Grade::kA);
  EXPECT_TRUE(o.audit_cap);
  EXPECT_EQ(o.risk_class, RiskClass::kB);
  EXPECT_DOUBLE_EQ(o.dimension_scores[1], 60);
  ASSERT_EQ(explain.size(), 2u);
  EXPECT_EQ(explain[0].record_id, 1);
  EXPECT_DOUBLE_EQ(explain[0].points, 10);
  EXPECT_DOUBLE_EQ(explain[1].points, 30);

  o = GradeOf({kLicence, kAward, kAudit});  // audited: AAA stands, risk A
  EXPECT_EQ(o.grade, Grade::kAAA);
  EXPECT_FALSE(o.audit_cap);
  EXPECT_EQ(o.risk_class, RiskClass::kA);

  Rec old_audit = kAudit;
  old_audit.on = Date::FromYmd(2023, 11, 26);  // one day older than the 36-month validity
  EXPECT_EQ(GradeOf({kLicence, kAward, old_audit}).grade, Grade::kA);
  old_audit.on = Date::FromYmd(2023, 11, 27);  // exactly 36 months: still valid
  EXPECT_EQ(GradeOf({kLicence, kAward, old_audit}).grade, Grade::kAAA);
}

TEST(GraderTest, PointsDecayWithTheHalfLife) {
  // A serious failure 549 days ago with a 12-month (365.2425-day) half-life:
  // -20 × 2^(-549/365.2425) = -7.056; b = 40 - 7.056 = 32.944; total 52.944 → 52.9, C.
  std::vector<Contribution> explain;
  GradeOutcome o =
      GradeOf({{"inspection_fail", Polarity::kBad, Severity::kSerious, Date::FromYmd(2025, 5, 27)}},
              "C31", &explain);
  ASSERT_EQ(explain.size(), 1u);
  EXPECT_NEAR(explain[0].factor, 0.35279, 1e-5);
  EXPECT_DOUBLE_EQ(explain[0].points, -7.056);  // -7.0558…, counted in whole thousandths
  EXPECT_DOUBLE_EQ(o.score, 52.9);
  EXPECT_EQ(o.grade, Grade::kC);

  // A minor failure matches the '*' row (-8, no decay): 20 + 32 = 52 → C.
  EXPECT_DOUBLE_EQ(
      GradeOf({{"inspection_fail", Polarity::kBad, Severity::kMinor, Date::FromYmd(2025, 5, 27)}})
          .score,
      52);
}

TEST(GraderTest, MergedPartialTalliesEqualOneTallyInAnyOrder) {
  // Decayed points (thousandths after rounding) and counts from records split across two
  // partial tallies, as a run reading on two threads folds them, give exactly the tally of
  // one pass, in either order of the parts.
  Grader grader(Rules(), kAsOf);
  const std::vector<Rec> records = {
      {"inspection_fail", Polarity::kBad, Severity::kSerious, Date::FromYmd(2025, 5, 27)},
      {"inspection_fail", Polarity::kBad, Severity::kSerious, Date::FromYmd(2026, 2, 3)},
      {"inspection_fail", Polarity::kBad, Severity::kMinor, Date::FromYmd(2026, 9, 1)},
      kLicence,
      kAward,
      kAudit};
  GradeTally whole = grader.NewTally(), first = grader.NewTally(), second = grader.NewTally();
  for (size_t i = 0; i < records.size(); ++i) {
    const Rec& r = records[i];
    const GradedRecord g{static_cast<std::int64_t>(i + 1), grader.KindIndex(r.kind), r.polarity,
                         r.severity, r.on};
    grader.Add(whole, g);
    grader.Add(i % 2 == 0 ? first : second, g);
  }
  GradeTally merged = first, reversed = second;
  Grader::Merge(merged, second);
  Grader::Merge(reversed, first);
  for (const GradeTally* t : {&merged, &reversed}) {
    for (size_t d = 0; d < kMaxDimensions; ++d)
      EXPECT_EQ(t->milli_points[d], whole.milli_points[d]);
    for (size_t r = 0; r < kMaxRiskRaises; ++r)
      EXPECT_EQ(t->raise_counts[r], whole.raise_counts[r]);
    EXPECT_EQ(t->record_vetoes, whole.record_vetoes);
    EXPECT_EQ(t->missing_found, whole.missing_found);
    EXPECT_EQ(t->forces, whole.forces);
    EXPECT_EQ(t->audited, whole.audited);
    EXPECT_EQ(grader.Finish(*t, "C31").score, grader.Finish(whole, "C31").score);
  }
  EXPECT_NE(whole.milli_points[1], 0);  // the test would prove nothing on an empty tally
  EXPECT_GT(whole.raise_counts[0] + whole.raise_counts[1], 0);
}

TEST(GraderTest, RecordsOutsideTheWindowOrInTheFutureCountForNothing) {
  // The 36-month window of inspection_fail starts on 2023-11-27.
  EXPECT_DOUBLE_EQ(
      GradeOf({{"inspection_fail", Polarity::kBad, Severity::kMinor, Date::FromYmd(2023, 11, 26)}})
          .score,
      60);
  EXPECT_DOUBLE_EQ(
      GradeOf({{"inspection_fail", Polarity::kBad, Severity::kMinor, Date::FromYmd(2023, 11, 27)}})
          .score,
      52);
  EXPECT_DOUBLE_EQ(GradeOf({{"licence", Polarity::kGood, Severity::kNone, kAsOf.AddDays(1)}}).score,
                   60);
  // Kinds and polarities no rule names move nothing.
  EXPECT_DOUBLE_EQ(GradeOf({{"ccc", Polarity::kGood, Severity::kNone, kAsOf}}).score, 60);
  EXPECT_DOUBLE_EQ(GradeOf({{"licence", Polarity::kNeutral, Severity::kNone, kAsOf}}).score, 60);
}

TEST(GraderTest, ListingVetoCapsAtDAndForcesRiskD) {
  const Rec listed{"dishonesty_list", Polarity::kBad, Severity::kNone, Date::FromYmd(2025, 1, 1)};
  GradeOutcome o = GradeOf({kLicence, kAward, kAudit, listed});
  EXPECT_DOUBLE_EQ(o.score, 90);  // the score is unchanged; the veto caps the grade
  EXPECT_EQ(o.grade, Grade::kD);
  ASSERT_EQ(o.vetoes.size(), 1u);
  EXPECT_EQ(Rules().vetoes[o.vetoes[0]].code, "listed");
  EXPECT_EQ(o.risk_class, RiskClass::kD);
  ASSERT_EQ(o.risk_forces.size(), 1u);

  Rec old = listed;
  old.on = Date::FromYmd(2022, 1, 1);  // older than 36 months: neither veto nor force
  o = GradeOf({kLicence, kAward, kAudit, old});
  EXPECT_EQ(o.grade, Grade::kAAA);
  EXPECT_EQ(o.risk_class, RiskClass::kA);
}

TEST(GraderTest, MissingLicenceCapsOnlyTheIndustriesThatNeedOne) {
  GradeOutcome o = GradeOf({kAward}, "C14");  // 20 + 60 = 80 → AA by score; no licence → C
  EXPECT_EQ(o.score_grade, Grade::kAA);
  EXPECT_EQ(o.grade, Grade::kC);
  EXPECT_EQ(o.risk_class, RiskClass::kC);
  EXPECT_EQ(GradeOf({kAward}, "C31").grade, Grade::kA);  // AA, no audit → A; no licence needed
  EXPECT_EQ(GradeOf({kAward, kLicence, kAudit}, "C14").grade, Grade::kAAA);
  Rec old_licence = kLicence;
  old_licence.on = Date::FromYmd(2021, 11, 26);  // before the 60-month window
  EXPECT_EQ(GradeOf({kAward, old_licence}, "C14").grade, Grade::kC);
  Rec neutral_licence = kLicence;
  neutral_licence.polarity = Polarity::kNeutral;  // only a good record satisfies it
  EXPECT_EQ(GradeOf({kAward, neutral_licence}, "C14").grade, Grade::kC);
}

TEST(GraderTest, RepeatedFailuresRaiseTheRiskClass) {
  const Rec fail{"inspection_fail", Polarity::kBad, Severity::kMinor, Date::FromYmd(2026, 3, 1)};
  GradeOutcome one = GradeOf({kLicence, fail});  // 30 + 32 = 62 → B; one failure: class B
  EXPECT_EQ(one.grade, Grade::kB);
  EXPECT_EQ(one.risk_class, RiskClass::kB);
  GradeOutcome two = GradeOf({kLicence, fail, fail});  // 30 + 24 = 54 → C; two: C + 1 = D
  EXPECT_EQ(two.grade, Grade::kC);
  EXPECT_EQ(two.risk_class, RiskClass::kD);
  EXPECT_EQ(two.risk_raises.size(), 1u);
}

}  // namespace
}  // namespace zl::credit
