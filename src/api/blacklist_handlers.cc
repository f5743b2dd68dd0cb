// The quality blacklist (issue #7): the public list and its export, the entry rules and the
// proposals they make, cases and the steps of their due process, and the joint-punishment
// question "may this enterprise …?".
//
// Who takes a step is worked out from the caller: the enterprise's own account is the
// enterprise (object, request early removal); a holder of blacklist.approve approves, or
// dismisses a listing awaiting approval; a holder of blacklist.manage whose region covers the
// case is the regulator for every other step. The process itself (what is allowed when) is
// blacklist/case_machine.h; every step is also written to the audit log. A case outside the
// caller's reach answers 403, as one that does not exist would for a regional caller.
#include <nlohmann/json.hpp>

#include "api/download.h"
#include "api/guard.h"
#include "api/handlers.h"
#include "api/json_body.h"
#include "api/params.h"
#include "auth/audit_log.h"
#include "auth/permissions.h"
#include "base/clock.h"
#include "blacklist/blacklist_service.h"
#include "domain/uscc.h"
#include "store/database.h"
#include "store/enterprise_repository.h"

namespace zl::api {

namespace {

using blacklist::CaseAction;
using blacklist::Party;
using nlohmann::json;

json MeasuresToJson(const store::CaseRow& c) {
  json out = json::array();
  for (const std::string& code : blacklist::MeasuresOf(c)) {
    const blacklist::Measure* m = blacklist::MeasureCatalogue::Default().Find(code);
    if (m == nullptr) continue;
    out.push_back({{"code", m->code},
                   {"activity", m->activity},
                   {"name_zh", m->name_zh},
                   {"name_en", m->name_en},
                   {"basis", m->basis}});
  }
  return out;
}

json DateOrNull(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(); }
json TextOrNull(const std::string& s) { return s.empty() ? json() : json(s); }

// An entry of the public list: who, why, basis, authority, dates, measures.
json PublicEntryToJson(const store::CaseRow& c, const std::string& name) {
  Result<blacklist::Deadlines> d = blacklist::CaseDeadlines(c);
  return {{"case_id", c.id},
          {"uscc", c.uscc},
          {"name", name},
          {"reason", c.reason},
          {"basis", c.basis},
          {"authority", c.authority},
          {"listed_on", c.listed_on},
          {"published_on", c.published_on},
          {"expires_on", d.ok() ? DateOrNull(d->expires_on) : json()},
          {"measures", MeasuresToJson(c)}};
}

json DeadlinesToJson(const blacklist::Deadlines& d) {
  return {{"objection_window_ends", DateOrNull(d.objection_window_ends)},
          {"objection_answer_due", DateOrNull(d.objection_answer_due)},
          {"publish_due", DateOrNull(d.publish_due)},
          {"removal_possible_from", DateOrNull(d.removal_possible_from)},
          {"removal_decision_due", DateOrNull(d.removal_decision_due)},
          {"stop_publication_due", DateOrNull(d.stop_publication_due)},
          {"expires_on", DateOrNull(d.expires_on)},
          {"uncovered_by_calendar", d.uncovered}};
}

json CaseToJson(const store::CaseRow& c, const std::string& name, const blacklist::Deadlines& d,
                const std::optional<Date>& next_due, Date today) {
  return {{"id", c.id},
          {"uscc", c.uscc},
          {"name", name},
          {"region_code", c.region_code},
          {"state", c.state},
          {"rule_code", c.rule_code},
          {"reason", c.reason},
          {"basis", c.basis},
          {"authority", c.authority},
          {"measures", MeasuresToJson(c)},
          {"notified_on", TextOrNull(c.notified_on)},
          {"objection_filed_on", TextOrNull(c.objection_filed_on)},
          {"listed_on", TextOrNull(c.listed_on)},
          {"published_on", TextOrNull(c.published_on)},
          {"removal_requested_on", TextOrNull(c.removal_requested_on)},
          {"removed_on", TextOrNull(c.removed_on)},
          {"record_id", c.record_id == 0 ? json() : json(c.record_id)},
          {"deadlines", DeadlinesToJson(d)},
          {"next_due", DateOrNull(next_due)},
          {"overdue", next_due.has_value() && *next_due < today},
          {"created_by", c.created_by},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

// The regulator's reach: province-wide roles everywhere, a city_admin in its region.
bool Regulates(const auth::Principal& p, const store::CaseRow& c) {
  return p.Can(auth::kPermBlacklistManage) && p.CoversRegion(c.region_code);
}
bool IsTheEnterprise(const auth::Principal& p, const store::CaseRow& c) {
  return p.role == auth::Role::kEnterprise && p.uscc == c.uscc;
}

// Who the caller is for `action` on case `c`, or PermissionDenied.
Result<Party> PartyFor(const auth::Principal& p, const store::CaseRow& c, CaseAction action) {
  if (IsTheEnterprise(p, c)) return Party::kEnterprise;
  if (p.Can(auth::kPermBlacklistApprove) &&
      (action == CaseAction::kApprove ||
       (action == CaseAction::kDismiss && c.state == "awaiting_approval"))) {
    return Party::kApprover;
  }
  if (Regulates(p, c)) return Party::kRegulator;
  return Status::PermissionDenied("this case is outside your reach");
}

std::string StringField(const json& body, const char* field) {
  auto it = body.find(field);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The day a regulator's step was taken: "on" (YYYY-MM-DD) records a step taken on paper,
// never later than today; today when absent.
Result<Date> StepDay(const json& body) {
  const Date today = Date::TodayInBeijing();
  const std::string on = StringField(body, "on");
  if (on.empty()) return today;
  Result<Date> d = Date::Parse(on);
  if (!d.ok() || *d > today) {
    return Status::InvalidArgument("must be a date (YYYY-MM-DD) not after today", "on");
  }
  return *d;
}

// GET /api/v1/blacklist?q=&page=&per_page=: the public list (listed entries only).
http::Response PublicList(AppContext& context, http::Request& request) {
  Result<store::PageRequest> page = PageParams(request);
  if (!page.ok()) return http::Response::FromStatus(page.status());
  const std::string q = TextParam(request, "q");
  json items = json::array();
  std::int64_t total = 0;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(auto found, store::ListPublicCases(
                                        sql, blacklist::PublicStates(), q,
                                        static_cast<std::int64_t>(page->page - 1) * page->per_page,
                                        page->per_page));
    total = found.first;
    items = json::array();
    for (const store::PublicListing& l : found.second) {
      items.push_back(PublicEntryToJson(l.c, l.name));
    }
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(
      {{"total", total}, {"page", page->page}, {"per_page", page->per_page}, {"items", items}});
}

// GET /api/v1/blacklist/export?q=&format=csv|xlsx: the whole public list as a file.
http::Response ExportList(AppContext& context, http::Request& request) {
  Result<sheet::TableFormat> format = DownloadFormat(request);
  if (!format.ok()) return http::Response::FromStatus(format.status());
  const std::string q = TextParam(request, "q");
  return TableDownload(*format, "blacklist", "严重违法失信名单", [&](sheet::TableWriter& out) {
    ZL_RETURN_IF_ERROR(out.AddRow({"uscc", "name", "reason", "basis", "authority", "listed_on",
                                   "published_on", "expires_on", "measures"}));
    return context.db.Read([&](soci::session& sql) {
      ZL_ASSIGN_OR_RETURN(auto found,
                          store::ListPublicCases(sql, blacklist::PublicStates(), q, 0, 1'000'000));
      for (const store::PublicListing& l : found.second) {
        ZL_ASSIGN_OR_RETURN(blacklist::Deadlines d, blacklist::CaseDeadlines(l.c));
        std::string measures;
        for (const std::string& code : blacklist::MeasuresOf(l.c)) {
          const blacklist::Measure* m = blacklist::MeasureCatalogue::Default().Find(code);
          if (m != nullptr) measures += (measures.empty() ? "" : "；") + m->name_zh;
        }
        ZL_RETURN_IF_ERROR(
            out.AddRow({l.c.uscc, l.name, l.c.reason, l.c.basis, l.c.authority, l.c.listed_on,
                        l.c.published_on, OptionalDateText(d.expires_on), measures}));
      }
      return Status();
    });
  });
}

// The enterprise's name (for cases), or "".
std::string NameOf(soci::session& sql, const std::string& uscc) {
  Result<std::optional<domain::Enterprise>> e = store::FindEnterprise(sql, uscc);
  return e.ok() && *e ? (*e)->name : std::string();
}

// POST /api/v1/blacklist/cases: open a case by hand (blacklist.manage, in the caller's
// region); "on" as for steps.
http::Response OpenCase(AppContext& context, http::Request& request, const auth::Principal& p) {
  Result<json> body = JsonBody(request);
  if (!body.ok()) return http::Response::FromStatus(body.status());
  blacklist::CaseInput in;
  domain::UsccVerdict verdict = domain::Uscc::Check(StringField(*body, "uscc"));
  if (!verdict.valid) {
    return http::Response::FromStatus(Status::InvalidArgument(verdict.reason, "uscc"));
  }
  in.uscc = verdict.normalized;
  in.reason = StringField(*body, "reason");
  in.basis = StringField(*body, "basis");
  in.authority = StringField(*body, "authority");
  Result<std::vector<std::string>> measures = StringArray(*body, "measures");
  if (!measures.ok()) return http::Response::FromStatus(measures.status());
  in.measures = *measures;
  Result<Date> on = StepDay(*body);
  if (!on.ok()) return http::Response::FromStatus(on.status());
  json out;
  const Date today = Date::TodayInBeijing();
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::optional<domain::Enterprise> e, store::FindEnterprise(sql, in.uscc));
    if (e) ZL_RETURN_IF_ERROR(RequireRegion(p, e->region_code));
    ZL_ASSIGN_OR_RETURN(store::CaseRow c,
                        blacklist::OpenCase(sql, in, p.ActorLabel(), *on, NowIsoUtc()));
    ZL_ASSIGN_OR_RETURN(blacklist::Deadlines d, blacklist::CaseDeadlines(c));
    out = CaseToJson(c, e ? e->name : "", d, blacklist::NextDue(c, d), today);
    auth::AppendAudit(sql, p,
                      {"blacklist.open", "blacklist_case", std::to_string(c.id), "",
                       json{{"uscc", c.uscc}, {"reason", c.reason}, {"basis", c.basis}}.dump()},
                      request.request_id);
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(out, 201);
}

// POST /api/v1/blacklist/proposals: proposes cases where records meet an entry rule (in the
// caller's region); audited.
http::Response Propose(AppContext& context, http::Request& request, const auth::Principal& p) {
  const std::string region = auth::RoleIsRegionScoped(p.role) ? p.region_code : "";
  const Date today = Date::TodayInBeijing();
  json items = json::array();
  Status s = context.db.Write([&](soci::session& sql) {
    items = json::array();
    ZL_ASSIGN_OR_RETURN(std::vector<store::CaseRow> made,
                        blacklist::ProposeCases(sql, region, today, p.ActorLabel(), NowIsoUtc()));
    for (const store::CaseRow& c : made) {
      ZL_ASSIGN_OR_RETURN(blacklist::Deadlines d, blacklist::CaseDeadlines(c));
      items.push_back(CaseToJson(c, NameOf(sql, c.uscc), d, blacklist::NextDue(c, d), today));
    }
    auth::AppendAudit(sql, p,
                      {"blacklist.propose", "blacklist_case", "", region,
                       json{{"proposed", items.size()}}.dump()},
                      request.request_id);
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json({{"proposed", items.size()}, {"items", items}}, 201);
}

// GET /api/v1/blacklist/cases?state=&due=near|overdue: the regulator's worklist.
http::Response ListCases(AppContext& context, http::Request& request, const auth::Principal& p) {
  store::CaseFilter filter;
  filter.region_code = auth::RoleIsRegionScoped(p.role) ? p.region_code : "";
  const std::string state = TextParam(request, "state");
  if (!state.empty()) {
    if (!blacklist::ParseCaseState(state).ok()) {
      return http::Response::FromStatus(Status::InvalidArgument("unknown state", "state"));
    }
    filter.states = {state};
  }
  const std::string due = TextParam(request, "due");
  if (!due.empty() && due != "near" && due != "overdue") {
    return http::Response::FromStatus(Status::InvalidArgument("must be near or overdue", "due"));
  }
  const Date today = Date::TodayInBeijing();
  json items = json::array();
  Status s = context.db.Read([&](soci::session& sql) {
    items = json::array();
    ZL_ASSIGN_OR_RETURN(std::vector<store::CaseRow> cases, store::ListCases(sql, filter));
    for (const store::CaseRow& c : cases) {
      ZL_ASSIGN_OR_RETURN(blacklist::Deadlines d, blacklist::CaseDeadlines(c));
      const std::optional<Date> next = blacklist::NextDue(c, d);
      // Near: within 5 working days (or past); overdue: past.
      if (due == "overdue" && !(next && *next < today)) continue;
      if (due == "near") {
        if (!next) continue;
        Result<Date> horizon = WorkdayCalendar::Default().AddWorkdays(today, 5);
        if (horizon.ok() && *next > *horizon) continue;
      }
      items.push_back(CaseToJson(c, NameOf(sql, c.uscc), d, next, today));
    }
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json({{"items", items}});
}

// GET /api/v1/blacklist/cases/{id}: a case with its events, documents and deadlines (its
// regulators, the approver, auditors and the enterprise itself).
http::Response GetCase(AppContext& context, http::Request& request, const auth::Principal& p) {
  Result<std::int64_t> id = PositiveIdPathParam(request, "id");
  if (!id.ok()) return http::Response::FromStatus(id.status());
  const Date today = Date::TodayInBeijing();
  json out;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::optional<blacklist::CaseFile> f, blacklist::ReadCaseFile(sql, *id));
    if (!f || (!Regulates(p, f->c) && !IsTheEnterprise(p, f->c) &&
               !p.Can(auth::kPermBlacklistApprove) && !p.Can(auth::kPermAuditRead))) {
      if (auth::RoleIsRegionScoped(p.role) || p.role == auth::Role::kEnterprise) {
        return Status::PermissionDenied("this case is outside your reach");
      }
      return Status::NotFound("no blacklist case " + std::to_string(*id));
    }
    out = CaseToJson(f->c, NameOf(sql, f->c.uscc), f->deadlines, f->next_due, today);
    json events = json::array();
    for (const store::CaseEventRow& e : f->events) {
      json documents = json::array();
      for (const store::CaseDocumentRow& d : f->documents) {
        if (d.event_seq != e.seq) continue;
        documents.push_back({{"name", d.name}, {"content", d.content}, {"sha256", d.sha256}});
      }
      events.push_back({{"seq", e.seq},
                        {"action", e.action},
                        {"from_state", TextOrNull(e.from_state)},
                        {"to_state", e.to_state},
                        {"party", e.party},
                        {"actor", e.actor},
                        {"on", e.on_day},
                        {"at", e.at},
                        {"reason", e.reason},
                        {"documents", documents}});
    }
    out["events"] = events;
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(out);
}

// POST /api/v1/blacklist/cases/{id}/steps {"action", "reason", "documents": [{"name",
// "content"}]}: one step of the process; "on" (YYYY-MM-DD) may back-date it for a regulator
// recording a step taken on paper, never later than today.
http::Response TakeStep(AppContext& context, http::Request& request, const auth::Principal& p) {
  Result<std::int64_t> id = PositiveIdPathParam(request, "id");
  if (!id.ok()) return http::Response::FromStatus(id.status());
  Result<json> body = JsonBody(request);
  if (!body.ok()) return http::Response::FromStatus(body.status());
  Result<CaseAction> action = blacklist::ParseCaseAction(StringField(*body, "action"));
  if (!action.ok()) return http::Response::FromStatus(action.status());
  if (*action == CaseAction::kExpire) {
    return http::Response::FromStatus(Status::PermissionDenied(
        "cases expire by themselves when their term is over (zhiliang blacklist expire)"));
  }
  blacklist::Step step;
  step.action = *action;
  step.reason = StringField(*body, "reason");
  if (auto docs = body->find("documents"); docs != body->end() && !docs->is_null()) {
    if (!docs->is_array()) {
      return http::Response::FromStatus(
          Status::InvalidArgument("must be a list of {name, content}", "documents"));
    }
    for (const json& d : *docs) {
      if (!d.is_object() || !d.value("name", json()).is_string() ||
          !d.value("content", json()).is_string()) {
        return http::Response::FromStatus(
            Status::InvalidArgument("must be a list of {name, content}", "documents"));
      }
      step.documents.push_back({d["name"].get<std::string>(), d["content"].get<std::string>()});
    }
  }
  Result<Date> on = StepDay(*body);
  if (!on.ok()) return http::Response::FromStatus(on.status());
  const Date today = *on;
  json out;
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::optional<store::CaseRow> c, store::FindCase(sql, *id));
    if (!c) {
      if (auth::RoleIsRegionScoped(p.role) || p.role == auth::Role::kEnterprise) {
        return Status::PermissionDenied("this case is outside your reach");
      }
      return Status::NotFound("no blacklist case " + std::to_string(*id));
    }
    ZL_ASSIGN_OR_RETURN(step.party, PartyFor(p, *c, step.action));
    if (step.party == Party::kEnterprise && today != Date::TodayInBeijing()) {
      return Status::InvalidArgument("an enterprise acts on the day it asks", "on");
    }
    ZL_ASSIGN_OR_RETURN(store::CaseRow done,
                        blacklist::TakeStep(sql, *id, step, p.ActorLabel(), today, NowIsoUtc()));
    ZL_ASSIGN_OR_RETURN(blacklist::Deadlines d, blacklist::CaseDeadlines(done));
    out = CaseToJson(done, NameOf(sql, done.uscc), d, blacklist::NextDue(done, d),
                     Date::TodayInBeijing());
    auth::AppendAudit(sql, p,
                      {"blacklist." + std::string(blacklist::CaseActionName(step.action)),
                       "blacklist_case", std::to_string(done.id), c->state,
                       json{{"state", done.state},
                            {"party", blacklist::PartyName(step.party)},
                            {"on", today.ToString()},
                            {"reason", step.reason},
                            {"documents", step.documents.size()}}
                           .dump()},
                      request.request_id);
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(out, 201);
}

// GET /api/v1/enterprises/{uscc}/restrictions?activity=bid: may this enterprise …? (public:
// the list and its measures are public).
http::Response Restrictions(AppContext& context, http::Request& request) {
  domain::UsccVerdict verdict = domain::Uscc::Check(request.PathParam("uscc"));
  if (!verdict.valid) {
    return http::Response::FromStatus(Status::InvalidArgument(verdict.reason, "uscc"));
  }
  const std::string activity = TextParam(request, "activity");
  if (!blacklist::MeasureCatalogue::Default().KnowsActivity(activity)) {
    std::string known;
    for (const blacklist::Measure& m : blacklist::MeasureCatalogue::Default().all()) {
      if (known.find(m.activity) == std::string::npos) {
        known += (known.empty() ? "" : ", ") + m.activity;
      }
    }
    return http::Response::FromStatus(
        Status::InvalidArgument("must be one of: " + known, "activity"));
  }
  json out;
  Status s = context.db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::optional<domain::Enterprise> e,
                        store::FindEnterprise(sql, verdict.normalized));
    if (!e) return Status::NotFound("no enterprise with USCC " + verdict.normalized);
    ZL_ASSIGN_OR_RETURN(std::vector<blacklist::Restriction> found,
                        blacklist::RestrictionsOf(sql, e->uscc, activity));
    json measures = json::array();
    for (const blacklist::Restriction& r : found) {
      measures.push_back({{"case_id", r.case_id},
                          {"code", r.measure->code},
                          {"name_zh", r.measure->name_zh},
                          {"name_en", r.measure->name_en},
                          {"basis", r.measure->basis}});
    }
    out = {{"uscc", e->uscc},
           {"name", e->name},
           {"activity", activity},
           {"allowed", found.empty()},
           {"measures", measures}};
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(out);
}

}  // namespace

void RegisterBlacklistRoutes(http::Router& router, AppContext& context) {
  AddRoute(router, context, http::Method::kGet, "/api/v1/blacklist", auth::kPermEnterpriseRead,
           [&context](http::Request& r, const auth::Principal&) { return PublicList(context, r); });
  AddRoute(router, context, http::Method::kGet, "/api/v1/blacklist/export",
           auth::kPermEnterpriseRead,
           [&context](http::Request& r, const auth::Principal&) { return ExportList(context, r); });
  AddRoute(router, context, http::Method::kGet, "/api/v1/blacklist/measures",
           auth::kPermEnterpriseRead, [](http::Request&, const auth::Principal&) {
             json items = json::array();
             for (const blacklist::Measure& m : blacklist::MeasureCatalogue::Default().all()) {
               items.push_back({{"code", m.code},
                                {"activity", m.activity},
                                {"default", m.by_default},
                                {"name_zh", m.name_zh},
                                {"name_en", m.name_en},
                                {"basis", m.basis}});
             }
             return http::Response::Json({{"items", items}});
           });
  AddRoute(
      router, context, http::Method::kGet, "/api/v1/blacklist/rules", auth::kPermEnterpriseRead,
      [](http::Request&, const auth::Principal&) {
        json items = json::array();
        for (const blacklist::EntryRule& r : blacklist::EntryRules::Default().all()) {
          json conditions = json::array();
          for (const blacklist::EntryCondition& c : r.requires_all) {
            conditions.push_back({{"kind", c.kind}, {"severity", c.severity}, {"count", c.count}});
          }
          items.push_back({{"code", r.code},
                           {"article", r.article},
                           {"title_zh", r.title_zh},
                           {"requires", conditions},
                           {"window_months", r.window_months}});
        }
        return http::Response::Json({{"items", items}});
      });
  AddRoute(router, context, http::Method::kPost, "/api/v1/blacklist/proposals",
           auth::kPermBlacklistManage, [&context](http::Request& r, const auth::Principal& p) {
             return Propose(context, r, p);
           });
  AddRoute(
      router, context, http::Method::kPost, "/api/v1/blacklist/cases", auth::kPermBlacklistManage,
      [&context](http::Request& r, const auth::Principal& p) { return OpenCase(context, r, p); });
  AddRoute(
      router, context, http::Method::kGet, "/api/v1/blacklist/cases", auth::kPermBlacklistManage,
      [&context](http::Request& r, const auth::Principal& p) { return ListCases(context, r, p); });
  AddRoute(
      router, context, http::Method::kGet, "/api/v1/blacklist/cases/{id}",
      auth::kPermEnterprisePrivateRead,
      [&context](http::Request& r, const auth::Principal& p) { return GetCase(context, r, p); });
  AddRoute(
      router, context, http::Method::kPost, "/api/v1/blacklist/cases/{id}/steps",
      auth::kPermEnterprisePrivateRead,
      [&context](http::Request& r, const auth::Principal& p) { return TakeStep(context, r, p); });
  AddRoute(router, context, http::Method::kGet, "/api/v1/enterprises/{uscc}/restrictions",
           auth::kPermEnterpriseRead, [&context](http::Request& r, const auth::Principal&) {
             return Restrictions(context, r);
           });
}

}  // namespace zl::api
