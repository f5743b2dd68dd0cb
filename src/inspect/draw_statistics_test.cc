// Statistical tests of the draw's selection: over many seeds, each enterprise must be drawn
// with the probability the policy sets (n_c / N_c), as a uniform sample without replacement
// gives. The checker is shown to reject deliberately biased selectors, so it can fail.
// Everything is deterministic (fixed seeds): the tests pass or fail the same way every run.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>

#include "inspect/draw_test_util.h"
#include "inspect/random_draw.h"

namespace zl::inspect {
namespace {

using testing::AddMembers;
using testing::TestSeed;

constexpr int kTrials = 2000;
constexpr int kPerClass = 200;
constexpr double kFamilyAlpha = 1e-6;  // chance that a correct selector fails a check

struct InclusionCheck {
  double max_abs_z = 0;  // the largest standardised deviation of one member's count
  double z_bound = 0;    // Bonferroni: two-sided kFamilyAlpha over all members
  double chi_square = 0;
  double chi_square_limit = 0;  // upper kFamilyAlpha quantile (Wilson–Hilferty)
  bool exact = true;            // for p = 0 or 1: every count is exactly what it must be
  bool ok() const { return exact && max_abs_z <= z_bound && chi_square <= chi_square_limit; }
};

// Standard normal upper quantile: the z with P(Z > z) = q, by bisection on erfc.
double UpperNormalQuantile(double q) {
  double lo = 0, hi = 40;
  for (int i = 0; i < 200; ++i) {
    const double mid = (lo + hi) / 2;
    (0.5 * std::erfc(mid / std::sqrt(2.0)) > q ? lo : hi) = mid;
  }
  return lo;
}

// counts[i]: how often member i of a class of N = counts.size() was drawn in `trials` draws
// of n members each. Marginally each count is Binomial(trials, n/N); summed over the class,
// (count - E)² / Var is (N/(N-1))·χ²(N-1) for a uniform sample without replacement.
InclusionCheck CheckInclusion(const std::vector<int64_t>& counts, int64_t trials, int64_t n) {
  InclusionCheck out;
  const double big_n = static_cast<double>(counts.size());
  const double p = n / big_n;
  const double mean = trials * p;
  if (n == 0 || n == static_cast<int64_t>(counts.size())) {
    for (int64_t c : counts) out.exact = out.exact && c == static_cast<int64_t>(mean);
    return out;
  }
  const double sd = std::sqrt(trials * p * (1 - p));
  out.z_bound = UpperNormalQuantile(kFamilyAlpha / 2 / big_n);
  for (int64_t c : counts) {
    const double z = (c - mean) / sd;
    out.max_abs_z = std::max(out.max_abs_z, std::fabs(z));
    out.chi_square += z * z;
  }
  out.chi_square *= (big_n - 1) / big_n;
  const double df = big_n - 1;
  const double z = UpperNormalQuantile(kFamilyAlpha);
  out.chi_square_limit = df * std::pow(1 - 2 / (9 * df) + z * std::sqrt(2 / (9 * df)), 3);
  return out;
}

// A selector returns the indices (into a class's members, in pool order) drawn in one trial.
using Selector = std::function<std::vector<size_t>(int trial, size_t n_members, size_t n)>;

std::vector<int64_t> CountInclusions(const Selector& select, size_t n_members, size_t n) {
  std::vector<int64_t> counts(n_members);
  for (int trial = 0; trial < kTrials; ++trial) {
    for (size_t i : select(trial, n_members, n)) ++counts[i];
  }
  return counts;
}

TEST(DrawStatisticsTest, PerClassInclusionMatchesThePolicy) {
  DrawInput in;
  in.inspectors = {{1, "130000", 0}, {2, "130000", 0}};
  int64_t first = 0;
  for (RiskClass c : kAllRiskClasses) {
    AddMembers(in.pool, "130102", c, kPerClass, first);
    first += 1000;
  }
  std::array<std::vector<int64_t>, 4> counts;
  for (auto& c : counts) c.assign(kPerClass, 0);
  for (int trial = 0; trial < kTrials; ++trial) {
    in.seed = TestSeed(0x5eed0000 + trial);
    Result<DrawResult> r = RunDraw(in);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    for (RiskClass c : kAllRiskClasses) {
      ASSERT_EQ(r->per_class[RiskClassIndex(c)].drawn, DrawCount(in.policy.of(c).ratio, kPerClass));
    }
    for (const DrawnTarget& t : r->targets) {
      // The member number is the USCC's last 10 digits: 1000 * class + index.
      const int64_t number = std::stoll(std::string(View(t.uscc)).substr(8)) % 1000;
      ++counts[RiskClassIndex(t.risk_class)][number];
    }
  }
  for (RiskClass c : kAllRiskClasses) {
    const int64_t n = DrawCount(in.policy.of(c).ratio, kPerClass);
    const InclusionCheck check = CheckInclusion(counts[RiskClassIndex(c)], kTrials, n);
    EXPECT_TRUE(check.ok()) << "class " << RiskClassName(c) << ": max |z| " << check.max_abs_z
                            << " (bound " << check.z_bound << "), chi-square " << check.chi_square
                            << " (limit " << check.chi_square_limit << ")";
    // Sanity: a fair selector is not merely inside the bounds but typical.
    EXPECT_LT(check.max_abs_z, 4.5) << RiskClassName(c);
  }
}

TEST(DrawStatisticsTest, RatioOneDrawsEveryoneEveryTime) {
  EXPECT_TRUE(CheckInclusion(std::vector<int64_t>(10, kTrials), kTrials, 10).ok());
  EXPECT_FALSE(CheckInclusion({kTrials, kTrials, kTrials - 1}, kTrials, 3).ok());
}

// The checker must reject selectors with the mistakes a draw could plausibly make.
TEST(DrawStatisticsTest, CheckerRejectsBiasedSelectors) {
  const size_t kN = kPerClass;
  for (const size_t n : {size_t{6}, size_t{20}, size_t{60}, size_t{160}}) {
    // Takes the first n members in pool order: no randomness at all.
    const Selector first_n = [](int, size_t, size_t n) {
      std::vector<size_t> out(n);
      for (size_t i = 0; i < n; ++i) out[i] = i;
      return out;
    };
    EXPECT_FALSE(CheckInclusion(CountInclusions(first_n, kN, n), kTrials, n).ok()) << n;

    // A fair shuffle that never reaches the last 10% of the pool (an off-by-range bug).
    const Selector skips_tail = [](int trial, size_t members, size_t n) {
      std::vector<size_t> idx(members * 9 / 10);
      for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
      std::mt19937_64 rng(trial);
      std::shuffle(idx.begin(), idx.end(), rng);
      idx.resize(n);
      return idx;
    };
    EXPECT_FALSE(CheckInclusion(CountInclusions(skips_tail, kN, n), kTrials, n).ok()) << n;

    // Fair except that member 0 gets two chances (its score is the smaller of two draws).
    const Selector favours_one = [](int trial, size_t members, size_t n) {
      std::mt19937_64 rng(trial);
      std::vector<std::pair<uint64_t, size_t>> scored(members);
      for (size_t i = 0; i < members; ++i) scored[i] = {rng(), i};
      scored[0].first = std::min(scored[0].first, rng());
      std::nth_element(scored.begin(), scored.begin() + n, scored.end());
      std::vector<size_t> out;
      for (size_t i = 0; i < n; ++i) out.push_back(scored[i].second);
      return out;
    };
    EXPECT_FALSE(CheckInclusion(CountInclusions(favours_one, kN, n), kTrials, n).ok()) << n;

    // The same fair selector passes, so the rejections above are about the bias.
    const Selector fair = [](int trial, size_t members, size_t n) {
      std::vector<size_t> idx(members);
      for (size_t i = 0; i < members; ++i) idx[i] = i;
      std::mt19937_64 rng(1000003 * trial + 17);
      std::shuffle(idx.begin(), idx.end(), rng);
      idx.resize(n);
      return idx;
    };
    EXPECT_TRUE(CheckInclusion(CountInclusions(fair, kN, n), kTrials, n).ok()) << n;
  }
}

}  // namespace
}  // namespace zl::inspect
