// The sampling policy of the 双随机 random draw: for each risk class, the share of the pool
// drawn, the range that share may be set within, and the planned checks per year
// (credit-rules.md §14, item 104: "store ratio_min/ratio_max/freq_per_year per class").
//
// The defaults are Lindian county's published ratios (the only complete local example found;
// Hebei's own were not retrieved): A ≤5%, B 5–20%, C 21–60%, D 61–100%. They live in
// data/inspect/sampling_policy.tsv, compiled into the binary; a regulator edits the ratio
// within [ratio_min, ratio_max] for a task.
//
// Ratios count to 6 decimal places (parts per million) so that the number drawn is exact:
// DrawCount(0.03, 200) is 6, never 7 through floating-point error.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"
#include "inspect/risk_class.h"

namespace zl::inspect {

struct ClassPolicy {
  double ratio = 0;      // share of the class's pool the draw takes, in [ratio_min, ratio_max]
  double ratio_min = 0;  // bounds a regulator may set the ratio within, in [0, 1]
  double ratio_max = 1;
  double checks_per_year = 0;  // planned on-site checks per enterprise and year; 0 = as needed

  bool operator==(const ClassPolicy&) const = default;
};

// The number drawn from a class of `pool_size` members: ceil(ratio × pool_size), computed
// exactly on the ratio rounded to whole parts per million; 0 when the ratio is 0. The ratio
// is clamped to [0, 1].
int64_t DrawCount(double ratio, int64_t pool_size);

class SamplingPolicy {
 public:
  // The embedded data/inspect/sampling_policy.tsv, parsed once (thread-safe).
  static const SamplingPolicy& Default();
  // Parses the format of data/inspect/sampling_policy.tsv: '#' comments, the header
  // "class\tratio\tratio_min\tratio_max\tchecks_per_year", one row per class A–D (each
  // exactly once). Fails with InvalidArgument "<source>:<line>: …" for a bad class, a field
  // that is not a number, a missing or repeated class, and whatever Validate() rejects.
  static Result<SamplingPolicy> FromText(std::string_view tsv,
                                         std::string_view source = "sampling_policy.tsv");
  // The same format, with a header comment; FromText(ToText()) gives back an equal policy.
  std::string ToText() const;

  // Fails with InvalidArgument naming the class and field (field "<class>.<name>", e.g.
  // "B.ratio") when a number is not finite, a ratio or bound lies outside [0, 1],
  // ratio_min > ratio_max, the ratio lies outside [ratio_min, ratio_max], a ratio has more
  // than 6 decimal places, or checks_per_year is negative.
  Status Validate() const;

  const ClassPolicy& of(RiskClass c) const { return classes_[RiskClassIndex(c)]; }
  ClassPolicy& of(RiskClass c) { return classes_[RiskClassIndex(c)]; }

  bool operator==(const SamplingPolicy&) const = default;

 private:
  std::array<ClassPolicy, 4> classes_{};
};

}  // namespace zl::inspect
