// The 双随机一公开 random inspection API (issue #6): inspectors and their conflicts of
// interest, the sampling policy, inspection tasks with their draw, recusals and results, and
// the public list of published tasks and results.
//
// Tasks and inspectors belong to a region (a task to its creator's supervision unit, or
// 130000 when a province-wide role created it): regional callers reach only their own, and
// an id outside their region answers 403 like one that does not exist. Risk classes are
// internal (risk.read); the public endpoints never show classes, hashes, pools or seeds. The
// public results name the inspection team (inspectors are public officers, and 双随机一公开
// publishes who inspected), but not the inspectors' ids.
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "api/guard.h"
#include "api/handlers.h"
#include "api/inspection_json.h"
#include "api/json_body.h"
#include "api/params.h"
#include "auth/audit_log.h"
#include "auth/permissions.h"
#include "base/clock.h"
#include "base/text.h"
#include "domain/uscc.h"
#include "inspect/inspection_service.h"
#include "store/database.h"
#include "store/enterprise_repository.h"

namespace zl::api {

namespace {

using http::Response;
using nlohmann::json;

// The caller's scope for new objects: "" for province-wide roles, else its unit.
std::string ScopeOf(const auth::Principal& p) {
  return auth::RoleIsRegionScoped(p.role) ? p.region_code : std::string();
}

// A list given as a JSON array of strings or one comma-separated string.
Result<std::vector<std::string>> StringList(const json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return Status::InvalidArgument("is required", field);
  if (it->is_string()) return SplitList(it->get<std::string>());
  if (!it->is_array()) return Status::InvalidArgument("must be a list of strings", field);
  std::vector<std::string> out;
  for (const json& item : *it) {
    if (!item.is_string()) return Status::InvalidArgument("must be a list of strings", field);
    out.push_back(item.get<std::string>());
  }
  return out;
}

Result<std::int64_t> IntField(const json& body, const char* field, std::int64_t fallback) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return fallback;
  if (!it->is_number_integer()) return Status::InvalidArgument("must be a whole number", field);
  return it->get<std::int64_t>();
}

Result<double> NumberField(const json& item, const std::string& field, double fallback) {
  auto it = item.find(field);
  if (it == item.end() || it->is_null()) return fallback;
  if (!it->is_number()) return Status::InvalidArgument("must be a number", field);
  return it->get<double>();
}

json Paged(json items, std::int64_t total, const store::PageRequest& page) {
  return {{"items", std::move(items)},
          {"total", total},
          {"page", page.page},
          {"per_page", page.per_page}};
}

// The task `id` if the caller reaches it (403 for regional callers otherwise, 404 else).
Result<store::TaskRow> TaskFor(soci::session& sql, const auth::Principal& p, std::int64_t id) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::TaskRow> task, store::FindTask(sql, id));
  if (!task) {
    if (auth::RoleIsRegionScoped(p.role)) return RequireRegion(p, "");
    return Status::NotFound("no inspection task " + std::to_string(id));
  }
  ZL_RETURN_IF_ERROR(RequireRegion(p, task->region_code));
  return std::move(*task);
}

// Checks access to task `id` before the request body is looked at, so that a caller outside
// the task's region learns nothing from validation errors.
Status CheckTaskAccess(AppContext& context, const auth::Principal& p, std::int64_t id) {
  return context.db.Read([&](soci::session& sql) { return TaskFor(sql, p, id).status(); });
}

std::unordered_map<std::int64_t, std::string> InspectorNames(soci::session& sql) {
  std::unordered_map<std::int64_t, std::string> out;
  auto all = store::ListInspectors(sql);
  if (all.ok()) {
    for (const auto& i : *all) out[i.id] = i.name;
  }
  return out;
}

json TeamJson(const std::string& team, const std::unordered_map<std::int64_t, std::string>& names,
              bool with_ids) {
  json out = json::array();
  auto ids = store::ParseIds(team);
  if (!ids.ok()) return out;
  for (std::int64_t id : *ids) {
    auto it = names.find(id);
    const std::string name = it == names.end() ? "" : it->second;
    if (with_ids) {
      out.push_back({{"id", id}, {"name", name}});
    } else {
      out.push_back(name);
    }
  }
  return out;
}

json ResultCounts(const store::TargetCounts& c) {
  return {{"total", c.total},
          {"pass", c.pass},
          {"fail", c.fail},
          {"pending", c.total - c.pass - c.fail}};
}

// ---- inspectors ----

Response ListInspectors(AppContext& context, http::Request& request, const auth::Principal& p) {
  auto page = PageParams(request);
  if (!page.ok()) return Response::FromStatus(page.status());
  const std::string region = TextParam(request, "region_code");
  json items = json::array();
  std::int64_t total = 0;
  Status s = context.db.Read([&](soci::session& sql) {
    items = json::array();
    total = 0;
    ZL_ASSIGN_OR_RETURN(auto all, store::ListInspectors(sql));
    ZL_ASSIGN_OR_RETURN(auto conflicts, store::ListConflicts(sql));
    std::unordered_map<std::int64_t, std::int64_t> declared;
    for (const auto& c : conflicts) ++declared[c.inspector_id];
    const std::int64_t first = std::int64_t{page->page - 1} * page->per_page;
    for (const auto& i : all) {
      if (!p.CoversRegion(i.region_code)) continue;
      if (!region.empty() && i.region_code != region) continue;
      if (total >= first && total < first + page->per_page) {
        json item = InspectorToJson(i);
        item["conflicts"] = declared[i.id];
        items.push_back(std::move(item));
      }
      ++total;
    }
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json(Paged(std::move(items), total, *page));
}

Response AddInspector(AppContext& context, http::Request& request, const auth::Principal& p) {
  auto body = JsonBody(request);
  if (!body.ok()) return Response::FromStatus(body.status());
  inspect::InspectorInput in;
  auto name = RequiredString(*body, "name");
  if (!name.ok()) return Response::FromStatus(name.status());
  in.name = *name;
  auto region = OptionalString(*body, "region_code");
  if (!region.ok()) return Response::FromStatus(region.status());
  in.region_code = region->value_or(auth::RoleIsRegionScoped(p.role) ? p.region_code : "");
  if (in.region_code.empty()) {
    return Response::FromStatus(Status::InvalidArgument("is required", "region_code"));
  }
  auto q = StringList(*body, "qualifications");
  if (!q.ok()) return Response::FromStatus(q.status());
  in.qualifications = *q;
  store::InspectorRow row;
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(row, inspect::AddInspector(sql, in, ScopeOf(p), NowIsoUtc()));
    auth::AppendAudit(sql, p,
                      {"inspection.inspector.add", "inspector", std::to_string(row.id),
                       row.region_code, InspectorToJson(row).dump()},
                      request.request_id);
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json(InspectorToJson(row), 201);
}

Response DeclareConflict(AppContext& context, http::Request& request, const auth::Principal& p) {
  auto id = PositiveIdPathParam(request, "id");
  if (!id.ok()) return Response::FromStatus(id.status());
  Status access = context.db.Read([&](soci::session& sql) -> Status {
    ZL_ASSIGN_OR_RETURN(auto inspector, store::FindInspector(sql, *id));
    if (!inspector) {
      if (auth::RoleIsRegionScoped(p.role)) return RequireRegion(p, "");
      return Status::NotFound("no inspector " + std::to_string(*id));
    }
    return RequireRegion(p, inspector->region_code);
  });
  if (!access.ok()) return Response::FromStatus(access);
  auto body = JsonBody(request);
  if (!body.ok()) return Response::FromStatus(body.status());
  auto uscc_text = RequiredString(*body, "uscc");
  if (!uscc_text.ok()) return Response::FromStatus(uscc_text.status());
  domain::UsccVerdict verdict = domain::Uscc::Check(*uscc_text);
  if (!verdict.valid) return Response::FromStatus(Status::InvalidArgument(verdict.reason, "uscc"));
  auto reason = RequiredString(*body, "reason");
  if (!reason.ok()) return Response::FromStatus(reason.status());
  store::ConflictRow row;
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(auto inspector, store::FindInspector(sql, *id));
    if (!inspector) {
      if (auth::RoleIsRegionScoped(p.role)) return RequireRegion(p, "");
      return Status::NotFound("no inspector " + std::to_string(*id));
    }
    ZL_RETURN_IF_ERROR(RequireRegion(p, inspector->region_code));
    ZL_ASSIGN_OR_RETURN(row, inspect::DeclareConflict(sql, *id, verdict.normalized, *reason,
                                                      p.ActorLabel(), NowIsoUtc()));
    auth::AppendAudit(
        sql, p,
        {"inspection.conflict.declare", "inspector", std::to_string(*id), inspector->region_code,
         json{{"uscc", row.uscc}, {"reason", row.reason}}.dump()},
        request.request_id);
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json({{"inspector_id", row.inspector_id},
                         {"uscc", row.uscc},
                         {"reason", row.reason},
                         {"declared_by", row.declared_by},
                         {"declared_at", row.declared_at}},
                        201);
}

// ---- sampling policy ----

Response GetPolicy(AppContext& context) {
  inspect::SamplingPolicy policy;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(policy, inspect::CurrentPolicy(sql));
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json(PolicyToJson(policy));
}

Response PutPolicy(AppContext& context, http::Request& request, const auth::Principal& p) {
  auto body = JsonBody(request);
  if (!body.ok()) return Response::FromStatus(body.status());
  auto classes = body->find("classes");
  if (classes == body->end() || !classes->is_array()) {
    return Response::FromStatus(Status::InvalidArgument("must be a list", "classes"));
  }
  inspect::SamplingPolicy policy;
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(policy, inspect::CurrentPolicy(sql));
    for (const json& item : *classes) {
      auto name = item.is_object() ? OptionalString(item, "risk_class")
                                   : Result<std::optional<std::string>>(std::nullopt);
      if (!name.ok()) return name.status();
      if (!*name) return Status::InvalidArgument("is required in every class", "risk_class");
      Result<inspect::RiskClass> c = inspect::ParseRiskClass(**name);
      if (!c.ok()) return c.status();
      inspect::ClassPolicy& cp = policy.of(*c);
      const std::string prefix = std::string(inspect::RiskClassName(*c)) + ".";
      ZL_ASSIGN_OR_RETURN(cp.ratio, NumberField(item, "ratio", cp.ratio));
      ZL_ASSIGN_OR_RETURN(cp.ratio_min, NumberField(item, "ratio_min", cp.ratio_min));
      ZL_ASSIGN_OR_RETURN(cp.ratio_max, NumberField(item, "ratio_max", cp.ratio_max));
      ZL_ASSIGN_OR_RETURN(cp.checks_per_year,
                          NumberField(item, "checks_per_year", cp.checks_per_year));
      (void)prefix;
    }
    ZL_RETURN_IF_ERROR(inspect::SavePolicy(sql, policy, p.ActorLabel(), NowIsoUtc()));
    auth::AppendAudit(
        sql, p,
        {"inspection.policy.update", "sampling_policy", "", "", PolicyToJson(policy).dump()},
        request.request_id);
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json(PolicyToJson(policy));
}

// ---- tasks ----

Response ListTasks(AppContext& context, http::Request& request, const auth::Principal& p) {
  auto page = PageParams(request);
  if (!page.ok()) return Response::FromStatus(page.status());
  const std::string status = TextParam(request, "status");
  if (!status.empty() && status != "planned" && status != "drawn" && status != "published") {
    return Response::FromStatus(
        Status::InvalidArgument("must be planned, drawn or published", "status"));
  }
  json items = json::array();
  std::int64_t total = 0;
  Status s = context.db.Read([&](soci::session& sql) {
    items = json::array();
    total = 0;
    ZL_ASSIGN_OR_RETURN(auto tasks, store::ListTasks(sql, status));
    const std::int64_t first = std::int64_t{page->page - 1} * page->per_page;
    for (const auto& t : tasks) {
      if (!p.CoversRegion(t.region_code)) continue;
      if (total >= first && total < first + page->per_page) {
        json item = TaskToJson(t);
        ZL_ASSIGN_OR_RETURN(store::TargetCounts counts, store::CountTargets(sql, t.id));
        item["results"] = ResultCounts(counts);
        items.push_back(std::move(item));
      }
      ++total;
    }
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json(Paged(std::move(items), total, *page));
}

Response CreateTask(AppContext& context, http::Request& request, const auth::Principal& p) {
  auto body = JsonBody(request);
  if (!body.ok()) return Response::FromStatus(body.status());
  inspect::TaskInput in;
  auto name = RequiredString(*body, "name");
  if (!name.ok()) return Response::FromStatus(name.status());
  in.name = *name;
  auto industries = StringList(*body, "industries");
  if (!industries.ok()) return Response::FromStatus(industries.status());
  in.industries = *industries;
  auto regions = StringList(*body, "regions");
  if (!regions.ok()) return Response::FromStatus(regions.status());
  in.regions = *regions;
  for (const char* f : {"period_from", "period_until"}) {
    auto v = RequiredString(*body, f);
    if (!v.ok()) return Response::FromStatus(v.status());
    (f[7] == 'f' ? in.period_from : in.period_until) = *v;
  }
  auto team = IntField(*body, "team_size", 2);
  if (!team.ok()) return Response::FromStatus(team.status());
  if (*team < 2 || *team > 10) {
    return Response::FromStatus(Status::InvalidArgument("must be 2 to 10", "team_size"));
  }
  in.team_size = static_cast<int>(*team);
  store::TaskRow row;
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(row, inspect::CreateTask(sql, in, ScopeOf(p), p.ActorLabel(), NowIsoUtc()));
    auth::AppendAudit(sql, p,
                      {"inspection.task.create", "inspection_task", std::to_string(row.id),
                       row.region_code, TaskToJson(row).dump()},
                      request.request_id);
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json(TaskToJson(row), 201);
}

Response GetTask(AppContext& context, http::Request& request, const auth::Principal& p) {
  auto id = PositiveIdPathParam(request, "id");
  if (!id.ok()) return Response::FromStatus(id.status());
  json out;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(store::TaskRow task, TaskFor(sql, p, *id));
    out = TaskToJson(task);
    ZL_ASSIGN_OR_RETURN(auto summary, inspect::FindDrawSummary(sql, *id));
    out["draw"] = summary ? DrawSummaryToJson(*summary, p.Can(auth::kPermRiskRead)) : json();
    ZL_ASSIGN_OR_RETURN(store::TargetCounts counts, store::CountTargets(sql, *id));
    out["results"] = ResultCounts(counts);
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json(out);
}

Response ListTargets(AppContext& context, http::Request& request, const auth::Principal& p) {
  auto id = PositiveIdPathParam(request, "id");
  if (!id.ok()) return Response::FromStatus(id.status());
  auto page = PageParams(request);
  if (!page.ok()) return Response::FromStatus(page.status());
  const bool internal = p.Can(auth::kPermRiskRead);
  json items = json::array();
  std::int64_t total = 0;
  Status s = context.db.Read([&](soci::session& sql) {
    items = json::array();
    ZL_RETURN_IF_ERROR(TaskFor(sql, p, *id).status());
    ZL_ASSIGN_OR_RETURN(store::TargetCounts counts, store::CountTargets(sql, *id));
    total = counts.total;
    ZL_ASSIGN_OR_RETURN(auto targets,
                        store::ListTargets(sql, *id, std::int64_t{page->page - 1} * page->per_page,
                                           page->per_page));
    const auto names = InspectorNames(sql);
    for (const auto& t : targets) {
      ZL_ASSIGN_OR_RETURN(auto e, store::FindEnterprise(sql, t.uscc));
      json item = {{"uscc", t.uscc},
                   {"name", e ? e->name : ""},
                   {"region_code", t.region_code},
                   {"team", TeamJson(t.team, names, true)},
                   {"result", t.result.empty() ? json() : json(t.result)},
                   {"result_note", t.result_note},
                   {"result_record_id", t.result_record_id ? json(t.result_record_id) : json()}};
      if (internal) item["risk_class"] = t.risk_class;
      items.push_back(std::move(item));
    }
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json(Paged(std::move(items), total, *page));
}

Response DrawTask(AppContext& context, http::Request& request, const auth::Principal& p) {
  auto id = PositiveIdPathParam(request, "id");
  if (!id.ok()) return Response::FromStatus(id.status());
  if (Status a = CheckTaskAccess(context, p, *id); !a.ok()) return Response::FromStatus(a);
  std::optional<std::string> seed;
  if (!request.body.empty()) {
    auto body = JsonBody(request);
    if (!body.ok()) return Response::FromStatus(body.status());
    auto v = OptionalString(*body, "seed");
    if (!v.ok()) return Response::FromStatus(v.status());
    seed = *v;
  }
  inspect::DrawSummary summary;
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(store::TaskRow task, TaskFor(sql, p, *id));
    ZL_ASSIGN_OR_RETURN(summary, inspect::DrawTask(sql, *id, seed, p.ActorLabel(), NowIsoUtc()));
    auth::AppendAudit(sql, p,
                      {"inspection.draw", "inspection_task", std::to_string(*id), task.region_code,
                       DrawSummaryToJson(summary, true).dump()},
                      request.request_id);
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json(DrawSummaryToJson(summary, p.Can(auth::kPermRiskRead)), 201);
}

Response VerifyTask(AppContext& context, http::Request& request, const auth::Principal& p) {
  auto id = PositiveIdPathParam(request, "id");
  if (!id.ok()) return Response::FromStatus(id.status());
  inspect::Verification v;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_RETURN_IF_ERROR(TaskFor(sql, p, *id).status());
    ZL_ASSIGN_OR_RETURN(v, inspect::VerifyDraw(sql, *id));
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json(VerificationToJson(v));
}

Response AddRecusal(AppContext& context, http::Request& request, const auth::Principal& p) {
  auto id = PositiveIdPathParam(request, "id");
  if (!id.ok()) return Response::FromStatus(id.status());
  if (Status a = CheckTaskAccess(context, p, *id); !a.ok()) return Response::FromStatus(a);
  auto body = JsonBody(request);
  if (!body.ok()) return Response::FromStatus(body.status());
  auto uscc = RequiredString(*body, "uscc");
  if (!uscc.ok()) return Response::FromStatus(uscc.status());
  auto inspector = IntField(*body, "inspector_id", 0);
  if (!inspector.ok()) return Response::FromStatus(inspector.status());
  if (*inspector <= 0) {
    return Response::FromStatus(Status::InvalidArgument("is required", "inspector_id"));
  }
  auto reason = RequiredString(*body, "reason");
  if (!reason.ok()) return Response::FromStatus(reason.status());
  json out;
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(store::TaskRow task, TaskFor(sql, p, *id));
    ZL_ASSIGN_OR_RETURN(
        inspect::RecusalRecord done,
        inspect::Recuse(sql, *id, *uscc, *inspector, *reason, p.ActorLabel(), NowIsoUtc()));
    ZL_ASSIGN_OR_RETURN(auto target, store::FindTargetRow(sql, *id, *uscc));
    out = {{"task_id", *id},
           {"uscc", done.uscc},
           {"sequence", done.sequence},
           {"recused_id", done.recused_id},
           {"replacement_id", done.replacement_id},
           {"reason", *reason},
           {"team", TeamJson(target ? target->team : "", InspectorNames(sql), true)}};
    auth::AppendAudit(sql, p,
                      {"inspection.recusal", "inspection_task", std::to_string(*id),
                       task.region_code, out.dump()},
                      request.request_id);
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json(out, 201);
}

Response AddResult(AppContext& context, http::Request& request, const auth::Principal& p) {
  auto id = PositiveIdPathParam(request, "id");
  if (!id.ok()) return Response::FromStatus(id.status());
  if (Status a = CheckTaskAccess(context, p, *id); !a.ok()) return Response::FromStatus(a);
  auto body = JsonBody(request);
  if (!body.ok()) return Response::FromStatus(body.status());
  inspect::ResultInput in;
  auto uscc = RequiredString(*body, "uscc");
  if (!uscc.ok()) return Response::FromStatus(uscc.status());
  in.uscc = *uscc;
  auto result = RequiredString(*body, "result");
  if (!result.ok()) return Response::FromStatus(result.status());
  in.result = *result;
  for (const char* f : {"severity", "note"}) {
    auto v = OptionalString(*body, f);
    if (!v.ok()) return Response::FromStatus(v.status());
    (f[0] == 's' ? in.severity : in.note) = v->value_or("");
  }
  json out;
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(store::TaskRow task, TaskFor(sql, p, *id));
    ZL_ASSIGN_OR_RETURN(store::TargetRow t, inspect::RecordResult(sql, *id, in, p.ActorLabel(),
                                                                  Date::TodayInBeijing()));
    out = {{"task_id", *id},
           {"uscc", t.uscc},
           {"result", t.result},
           {"result_note", t.result_note},
           {"result_record_id", t.result_record_id}};
    auth::AppendAudit(
        sql, p,
        {"inspection.result", "inspection_task", std::to_string(*id), task.region_code, out.dump()},
        request.request_id);
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json(out, 201);
}

Response PublishTask(AppContext& context, http::Request& request, const auth::Principal& p) {
  auto id = PositiveIdPathParam(request, "id");
  if (!id.ok()) return Response::FromStatus(id.status());
  store::TaskRow task;
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_RETURN_IF_ERROR(TaskFor(sql, p, *id).status());
    ZL_RETURN_IF_ERROR(inspect::PublishTask(sql, *id, NowIsoUtc()));
    ZL_ASSIGN_OR_RETURN(task, TaskFor(sql, p, *id));
    auth::AppendAudit(sql, p,
                      {"inspection.task.publish", "inspection_task", std::to_string(*id),
                       task.region_code, json{{"published_at", task.published_at}}.dump()},
                      request.request_id);
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json(TaskToJson(task));
}

// ---- public ----

json PublicTask(const store::TaskRow& t, const store::TargetCounts& counts) {
  return {{"id", t.id},
          {"name", t.name},
          {"industries", SplitList(t.industries)},
          {"regions", SplitList(t.regions)},
          {"period_from", t.period_from},
          {"period_until", t.period_until},
          {"published_at", t.published_at},
          {"targets", counts.total},
          {"results", ResultCounts(counts)}};
}

Response ListPublicTasks(AppContext& context, http::Request& request) {
  auto page = PageParams(request);
  if (!page.ok()) return Response::FromStatus(page.status());
  json items = json::array();
  std::int64_t total = 0;
  Status s = context.db.Read([&](soci::session& sql) {
    items = json::array();
    ZL_ASSIGN_OR_RETURN(auto tasks, store::ListTasks(sql, "published"));
    total = static_cast<std::int64_t>(tasks.size());
    const size_t first = static_cast<size_t>(page->page - 1) * page->per_page;
    for (size_t i = first; i < tasks.size() && i < first + page->per_page; ++i) {
      ZL_ASSIGN_OR_RETURN(store::TargetCounts counts, store::CountTargets(sql, tasks[i].id));
      items.push_back(PublicTask(tasks[i], counts));
    }
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json(Paged(std::move(items), total, *page));
}

Response ListPublicResults(AppContext& context, http::Request& request) {
  auto id = PositiveIdPathParam(request, "id");
  if (!id.ok()) return Response::FromStatus(id.status());
  auto page = PageParams(request);
  if (!page.ok()) return Response::FromStatus(page.status());
  json out;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::optional<store::TaskRow> task, store::FindTask(sql, *id));
    if (!task || task->status != "published") {
      return Status::NotFound("no published inspection task " + std::to_string(*id));
    }
    ZL_ASSIGN_OR_RETURN(store::TargetCounts counts, store::CountTargets(sql, *id));
    ZL_ASSIGN_OR_RETURN(auto targets,
                        store::ListTargets(sql, *id, std::int64_t{page->page - 1} * page->per_page,
                                           page->per_page, /*only_with_result=*/true));
    const auto names = InspectorNames(sql);
    json items = json::array();
    for (const auto& t : targets) {
      ZL_ASSIGN_OR_RETURN(auto e, store::FindEnterprise(sql, t.uscc));
      items.push_back({{"uscc", t.uscc},
                       {"name", e ? e->name : ""},
                       {"result", t.result},
                       {"team", TeamJson(t.team, names, false)}});
    }
    out = Paged(std::move(items), counts.pass + counts.fail, *page);
    out["task"] = PublicTask(*task, counts);
    return Status();
  });
  if (!s.ok()) return Response::FromStatus(s);
  return Response::Json(out);
}

}  // namespace

void RegisterInspectionRoutes(http::Router& router, AppContext& context) {
  const auto write = auth::kPermInspectionWrite;
  using M = http::Method;
  auto route = [&](M method, const char* pattern, std::string_view permission,
                   Response (*handler)(AppContext&, http::Request&, const auth::Principal&)) {
    AddRoute(router, context, method, pattern, permission,
             [&context, handler](http::Request& r, const auth::Principal& p) {
               return handler(context, r, p);
             });
  };
  route(M::kGet, "/api/v1/inspectors", write, ListInspectors);
  route(M::kPost, "/api/v1/inspectors", write, AddInspector);
  route(M::kPost, "/api/v1/inspectors/{id}/conflicts", write, DeclareConflict);
  AddRoute(router, context, M::kGet, "/api/v1/inspection/policy", write,
           [&context](http::Request&, const auth::Principal&) { return GetPolicy(context); });
  route(M::kPut, "/api/v1/inspection/policy", auth::kPermGradingManage, PutPolicy);
  route(M::kGet, "/api/v1/inspection/tasks", write, ListTasks);
  route(M::kPost, "/api/v1/inspection/tasks", write, CreateTask);
  route(M::kGet, "/api/v1/inspection/tasks/{id}", write, GetTask);
  route(M::kGet, "/api/v1/inspection/tasks/{id}/targets", write, ListTargets);
  route(M::kPost, "/api/v1/inspection/tasks/{id}/draw", write, DrawTask);
  route(M::kPost, "/api/v1/inspection/tasks/{id}/verify", write, VerifyTask);
  route(M::kPost, "/api/v1/inspection/tasks/{id}/recusals", write, AddRecusal);
  route(M::kPost, "/api/v1/inspection/tasks/{id}/results", write, AddResult);
  route(M::kPost, "/api/v1/inspection/tasks/{id}/publish", write, PublishTask);
  AddRoute(
      router, context, M::kGet, "/api/v1/public/inspection-tasks", auth::kPermEnterpriseRead,
      [&context](http::Request& r, const auth::Principal&) { return ListPublicTasks(context, r); });
  AddRoute(router, context, M::kGet, "/api/v1/public/inspection-tasks/{id}/results",
           auth::kPermEnterpriseRead, [&context](http::Request& r, const auth::Principal&) {
             return ListPublicResults(context, r);
           });
}

}  // namespace zl::api
