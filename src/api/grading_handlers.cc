// Grading (issue #6): rule sets (list, read, load, compare with the current grades), grading
// runs (run, list) and one enterprise's grade with its explanation and history.
//
// Rule sets and runs are province-wide (grading.manage). An enterprise's explanation and
// history are non-public (the enterprise itself and regulators of its region); its risk
// class is internal and shown only to holders of risk.read.
#include <nlohmann/json.hpp>

#include "api/credit_access.h"
#include "api/grading_json.h"
#include "api/guard.h"
#include "api/handlers.h"
#include "api/json_body.h"
#include "auth/audit_log.h"
#include "auth/permissions.h"
#include "base/clock.h"
#include "credit/grading_run.h"
#include "domain/uscc.h"
#include "store/database.h"
#include "store/enterprise_repository.h"

namespace zl::api {

namespace {

using nlohmann::json;

json RuleSetToJson(const store::StoredRuleSet& r, bool with_text) {
  json out = {{"version", r.version},
              {"name", r.name},
              {"loaded_by", r.loaded_by},
              {"loaded_at", r.loaded_at},
              {"active", r.active}};
  if (with_text) out["rules"] = r.rules;
  return out;
}

// The rules text of a POST body: JSON {"rules": "…"} or the file itself as text/plain.
Result<std::string> RulesText(const http::Request& request) {
  if (request.Header("Content-Type").starts_with("application/json")) {
    ZL_ASSIGN_OR_RETURN(json body, JsonBody(request));
    return RequiredString(body, "rules");
  }
  if (request.body.empty()) return Status::InvalidArgument("is required", "rules");
  return request.body;
}

Result<credit::RuleSet> ParseRules(const std::string& text) {
  Result<credit::RuleSet> rules = credit::RuleSet::Parse(text, "rules");
  if (!rules.ok()) return Status::InvalidArgument(rules.status().message(), "rules");
  return rules;
}

http::Response ListRuleSets(AppContext& context) {
  std::vector<store::StoredRuleSet> sets;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(sets, store::ListRuleSets(sql));
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  json items = json::array();
  for (const auto& r : sets) items.push_back(RuleSetToJson(r, false));
  const credit::RuleSet& builtin = credit::RuleSet::Default();
  return http::Response::Json(
      {{"items", std::move(items)},
       {"builtin", {{"version", builtin.version}, {"name", builtin.name}}}});
}

http::Response GetRuleSet(AppContext& context, http::Request& request) {
  const std::string version(request.PathParam("version"));
  std::optional<store::StoredRuleSet> found;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(found, store::FindRuleSet(sql, version));
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  if (!found) {
    const credit::RuleSet& builtin = credit::RuleSet::Default();
    if (version != builtin.version) {
      return http::Response::FromStatus(Status::NotFound("no rule set with version " + version));
    }
    found =
        store::StoredRuleSet{builtin.version, builtin.name, builtin.text, "built-in", "", false};
  }
  return http::Response::Json(RuleSetToJson(*found, true));
}

http::Response LoadRuleSet(AppContext& context, http::Request& request, const auth::Principal& p) {
  Result<std::string> text = RulesText(request);
  if (!text.ok()) return http::Response::FromStatus(text.status());
  Result<credit::RuleSet> rules = ParseRules(*text);
  if (!rules.ok()) return http::Response::FromStatus(rules.status());
  store::StoredRuleSet stored{rules->version, rules->name, rules->text,
                              p.ActorLabel(), NowIsoUtc(), false};
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_RETURN_IF_ERROR(store::InsertRuleSet(sql, stored));
    auth::AppendAudit(sql, p,
                      {"grading.rules.load", "grading_rule_set", stored.version, "",
                       json{{"version", stored.version}, {"name", stored.name}}.dump()},
                      request.request_id);
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(RuleSetToJson(stored, false), 201);
}

// The stored rule set `version`, or the built-in one by its version.
Result<credit::RuleSet> RulesByVersion(soci::session& sql, const std::string& version) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::StoredRuleSet> found, store::FindRuleSet(sql, version));
  if (found) return credit::RuleSet::Parse(found->rules, "rule set " + version);
  if (version == credit::RuleSet::Default().version) return credit::RuleSet::Default();
  return Status::NotFound("no rule set with version " + version);
}

http::Response CompareRuleSet(AppContext& context, http::Request& request) {
  const std::string version(request.PathParam("version"));
  Result<credit::RuleSetComparison> cmp = Status::Internal("not run");
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(credit::RuleSet rules, RulesByVersion(sql, version));
    cmp = credit::CompareRuleSets(sql, rules, Date::TodayInBeijing());
    return cmp.status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(ComparisonToJson(*cmp));
}

http::Response StartRun(AppContext& context, http::Request& request, const auth::Principal& p) {
  std::optional<std::string> version;
  if (!request.body.empty()) {
    auto body = JsonBody(request);
    if (!body.ok()) return http::Response::FromStatus(body.status());
    auto v = OptionalString(*body, "rules_version");
    if (!v.ok()) return http::Response::FromStatus(v.status());
    version = *v;
  }
  Result<credit::GradingRunResult> run = Status::Internal("not run");
  Status s = context.db.Write(
      [&](soci::session& sql) {
        std::optional<credit::RuleSet> rules;
        if (version) {
          ZL_ASSIGN_OR_RETURN(rules, RulesByVersion(sql, *version));
        } else {
          ZL_ASSIGN_OR_RETURN(rules, credit::LoadActiveRules(sql));
          if (!rules) rules = credit::RuleSet::Default();
        }
        run = credit::RunGrading(sql, *rules, Date::TodayInBeijing(), p.ActorLabel(), &context.db);
        if (!run.ok()) return run.status();
        auth::AppendAudit(sql, p,
                          {"grading.run", "grading_run", std::to_string(run->run_id), "",
                           GradingRunToJson(*run, true).dump()},
                          request.request_id);
        return Status();
      },
      // A run checks its own references (grading_run.h).
      store::Database::Retry::kIfConnectionLost, store::Database::ForeignKeys::kCheckedByWork);
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(GradingRunToJson(*run, true), 201);
}

http::Response ListRuns(AppContext& context) {
  std::vector<store::GradingRunRow> runs;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(runs, store::ListGradingRuns(sql, 50));
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  json items = json::array();
  for (const store::GradingRunRow& r : runs) {
    credit::GradingRunResult result;
    result.run_id = r.id;
    result.rules_version = r.rules_version;
    result.graded = r.graded;
    result.changed = r.changed;
    result.by_grade = r.by_grade;
    json item = GradingRunToJson(result, false);
    item["as_of"] = r.as_of;
    item["actor"] = r.actor;
    item["started_at"] = r.started_at;
    item["finished_at"] = r.finished_at;
    items.push_back(std::move(item));
  }
  return http::Response::Json({{"items", std::move(items)}});
}

// GET /api/v1/enterprises/{uscc}/grade: the grade, its explanation and its history.
http::Response GetGrade(AppContext& context, http::Request& request, const auth::Principal& p) {
  domain::UsccVerdict verdict = domain::Uscc::Check(request.PathParam("uscc"));
  if (!verdict.valid) {
    return http::Response::FromStatus(Status::InvalidArgument(verdict.reason, "uscc"));
  }
  json out;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::optional<domain::Enterprise> e,
                        store::FindEnterprise(sql, verdict.normalized));
    if (!e) {
      if (auth::RoleIsRegionScoped(p.role)) return RequireRegion(p, "");
      return Status::NotFound("no enterprise with USCC " + verdict.normalized);
    }
    if (!SeesPrivateData(p, *e)) {
      ZL_RETURN_IF_ERROR(RequireRegion(p, e->region_code));
      return Status::PermissionDenied("only the enterprise itself and its regulators see this");
    }
    const bool internal = SeesRiskClass(p, *e);
    ZL_ASSIGN_OR_RETURN(std::optional<credit::GradeExplanation> ex,
                        credit::ExplainGrade(sql, e->uscc));
    ZL_ASSIGN_OR_RETURN(std::vector<store::GradeRow> history, store::GradeHistory(sql, e->uscc));
    out = {{"uscc", e->uscc},
           {"name", e->name},
           {"grade", ex ? GradeToJson(ex->grade, internal) : json()},
           {"explanation", ex ? ExplanationToJson(*ex, internal) : json()},
           {"history", GradeHistoryToJson(history, internal)}};
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(out);
}

}  // namespace

void RegisterGradingRoutes(http::Router& router, AppContext& context) {
  const auto manage = auth::kPermGradingManage;
  AddRoute(router, context, http::Method::kGet, "/api/v1/grading/rule-sets", manage,
           [&context](http::Request&, const auth::Principal&) { return ListRuleSets(context); });
  AddRoute(router, context, http::Method::kPost, "/api/v1/grading/rule-sets", manage,
           [&context](http::Request& r, const auth::Principal& p) {
             return LoadRuleSet(context, r, p);
           });
  AddRoute(router, context, http::Method::kGet, "/api/v1/grading/rule-sets/{version}", manage,
           [&context](http::Request& r, const auth::Principal&) { return GetRuleSet(context, r); });
  AddRoute(
      router, context, http::Method::kPost, "/api/v1/grading/rule-sets/{version}/compare", manage,
      [&context](http::Request& r, const auth::Principal&) { return CompareRuleSet(context, r); });
  AddRoute(
      router, context, http::Method::kPost, "/api/v1/grading/runs", manage,
      [&context](http::Request& r, const auth::Principal& p) { return StartRun(context, r, p); });
  AddRoute(router, context, http::Method::kGet, "/api/v1/grading/runs", manage,
           [&context](http::Request&, const auth::Principal&) { return ListRuns(context); });
  AddRoute(
      router, context, http::Method::kGet, "/api/v1/enterprises/{uscc}/grade",
      auth::kPermEnterprisePrivateRead,
      [&context](http::Request& r, const auth::Principal& p) { return GetGrade(context, r, p); });
}

}  // namespace zl::api
