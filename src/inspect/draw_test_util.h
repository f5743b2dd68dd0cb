// Helpers shared by the draw's tests: synthetic USCCs, pools, seeds and inspectors.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <vector>

#include "inspect/random_draw.h"

namespace zl::inspect::testing {

// "91" + region + 10 digits of n: 18 characters, distinct for distinct (region, n).
inline std::string TestUscc(const std::string& region, int64_t n) {
  return fmt::format("91{}{:010d}", region, n);
}

// A valid seed derived from a number.
inline std::string TestSeed(uint64_t n) { return fmt::format("{:064x}", n); }

inline PoolEntry Entry(const std::string& region, int64_t n, RiskClass c) {
  return PoolEntry::Make(TestUscc(region, n), region, c).value();
}

// `count` members of class c in `region`, numbered from `first`.
inline void AddMembers(std::vector<PoolEntry>& pool, const std::string& region, RiskClass c,
                       int count, int64_t first = 0) {
  for (int i = 0; i < count; ++i) pool.push_back(Entry(region, first + i, c));
}

// A policy with the given ratio for every class (bounds [0, 1]).
inline SamplingPolicy UniformPolicy(double ratio) {
  SamplingPolicy p;
  for (RiskClass c : kAllRiskClasses) p.of(c) = {ratio, 0, 1, 1};
  return p;
}

}  // namespace zl::inspect::testing
