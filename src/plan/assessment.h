// Assessing city governments' quality work (质量工作考核), after 国办发〔2013〕47号: an indicator
// system per year (quality targets, quality measures, veto items; 100 points; grades A ≥ 90,
// B 80–89, C 60–79, D ≤ 59, a veto item means D) defined as data, and the scoring of each city
// from its tracked tasks and targets plus the figures assessors enter. Pure logic: the service
// (plan/assessment_service.h) gathers the inputs from the database and stores the results.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace zl::plan {

// Where an indicator's score comes from.
enum class IndicatorSource {
  kRate,     // a figure the assessors enter (a rate in %): full points at or above
             // `full_at`, none at or below `zero_at`, linear between
  kFigure,   // the assessors enter the points themselves (0 … points)
  kTasks,    // the share of the city's due tasks closed on time (late ones count
             // `late_factor`)
  kTargets,  // the mean achievement (achieved ÷ assigned, at most 1) of the city's tasks
             // that carry a quantitative target
  kVeto,     // a veto item (否决项): a figure of 1 means it happened; no points
};

struct Indicator {
  std::string code;             // unique within the system, e.g. "T1"
  std::string level1;           // 一级指标, e.g. 质量目标
  std::string level2;           // 二级指标
  std::string name;             // 三级指标 / 考核要点
  std::string method;           // 评分方法, as the assessors read it
  std::string evidence;         // 评分依据 / 需提交材料
  std::string lead_department;  // 牵头考核部门
  double points = 0;            // 分值; 0 for a veto item
  IndicatorSource source = IndicatorSource::kFigure;
  double full_at = 0, zero_at = 0;  // kRate only
  double late_factor = 0.5;         // kTasks only
};

struct IndicatorSystem {
  int year = 0;
  std::vector<Indicator> indicators;
};

// Parses an indicator table (the TSV format of data/plan/assessment_indicators.tsv). Fails
// with InvalidArgument naming the line and column: unknown source, duplicate code, points not
// a number, scored points not adding up to 100, a rate without full_at > zero_at.
Result<IndicatorSystem> ParseIndicatorSystem(std::string_view tsv, int year);

// The default system (data/plan/assessment_indicators.tsv, compiled in) for `year`.
IndicatorSystem DefaultIndicatorSystem(int year);

// What is known about one city when it is assessed.
struct CityInputs {
  std::string region_code;
  int tasks_due = 0;                      // its tasks that are due by the assessment day or closed
  int tasks_on_time = 0;                  // of those, closed on or before their deadline
  int tasks_late = 0;                     // closed after their deadline
  int targeted_tasks = 0;                 // tasks with an assigned target value
  double target_achievement = 0;          // mean of min(achieved ÷ assigned, 1) over those
  std::map<std::string, double> figures;  // indicator code → the figure entered
};

struct ScoreLine {
  std::string code;
  double points = 0;     // the indicator's 分值
  double score = 0;      // 得分, rounded to 0.01
  std::string basis;     // how it was reached, for the score sheet ("8 of 10 tasks on time")
  bool missing = false;  // its figure has not been entered (scored 0)
  bool vetoed = false;   // a veto item that happened
};

struct CityScore {
  std::string region_code;
  std::vector<ScoreLine> lines;  // in the system's order
  double total = 0;              // rounded to 0.01
  bool vetoed = false;
  char grade = 'D';  // 'A' … 'D'
  int rank = 0;      // 1 = best; equal totals share a rank; vetoed cities rank last
};

// Scores every city and ranks them. Pure: same inputs, same result.
std::vector<CityScore> ScoreCities(const IndicatorSystem& system,
                                   std::span<const CityInputs> cities);

// 'A' for ≥ 90, 'B' for ≥ 80, 'C' for ≥ 60, else 'D'.
char GradeFor(double total, bool vetoed);

// The score sheet of one city in the usual 评分细则 layout: a header row (一级指标, 二级指标,
// 考核要点, 评分方法, 评分依据, 牵头考核部门, 分值, 得分, 得分说明) and a row per indicator, then a
// total row. `city_name` goes into the title row above the header.
std::vector<std::vector<std::string>> ScoreSheetRows(const IndicatorSystem& system,
                                                     const CityScore& score,
                                                     std::string_view city_name);

// The ranking table: a header row (排名, 地区, 总分, 等级, 否决项) and a row per city in rank
// order; `names` maps region codes to the names shown.
std::vector<std::vector<std::string>> RankingRows(std::span<const CityScore> scores,
                                                  std::map<std::string, std::string> names);

std::string_view IndicatorSourceName(IndicatorSource source);  // "rate", "figure", …
// The inverse; InvalidArgument (field "source") for another word.
Result<IndicatorSource> ParseIndicatorSource(std::string_view name);
// Whether assessors enter a figure for indicators of `source` (rate, figure, veto); tasks and
// targets are computed from the action plan's tasks.
bool TakesFigure(IndicatorSource source);
// The indicator with `code`, or nullptr.
const Indicator* FindIndicator(const IndicatorSystem& system, std::string_view code);
// The text of the compiled-in default table (data/plan/assessment_indicators.tsv).
std::string_view DefaultIndicatorTable();

}  // namespace zl::plan
