// The grading tables (migrations 0005, 0009): rule sets, grading runs, each enterprise's
// current grade and the grades it had before (the history holds superseded grades only).
// Session-level functions for use inside Database::Read/Write; the grading engine itself lives in
// credit/ (grader.h, grading_run.h).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace soci {
class session;
}

namespace zl::store {

struct StoredRuleSet {
  std::string version, name, rules, loaded_by, loaded_at;
  bool active = false;
};

// AlreadyExists (field "version") when a rule set with this version is stored.
Status InsertRuleSet(soci::session& sql, const StoredRuleSet& rule_set);
Result<std::optional<StoredRuleSet>> FindRuleSet(soci::session& sql, const std::string& version);
// The active rule set; nullopt before the first grading run.
Result<std::optional<StoredRuleSet>> ActiveRuleSet(soci::session& sql);
// All stored rule sets, newest loaded first, without their text.
Result<std::vector<StoredRuleSet>> ListRuleSets(soci::session& sql);
// Makes `version` the one active rule set.
Status ActivateRuleSet(soci::session& sql, const std::string& version);

struct GradingRunRow {
  std::int64_t id = 0;
  std::string rules_version, as_of, actor, started_at, finished_at;
  std::int64_t graded = 0, changed = 0;
  std::array<std::int64_t, 6> by_grade{};  // by domain::Grade, AAA first
};
Result<std::int64_t> InsertGradingRun(soci::session& sql, const GradingRunRow& run);
// Stores run.id's finish time and counts.
void FinishGradingRun(soci::session& sql, const GradingRunRow& run);
// Newest first.
Result<std::vector<GradingRunRow>> ListGradingRuns(soci::session& sql, int limit);

struct GradeRow {
  std::string uscc, grade;
  std::int64_t score_tenths = 0;
  std::string risk_class, rules_version, graded_on, cause, actor;
  std::int64_t seq = 1;    // the enterprise's 1st, 2nd, … grade
  std::string created_at;  // when this grade was written
};

Result<std::optional<GradeRow>> FindGrade(soci::session& sql, const std::string& uscc);
// Every grade the enterprise has had, newest (the current one) first.
Result<std::vector<GradeRow>> GradeHistory(soci::session& sql, const std::string& uscc);
// Removes the current grades of these enterprises (before WriteGrades replaces them).
// Moves the current grades of these enterprises into the history (before WriteGrades
// replaces them).
Status SupersedeGrades(soci::session& sql, std::span<const std::string> usccs);
// What every grade of one write shares: the rules, the day, the cause ("grading run 7",
// "record 12 added"), who, and when they are written.
struct GradeCause {
  std::string rules_version, graded_on, cause, actor, created_at;
};
// One enterprise's new grade; the views must outlive WriteGrades.
struct NewGrade {
  std::string_view uscc, grade;
  std::int64_t score_tenths = 0;
  std::string_view risk_class;
  std::int64_t seq = 1;  // the enterprise's 1st, 2nd, … grade: one more than the one it replaces
};
// Stores these grades as the enterprises' current ones (none may have one: SupersedeGrades
// first), within the caller's transaction. Faster sorted by uscc.
Status WriteGrades(soci::session& sql, const GradeCause& cause, std::span<const NewGrade> rows);
// Number of enterprises with a grade, by grade (AAA first) and by risk class (A first).
struct GradeCounts {
  std::array<std::int64_t, 6> by_grade{};
  std::array<std::int64_t, 4> by_risk_class{};
};
Result<GradeCounts> CountGrades(soci::session& sql);

}  // namespace zl::store
