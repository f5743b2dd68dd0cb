// GET /api/v1/enterprises and GET /api/v1/enterprises/{uscc}: the enterprise register.
#include <nlohmann/json.hpp>

#include "api/enterprise_json.h"
#include "api/handlers.h"
#include "api/params.h"
#include "domain/region.h"
#include "domain/uscc.h"
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

}  // namespace

void RegisterEnterpriseRoutes(http::Router& router, AppContext& context) {
  router.Get("/api/v1/enterprises",
             [&context](http::Request& r) { return ListEnterprises(context, r); });
  router.Get("/api/v1/enterprises/{uscc}",
             [&context](http::Request& r) { return GetEnterprise(context, r); });
}

}  // namespace zl::api
