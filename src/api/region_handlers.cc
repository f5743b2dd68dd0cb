// GET /api/v1/regions: the GB/T 2260 regions Zhiliang knows (Hebei, its cities, 定州, 辛集).
#include <nlohmann/json.hpp>

#include "api/guard.h"
#include "api/handlers.h"
#include "auth/permissions.h"
#include "domain/region.h"

namespace zl::api {

namespace {

http::Response ListRegions() {
  nlohmann::json items = nlohmann::json::array();
  for (const domain::Region& r : domain::RegionRegistry::Hebei().all()) {
    items.push_back({{"code", r.code},
                     {"name_zh", r.name_zh},
                     {"name_en", r.name_en},
                     {"parent_code", r.parent_code},
                     {"kind", domain::RegionKindName(r.kind)}});
  }
  return http::Response::Json({{"items", std::move(items)}});
}

}  // namespace

void RegisterRegionRoutes(http::Router& router, AppContext& context) {
  AddRoute(router, context, http::Method::kGet, "/api/v1/regions", auth::kPermEnterpriseRead,
           [](http::Request&, const auth::Principal&) { return ListRegions(); });
}

}  // namespace zl::api
