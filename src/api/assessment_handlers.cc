// Assessing city governments (issue #8, 质量工作考核): the indicator table of a year, the
// figures assessors enter, the run, the ranking, a city's score sheet and the workbook.
//
// Reading needs plan.read; a region-scoped caller (city_admin, inspector) reads the ranking
// but only its own unit's figures and score sheet (403 for another unit, whether or not it
// has one), and its export holds the ranking and its own sheet. Writing needs plan.assess
// (the province). The rules and the storage are plan/assessment_service.h.
#include <charconv>
#include <nlohmann/json.hpp>

#include "api/guard.h"
#include "api/handlers.h"
#include "api/json_body.h"
#include "api/params.h"
#include "auth/permissions.h"
#include "base/text.h"
#include "domain/region.h"
#include "plan/assessment_service.h"
#include "plan/plan_json.h"
#include "sheet/table_writer.h"
#include "store/database.h"

namespace zl::api {

namespace {

using nlohmann::json;
using plan::Assessment;
using plan::CityResult;

json NumberOrNull(bool present, double v) { return present ? plan::JsonNumber(v) : json(); }
json TextOrNull(const std::string& s) { return s.empty() ? json() : json(s); }

Result<int> YearParam(const http::Request& request) {
  const std::string_view text = request.PathParam("year");
  int year = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) {
    return Status::InvalidArgument("must be a year such as 2026", "year");
  }
  ZL_RETURN_IF_ERROR(plan::CheckAssessmentYear(year));
  return year;
}

json IndicatorJson(const plan::Indicator& i) {
  const bool rate = i.source == plan::IndicatorSource::kRate;
  return {{"code", i.code},
          {"level1", i.level1},
          {"level2", i.level2},
          {"name", i.name},
          {"method", i.method},
          {"evidence", i.evidence},
          {"lead_department", i.lead_department},
          {"points", plan::JsonNumber(i.points)},
          {"source", plan::IndicatorSourceName(i.source)},
          {"full_at", NumberOrNull(rate, i.full_at)},
          {"zero_at", NumberOrNull(rate, i.zero_at)},
          {"late_factor", NumberOrNull(i.source == plan::IndicatorSource::kTasks, i.late_factor)}};
}

json SystemJson(int year, const plan::StoredSystem& s) {
  json indicators = json::array();
  for (const plan::Indicator& i : s.system.indicators) indicators.push_back(IndicatorJson(i));
  return {{"year", year},
          {"source", s.loaded ? "loaded" : "default"},
          {"loaded_by", TextOrNull(s.loaded_by)},
          {"loaded_at", TextOrNull(s.loaded_at)},
          {"indicators", indicators}};
}

json CitySummaryJson(const CityResult& c) {
  return {{"region_code", c.score.region_code},
          {"region_name", domain::RegionRegistry::Hebei().NameZh(c.score.region_code)},
          {"total", plan::JsonNumber(c.score.total)},
          {"grade", std::string(1, c.score.grade)},
          {"rank", c.score.rank},
          {"vetoed", c.score.vetoed}};
}

json RunJson(const Assessment& a) {
  json cities = json::array();
  for (const CityResult& c : a.cities) cities.push_back(CitySummaryJson(c));
  return {{"year", a.year},
          {"as_of", a.as_of},
          {"run_at", a.run_at},
          {"run_by", a.run_by},
          {"cities", cities}};
}

json CitySheetJson(const Assessment& a, const CityResult& c) {
  json out = CitySummaryJson(c);
  out["year"] = a.year;
  out["as_of"] = a.as_of;
  out["run_at"] = a.run_at;
  out["inputs"] = {{"tasks_due", c.inputs.tasks_due},
                   {"tasks_on_time", c.inputs.tasks_on_time},
                   {"tasks_late", c.inputs.tasks_late},
                   {"targeted_tasks", c.inputs.targeted_tasks},
                   {"target_achievement", c.inputs.target_achievement}};
  json lines = json::array();
  for (const plan::ScoreLine& l : c.score.lines) {
    const plan::Indicator* i = plan::FindIndicator(a.system, l.code);
    if (i == nullptr) continue;
    json line = IndicatorJson(*i);
    line["score"] = plan::JsonNumber(l.score);
    line["basis"] = l.basis;
    line["missing"] = l.missing;
    line["vetoed"] = l.vetoed;
    lines.push_back(std::move(line));
  }
  out["lines"] = lines;
  return out;
}

json FiguresJson(const std::vector<store::AssessmentFigureRow>& rows) {
  json items = json::array();
  for (const store::AssessmentFigureRow& f : rows) {
    items.push_back({{"region_code", f.region_code},
                     {"indicator", f.indicator},
                     {"value", plan::JsonNumber(f.value)},
                     {"note", f.note},
                     {"entered_by", f.entered_by},
                     {"entered_at", f.entered_at}});
  }
  return items;
}

// The year's run, or NotFound before the first.
Result<Assessment> ReadRun(AppContext& context, int year) {
  std::optional<Assessment> run;
  ZL_RETURN_IF_ERROR(context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(run, plan::ReadAssessment(sql, year));
    return Status();
  }));
  if (!run) {
    return Status::NotFound("the " + std::to_string(year) +
                            " assessment has not been run yet (POST …/run)");
  }
  return std::move(*run);
}

// The unit a figures listing is limited to: a region-scoped caller's own (asking for another
// is 403), else the "region_code" parameter ("" = all).
Result<std::string> FigureRegion(const http::Request& request, const auth::Principal& p) {
  std::string code = TextParam(request, "region_code");
  if (auth::RoleIsRegionScoped(p.role)) {
    if (p.region_code.empty()) return Status::PermissionDenied("your account has no region");
    if (code.empty()) return p.region_code;
    ZL_RETURN_IF_ERROR(RequireRegion(p, code));
  }
  if (code.empty()) return code;
  ZL_ASSIGN_OR_RETURN(const domain::Region* region, domain::RegionRegistry::Hebei().Lookup(code));
  return region->code;
}

// {"figures": [{"region_code", "indicator", "value", "note"?}]}, each type checked.
Result<std::vector<plan::FigureInput>> FiguresBody(const http::Request& request) {
  ZL_ASSIGN_OR_RETURN(json body, JsonBody(request));
  auto list = body.find("figures");
  if (list == body.end() || !list->is_array()) {
    return Status::InvalidArgument("must be a list of {region_code, indicator, value, note}",
                                   "figures");
  }
  std::vector<plan::FigureInput> out;
  for (size_t i = 0; i < list->size(); ++i) {
    const json& f = (*list)[i];
    auto field = [i](const char* name) { return "figures[" + std::to_string(i) + "]." + name; };
    if (!f.is_object()) {
      return Status::InvalidArgument("must be an object", "figures[" + std::to_string(i) + "]");
    }
    plan::FigureInput in;
    for (auto [name, target] :
         {std::pair{"region_code", &in.region_code}, std::pair{"indicator", &in.indicator}}) {
      auto v = f.find(name);
      if (v == f.end() || !v->is_string() || v->get<std::string>().empty()) {
        return Status::InvalidArgument("is required (a string)", field(name));
      }
      *target = v->get<std::string>();
    }
    auto value = f.find("value");
    if (value == f.end() || !value->is_number()) {
      return Status::InvalidArgument("must be a number", field("value"));
    }
    in.value = value->get<double>();
    auto note = f.find("note");
    if (note != f.end() && !note->is_null()) {
      if (!note->is_string()) return Status::InvalidArgument("must be a string", field("note"));
      in.note = TrimSpace(note->get<std::string>());
    }
    out.push_back(std::move(in));
  }
  return out;
}

http::Response GetIndicators(AppContext& context, http::Request& request) {
  Result<int> year = YearParam(request);
  if (!year.ok()) return http::Response::FromStatus(year.status());
  plan::StoredSystem system;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(system, plan::SystemFor(sql, *year));
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(SystemJson(*year, system));
}

// PUT …/indicators: the body is the TSV table itself (UTF-8, a byte-order mark is skipped).
http::Response PutIndicators(AppContext& context, http::Request& request,
                             const auth::Principal& p) {
  Result<int> year = YearParam(request);
  if (!year.ok()) return http::Response::FromStatus(year.status());
  std::string_view tsv = request.body;
  if (tsv.starts_with("\xEF\xBB\xBF")) tsv.remove_prefix(3);
  if (!IsValidUtf8(tsv)) {
    return http::Response::FromStatus(
        Status::InvalidArgument("the indicator table must be UTF-8 text", "body"));
  }
  Result<plan::StoredSystem> loaded =
      plan::LoadSystem(context.db, *year, tsv, p, request.request_id);
  if (!loaded.ok()) return http::Response::FromStatus(loaded.status());
  return http::Response::Json(SystemJson(*year, *loaded));
}

http::Response GetFigures(AppContext& context, http::Request& request, const auth::Principal& p) {
  Result<int> year = YearParam(request);
  if (!year.ok()) return http::Response::FromStatus(year.status());
  Result<std::string> region = FigureRegion(request, p);
  if (!region.ok()) return http::Response::FromStatus(region.status());
  std::vector<store::AssessmentFigureRow> rows;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(rows, store::ListAssessmentFigures(sql, *year, *region));
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json({{"year", *year}, {"items", FiguresJson(rows)}});
}

// PUT …/figures: all or nothing; answers the year's figures as GET does.
http::Response PutFigures(AppContext& context, http::Request& request, const auth::Principal& p) {
  Result<int> year = YearParam(request);
  if (!year.ok()) return http::Response::FromStatus(year.status());
  Result<std::vector<plan::FigureInput>> figures = FiguresBody(request);
  if (!figures.ok()) return http::Response::FromStatus(figures.status());
  Status s = plan::EnterFigures(context.db, *year, *figures, p, request.request_id);
  if (!s.ok()) return http::Response::FromStatus(s);
  std::vector<store::AssessmentFigureRow> rows;
  s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(rows, store::ListAssessmentFigures(sql, *year, ""));
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(
      {{"year", *year}, {"saved", figures->size()}, {"items", FiguresJson(rows)}});
}

// POST …/run {"as_of"?}: an empty body means today (Beijing).
http::Response Run(AppContext& context, http::Request& request, const auth::Principal& p) {
  Result<int> year = YearParam(request);
  if (!year.ok()) return http::Response::FromStatus(year.status());
  Date as_of = Date::TodayInBeijing();
  if (!TrimSpace(request.body).empty()) {
    Result<json> body = JsonBody(request);
    if (!body.ok()) return http::Response::FromStatus(body.status());
    Result<std::optional<std::string>> text = OptionalString(*body, "as_of");
    if (!text.ok()) return http::Response::FromStatus(text.status());
    if (*text) {
      Result<Date> d = Date::Parse(**text);
      if (!d.ok()) {
        return http::Response::FromStatus(
            Status::InvalidArgument("must be a date (YYYY-MM-DD)", "as_of"));
      }
      as_of = *d;
    }
  }
  Result<Assessment> run = plan::RunAssessment(context.db, *year, as_of, p, request.request_id);
  if (!run.ok()) return http::Response::FromStatus(run.status());
  return http::Response::Json(RunJson(*run), 201);
}

http::Response GetRun(AppContext& context, http::Request& request) {
  Result<int> year = YearParam(request);
  if (!year.ok()) return http::Response::FromStatus(year.status());
  Result<Assessment> run = ReadRun(context, *year);
  if (!run.ok()) return http::Response::FromStatus(run.status());
  return http::Response::Json(RunJson(*run));
}

http::Response GetCity(AppContext& context, http::Request& request, const auth::Principal& p) {
  Result<int> year = YearParam(request);
  if (!year.ok()) return http::Response::FromStatus(year.status());
  const std::string code = NormalizeCode(request.PathParam("region_code"));
  // Scope first, so that another unit's sheet and a missing one answer alike.
  Status allowed = RequireRegion(p, code);
  if (!allowed.ok()) return http::Response::FromStatus(allowed);
  Result<const domain::Region*> region = domain::RegionRegistry::Hebei().Lookup(code);
  if (!region.ok()) return http::Response::FromStatus(region.status());
  Result<Assessment> run = ReadRun(context, *year);
  if (!run.ok()) return http::Response::FromStatus(run.status());
  for (const CityResult& c : run->cities) {
    if (c.score.region_code == (*region)->code) {
      return http::Response::Json(CitySheetJson(*run, c));
    }
  }
  return http::Response::FromStatus(Status::NotFound(
      (*region)->name_zh + " is not a supervision unit assessed in " + std::to_string(*year)));
}

// GET …/export?format=xlsx: the ranking and the score sheets (a region-scoped caller: its own).
http::Response Export(AppContext& context, http::Request& request, const auth::Principal& p) {
  Result<int> year = YearParam(request);
  if (!year.ok()) return http::Response::FromStatus(year.status());
  const std::string format = TextParam(request, "format");
  if (!format.empty() && format != "xlsx") {
    return http::Response::FromStatus(Status::InvalidArgument(
        "the assessment workbook has several sheets and is only available as xlsx", "format"));
  }
  Result<Assessment> run = ReadRun(context, *year);
  if (!run.ok()) return http::Response::FromStatus(run.status());
  std::vector<std::string> regions;
  if (auth::RoleIsRegionScoped(p.role)) regions.push_back(p.region_code);
  Result<std::string> bytes = plan::AssessmentWorkbook(*run, regions);
  if (!bytes.ok()) return http::Response::FromStatus(bytes.status());
  http::Response response = http::Response::Text(
      std::move(*bytes), std::string(sheet::ContentType(sheet::TableFormat::kXlsx)));
  response.SetHeader("Content-Disposition",
                     "attachment; filename=\"assessment-" + std::to_string(*year) + ".xlsx\"");
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

http::Response ListRuns(AppContext& context) {
  json items = json::array();
  Status s = context.db.Read([&](soci::session& sql) {
    items = json::array();
    ZL_ASSIGN_OR_RETURN(std::vector<store::AssessmentRunRow> runs, store::ListAssessmentRuns(sql));
    for (const store::AssessmentRunRow& r : runs) {
      items.push_back({{"year", r.year},
                       {"as_of", r.as_of},
                       {"run_at", r.run_at},
                       {"run_by", r.run_by},
                       {"city_count", r.city_count}});
    }
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json({{"items", items}});
}

}  // namespace

void RegisterAssessmentRoutes(http::Router& router, AppContext& context) {
  const std::string base = "/api/v1/plan/assessments";
  auto with_context = [&context](auto handler) {
    return [&context, handler](http::Request& r, const auth::Principal& p) {
      return handler(context, r, p);
    };
  };
  AddRoute(router, context, http::Method::kGet, base, auth::kPermPlanRead,
           [&context](http::Request&, const auth::Principal&) { return ListRuns(context); });
  AddRoute(
      router, context, http::Method::kGet, base + "/{year}/indicators", auth::kPermPlanRead,
      [&context](http::Request& r, const auth::Principal&) { return GetIndicators(context, r); });
  AddRoute(router, context, http::Method::kPut, base + "/{year}/indicators", auth::kPermPlanAssess,
           with_context(PutIndicators));
  AddRoute(router, context, http::Method::kGet, base + "/{year}/figures", auth::kPermPlanRead,
           with_context(GetFigures));
  AddRoute(router, context, http::Method::kPut, base + "/{year}/figures", auth::kPermPlanAssess,
           with_context(PutFigures));
  AddRoute(router, context, http::Method::kPost, base + "/{year}/run", auth::kPermPlanAssess,
           with_context(Run));
  AddRoute(router, context, http::Method::kGet, base + "/{year}", auth::kPermPlanRead,
           [&context](http::Request& r, const auth::Principal&) { return GetRun(context, r); });
  AddRoute(router, context, http::Method::kGet, base + "/{year}/cities/{region_code}",
           auth::kPermPlanRead, with_context(GetCity));
  AddRoute(router, context, http::Method::kGet, base + "/{year}/export", auth::kPermPlanRead,
           with_context(Export));
}

}  // namespace zl::api
