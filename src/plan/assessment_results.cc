// Stored assessment results: the sheet JSON kept per unit, reading a year's run back, and the
// score-sheet workbook (see assessment_service.h).
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "domain/region.h"
#include "plan/assessment_service.h"
#include "sheet/workbook_writer.h"

namespace zl::plan {
namespace {

using nlohmann::json;

Status Damaged(std::string_view why) {
  return Status::Internal("a stored assessment result is damaged: " + std::string(why));
}

}  // namespace

std::string EncodeSheet(const IndicatorSystem& system, const CityResult& city) {
  json lines = json::array();
  for (const ScoreLine& line : city.score.lines) {
    const Indicator* ind = FindIndicator(system, line.code);
    if (ind == nullptr) continue;
    lines.push_back({{"code", ind->code},
                     {"level1", ind->level1},
                     {"level2", ind->level2},
                     {"name", ind->name},
                     {"method", ind->method},
                     {"evidence", ind->evidence},
                     {"lead_department", ind->lead_department},
                     {"points", ind->points},
                     {"source", IndicatorSourceName(ind->source)},
                     {"full_at", ind->full_at},
                     {"zero_at", ind->zero_at},
                     {"late_factor", ind->late_factor},
                     {"score", line.score},
                     {"basis", line.basis},
                     {"missing", line.missing},
                     {"vetoed", line.vetoed}});
  }
  const CityInputs& in = city.inputs;
  return json{{"lines", lines},
              {"inputs",
               {{"tasks_due", in.tasks_due},
                {"tasks_on_time", in.tasks_on_time},
                {"tasks_late", in.tasks_late},
                {"targeted_tasks", in.targeted_tasks},
                {"target_achievement", in.target_achievement}}}}
      .dump();
}

Status DecodeSheet(std::string_view text, IndicatorSystem& system, CityResult& city) {
  const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("lines") ||
      !doc["lines"].is_array()) {
    return Damaged("no score lines");
  }
  try {
    system.indicators.clear();
    city.score.lines.clear();
    for (const json& l : doc["lines"]) {
      Indicator ind;
      ind.code = l.at("code").get<std::string>();
      ind.level1 = l.at("level1").get<std::string>();
      ind.level2 = l.at("level2").get<std::string>();
      ind.name = l.at("name").get<std::string>();
      ind.method = l.at("method").get<std::string>();
      ind.evidence = l.at("evidence").get<std::string>();
      ind.lead_department = l.at("lead_department").get<std::string>();
      ind.points = l.at("points").get<double>();
      Result<IndicatorSource> source = ParseIndicatorSource(l.at("source").get<std::string>());
      if (!source.ok()) return Damaged(source.status().message());
      ind.source = *source;
      ind.full_at = l.at("full_at").get<double>();
      ind.zero_at = l.at("zero_at").get<double>();
      ind.late_factor = l.at("late_factor").get<double>();
      ScoreLine line;
      line.code = ind.code;
      line.points = ind.points;
      line.score = l.at("score").get<double>();
      line.basis = l.at("basis").get<std::string>();
      line.missing = l.at("missing").get<bool>();
      line.vetoed = l.at("vetoed").get<bool>();
      system.indicators.push_back(std::move(ind));
      city.score.lines.push_back(std::move(line));
    }
    const json& in = doc.at("inputs");
    city.inputs.tasks_due = in.at("tasks_due").get<int>();
    city.inputs.tasks_on_time = in.at("tasks_on_time").get<int>();
    city.inputs.tasks_late = in.at("tasks_late").get<int>();
    city.inputs.targeted_tasks = in.at("targeted_tasks").get<int>();
    city.inputs.target_achievement = in.at("target_achievement").get<double>();
  } catch (const json::exception& e) {
    return Damaged(e.what());
  }
  return Status();
}

Result<std::optional<Assessment>> ReadAssessment(soci::session& sql, int year) {
  ZL_RETURN_IF_ERROR(CheckAssessmentYear(year));
  ZL_ASSIGN_OR_RETURN(std::vector<store::AssessmentResultRow> rows,
                      store::ListAssessmentResults(sql, year));
  if (rows.empty()) return std::optional<Assessment>();
  Assessment out;
  out.year = year;
  out.as_of = rows.front().as_of;
  out.run_at = rows.front().run_at;
  out.run_by = rows.front().run_by;
  out.system.year = year;
  for (const store::AssessmentResultRow& row : rows) {
    CityResult city;
    city.inputs.region_code = row.region_code;
    city.score.region_code = row.region_code;
    city.score.total = row.total;
    city.score.grade = row.grade.empty() ? 'D' : row.grade[0];
    city.score.rank = static_cast<int>(row.rank);
    city.score.vetoed = row.vetoed;
    // Every unit of one run was scored by the same system; the first one's lines give it.
    IndicatorSystem lines_system;
    ZL_RETURN_IF_ERROR(DecodeSheet(row.sheet, lines_system, city));
    if (out.cities.empty()) out.system.indicators = std::move(lines_system.indicators);
    out.cities.push_back(std::move(city));
  }
  return std::optional<Assessment>(std::move(out));
}

Result<std::string> AssessmentWorkbook(const Assessment& assessment,
                                       std::span<const std::string> regions) {
  std::vector<CityScore> scores;
  std::map<std::string, std::string> names;
  for (const CityResult& city : assessment.cities) {
    scores.push_back(city.score);
    names[city.score.region_code] = domain::RegionRegistry::Hebei().NameZh(city.score.region_code);
  }
  std::unique_ptr<sheet::WorkbookWriter> book = sheet::WorkbookWriter::Create();
  ZL_RETURN_IF_ERROR(book->AddSheet("排名", 1));
  for (const std::vector<std::string>& row : RankingRows(scores, names)) {
    ZL_RETURN_IF_ERROR(book->AddRow(row));
  }
  // The score sheets in the province's usual order of its units (by code), not by rank, so
  // that a city is found in the same place every year.
  std::vector<const CityScore*> by_code;
  for (const CityScore& s : scores) {
    if (regions.empty() ||
        std::find(regions.begin(), regions.end(), s.region_code) != regions.end()) {
      by_code.push_back(&s);
    }
  }
  std::sort(by_code.begin(), by_code.end(),
            [](const CityScore* a, const CityScore* b) { return a->region_code < b->region_code; });
  for (const CityScore* s : by_code) {
    const std::string& name = names[s->region_code];
    ZL_RETURN_IF_ERROR(book->AddSheet(name, 2));
    for (const std::vector<std::string>& row : ScoreSheetRows(assessment.system, *s, name)) {
      ZL_RETURN_IF_ERROR(book->AddRow(row));
    }
  }
  return book->Finish();
}

}  // namespace zl::plan
