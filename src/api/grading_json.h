// The JSON shapes of grading (issue #6): a grading run's result, a rule-set comparison, an
// enterprise's grade (public part and internal part), its explanation and its history.
// Shared by the API handlers and `zhiliang grade --format json`.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "credit/grading_run.h"
#include "store/grade_tables.h"

namespace zl::api {

// {"run_id", "graded", "changed", "by_grade": {"AAA": n, …, "D": n}, "rules_version", "as_of"}
// plus "by_risk_class" when `internal` (regulators and the CLI).
nlohmann::json GradingRunToJson(const credit::GradingRunResult& run, bool internal);

// {"current_version", "candidate_version", "graded", "changed", "grades": [...],
//  "table": [{"from": "AAA"|…|null, "to": {"AAA": n, …}}]}
nlohmann::json ComparisonToJson(const credit::RuleSetComparison& comparison);

// {"grade", "score", "graded_on", "valid_until", "rules_version"}; graded_on is the last day
// the grade was confirmed. With `internal` also "risk_class" (never in a public response).
nlohmann::json GradeToJson(const credit::CurrentGrade& grade, bool internal);

// The explanation: dimensions with their scores, each contributing record with its points,
// vetoes met, the audit cap, the risk rules that applied. Risk rules only when `internal`.
nlohmann::json ExplanationToJson(const credit::GradeExplanation& explanation, bool internal);

// [{"grade", "score", "risk_class"?, "rules_version", "graded_on", "cause", "actor",
//   "created_at"}], newest first.
nlohmann::json GradeHistoryToJson(const std::vector<store::GradeRow>& history, bool internal);

}  // namespace zl::api
