// GET /api/v1/stats/overview: the live counts on the home page.
#include <nlohmann/json.hpp>

#include "api/guard.h"
#include "api/handlers.h"
#include "auth/permissions.h"
#include "base/clock.h"
#include "domain/enterprise_size.h"
#include "domain/industry.h"
#include "domain/region.h"
#include "store/enterprise_repository.h"

namespace zl::api {

namespace {

http::Response Overview(AppContext& context) {
  using Dimension = store::EnterpriseRepository::Dimension;
  store::EnterpriseRepository repo(context.db);
  auto total = repo.Count();
  auto by_region = repo.CountBy(Dimension::kRegion);
  auto by_size = repo.CountBy(Dimension::kSize);
  auto by_industry = repo.CountBy(Dimension::kIndustry);
  for (const Status& s :
       {total.status(), by_region.status(), by_size.status(), by_industry.status()}) {
    if (!s.ok()) return http::Response::FromStatus(s);
  }

  // Every supervision unit appears, in code order, even with no enterprises.
  const auto& regions = domain::RegionRegistry::Hebei();
  nlohmann::json regions_json = nlohmann::json::array();
  for (const domain::Region* unit : regions.SupervisionUnits()) {
    std::int64_t count = 0;
    for (const store::Tally& t : *by_region) {
      if (t.key == unit->code) count = t.count;
    }
    regions_json.push_back({{"code", unit->code},
                            {"name_zh", unit->name_zh},
                            {"name_en", unit->name_en},
                            {"count", count}});
  }
  nlohmann::json sizes_json = nlohmann::json::array();
  for (domain::EnterpriseSize size : domain::AllEnterpriseSizes()) {
    std::int64_t count = 0;
    for (const store::Tally& t : *by_size) {
      if (t.key == domain::EnterpriseSizeNameEn(size)) count = t.count;
    }
    sizes_json.push_back({{"code", domain::EnterpriseSizeNameEn(size)},
                          {"name_zh", domain::EnterpriseSizeNameZh(size)},
                          {"name_en", domain::EnterpriseSizeNameEn(size)},
                          {"count", count}});
  }
  nlohmann::json industries_json = nlohmann::json::array();
  for (const store::Tally& t : *by_industry) {
    const domain::Industry* industry = domain::IndustryRegistry::Default().Find(t.key);
    industries_json.push_back({{"code", t.key},
                               {"name_zh", industry ? industry->name_zh : t.key},
                               {"name_en", industry ? industry->name_en : t.key},
                               {"count", t.count}});
  }
  return http::Response::Json({{"enterprises", *total},
                               {"supervision_units", regions.SupervisionUnits().size()},
                               {"by_region", std::move(regions_json)},
                               {"by_size", std::move(sizes_json)},
                               {"by_industry", std::move(industries_json)},
                               {"generated_at", NowIsoUtc()}});
}

}  // namespace

void RegisterStatsRoutes(http::Router& router, AppContext& context) {
  AddRoute(router, context, http::Method::kGet, "/api/v1/stats/overview", auth::kPermStatsRead,
           [&context](http::Request&, const auth::Principal&) { return Overview(context); });
}

}  // namespace zl::api
