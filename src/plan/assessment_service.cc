// The writes of the assessment: loading a year's indicator system, entering figures, and the
// run (see assessment_service.h). Reading results and the workbook: assessment_results.cc.
#include "plan/assessment_service.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "auth/audit_log.h"
#include "base/clock.h"
#include "base/text.h"
#include "domain/region.h"
#include "store/database.h"

namespace zl::plan {
namespace {

using nlohmann::json;

constexpr int kMinYear = 2000, kMaxYear = 2100;
constexpr size_t kMaxNote = 1000;

// A table error with the field it names, or "body" (the table is the request body) when the
// error is about its shape (header, number of fields).
Status AsBodyError(const Status& s) {
  if (s.code() != Status::Code::kInvalidArgument || !s.field().empty()) return s;
  return Status::InvalidArgument(s.message(), "body");
}

Status FigureError(size_t i, const char* field, std::string message) {
  return Status::InvalidArgument(std::move(message), fmt::format("figures[{}].{}", i, field));
}

// Checks one figure against the system; on success `f` holds the canonical region code.
Status CheckFigure(const IndicatorSystem& system, size_t i, FigureInput& f) {
  Result<const domain::Region*> region = domain::RegionRegistry::Hebei().Lookup(f.region_code);
  if (!region.ok()) return FigureError(i, "region_code", region.status().message());
  if (!(*region)->is_supervision_unit()) {
    return FigureError(i, "region_code",
                       fmt::format("{} ({}) is not a supervision unit: cities are assessed, the "
                                   "province is not",
                                   (*region)->code, (*region)->name_zh));
  }
  f.region_code = (*region)->code;
  f.indicator = TrimSpace(f.indicator);
  const Indicator* ind = FindIndicator(system, f.indicator);
  if (ind == nullptr) {
    return FigureError(
        i, "indicator",
        fmt::format("the {} indicator system has no indicator '{}'", system.year, f.indicator));
  }
  if (!TakesFigure(ind->source)) {
    return FigureError(i, "indicator",
                       fmt::format("{} is computed from the action plan's tasks ({}); it takes "
                                   "no figure",
                                   ind->code, IndicatorSourceName(ind->source)));
  }
  const double v = f.value;
  if (!std::isfinite(v)) return FigureError(i, "value", "must be a number");
  switch (ind->source) {
    case IndicatorSource::kRate:
      if (v < 0 || v > 100) {
        return FigureError(i, "value",
                           fmt::format("{} is a rate in percent: 0 to 100, got {}", ind->code, v));
      }
      break;
    case IndicatorSource::kFigure:
      if (v < 0 || v > ind->points) {
        return FigureError(i, "value",
                           fmt::format("{} is worth {} points: 0 to {}, got {}", ind->code,
                                       ind->points, ind->points, v));
      }
      break;
    default:  // veto
      if (v != 0 && v != 1) {
        return FigureError(
            i, "value",
            fmt::format("{} is a veto item: 1 if it happened, else 0; got {}", ind->code, v));
      }
  }
  if (CountCodePoints(f.note) > kMaxNote) {
    return FigureError(i, "note", fmt::format("at most {} characters", kMaxNote));
  }
  return Status();
}

// Every supervision unit's inputs: task counts from the plan, figures entered.
Result<std::vector<CityInputs>> GatherInputs(soci::session& sql, int year, Date as_of) {
  std::vector<CityInputs> cities;
  std::map<std::string, size_t> at;
  for (const domain::Region* unit : domain::RegionRegistry::Hebei().SupervisionUnits()) {
    at[unit->code] = cities.size();
    cities.emplace_back().region_code = unit->code;
  }
  ZL_ASSIGN_OR_RETURN(std::vector<store::TaskInputsRow> tasks,
                      store::TaskInputsByRegion(sql, year, as_of.ToString()));
  for (const store::TaskInputsRow& t : tasks) {
    auto it = at.find(t.region_code);
    if (it == at.end()) continue;  // a task assigned to another code is no unit's
    CityInputs& c = cities[it->second];
    c.tasks_due = static_cast<int>(t.tasks_due);
    c.tasks_on_time = static_cast<int>(t.on_time);
    c.tasks_late = static_cast<int>(t.late);
    c.targeted_tasks = static_cast<int>(t.targeted);
    c.target_achievement = t.achievement;
  }
  ZL_ASSIGN_OR_RETURN(std::vector<store::AssessmentFigureRow> figures,
                      store::ListAssessmentFigures(sql, year, ""));
  for (const store::AssessmentFigureRow& f : figures) {
    auto it = at.find(f.region_code);
    if (it != at.end()) cities[it->second].figures[f.indicator] = f.value;
  }
  return cities;
}

}  // namespace

Status CheckAssessmentYear(int year) {
  if (year < kMinYear || year > kMaxYear) {
    return Status::InvalidArgument(
        fmt::format("must be a year from {} to {}, got {}", kMinYear, kMaxYear, year), "year");
  }
  return Status();
}

Result<StoredSystem> SystemFor(soci::session& sql, int year) {
  ZL_RETURN_IF_ERROR(CheckAssessmentYear(year));
  ZL_ASSIGN_OR_RETURN(std::optional<store::AssessmentSystemRow> row,
                      store::FindAssessmentSystem(sql, year));
  StoredSystem out;
  if (!row) {
    out.system = DefaultIndicatorSystem(year);
    return out;
  }
  Result<IndicatorSystem> parsed = ParseIndicatorSystem(row->definition, year);
  if (!parsed.ok()) {
    return Status::Internal(fmt::format("the stored {} indicator system does not parse: {}", year,
                                        parsed.status().message()));
  }
  out.system = std::move(parsed).value();
  out.loaded = true;
  out.loaded_by = row->loaded_by;
  out.loaded_at = row->loaded_at;
  return out;
}

Result<StoredSystem> LoadSystem(store::Database& db, int year, std::string_view tsv,
                                const auth::Principal& actor, const std::string& request_id) {
  ZL_RETURN_IF_ERROR(CheckAssessmentYear(year));
  Result<IndicatorSystem> parsed = ParseIndicatorSystem(tsv, year);
  if (!parsed.ok()) return AsBodyError(parsed.status());
  StoredSystem out;
  out.system = std::move(parsed).value();
  out.loaded = true;
  out.loaded_by = actor.ActorLabel();
  out.loaded_at = NowIsoUtc();
  ZL_RETURN_IF_ERROR(db.Write([&](soci::session& sql) {
    ZL_RETURN_IF_ERROR(
        store::SaveAssessmentSystem(sql, {year, std::string(tsv), out.loaded_by, out.loaded_at}));
    auth::AppendAudit(sql, actor,
                      {"plan.assessment.indicators", "assessment_system", std::to_string(year), "",
                       json{{"indicators", out.system.indicators.size()}}.dump()},
                      request_id);
    return Status();
  }));
  return out;
}

Status EnterFigures(store::Database& db, int year, std::span<const FigureInput> figures,
                    const auth::Principal& actor, const std::string& request_id) {
  ZL_RETURN_IF_ERROR(CheckAssessmentYear(year));
  if (figures.empty()) return Status::InvalidArgument("must list at least one figure", "figures");
  return db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(StoredSystem system, SystemFor(sql, year));
    std::vector<FigureInput> checked(figures.begin(), figures.end());
    std::set<std::pair<std::string, std::string>> seen;
    for (size_t i = 0; i < checked.size(); ++i) {
      ZL_RETURN_IF_ERROR(CheckFigure(system.system, i, checked[i]));
      if (!seen.emplace(checked[i].region_code, checked[i].indicator).second) {
        return FigureError(
            i, "indicator",
            fmt::format("{} of {} is given twice", checked[i].indicator, checked[i].region_code));
      }
    }
    const std::string by = actor.ActorLabel(), at = NowIsoUtc();
    std::set<std::string> regions;
    for (const FigureInput& f : checked) {
      ZL_RETURN_IF_ERROR(store::UpsertAssessmentFigure(
          sql, {year, f.region_code, f.indicator, f.value, f.note, by, at}));
      regions.insert(f.region_code);
    }
    json summary = {{"figures", checked.size()},
                    {"regions", std::vector<std::string>(regions.begin(), regions.end())}};
    auth::AppendAudit(sql, actor,
                      {"plan.assessment.figures", "assessment_figure", std::to_string(year),
                       regions.size() == 1 ? *regions.begin() : "", summary.dump()},
                      request_id);
    return Status();
  });
}

Result<Assessment> RunAssessment(store::Database& db, int year, Date as_of,
                                 const auth::Principal& actor, const std::string& request_id) {
  ZL_RETURN_IF_ERROR(CheckAssessmentYear(year));
  Assessment out;
  ZL_RETURN_IF_ERROR(db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(StoredSystem system, SystemFor(sql, year));
    ZL_ASSIGN_OR_RETURN(std::vector<CityInputs> inputs, GatherInputs(sql, year, as_of));
    std::vector<CityScore> scores = ScoreCities(system.system, inputs);
    std::map<std::string, const CityInputs*> by_region;
    for (const CityInputs& in : inputs) by_region[in.region_code] = &in;

    Assessment run;
    run.year = year;
    run.as_of = as_of.ToString();
    run.run_at = NowIsoUtc();
    run.run_by = actor.ActorLabel();
    run.system = system.system;
    std::vector<store::AssessmentResultRow> rows;
    int vetoed = 0;
    for (CityScore& score : scores) {
      CityResult city;
      city.inputs = *by_region.at(score.region_code);
      city.inputs.figures.clear();
      city.score = std::move(score);
      vetoed += city.score.vetoed ? 1 : 0;
      rows.push_back({year, city.score.region_code, city.score.total,
                      std::string(1, city.score.grade), city.score.rank, city.score.vetoed,
                      EncodeSheet(run.system, city), run.as_of, run.run_by, run.run_at});
      run.cities.push_back(std::move(city));
    }
    ZL_RETURN_IF_ERROR(store::ReplaceAssessmentResults(sql, year, rows));
    auth::AppendAudit(sql, actor,
                      {"plan.assessment.run", "assessment_result", std::to_string(year), "",
                       json{{"as_of", run.as_of},
                            {"system", system.loaded ? "loaded" : "default"},
                            {"cities", run.cities.size()},
                            {"vetoed", vetoed}}
                           .dump()},
                      request_id);
    out = std::move(run);
    return Status();
  }));
  return out;
}

}  // namespace zl::plan
