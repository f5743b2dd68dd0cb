// Rule-set parsing: the default file, the test file, and each kind of mistake refused with
// its line and section.
#include "credit/grading_rules.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace zl::credit {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Small() { return ReadFile("src/credit/testdata/grading_rules_small.txt"); }

// The small rule set with `from` replaced by `to` (which must occur).
std::string SmallWith(const std::string& from, const std::string& to) {
  std::string text = Small();
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string ErrorOf(const std::string& text) {
  Result<RuleSet> r = RuleSet::Parse(text, "rules.txt");
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.status().message();
}

TEST(GradingRulesTest, DefaultRulesFollowGbT31863) {
  const RuleSet& rules = RuleSet::Default();
  EXPECT_EQ(rules.version, "hebei-default-2026.1");
  ASSERT_EQ(rules.dimensions.size(), 3u);
  EXPECT_EQ(rules.dimensions[0].name_zh, "贯彻质量诚信理念");
  EXPECT_EQ(rules.dimensions[1].name_zh, "履行质量承诺能力");
  EXPECT_EQ(rules.dimensions[2].name_zh, "兑现质量承诺表现");
  EXPECT_DOUBLE_EQ(rules.MaxScore(), 100);
  EXPECT_EQ(rules.GradeForScore(90), domain::Grade::kAAA);
  EXPECT_EQ(rules.GradeForScore(89.9), domain::Grade::kAA);
  EXPECT_EQ(rules.GradeForScore(0), domain::Grade::kD);
  ASSERT_TRUE(rules.audit.has_value());
  EXPECT_EQ(rules.audit->cap_without, domain::Grade::kA);
  EXPECT_FALSE(rules.vetoes.empty());
  EXPECT_EQ(rules.text.find("[rule_set]") != std::string::npos, true);
}

TEST(GradingRulesTest, ParsesTheSmallRuleSet) {
  Result<RuleSet> r = RuleSet::Parse(Small(), "small");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->version, "test-1");
  EXPECT_EQ(r->weights.size(), 4u);
  EXPECT_EQ(r->weights[1].severity, domain::Severity::kSerious);
  EXPECT_FALSE(r->weights[2].severity.has_value());
  EXPECT_EQ(r->vetoes[1].type, VetoType::kMissing);
  EXPECT_TRUE(r->vetoes[1].AppliesToIndustry("C14"));
  EXPECT_FALSE(r->vetoes[1].AppliesToIndustry("C31"));
  EXPECT_TRUE(r->vetoes[0].AppliesToIndustry("C31"));
  EXPECT_EQ(r->risk_by_grade[static_cast<int>(domain::Grade::kA)], domain::RiskClass::kB);
}

TEST(GradingRulesTest, RefusesMistakesNamingLineAndSection) {
  EXPECT_EQ(ErrorOf(SmallWith("licence\tgood\t*\ta", "license\tgood\t*\ta")),
            "rules.txt:14: [weights] 'license' is not a record kind");
  EXPECT_EQ(ErrorOf(SmallWith("award\tgood\t*\tb", "revocation\tgood\t*\tb")),
            "rules.txt:17: [weights] revocation records never count; name the revoked kind");
  EXPECT_EQ(ErrorOf(SmallWith("award\tgood\t*\tb", "award\tgood\t*\tc")),
            "rules.txt:17: [weights] 'c' is not a dimension of [dimensions]");
  EXPECT_EQ(ErrorOf(SmallWith("A\t70", "A\t85")),
            "rules.txt: [grades] min_score must fall from AAA to D (A is not below AA)");
  EXPECT_EQ(ErrorOf(SmallWith("[audit]", "[audits]")), "rules.txt:33: unknown section [audits]");
  EXPECT_EQ(ErrorOf(SmallWith("C\t40\n", "")), "rules.txt: [grades] has no row for C");
  EXPECT_EQ(ErrorOf(SmallWith("version\ttest-1", "version\ttest 1")),
            "rules.txt:4: [rule_set] version must be 1-64 letters, digits, '.', '-' or '_'");
  EXPECT_EQ(ErrorOf(SmallWith("60\t40", "60\t70")),
            "rules.txt:10: [dimensions] need 0 <= base <= max and max > 0");
  EXPECT_EQ(ErrorOf(SmallWith("36\t*\tD\t令44号", "36\t*\tE\t令44号")),
            "rules.txt:30: [vetoes] 'E' is not a grade (AAA, AA, A, B, C or D)");
  EXPECT_EQ(ErrorOf(SmallWith("\t0\t60\n", "\tx\t60\n")),
            "rules.txt:14: [weights] half_life_months 'x' must be a whole number from 0 to 600");
  EXPECT_EQ(ErrorOf("version\tx\n"), "rules.txt:1: text before the first [section]");
  EXPECT_EQ(ErrorOf(""), "rules.txt: no [rule_set] section");
  EXPECT_EQ(ErrorOf(SmallWith("AAA\t90", "AAA\t120")),
            "rules.txt: [grades] AAA needs 120 but the dimensions add up to only 100");
}

}  // namespace
}  // namespace zl::credit
