// A grading rule set: how records become a quality-credit grade and a risk class (issue #6).
// Rule sets are data, written in the sectioned text format of data/credit/grading_rules.txt
// (the default, compiled in; docs/GRADING.md explains it rule by rule): the GB/T 31863
// dimensions with their maximum and base points, weights by record kind, polarity and
// severity with a look-back window and a half-life, the score thresholds of the grades,
// vetoes that cap the grade, the on-site audit that AA and AAA need, and the rule deriving the
// risk class. Every kind a rule names must be a known record kind (domain/record_kind.h).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "domain/credit_grade.h"
#include "domain/credit_record.h"

namespace zl::credit {

// Limits that keep the grader's per-enterprise state small and fixed (see grader.h).
inline constexpr int kMaxDimensions = 8;
inline constexpr int kMaxVetoes = 32;
inline constexpr int kMaxRiskRaises = 8;
inline constexpr int kMaxRiskForces = 8;

struct GradingDimension {
  std::string code, name_zh, name_en;
  double max_points = 0;
  double base_points = 0;  // the score with no record in the dimension
};

// A record in force of `kind` (and polarity / severity, unset = any) that occurred within
// `window_months` before the grading day (0 = no limit) moves `dimension` by `points`,
// halved every `half_life_months` of age (0 = no decay). The first matching rule applies.
struct WeightRule {
  std::string kind;
  std::optional<domain::Polarity> polarity;
  std::optional<domain::Severity> severity;
  int dimension = 0;  // index into RuleSet::dimensions
  double points = 0;
  int half_life_months = 0;
  int window_months = 0;
};

enum class VetoType {
  kRecord,   // having a record in force of `kind` (and severity) within the window
  kMissing,  // lacking a good record of `kind` within the window, in one of `industries`
};

struct VetoRule {
  std::string code;
  VetoType type = VetoType::kRecord;
  std::string kind;
  std::optional<domain::Severity> severity;  // kRecord only; unset = any
  int window_months = 0;                     // 0 = any time
  std::vector<std::string> industries;       // GB/T 4754 prefixes; empty = all
  domain::Grade cap = domain::Grade::kD;     // the best grade left
  std::string basis;                         // the legal or policy basis, shown to people

  bool AppliesToIndustry(std::string_view industry_code) const;
};

// Grades that need an on-site audit: a good record of `kind` within `valid_months`.
struct AuditRule {
  std::string kind;
  int valid_months = 36;
  std::vector<domain::Grade> grades;  // e.g. AAA, AA
  domain::Grade cap_without = domain::Grade::kA;
};

struct RiskRaiseRule {
  std::string kind;
  int window_months = 12;
  int count = 1;
  int steps = 1;
};

struct RiskForceRule {
  std::string kind;
  int window_months = 0;
  domain::RiskClass risk_class = domain::RiskClass::kD;
};

struct RuleSet {
  std::string version;  // e.g. hebei-default-2026.1: letters, digits, '.', '-', '_'
  std::string name;
  int grade_valid_months = 12;
  std::vector<GradingDimension> dimensions;
  std::vector<WeightRule> weights;
  std::array<double, 6> min_score{};  // by domain::Grade, best first, strictly decreasing
  std::vector<VetoRule> vetoes;
  std::optional<AuditRule> audit;
  std::array<domain::RiskClass, 6> risk_by_grade{};
  std::vector<RiskRaiseRule> risk_raises;
  std::vector<RiskForceRule> risk_forces;
  std::string text;  // the file it was parsed from, stored with the grades it produced

  // Parses and checks a rule file. InvalidArgument "<source>:<line>: …" naming the section
  // and the problem (unknown section or kind, a weight naming no dimension, thresholds out of
  // order, a missing grade, too many vetoes …).
  static Result<RuleSet> Parse(std::string_view text, std::string_view source);
  // data/credit/grading_rules.txt, parsed once.
  static const RuleSet& Default();

  // The grade the score alone earns.
  domain::Grade GradeForScore(double score) const;
  // The sum of the dimensions' maximum points (100 for the default rules).
  double MaxScore() const;
};

}  // namespace zl::credit
