// Credit records outside imports: the list of record kinds, adding a record to an
// enterprise's file, and correcting or revoking a record (a new record that supersedes it).
#include <functional>
#include <nlohmann/json.hpp>

#include "api/credit_json.h"
#include "api/guard.h"
#include "api/handlers.h"
#include "api/json_body.h"
#include "api/params.h"
#include "auth/audit_log.h"
#include "auth/permissions.h"
#include "credit/record_service.h"
#include "domain/record_kind.h"
#include "domain/uscc.h"
#include "store/database.h"
#include "store/enterprise_repository.h"

namespace zl::api {

namespace {

http::Response ListRecordKinds() {
  nlohmann::json items = nlohmann::json::array();
  for (const domain::RecordKind& k : domain::RecordKindRegistry::Default().all()) {
    nlohmann::json polarities = nlohmann::json::array();
    for (domain::Polarity p : k.polarities) polarities.push_back(domain::PolarityName(p));
    items.push_back({{"code", k.code},
                     {"name_zh", k.name_zh},
                     {"name_en", k.name_en},
                     {"polarities", std::move(polarities)},
                     {"importable", k.importable}});
  }
  return http::Response::Json({{"items", std::move(items)}});
}

// The string members of a JSON body, "" when absent.
Result<std::vector<std::string>> Strings(const nlohmann::json& body,
                                         std::initializer_list<const char*> names) {
  std::vector<std::string> out;
  for (const char* name : names) {
    ZL_ASSIGN_OR_RETURN(std::optional<std::string> v, OptionalString(body, name));
    out.push_back(v.value_or(""));
  }
  return out;
}

// The fields of a new or corrected record from a JSON body.
Result<credit::RecordInput> InputOf(const nlohmann::json& body) {
  ZL_ASSIGN_OR_RETURN(
      std::vector<std::string> v,
      Strings(body, {"kind", "occurred_on", "title", "source_department", "document_no", "polarity",
                     "severity", "published_from", "published_until"}));
  return credit::RecordInput{v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]};
}

http::Response AddRecord(AppContext& context, http::Request& request, const auth::Principal& p) {
  domain::UsccVerdict verdict = domain::Uscc::Check(request.PathParam("uscc"));
  if (!verdict.valid) {
    return http::Response::FromStatus(Status::InvalidArgument(verdict.reason, "uscc"));
  }
  auto body = JsonBody(request);
  if (!body.ok()) return http::Response::FromStatus(body.status());
  auto input = InputOf(*body);
  if (!input.ok()) return http::Response::FromStatus(input.status());
  const Date today = Date::TodayInBeijing();
  store::StoredRecord added;
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::optional<domain::Enterprise> e,
                        store::FindEnterprise(sql, verdict.normalized));
    if (!e) {
      if (auth::RoleIsRegionScoped(p.role)) return RequireRegion(p, "");
      return Status::NotFound("no enterprise with USCC " + verdict.normalized);
    }
    ZL_RETURN_IF_ERROR(RequireRegion(p, e->region_code));
    ZL_ASSIGN_OR_RETURN(added, credit::AddRecord(sql, e->uscc, *input, p.ActorLabel(), today));
    auth::AppendAudit(
        sql, p,
        {"record.add", "credit_record", std::to_string(added.record.id), e->region_code,
         RecordToJson(added, credit::CreditView::kFull, today).dump()},
        request.request_id);
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(RecordToJson(added, credit::CreditView::kFull, today), 201);
}

// The region of record `id`'s enterprise ("" when there is no such record), after checking
// that the caller may act there. Outside a regional caller's region, "missing" and
// "elsewhere" look the same.
Result<std::string> RecordRegion(soci::session& sql, const auth::Principal& p, std::int64_t id) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::StoredRecord> target, store::FindRecord(sql, id));
  std::string region;
  if (target) {
    ZL_ASSIGN_OR_RETURN(std::optional<domain::Enterprise> e,
                        store::FindEnterprise(sql, target->record.uscc));
    if (e) region = e->region_code;
  }
  if (auth::RoleIsRegionScoped(p.role)) ZL_RETURN_IF_ERROR(RequireRegion(p, region));
  return region;
}

// Revoke or correct record {id}: `supersede` appends the new record; the audit entry names
// both.
http::Response Supersede(
    AppContext& context, http::Request& request, const auth::Principal& p, const char* action,
    const std::function<Result<store::StoredRecord>(soci::session&, std::int64_t,
                                                    const nlohmann::json&, Date)>& supersede) {
  Result<std::int64_t> id = PositiveIdPathParam(request, "id");
  if (!id.ok()) return http::Response::FromStatus(id.status());
  auto body = JsonBody(request);
  if (!body.ok()) return http::Response::FromStatus(body.status());
  const Date today = Date::TodayInBeijing();
  store::StoredRecord added;
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::string region, RecordRegion(sql, p, *id));
    ZL_ASSIGN_OR_RETURN(added, supersede(sql, *id, *body, today));
    auth::AppendAudit(sql, p,
                      {action, "credit_record", std::to_string(*id), region,
                       nlohmann::json{{"superseded", *id},
                                      {"by", RecordToJson(added, credit::CreditView::kFull, today)}}
                           .dump()},
                      request.request_id);
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(RecordToJson(added, credit::CreditView::kFull, today), 201);
}

http::Response RevokeRecord(AppContext& context, http::Request& request, const auth::Principal& p) {
  return Supersede(
      context, request, p, "record.revoke",
      [&](soci::session& sql, std::int64_t id, const nlohmann::json& body,
          Date today) -> Result<store::StoredRecord> {
        ZL_ASSIGN_OR_RETURN(std::vector<std::string> v,
                            Strings(body, {"reason", "document_no", "source_department"}));
        return credit::RevokeRecord(sql, id, {v[0], v[1], v[2]}, p.ActorLabel(), today);
      });
}

http::Response CorrectRecord(AppContext& context, http::Request& request,
                             const auth::Principal& p) {
  return Supersede(context, request, p, "record.correct",
                   [&](soci::session& sql, std::int64_t id, const nlohmann::json& body,
                       Date today) -> Result<store::StoredRecord> {
                     ZL_ASSIGN_OR_RETURN(credit::RecordInput input, InputOf(body));
                     return credit::CorrectRecord(sql, id, input, p.ActorLabel(), today);
                   });
}

}  // namespace

void RegisterCreditRoutes(http::Router& router, AppContext& context) {
  AddRoute(router, context, http::Method::kGet, "/api/v1/record-kinds", auth::kPermEnterpriseRead,
           [](http::Request&, const auth::Principal&) { return ListRecordKinds(); });
  AddRoute(router, context, http::Method::kPost, "/api/v1/enterprises/{uscc}/records",
           auth::kPermEnterpriseWrite, [&context](http::Request& r, const auth::Principal& p) {
             return AddRecord(context, r, p);
           });
  AddRoute(router, context, http::Method::kPost, "/api/v1/records/{id}/correct",
           auth::kPermEnterpriseWrite, [&context](http::Request& r, const auth::Principal& p) {
             return CorrectRecord(context, r, p);
           });
  AddRoute(router, context, http::Method::kPost, "/api/v1/records/{id}/revoke",
           auth::kPermEnterpriseWrite, [&context](http::Request& r, const auth::Principal& p) {
             return RevokeRecord(context, r, p);
           });
}

}  // namespace zl::api
