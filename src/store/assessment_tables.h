// The assessment tables of migration 0011 (the indicator system each year is assessed by, the
// figures assessors enter, the results of a run) and the one query that reads the action
// plan's tasks for an assessment. Session-level functions for use inside Database::Read/Write;
// the scoring is plan/assessment.h and the service that ties them together
// plan/assessment_service.h.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.h"

namespace soci {
class session;
}

namespace zl::store {

struct AssessmentSystemRow {
  std::int64_t year = 0;
  std::string definition;  // the indicator table (TSV) as loaded
  std::string loaded_by, loaded_at;
};
Result<std::optional<AssessmentSystemRow>> FindAssessmentSystem(soci::session& sql,
                                                                std::int64_t year);
// Inserts or replaces the year's system.
Status SaveAssessmentSystem(soci::session& sql, const AssessmentSystemRow& row);

struct AssessmentFigureRow {
  std::int64_t year = 0;
  std::string region_code, indicator;
  double value = 0;
  std::string note, entered_by, entered_at;
};
// Inserts the figure or replaces the one entered before for (year, region, indicator).
Status UpsertAssessmentFigure(soci::session& sql, const AssessmentFigureRow& row);
// The year's figures (of one region, or all when `region_code` is ""), by region and indicator.
Result<std::vector<AssessmentFigureRow>> ListAssessmentFigures(soci::session& sql,
                                                               std::int64_t year,
                                                               const std::string& region_code);

struct AssessmentResultRow {
  std::int64_t year = 0;
  std::string region_code;
  double total = 0;
  std::string grade;  // "A" … "D"
  std::int64_t rank = 0;
  bool vetoed = false;
  std::string sheet;  // JSON: the score lines and the inputs (plan/assessment_service.cc)
  std::string as_of, run_by, run_at;
};
// Deletes the year's results and inserts `rows` (call inside a Write: one run replaces another
// as a whole).
Status ReplaceAssessmentResults(soci::session& sql, std::int64_t year,
                                std::span<const AssessmentResultRow> rows);
// The year's results in rank order (ties by region code); empty before the first run.
Result<std::vector<AssessmentResultRow>> ListAssessmentResults(soci::session& sql,
                                                               std::int64_t year);
Result<std::optional<AssessmentResultRow>> FindAssessmentResult(soci::session& sql,
                                                                std::int64_t year,
                                                                const std::string& region_code);

struct AssessmentRunRow {
  std::int64_t year = 0;
  std::string as_of, run_at, run_by;
  std::int64_t city_count = 0;
};
// The years with results, newest year first.
Result<std::vector<AssessmentRunRow>> ListAssessmentRuns(soci::session& sql);

// What the action plan says about one unit for an assessment: its top-level tasks (parent_id
// 0) of plans of the year.
struct TaskInputsRow {
  std::string region_code;
  std::int64_t tasks_due = 0;  // deadline on or before as_of, or closed
  std::int64_t on_time = 0;    // closed on or before the deadline
  std::int64_t late = 0;       // closed after the deadline
  std::int64_t targeted = 0;   // with a target value above 0
  double achievement = 0;      // mean of achieved ÷ target, each kept within 0…1
};
// One row per region that has tasks, by region code. `as_of` is 'YYYY-MM-DD'.
Result<std::vector<TaskInputsRow>> TaskInputsByRegion(soci::session& sql, std::int64_t year,
                                                      const std::string& as_of);

}  // namespace zl::store
