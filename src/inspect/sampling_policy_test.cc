// Tests for the sampling policy table and exact draw counts.
#include "inspect/sampling_policy.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

namespace zl::inspect {
namespace {

TEST(RiskClassTest, NamesRoundTrip) {
  for (RiskClass c : kAllRiskClasses) EXPECT_EQ(*ParseRiskClass(RiskClassName(c)), c);
  EXPECT_EQ(ParseRiskClass("E").status().field(), "risk_class");
  EXPECT_EQ(RiskClassIndex(RiskClass::kD), 3u);
}

TEST(DrawCountTest, CeilingIsExact) {
  EXPECT_EQ(DrawCount(0.03, 200), 6);  // 0.03 * 200 is 6.000000000000001 in doubles
  EXPECT_EQ(DrawCount(0.1, 10), 1);
  EXPECT_EQ(DrawCount(0.3, 10), 3);
  EXPECT_EQ(DrawCount(0.3, 7), 3);  // 2.1 -> 3
  EXPECT_EQ(DrawCount(0.8, 3), 3);  // 2.4 -> 3
  EXPECT_EQ(DrawCount(0.03, 1), 1);
  EXPECT_EQ(DrawCount(0.000001, 1'000'000), 1);
  EXPECT_EQ(DrawCount(0.000001, 1'000'001), 2);
  EXPECT_EQ(DrawCount(0, 1000), 0);
  EXPECT_EQ(DrawCount(1, 7), 7);
  EXPECT_EQ(DrawCount(0.5, 0), 0);
  EXPECT_EQ(DrawCount(std::nan(""), 10), 0);
}

TEST(SamplingPolicyTest, DefaultIsLindianCounty) {
  const SamplingPolicy& p = SamplingPolicy::Default();
  EXPECT_EQ(p.of(RiskClass::kA), (ClassPolicy{0.03, 0, 0.05, 1}));
  EXPECT_EQ(p.of(RiskClass::kB), (ClassPolicy{0.10, 0.05, 0.20, 1}));
  EXPECT_EQ(p.of(RiskClass::kC), (ClassPolicy{0.30, 0.21, 0.60, 2}));
  EXPECT_EQ(p.of(RiskClass::kD), (ClassPolicy{0.80, 0.61, 1.00, 0}));
  EXPECT_TRUE(p.Validate().ok());
}

TEST(SamplingPolicyTest, EmbeddedCopyMatchesDataFile) {
  std::ifstream f("data/inspect/sampling_policy.tsv");
  ASSERT_TRUE(f) << "run from the repository root";
  std::stringstream text;
  text << f.rdbuf();
  EXPECT_EQ(*SamplingPolicy::FromText(text.str()), SamplingPolicy::Default());
}

TEST(SamplingPolicyTest, TextRoundTrips) {
  SamplingPolicy p = SamplingPolicy::Default();
  p.of(RiskClass::kB).ratio = 0.125;
  Result<SamplingPolicy> back = SamplingPolicy::FromText(p.ToText());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, p);
}

TEST(SamplingPolicyTest, ValidateNamesClassAndField) {
  SamplingPolicy p = SamplingPolicy::Default();
  p.of(RiskClass::kB).ratio = 0.25;
  Status s = p.Validate();
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(s.field(), "B.ratio");
  EXPECT_NE(s.message().find("class B"), std::string::npos) << s.message();

  p = SamplingPolicy::Default();
  p.of(RiskClass::kD) = {1.5, 0.61, 1.5, 0};
  EXPECT_EQ(p.Validate().field(), "D.ratio");

  p = SamplingPolicy::Default();
  p.of(RiskClass::kC).ratio_min = 0.7;
  EXPECT_EQ(p.Validate().field(), "C.ratio_min");

  p = SamplingPolicy::Default();
  p.of(RiskClass::kA).ratio = 0.0300001;  // 7 decimals
  EXPECT_EQ(p.Validate().field(), "A.ratio");

  p = SamplingPolicy::Default();
  p.of(RiskClass::kA).checks_per_year = -1;
  EXPECT_EQ(p.Validate().field(), "A.checks_per_year");

  p = SamplingPolicy::Default();
  p.of(RiskClass::kA).ratio_max = std::nan("");
  EXPECT_EQ(p.Validate().field(), "A.ratio_max");
}

TEST(SamplingPolicyTest, FromTextRejectsBadTables) {
  const std::string header = "class\tratio\tratio_min\tratio_max\tchecks_per_year\n";
  const std::string rows = "A\t0.03\t0\t0.05\t1\nB\t0.1\t0.05\t0.2\t1\nC\t0.3\t0.21\t0.6\t2\n";
  EXPECT_TRUE(SamplingPolicy::FromText(header + rows + "D\t0.8\t0.61\t1\t0\n").ok());
  EXPECT_FALSE(SamplingPolicy::FromText(header + rows).ok());  // D missing
  Result<SamplingPolicy> twice = SamplingPolicy::FromText(header + rows + "A\t0.03\t0\t0.05\t1\n");
  EXPECT_NE(twice.status().message().find("twice"), std::string::npos);
  Result<SamplingPolicy> nan = SamplingPolicy::FromText(header + rows + "D\tmany\t0.61\t1\t0\n");
  EXPECT_EQ(nan.status().field(), "D.ratio");
  EXPECT_NE(nan.status().message().find(":5:"), std::string::npos) << nan.status().message();
  Result<SamplingPolicy> out = SamplingPolicy::FromText(header + rows + "D\t0.5\t0.61\t1\t0\n");
  EXPECT_EQ(out.status().field(), "D.ratio");
  EXPECT_FALSE(SamplingPolicy::FromText(header + rows + "E\t0.5\t0\t1\t0\n").ok());
}

}  // namespace
}  // namespace zl::inspect
