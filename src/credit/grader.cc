// Grading one enterprise under a rule set (see grader.h).
#include "credit/grader.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>

namespace zl::credit {

namespace {

using domain::Grade;
using domain::Polarity;
using domain::RiskClass;
using domain::Severity;

constexpr double kDaysPerMonth = 365.2425 / 12;

Grade Worse(Grade a, Grade b) { return std::max(a, b); }

std::int32_t SaturatingSum(std::int64_t a, std::int64_t b) {
  return static_cast<std::int32_t>(std::clamp<std::int64_t>(a + b, INT32_MIN, INT32_MAX));
}

}  // namespace

Grader::Grader(const RuleSet& rules, Date as_of) : rules_(rules), as_of_(as_of) {
  auto kind_index = [&](const std::string& kind) {
    for (size_t i = 0; i < kinds_.size(); ++i) {
      if (kinds_[i].kind == kind) return static_cast<int>(i);
    }
    KindRules k;
    k.kind = kind;
    for (auto& row : k.weight_by) std::fill(std::begin(row), std::end(row), -1);
    kinds_.push_back(std::move(k));
    return static_cast<int>(kinds_.size() - 1);
  };
  for (size_t w = 0; w < rules.weights.size(); ++w) {
    const WeightRule& rule = rules.weights[w];
    KindRules& k = kinds_[kind_index(rule.kind)];
    for (int p = 0; p < 3; ++p) {
      for (int s = 0; s < 4; ++s) {
        const bool match = (!rule.polarity || static_cast<int>(*rule.polarity) == p) &&
                           (!rule.severity || static_cast<int>(*rule.severity) == s);
        if (match && k.weight_by[p][s] < 0) k.weight_by[p][s] = static_cast<int>(w);
      }
    }
    weight_start_.push_back(WindowStart(rule.window_months));
    half_life_days_.push_back(rule.half_life_months * kDaysPerMonth);
  }
  for (size_t v = 0; v < rules.vetoes.size(); ++v) {
    const VetoRule& rule = rules.vetoes[v];
    KindRules& k = kinds_[kind_index(rule.kind)];
    (rule.type == VetoType::kRecord ? k.record_vetoes : k.missing_vetoes)
        .push_back(static_cast<int>(v));
    veto_start_.push_back(WindowStart(rule.window_months));
  }
  for (size_t r = 0; r < rules.risk_raises.size(); ++r) {
    kinds_[kind_index(rules.risk_raises[r].kind)].raises.push_back(static_cast<int>(r));
    raise_start_.push_back(WindowStart(rules.risk_raises[r].window_months));
  }
  for (size_t f = 0; f < rules.risk_forces.size(); ++f) {
    kinds_[kind_index(rules.risk_forces[f].kind)].forces.push_back(static_cast<int>(f));
    force_start_.push_back(WindowStart(rules.risk_forces[f].window_months));
  }
  if (rules.audit) {
    kinds_[kind_index(rules.audit->kind)].audit = true;
    audit_start_ = WindowStart(rules.audit->valid_months);
  }
}

Date Grader::WindowStart(int months) const {
  return months == 0 ? Date::FromDays(INT32_MIN) : as_of_.AddMonths(-months);
}

int Grader::KindIndex(std::string_view kind) const {
  for (size_t i = 0; i < kinds_.size(); ++i) {
    if (kinds_[i].kind == kind) return static_cast<int>(i);
  }
  return -1;
}

GradeTally Grader::NewTally() const {
  GradeTally t;
  std::fill(std::begin(t.milli_points), std::end(t.milli_points), 0);
  std::fill(std::begin(t.raise_counts), std::end(t.raise_counts), std::uint16_t{0});
  return t;
}

void Grader::Add(GradeTally& tally, const GradedRecord& record,
                 std::vector<Contribution>* explain) const {
  if (record.kind < 0 || record.occurred_on > as_of_) return;
  const KindRules& k = kinds_[static_cast<size_t>(record.kind)];
  const Date day = record.occurred_on;
  const int w = k.weight_by[static_cast<int>(record.polarity)][static_cast<int>(record.severity)];
  if (w >= 0 && day >= weight_start_[w]) {
    const WeightRule& rule = rules_.weights[w];
    double factor = 1;
    if (half_life_days_[w] > 0) {
      factor = std::exp2(-(as_of_.days_since_epoch - day.days_since_epoch) / half_life_days_[w]);
    }
    const std::int64_t milli = std::llround(rule.points * factor * 1000);
    std::int32_t& sum = tally.milli_points[rule.dimension];
    sum = SaturatingSum(sum, milli);
    if (explain != nullptr) {
      explain->push_back({record.id, rule.dimension, w, static_cast<double>(milli) / 1000, factor});
    }
  }
  for (int v : k.record_vetoes) {
    const VetoRule& rule = rules_.vetoes[v];
    if (day >= veto_start_[v] && (!rule.severity || *rule.severity == record.severity)) {
      tally.record_vetoes |= 1u << v;
    }
  }
  if (record.polarity == Polarity::kGood) {
    for (int v : k.missing_vetoes) {
      if (day >= veto_start_[v]) tally.missing_found |= 1u << v;
    }
    if (k.audit && day >= audit_start_) tally.audited = true;
  }
  for (int r : k.raises) {
    if (day >= raise_start_[r] && tally.raise_counts[r] < UINT16_MAX) ++tally.raise_counts[r];
  }
  for (int f : k.forces) {
    if (day >= force_start_[f]) tally.forces |= static_cast<std::uint8_t>(1u << f);
  }
}

void Grader::Merge(GradeTally& tally, const GradeTally& part) {
  for (size_t d = 0; d < kMaxDimensions; ++d) {
    tally.milli_points[d] = SaturatingSum(tally.milli_points[d], part.milli_points[d]);
  }
  for (size_t r = 0; r < kMaxRiskRaises; ++r) {
    tally.raise_counts[r] = static_cast<std::uint16_t>(
        std::min<int>(UINT16_MAX, tally.raise_counts[r] + part.raise_counts[r]));
  }
  tally.record_vetoes |= part.record_vetoes;
  tally.missing_found |= part.missing_found;
  tally.forces |= part.forces;
  tally.audited = tally.audited || part.audited;
}

GradeOutcome Grader::Finish(const GradeTally& tally, std::string_view industry_code) const {
  GradeOutcome out;
  Evaluate(tally, industry_code, &out);
  return out;
}

Verdict Grader::Decide(const GradeTally& tally, std::string_view industry_code) const {
  return Evaluate(tally, industry_code, nullptr);
}

Verdict Grader::Evaluate(const GradeTally& tally, std::string_view industry_code,
                         GradeOutcome* reasons) const {
  double total = 0;
  for (size_t d = 0; d < rules_.dimensions.size(); ++d) {
    const GradingDimension& dim = rules_.dimensions[d];
    const double score =
        std::clamp(dim.base_points + tally.milli_points[d] / 1000.0, 0.0, dim.max_points);
    if (reasons != nullptr) reasons->dimension_scores.push_back(score);
    total += score;
  }
  const double score = std::round(total * 10) / 10;
  const Grade score_grade = rules_.GradeForScore(score);
  Grade grade = score_grade;
  for (size_t v = 0; v < rules_.vetoes.size(); ++v) {
    const VetoRule& rule = rules_.vetoes[v];
    const bool met = rule.type == VetoType::kRecord ? (tally.record_vetoes >> v & 1u) != 0
                                                    : rule.AppliesToIndustry(industry_code) &&
                                                          (tally.missing_found >> v & 1u) == 0;
    if (met) {
      grade = Worse(grade, rule.cap);
      if (reasons != nullptr) reasons->vetoes.push_back(static_cast<int>(v));
    }
  }
  bool audit_cap = false;
  if (rules_.audit && !tally.audited &&
      std::find(rules_.audit->grades.begin(), rules_.audit->grades.end(), grade) !=
          rules_.audit->grades.end()) {
    grade = Worse(grade, rules_.audit->cap_without);
    audit_cap = true;
  }
  int risk = static_cast<int>(rules_.risk_by_grade[static_cast<int>(grade)]);
  for (size_t r = 0; r < rules_.risk_raises.size(); ++r) {
    const RiskRaiseRule& rule = rules_.risk_raises[r];
    if (tally.raise_counts[r] >= rule.count) {
      risk += rule.steps;
      if (reasons != nullptr) reasons->risk_raises.push_back(static_cast<int>(r));
    }
  }
  for (size_t f = 0; f < rules_.risk_forces.size(); ++f) {
    if ((tally.forces >> f & 1u) != 0) {
      risk = std::max(risk, static_cast<int>(rules_.risk_forces[f].risk_class));
      if (reasons != nullptr) reasons->risk_forces.push_back(static_cast<int>(f));
    }
  }
  const Verdict verdict{grade,
                        static_cast<RiskClass>(std::min(risk, static_cast<int>(RiskClass::kD))),
                        static_cast<std::int32_t>(std::llround(score * 10))};
  if (reasons != nullptr) {
    reasons->score = score;
    reasons->score_grade = score_grade;
    reasons->grade = verdict.grade;
    reasons->audit_cap = audit_cap;
    reasons->risk_class = verdict.risk_class;
  }
  return verdict;
}

}  // namespace zl::credit
