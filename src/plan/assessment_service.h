// Assessing city governments as stored data (issue #8): the indicator system of each year
// (loaded by the province, else the compiled-in default), the figures assessors enter, and the
// run that gathers every supervision unit's inputs from the action plan's tasks, scores and
// ranks them (plan/assessment.h) and keeps the results, plus the score-sheet workbook.
//
// Writes are all or nothing and each appends one entry to the audit log in its transaction.
// A stored result carries its score lines with the indicators' texts, so a year's sheets read
// the same after its indicator table changes (until the year is run again).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.h"
#include "base/date.h"
#include "base/result.h"
#include "plan/assessment.h"
#include "store/assessment_tables.h"

namespace soci {
class session;
}
namespace zl::store {
class Database;
}

namespace zl::plan {

// InvalidArgument (field "year") unless 2000 ≤ year ≤ 2100.
Status CheckAssessmentYear(int year);

// A year's indicator system and where it came from.
struct StoredSystem {
  IndicatorSystem system;
  bool loaded = false;  // false: the compiled-in default
  std::string loaded_by, loaded_at;
};
// The system loaded for `year`, else the default. Internal when a stored table no longer parses.
Result<StoredSystem> SystemFor(soci::session& sql, int year);

// Parses `tsv` (ParseIndicatorSystem's errors, field the column, or "body" when the table's
// shape is wrong) and stores it as the year's system, replacing any loaded before.
Result<StoredSystem> LoadSystem(store::Database& db, int year, std::string_view tsv,
                                const auth::Principal& actor, const std::string& request_id = {});

struct FigureInput {
  std::string region_code, indicator;
  double value = 0;
  std::string note;
};
// Stores the figures, replacing earlier ones for the same unit and indicator; all or nothing.
// InvalidArgument naming the entry's field ("figures[3].value"): a region that is not a
// supervision unit, an indicator the year's system does not have or that takes no figure (tasks,
// targets), a value out of range (rate 0–100, figure 0–its points, veto 0 or 1), the same
// unit and indicator twice, a note over 1,000 characters; "figures" when the list is empty.
Status EnterFigures(store::Database& db, int year, std::span<const FigureInput> figures,
                    const auth::Principal& actor, const std::string& request_id = {});

// One unit's result: its score and what it was computed from (figures left out).
struct CityResult {
  CityScore score;
  CityInputs inputs;
};
// A year's stored run.
struct Assessment {
  int year = 0;
  std::string as_of, run_at, run_by;
  IndicatorSystem system;          // as the run used it (from the stored lines)
  std::vector<CityResult> cities;  // in rank order
};

// Scores every supervision unit (all 13, with or without tasks and figures) under the year's
// system on `as_of` and replaces the year's results in one transaction.
Result<Assessment> RunAssessment(store::Database& db, int year, Date as_of,
                                 const auth::Principal& actor, const std::string& request_id = {});

// The year's stored run; nullopt before the first. Internal when a stored sheet is damaged.
Result<std::optional<Assessment>> ReadAssessment(soci::session& sql, int year);

// The workbook: a sheet "排名" (RankingRows), then a 评分细则 sheet (ScoreSheetRows) named by
// the city for each unit in `regions` (empty = every unit), in region-code order.
Result<std::string> AssessmentWorkbook(const Assessment& assessment,
                                       std::span<const std::string> regions);

// The stored form of one unit's result (assessment_result.sheet) and back.
std::string EncodeSheet(const IndicatorSystem& system, const CityResult& city);
Status DecodeSheet(std::string_view json, IndicatorSystem& system, CityResult& city);

}  // namespace zl::plan
