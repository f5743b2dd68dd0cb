// Grading the archive (issue #6): every enterprise at once under a rule set (a grading run,
// `zhiliang grade` and the console's button), a dry run comparing a candidate rule set with the
// current grades, one enterprise or a few again when their records change, and the
// explanation of one enterprise's grade.
//
// A run is one streaming pass: the register, then every record in storage order folded into
// a fixed-size tally per enterprise (grader.h), then the verdicts; only grades that changed
// (grade, score, risk class or rule set) are written, each saying what caused it, and the
// grade each replaces moves into the history. Memory grows with the number of enterprises
// (about 100 bytes each; twice that while the records are read on two sessions), not with
// the number of records. Everything happens in the caller's transaction, so a run is all or
// nothing and sees one consistent archive.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "credit/grader.h"
#include "credit/grading_rules.h"
#include "store/credit_record_table.h"
#include "store/grade_tables.h"
#include "store/import_tables.h"

namespace soci {
class session;
}
namespace zl::store {
class Database;
}

namespace zl::credit {

struct GradingRunResult {
  std::int64_t run_id = 0;
  std::string rules_version;
  Date as_of;
  std::int64_t graded = 0;                      // enterprises graded
  std::int64_t changed = 0;                     // of which the stored grade changed (or was new)
  std::array<std::int64_t, 6> by_grade{};       // by domain::Grade, AAA first
  std::array<std::int64_t, 4> by_risk_class{};  // internal
};

// Grades every enterprise under `rules`, which is stored first if its version is new (and
// refused with AlreadyExists if that version is stored with different text) and becomes the
// active rule set. Call inside Database::Write. `alongside`: the database of that write,
// when the write has not changed the register, records or grades before this call; where
// it allows (Database::CanReadAlongsideWrite) the stored grades and part of the records are
// read through a second session on another core, with the same result. A run writes grades
// only for enterprises it read in the same transaction, so the write may leave foreign keys
// to it (Database::ForeignKeys::kCheckedByWork: 2,000,000 grades 0.65 s faster on SQLite).
Result<GradingRunResult> RunGrading(soci::session& sql, const RuleSet& rules, Date as_of,
                                    const std::string& actor, store::Database* alongside = nullptr);

// How the grades would change under `candidate`: a table of current grade (rows; the last
// row counts enterprises without a grade) by candidate grade (columns). Writes nothing.
struct RuleSetComparison {
  std::string current_version;  // "" before the first run
  std::string candidate_version;
  std::int64_t graded = 0, changed = 0;
  std::array<std::array<std::int64_t, 6>, 7> table{};
};
Result<RuleSetComparison> CompareRuleSets(soci::session& sql, const RuleSet& candidate, Date as_of);

// The active rule set, parsed; nullopt before the first grading run.
Result<std::optional<RuleSet>> LoadActiveRules(soci::session& sql);

// Grades these enterprises again under the active rule set (nothing before the first run),
// writing the ones that changed with `cause` ("record 12 added") in the history. Call in the
// transaction that changed their records.
Status Regrade(soci::session& sql, std::span<const std::string> usccs, const std::string& cause,
               const std::string& actor, Date as_of);
// The same for every enterprise with a record whose id is `first_record_id` or above (the
// records an import just wrote). Above `one_by_one_limit` enterprises it reads the whole
// archive in one pass (as a run does) instead of each enterprise's records, and writes only
// theirs.
inline constexpr size_t kRegradeOneByOneLimit = 5000;
Status RegradeRecordsFrom(soci::session& sql, std::int64_t first_record_id,
                          const std::string& cause, const std::string& actor, Date as_of,
                          size_t one_by_one_limit = kRegradeOneByOneLimit);
// The id the next record will have at least (for RegradeRecordsFrom after an import).
Result<std::int64_t> NextRecordId(soci::session& sql);
// For an import's hook (importer.h): after a committed import of records, regrades the
// enterprises of the records from `first_record_id` on, naming the import as the cause.
Status RegradeImported(soci::session& sql, const store::ImportRun& run,
                       std::int64_t first_record_id, Date as_of);

// An enterprise's current grade as readers see it: the stored row, the last day it was
// confirmed (by the grading run or regrade that set it, or a later run under the same rules
// that found it unchanged) and the day it stays valid until (the rule set's
// grade_valid_months later).
struct CurrentGrade {
  store::GradeRow row;
  std::string confirmed_on;
  std::string valid_until;
};
// nullopt when the enterprise has no grade yet.
Result<std::optional<CurrentGrade>> ReadCurrentGrade(soci::session& sql, const std::string& uscc);

// An enterprise's stored grade worked out again, record by record, under the rule set and
// on the day that produced it.
struct GradeExplanation {
  CurrentGrade grade;
  std::shared_ptr<const RuleSet> rules;
  GradeOutcome outcome;
  std::vector<Contribution> contributions;
  std::vector<store::StoredRecord> records;  // the enterprise's records (titles, dates)
};
// nullopt when the enterprise has no grade yet.
Result<std::optional<GradeExplanation>> ExplainGrade(soci::session& sql, const std::string& uscc);

}  // namespace zl::credit
