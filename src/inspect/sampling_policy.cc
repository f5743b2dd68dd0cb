// The sampling policy table: parsing, formatting, validation and exact draw counts.
#include "inspect/sampling_policy.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "base/embedded_data.h"
#include "domain/tsv.h"

namespace zl::inspect {
namespace data {
std::span<const EmbeddedFile> SamplingPolicyFiles();  // data/inspect/sampling_policy.tsv
}  // namespace data

namespace {

constexpr std::string_view kHeader = "class\tratio\tratio_min\tratio_max\tchecks_per_year";
constexpr double kPpm = 1e6;

Result<double> ParseNumber(std::string_view text) {
  double v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(v)) {
    return Status::InvalidArgument(fmt::format("'{}' is not a number", text));
  }
  return v;
}

bool IsUnitInterval(double v) { return std::isfinite(v) && v >= 0 && v <= 1; }

}  // namespace

int64_t DrawCount(double ratio, int64_t pool_size) {
  if (!(ratio > 0) || pool_size <= 0) return 0;  // also NaN
  const int64_t ppm = ratio >= 1 ? 1000000 : std::llround(ratio * kPpm);
  return (ppm * pool_size + 999999) / 1000000;
}

const SamplingPolicy& SamplingPolicy::Default() {
  static const SamplingPolicy* const kDefault =
      new SamplingPolicy(ParseEmbeddedOrDie<SamplingPolicy>(data::SamplingPolicyFiles()[0],
                                                            &SamplingPolicy::FromText));
  return *kDefault;
}

Result<SamplingPolicy> SamplingPolicy::FromText(std::string_view tsv, std::string_view source) {
  ZL_ASSIGN_OR_RETURN(std::vector<domain::TsvRow> rows, domain::ParseTsv(tsv, kHeader, source));
  SamplingPolicy policy;
  std::array<bool, 4> seen{};
  for (const domain::TsvRow& row : rows) {
    auto where = [&](const Status& s) {
      return s.WithContext(fmt::format("{}:{}: ", source, row.line));
    };
    Result<RiskClass> c = ParseRiskClass(row.fields[0]);
    if (!c.ok()) return where(c.status());
    if (seen[RiskClassIndex(*c)]) {
      return where(Status::InvalidArgument(
          fmt::format("class {} is listed twice", RiskClassName(*c)), "risk_class"));
    }
    seen[RiskClassIndex(*c)] = true;
    ClassPolicy& p = policy.of(*c);
    double* const targets[] = {&p.ratio, &p.ratio_min, &p.ratio_max, &p.checks_per_year};
    static constexpr std::string_view kNames[] = {"ratio", "ratio_min", "ratio_max",
                                                  "checks_per_year"};
    for (size_t i = 0; i < 4; ++i) {
      Result<double> v = ParseNumber(row.fields[i + 1]);
      if (!v.ok()) {
        return where(Status::InvalidArgument(
            fmt::format("class {}: {}: {}", RiskClassName(*c), kNames[i], v.status().message()),
            fmt::format("{}.{}", RiskClassName(*c), kNames[i])));
      }
      *targets[i] = *v;
    }
  }
  for (RiskClass c : kAllRiskClasses) {
    if (!seen[RiskClassIndex(c)]) {
      return Status::InvalidArgument(
          fmt::format("{}: class {} has no row", source, RiskClassName(c)), "risk_class");
    }
  }
  Status valid = policy.Validate();
  if (!valid.ok()) return valid.WithContext(fmt::format("{}: ", source));
  return policy;
}

std::string SamplingPolicy::ToText() const {
  std::string out =
      "# Sampling policy of the random inspection draw (双随机): per risk class, the share of\n"
      "# the pool drawn, the range it may be set within, and planned checks per enterprise and\n"
      "# year (0 = as needed).\n";
  out += kHeader;
  out += '\n';
  for (RiskClass c : kAllRiskClasses) {
    const ClassPolicy& p = of(c);
    out += fmt::format("{}\t{}\t{}\t{}\t{}\n", RiskClassName(c), p.ratio, p.ratio_min, p.ratio_max,
                       p.checks_per_year);
  }
  return out;
}

Status SamplingPolicy::Validate() const {
  for (RiskClass c : kAllRiskClasses) {
    const ClassPolicy& p = of(c);
    const std::string_view name = RiskClassName(c);
    auto fail = [&](std::string_view field, const std::string& why) {
      return Status::InvalidArgument(fmt::format("class {}: {} {}", name, field, why),
                                     fmt::format("{}.{}", name, field));
    };
    const std::pair<std::string_view, double> bounded[] = {
        {"ratio", p.ratio}, {"ratio_min", p.ratio_min}, {"ratio_max", p.ratio_max}};
    for (const auto& [field, v] : bounded) {
      if (!IsUnitInterval(v)) return fail(field, fmt::format("{} is outside [0, 1]", v));
    }
    if (p.ratio_min > p.ratio_max) {
      return fail("ratio_min", fmt::format("{} is above ratio_max {}", p.ratio_min, p.ratio_max));
    }
    if (p.ratio < p.ratio_min || p.ratio > p.ratio_max) {
      return fail("ratio",
                  fmt::format("{} is outside [{}, {}]", p.ratio, p.ratio_min, p.ratio_max));
    }
    if (std::fabs(p.ratio * kPpm - std::round(p.ratio * kPpm)) > 1e-6) {
      return fail("ratio", fmt::format("{} has more than 6 decimal places", p.ratio));
    }
    if (!std::isfinite(p.checks_per_year) || p.checks_per_year < 0) {
      return fail("checks_per_year", fmt::format("{} is not a number ≥ 0", p.checks_per_year));
    }
  }
  return Status::Ok();
}

}  // namespace zl::inspect
