// /api/v1/enterprises: the enterprise register (list, one, and corrections by regulators).
#include <nlohmann/json.hpp>

#include "api/enterprise_json.h"
#include "api/guard.h"
#include "api/handlers.h"
#include "api/json_body.h"
#include "api/params.h"
#include "auth/audit_log.h"
#include "auth/permissions.h"
#include "domain/industry.h"
#include "domain/region.h"
#include "domain/uscc.h"
#include "store/database.h"
#include "store/enterprise_repository.h"

namespace zl::api {

namespace {

http::Response ListEnterprises(AppContext& context, http::Request& request) {
  Result<store::PageRequest> page = PageParams(request);
  if (!page.ok()) return http::Response::FromStatus(page.status());
  store::EnterpriseFilter filter;
  filter.region_code = TextParam(request, "region");
  if (!filter.region_code.empty()) {
    Result<const domain::Region*> region =
        domain::RegionRegistry::Hebei().Lookup(filter.region_code);
    if (!region.ok()) {
      return http::Response::FromStatus(
          Status::InvalidArgument(region.status().message(), "region"));
    }
  }
  filter.industry_code = TextParam(request, "industry");
  filter.size = TextParam(request, "size");
  if (!filter.size.empty() && !domain::ParseEnterpriseSize(filter.size).ok()) {
    return http::Response::FromStatus(
        Status::InvalidArgument("must be one of large, medium, small, micro", "size"));
  }
  filter.name_contains = TextParam(request, "q");

  store::EnterpriseRepository repo(context.db);
  auto result = repo.List(filter, *page);
  if (!result.ok()) return http::Response::FromStatus(result.status());
  nlohmann::json items = nlohmann::json::array();
  for (const domain::Enterprise& e : result->items) items.push_back(EnterpriseToJson(e));
  return http::Response::Json({{"total", result->total},
                               {"page", result->page},
                               {"per_page", result->per_page},
                               {"items", std::move(items)}});
}

http::Response GetEnterprise(AppContext& context, http::Request& request) {
  domain::UsccVerdict verdict = domain::Uscc::Check(request.PathParam("uscc"));
  if (!verdict.valid) {
    return http::Response::FromStatus(Status::InvalidArgument(verdict.reason, "uscc"));
  }
  store::EnterpriseRepository repo(context.db);
  auto enterprise = repo.FindByUscc(verdict.normalized);
  if (!enterprise.ok()) return http::Response::FromStatus(enterprise.status());
  return http::Response::Json(EnterpriseToJson(*enterprise));
}

// PATCH: corrects register data (name, address, industry, size) of an enterprise in the
// caller's region. The supervision region itself is not changed here.
http::Response PatchEnterprise(AppContext& context, http::Request& request,
                               const auth::Principal& p) {
  domain::UsccVerdict verdict = domain::Uscc::Check(request.PathParam("uscc"));
  if (!verdict.valid) {
    return http::Response::FromStatus(Status::InvalidArgument(verdict.reason, "uscc"));
  }
  auto body = JsonBody(request);
  if (!body.ok()) return http::Response::FromStatus(body.status());
  std::optional<std::string> fields[4];
  const char* names[4] = {"name", "address", "industry_code", "size"};
  for (int i = 0; i < 4; ++i) {
    auto value = OptionalString(*body, names[i]);
    if (!value.ok()) return http::Response::FromStatus(value.status());
    fields[i] = *value;
  }
  domain::Enterprise after;
  Status s = context.db.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(std::optional<domain::Enterprise> before,
                        store::FindEnterprise(sql, verdict.normalized));
    // Outside the caller's region, "missing" and "elsewhere" look the same: 403.
    if (!before) {
      if (auth::RoleIsRegionScoped(p.role)) return RequireRegion(p, "");
      return Status::NotFound("no enterprise with USCC " + verdict.normalized);
    }
    ZL_RETURN_IF_ERROR(RequireRegion(p, before->region_code));
    after = *before;
    if (fields[0]) {
      if (fields[0]->empty()) return Status::InvalidArgument("must not be empty", "name");
      after.name = *fields[0];
    }
    if (fields[1]) after.address = *fields[1];
    if (fields[2]) {
      ZL_ASSIGN_OR_RETURN(const domain::Industry* industry,
                          domain::IndustryRegistry::Default().Lookup(*fields[2]));
      after.industry_code = industry->code;
    }
    if (fields[3]) {
      auto size = domain::ParseEnterpriseSize(*fields[3]);
      if (!size.ok()) return Status::InvalidArgument(size.status().message(), "size");
      after.size = *size;
    }
    store::UpdateEnterprise(sql, *before, after);
    auth::AppendAudit(
        sql, p,
        {"enterprise.update", "enterprise", after.uscc, after.region_code,
         nlohmann::json{{"before", EnterpriseToJson(*before)}, {"after", EnterpriseToJson(after)}}
             .dump()},
        request.request_id);
    return Status();
  });
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Json(EnterpriseToJson(after));
}

}  // namespace

void RegisterEnterpriseRoutes(http::Router& router, AppContext& context) {
  AddRoute(
      router, context, http::Method::kGet, "/api/v1/enterprises", auth::kPermEnterpriseRead,
      [&context](http::Request& r, const auth::Principal&) { return ListEnterprises(context, r); });
  AddRoute(
      router, context, http::Method::kGet, "/api/v1/enterprises/{uscc}", auth::kPermEnterpriseRead,
      [&context](http::Request& r, const auth::Principal&) { return GetEnterprise(context, r); });
  AddRoute(router, context, http::Method::kPatch, "/api/v1/enterprises/{uscc}",
           auth::kPermEnterpriseWrite, [&context](http::Request& r, const auth::Principal& p) {
             return PatchEnterprise(context, r, p);
           });
}

}  // namespace zl::api
