// /api/v1/plan/…: action plans (parse, import, read), the department registry, tasks (assign,
// subdivide, report, review, evidence) and the supervision summary. The rules live in
// plan/task_service.h; the assessment routes are assessment_handlers.cc. See docs/PLAN.md.
#include <nlohmann/json.hpp>

#include "api/guard.h"
#include "api/handlers.h"
#include "api/json_body.h"
#include "api/params.h"
#include "api/task_json.h"
#include "auth/audit_log.h"
#include "auth/crypto.h"
#include "auth/permissions.h"
#include "base/clock.h"
#include "base/data_url.h"
#include "plan/plan_json.h"
#include "plan/task_service.h"
#include "store/database.h"

namespace zl::api {

namespace {

using json = nlohmann::json;

constexpr size_t kMaxPlanFileBytes = 32u << 20;

Result<plan::PlanDocument> ParseUploadedPlan(const http::Request& request) {
  if (request.body.empty()) {
    return Status::InvalidArgument("the request body must be the plan document", "file");
  }
  if (request.body.size() > kMaxPlanFileBytes) {
    return Status::InvalidArgument("the document is larger than 32 MiB", "file");
  }
  return plan::ParsePlanFile(request.body);
}

// POST /api/v1/plan/parse: the parse tree, stored nowhere (the upload's preview).
http::Response Parse(http::Request& request) {
  Result<plan::PlanDocument> document = ParseUploadedPlan(request);
  if (!document.ok()) return http::Response::FromStatus(document.status());
  return http::Response::Json(plan::PlanDocumentToJson(*document));
}

// The plan with its tree; NotFound when unknown.
Result<json> PlanJson(soci::session& sql, std::int64_t id) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::PlanRow> plan, store::FindPlan(sql, id));
  if (!plan) return Status::NotFound("no such plan");
  ZL_ASSIGN_OR_RETURN(store::PlanContent content, store::ReadPlanContent(sql, id));
  return PlanToJson(*plan, content);
}

// POST /api/v1/plan/plans?file_name=&year=: parse and store (the province).
http::Response Import(AppContext& context, http::Request& request, const auth::Principal& p) {
  if (auth::RoleIsRegionScoped(p.role)) {
    return http::Response::FromStatus(
        Status::PermissionDenied("plans are imported by the province; a city subdivides tasks"));
  }
  Result<int> year = IntParam(request, "year", 0, 1990, 2100);
  if (!year.ok()) return http::Response::FromStatus(year.status());
  Result<plan::PlanDocument> document = ParseUploadedPlan(request);
  if (!document.ok()) return http::Response::FromStatus(document.status());
  std::string name = TextParam(request, "file_name");
  if (name.empty()) name = "plan.txt";
  json out;
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(
        std::int64_t id,
        plan::StorePlan(sql, *document, {name, auth::Sha256Hex(request.body), *year},
                        p.ActorLabel(), NowIsoUtc()));
    ZL_ASSIGN_OR_RETURN(out, PlanJson(sql, id));
    auth::AppendAudit(sql, p,
                      {"plan.import", "action_plan", std::to_string(id), "",
                       json{{"title", out["title"]},
                            {"year", out["year"]},
                            {"source_name", name},
                            {"warnings", out["warnings"].size()}}
                           .dump()},
                      request.request_id);
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(out, 201);
}

http::Response ListPlans(AppContext& context) {
  json items = json::array();
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::vector<store::PlanRow> plans, store::ListPlans(sql));
    for (const store::PlanRow& plan : plans) items.push_back(PlanSummaryToJson(plan));
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  const size_t total = items.size();
  return http::Response::Json({{"items", std::move(items)}, {"total", total}});
}

http::Response GetPlan(AppContext& context, http::Request& request) {
  Result<std::int64_t> id = PositiveIdPathParam(request, "id");
  if (!id.ok()) return http::Response::FromStatus(id.status());
  json out;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(out, PlanJson(sql, *id));
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(out);
}

http::Response Departments(AppContext& context) {
  json items = json::array();
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::vector<store::DepartmentRow> rows, store::ListDepartments(sql));
    for (const store::DepartmentRow& d : rows) {
      items.push_back({{"id", d.id},
                       {"name", d.name},
                       {"item_count", d.item_count},
                       {"lead_count", d.lead_count}});
    }
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json({{"items", std::move(items)}});
}

Result<plan::TaskInput> TaskInputFrom(const json& body) {
  plan::TaskInput in;
  ZL_ASSIGN_OR_RETURN(std::optional<std::int64_t> item, OptionalInteger(body, "item_id"));
  ZL_ASSIGN_OR_RETURN(std::optional<std::int64_t> parent, OptionalInteger(body, "parent_id"));
  ZL_ASSIGN_OR_RETURN(std::optional<std::int64_t> target, OptionalInteger(body, "target_id"));
  in.item_id = item.value_or(0);
  in.parent_id = parent.value_or(0);
  in.target_id = target.value_or(0);
  ZL_ASSIGN_OR_RETURN(std::optional<std::string> region, OptionalString(body, "region_code"));
  ZL_ASSIGN_OR_RETURN(std::optional<std::string> title, OptionalString(body, "title"));
  ZL_ASSIGN_OR_RETURN(std::optional<std::string> lead, OptionalString(body, "lead_unit"));
  ZL_ASSIGN_OR_RETURN(std::optional<std::string> deadline, OptionalString(body, "deadline"));
  in.region_code = region.value_or("");
  in.title = title.value_or("");
  in.lead_unit = lead.value_or("");
  in.deadline = deadline.value_or("");
  ZL_ASSIGN_OR_RETURN(in.cooperating_units, StringArray(body, "cooperating_units"));
  ZL_ASSIGN_OR_RETURN(in.target_value, OptionalNumber(body, "target_value"));
  return in;
}

// POST /api/v1/plan/tasks: assign an item (the province) or subdivide a task.
http::Response CreateTask(AppContext& context, http::Request& request, const auth::Principal& p) {
  Result<json> body = JsonBody(request);
  if (!body.ok()) return http::Response::FromStatus(body.status());
  Result<plan::TaskInput> input = TaskInputFrom(*body);
  if (!input.ok()) return http::Response::FromStatus(input.status());
  const Date today = Date::TodayInBeijing();
  json out;
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(store::PlanTaskRow task,
                        plan::CreateTask(sql, p, *input, today, NowIsoUtc()));
    ZL_ASSIGN_OR_RETURN(std::optional<plan::TaskView> view,
                        plan::FindTaskView(sql, p, task.id, today));
    out = TaskToJson(*view);
    auth::AppendAudit(sql, p,
                      {task.parent_id == 0 ? "plan.assign" : "plan.subdivide", "plan_task",
                       std::to_string(task.id), task.region_code,
                       json{{"item_id", task.item_id},
                            {"parent_id", task.parent_id},
                            {"lead_unit", task.lead_unit},
                            {"deadline", task.deadline},
                            {"target_value", task.target_value}}
                           .dump()},
                      request.request_id);
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(out, 201);
}

Result<plan::TaskQuery> TaskQueryFrom(const http::Request& request) {
  plan::TaskQuery q;
  ZL_ASSIGN_OR_RETURN(int plan_id, IntParam(request, "plan_id", 0, 0, INT32_MAX));
  q.filter.plan_id = plan_id;
  ZL_ASSIGN_OR_RETURN(int parent, IntParam(request, "parent_id", -1, 0, INT32_MAX));
  if (parent >= 0) q.filter.parent_id = parent;
  q.filter.region_code = TextParam(request, "region_code");
  q.filter.lead_unit = TextParam(request, "department");
  ZL_ASSIGN_OR_RETURN(int plan_department, IntParam(request, "plan_department", 0, 0, INT32_MAX));
  q.plan_department = plan_department;
  if (std::string status = TextParam(request, "status"); !status.empty()) {
    if (status != "open" && status != "completion_reported" && status != "closed") {
      return Status::InvalidArgument("must be open, completion_reported or closed", "status");
    }
    q.filter.statuses.push_back(status);
  }
  if (std::string light = TextParam(request, "light"); !light.empty()) {
    ZL_ASSIGN_OR_RETURN(q.light, plan::ParseLight(light));
  }
  return q;
}

http::Response ListPlanTasks(AppContext& context, http::Request& request,
                             const auth::Principal& p) {
  Result<plan::TaskQuery> query = TaskQueryFrom(request);
  if (!query.ok()) return http::Response::FromStatus(query.status());
  Result<store::PageRequest> page = PageParams(request);
  if (!page.ok()) return http::Response::FromStatus(page.status());
  json items = json::array();
  size_t total = 0;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::vector<plan::TaskView> tasks,
                        plan::ListTaskViews(sql, p, *query, Date::TodayInBeijing()));
    total = tasks.size();
    const size_t from = static_cast<size_t>(page->page - 1) * page->per_page;
    for (size_t i = from; i < tasks.size() && i < from + page->per_page; ++i) {
      items.push_back(TaskToJson(tasks[i]));
    }
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json({{"items", std::move(items)}, {"total", total}});
}

// The task with its reports, evidence list and subtasks; NotFound outside the caller's reach.
Result<json> TaskDetail(soci::session& sql, const auth::Principal& p, std::int64_t id) {
  const Date today = Date::TodayInBeijing();
  ZL_ASSIGN_OR_RETURN(std::optional<plan::TaskView> view, plan::FindTaskView(sql, p, id, today));
  if (!view) return plan::TaskOutOfReach(p);
  json out = TaskToJson(*view);
  ZL_ASSIGN_OR_RETURN(std::vector<store::TaskReportRow> reports, store::ListTaskReports(sql, id));
  ZL_ASSIGN_OR_RETURN(std::vector<store::EvidenceInfo> evidence, store::ListTaskEvidence(sql, id));
  out["reports"] = ReportsToJson(reports, evidence, view->task.target_value > 0);
  plan::TaskQuery children;
  children.filter.parent_id = id;
  ZL_ASSIGN_OR_RETURN(std::vector<plan::TaskView> subtasks,
                      plan::ListTaskViews(sql, p, children, today));
  out["subtasks"] = json::array();
  for (const plan::TaskView& v : subtasks) out["subtasks"].push_back(TaskToJson(v));
  return out;
}

http::Response GetTask(AppContext& context, http::Request& request, const auth::Principal& p) {
  Result<std::int64_t> id = PositiveIdPathParam(request, "id");
  if (!id.ok()) return http::Response::FromStatus(id.status());
  json out;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(out, TaskDetail(sql, p, *id));
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(out);
}

Result<plan::ReportInput> ReportInputFrom(const json& body) {
  plan::ReportInput in;
  ZL_ASSIGN_OR_RETURN(in.kind, RequiredString(body, "kind"));
  ZL_ASSIGN_OR_RETURN(std::optional<std::int64_t> percent, OptionalInteger(body, "percent"));
  if (!percent && in.kind != "completion") return Status::InvalidArgument("is required", "percent");
  if (percent && (*percent < 0 || *percent > 100)) {
    return Status::InvalidArgument("must be between 0 and 100", "percent");
  }
  in.percent = static_cast<int>(percent.value_or(100));
  ZL_ASSIGN_OR_RETURN(std::optional<std::string> narrative, OptionalString(body, "narrative"));
  in.narrative = narrative.value_or("");
  ZL_ASSIGN_OR_RETURN(in.achieved_value, OptionalNumber(body, "achieved_value"));
  if (auto files = body.find("evidence"); files != body.end() && !files->is_null()) {
    if (!files->is_array()) {
      return Status::InvalidArgument("must be a list of {name, content}", "evidence");
    }
    for (const json& f : *files) {
      if (!f.is_object() || !f.value("name", json()).is_string() ||
          !f.value("content", json()).is_string()) {
        return Status::InvalidArgument("must be a list of {name, content}", "evidence");
      }
      in.evidence.push_back({f["name"].get<std::string>(), f["content"].get<std::string>()});
    }
  }
  return in;
}

// POST /api/v1/plan/tasks/{id}/reports and …/review: a change of the task, answered with the
// task's detail and audited.
http::Response ChangeTask(AppContext& context, http::Request& request, const auth::Principal& p,
                          bool review) {
  Result<std::int64_t> id = PositiveIdPathParam(request, "id");
  if (!id.ok()) return http::Response::FromStatus(id.status());
  Result<json> body = JsonBody(request);
  if (!body.ok()) return http::Response::FromStatus(body.status());
  plan::ReportInput report;
  std::string decision, reason;
  if (review) {
    Result<std::optional<std::string>> d = OptionalString(*body, "decision");
    if (!d.ok()) return http::Response::FromStatus(d.status());
    Result<std::optional<std::string>> r = OptionalString(*body, "reason");
    if (!r.ok()) return http::Response::FromStatus(r.status());
    decision = d->value_or("");
    reason = r->value_or("");
  } else {
    Result<plan::ReportInput> parsed = ReportInputFrom(*body);
    if (!parsed.ok()) return http::Response::FromStatus(parsed.status());
    report = std::move(*parsed);
  }
  const Date today = Date::TodayInBeijing();
  json out;
  Status s = context.db.Write([&](soci::session& sql) {
    const std::string now = NowIsoUtc();
    store::PlanTaskRow task;
    json summary;
    if (review) {
      ZL_ASSIGN_OR_RETURN(task, plan::ReviewTask(sql, p, *id, decision, reason, today, now));
      summary = {{"decision", decision}, {"reason", reason}, {"status", task.status}};
    } else {
      ZL_ASSIGN_OR_RETURN(task, plan::ReportOnTask(sql, p, *id, report, today, now));
      summary = {{"kind", report.kind},
                 {"percent", task.percent},
                 {"achieved_value", task.achieved_value},
                 {"evidence", report.evidence.size()}};
    }
    ZL_ASSIGN_OR_RETURN(out, TaskDetail(sql, p, *id));
    auth::AppendAudit(sql, p,
                      {review ? "plan.review" : "plan.report", "plan_task", std::to_string(*id),
                       task.region_code, summary.dump()},
                      request.request_id);
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(out, 201);
}

// "attachment; filename=…" with the UTF-8 name encoded per RFC 6266/5987.
std::string AttachmentHeader(const std::string& name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return "attachment; filename=\"evidence\"; filename*=UTF-8''" + encoded;
}

// GET /api/v1/plan/tasks/{id}/reports/{seq}/evidence/{position}: the file as uploaded (a data
// URL is served as its bytes and media type; other text as plain text).
http::Response Evidence(AppContext& context, http::Request& request, const auth::Principal& p) {
  Result<std::int64_t> id = PositiveIdPathParam(request, "id");
  Result<std::int64_t> seq = PositiveIdPathParam(request, "seq");
  Result<std::int64_t> position = PositiveIdPathParam(request, "position");
  for (const Status& s : {id.status(), seq.status(), position.status()}) {
    if (!s.ok()) return http::Response::FromStatus(s);
  }
  std::optional<store::EvidenceRow> file;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::optional<plan::TaskView> view,
                        plan::FindTaskView(sql, p, *id, Date::TodayInBeijing()));
    if (!view) return plan::TaskOutOfReach(p);
    ZL_ASSIGN_OR_RETURN(file, store::FindEvidence(sql, *id, *seq, *position));
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  if (!file) return http::Response::FromStatus(Status::NotFound("no such evidence file"));
  http::Response response;
  if (Result<DataUrl> url = ParseDataUrl(file->content); url.ok()) {
    response = http::Response::Text(std::move(url->bytes), url->media_type);
  } else {
    response = http::Response::Text(file->content);
  }
  response.SetHeader("Content-Disposition", AttachmentHeader(file->name));
  response.SetHeader("X-Content-Type-Options", "nosniff");
  return response;
}

Result<Date> AsOfParam(const http::Request& request) {
  std::string text = TextParam(request, "as_of");
  if (text.empty()) return Date::TodayInBeijing();
  Result<Date> d = Date::Parse(text);
  if (!d.ok()) return Status::InvalidArgument(d.status().message(), "as_of");
  return *d;
}

http::Response Supervision(AppContext& context, http::Request& request, const auth::Principal& p) {
  Result<int> plan_id = IntParam(request, "plan_id", 0, 0, INT32_MAX);
  if (!plan_id.ok()) return http::Response::FromStatus(plan_id.status());
  Result<Date> as_of = AsOfParam(request);
  if (!as_of.ok()) return http::Response::FromStatus(as_of.status());
  json out;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(plan::Supervision sv, plan::Supervise(sql, p, *plan_id, *as_of));
    out = SupervisionToJson(sv, *as_of);
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(out);
}

}  // namespace

void RegisterPlanRoutes(http::Router& router, AppContext& context) {
  using M = http::Method;
  AddRoute(router, context, M::kPost, "/api/v1/plan/parse", auth::kPermPlanManage,
           [](http::Request& r, const auth::Principal&) { return Parse(r); });
  AddRoute(
      router, context, M::kPost, "/api/v1/plan/plans", auth::kPermPlanManage,
      [&context](http::Request& r, const auth::Principal& p) { return Import(context, r, p); });
  AddRoute(router, context, M::kGet, "/api/v1/plan/plans", auth::kPermPlanRead,
           [&context](http::Request&, const auth::Principal&) { return ListPlans(context); });
  AddRoute(router, context, M::kGet, "/api/v1/plan/plans/{id}", auth::kPermPlanRead,
           [&context](http::Request& r, const auth::Principal&) { return GetPlan(context, r); });
  AddRoute(router, context, M::kGet, "/api/v1/plan/departments", auth::kPermPlanRead,
           [&context](http::Request&, const auth::Principal&) { return Departments(context); });
  AddRoute(
      router, context, M::kPost, "/api/v1/plan/tasks", auth::kPermPlanManage,
      [&context](http::Request& r, const auth::Principal& p) { return CreateTask(context, r, p); });
  AddRoute(router, context, M::kGet, "/api/v1/plan/tasks", auth::kPermPlanRead,
           [&context](http::Request& r, const auth::Principal& p) {
             return ListPlanTasks(context, r, p);
           });
  AddRoute(
      router, context, M::kGet, "/api/v1/plan/tasks/{id}", auth::kPermPlanRead,
      [&context](http::Request& r, const auth::Principal& p) { return GetTask(context, r, p); });
  AddRoute(router, context, M::kPost, "/api/v1/plan/tasks/{id}/reports", auth::kPermPlanReport,
           [&context](http::Request& r, const auth::Principal& p) {
             return ChangeTask(context, r, p, false);
           });
  AddRoute(router, context, M::kPost, "/api/v1/plan/tasks/{id}/review", auth::kPermPlanManage,
           [&context](http::Request& r, const auth::Principal& p) {
             return ChangeTask(context, r, p, true);
           });
  AddRoute(router, context, M::kGet, "/api/v1/plan/tasks/{id}/reports/{seq}/evidence/{position}",
           auth::kPermPlanRead, [&context](http::Request& r, const auth::Principal& p) {
             return Evidence(context, r, p);
           });
  AddRoute(router, context, M::kGet, "/api/v1/plan/supervision", auth::kPermPlanRead,
           [&context](http::Request& r, const auth::Principal& p) {
             return Supervision(context, r, p);
           });
}

}  // namespace zl::api
