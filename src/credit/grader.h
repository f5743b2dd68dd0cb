// Grader: applies a rule set (grading_rules.h) to one enterprise's records in force, as of a
// grading day, giving a score, a grade and a risk class, and on request the explanation: each
// record that moved the score and by how much, and each veto or cap that applied.
//
// It is built for streaming: records arrive one at a time, in any order, and are folded into
// a small fixed-size GradeTally per enterprise (no allocation per record), so that grading
// every enterprise of the province is one pass over the records (grading_run.h). Everything
// that depends only on the rules and the day (which rule a kind, polarity and severity hits,
// the windows' first days) is worked out once in the constructor.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "credit/grading_rules.h"
#include "domain/credit_grade.h"
#include "domain/credit_record.h"

namespace zl::credit {

// What the grader folds in per enterprise; start from Grader::NewTally(). Points are summed
// as whole thousandths (each record's points after decay rounded once), so a tally is exact
// and the same whatever order its records arrive in, or how many partial tallies of one
// enterprise are merged: a grade never depends on storage order or on the threads of a run.
struct GradeTally {
  std::int32_t milli_points[kMaxDimensions];  // per dimension; saturates at ±2^31
  std::uint16_t raise_counts[kMaxRiskRaises];
  std::uint32_t record_vetoes = 0;  // bit i: veto i (a record veto) is met
  std::uint32_t missing_found = 0;  // bit i: the record veto i (a missing veto) asks for exists
  std::uint8_t forces = 0;          // bit i: risk force rule i is met
  bool audited = false;
};

// A record in force, as the grader needs it. `kind` is Grader::KindIndex of its kind.
struct GradedRecord {
  std::int64_t id = 0;
  int kind = -1;
  domain::Polarity polarity = domain::Polarity::kNeutral;
  domain::Severity severity = domain::Severity::kNone;
  Date occurred_on;
};

// One record's effect on the score, for the explanation.
struct Contribution {
  std::int64_t record_id = 0;
  int dimension = 0;  // index into the rules' dimensions
  int weight = 0;     // index into the rules' weights
  double points = 0;  // after decay
  double factor = 1;  // the decay factor applied to the rule's points
};

struct GradeOutcome {
  double score = 0;             // rounded to one decimal
  domain::Grade score_grade{};  // what the score alone earns
  domain::Grade grade{};        // after vetoes and the audit cap
  domain::RiskClass risk_class{};
  std::vector<double> dimension_scores;  // clamped to [0, max], per dimension
  std::vector<int> vetoes;               // indices of the vetoes met (each caps the grade)
  bool audit_cap = false;                // capped for want of an on-site audit
  std::vector<int> risk_raises;          // indices of the raise rules that applied
  std::vector<int> risk_forces;          // indices of the force rules that applied
};

// What a grading run keeps of an outcome.
struct Verdict {
  domain::Grade grade{};
  domain::RiskClass risk_class{};
  std::int32_t score_tenths = 0;  // the score (rounded to one decimal) times ten
};

class Grader {
 public:
  // `rules` must outlive the grader.
  Grader(const RuleSet& rules, Date as_of);

  const RuleSet& rules() const { return rules_; }
  Date as_of() const { return as_of_; }

  // The index of a record kind among those the rules name, or -1: records of such kinds
  // cannot change anything and may be skipped.
  int KindIndex(std::string_view kind) const;

  GradeTally NewTally() const;
  // Folds one record in force into the tally; with `explain`, adds its contribution (if any).
  void Add(GradeTally& tally, const GradedRecord& record,
           std::vector<Contribution>* explain = nullptr) const;
  // Folds `part` (the tally of some other records of the same enterprise) into `tally`.
  static void Merge(GradeTally& tally, const GradeTally& part);
  // The verdict for an enterprise of `industry_code` with this tally, with the reasons.
  GradeOutcome Finish(const GradeTally& tally, std::string_view industry_code) const;
  // The same verdict without the reasons (no allocation: for grading every enterprise).
  Verdict Decide(const GradeTally& tally, std::string_view industry_code) const;

 private:
  // What the rules say about one kind.
  struct KindRules {
    std::string kind;
    int weight_by[3][4];  // [polarity][severity] -> first matching weight rule, or -1
    std::vector<int> record_vetoes, missing_vetoes, raises, forces;
    bool audit = false;
  };
  // First day of a look-back window of `months` (0: no limit).
  Date WindowStart(int months) const;
  // Finish and Decide: the verdict, and with `reasons` what led to it.
  Verdict Evaluate(const GradeTally& tally, std::string_view industry_code,
                   GradeOutcome* reasons) const;

  const RuleSet& rules_;
  Date as_of_;
  std::vector<KindRules> kinds_;
  std::vector<Date> weight_start_, veto_start_, raise_start_, force_start_;
  std::vector<double> half_life_days_;
  Date audit_start_;
};

}  // namespace zl::credit
