// GET /api/v1/uscc/{code}: anyone checks a Unified Social Credit Code (GB 32100) and learns
// why an invalid one fails. Always 200: the verdict is the answer, not an error.
#include <nlohmann/json.hpp>

#include "api/guard.h"
#include "api/handlers.h"
#include "auth/permissions.h"
#include "domain/region.h"
#include "domain/uscc.h"

namespace zl::api {

namespace {

http::Response CheckUscc(const http::Request& request) {
  std::string code(request.PathParam("code"));
  domain::UsccVerdict v = domain::Uscc::Check(code);
  nlohmann::json out = {{"code", code},
                        {"valid", v.valid},
                        {"reason", v.reason},
                        {"reason_zh", v.reason_zh},
                        {"normalized", v.normalized}};
  if (!v.warning.empty()) {
    out["warning"] = v.warning;
    out["warning_zh"] = v.warning_zh;
  }
  if (v.valid) {
    std::string region = v.normalized.substr(2, 6);
    out["registration_region"] = region;
    const domain::Region* unit = domain::RegionRegistry::Hebei().SupervisionUnitFor(region);
    out["supervision_unit"] = unit ? unit->code : "";
  }
  return http::Response::Json(out);
}

}  // namespace

void RegisterUsccRoutes(http::Router& router, AppContext& context) {
  AddRoute(router, context, http::Method::kGet, "/api/v1/uscc/{code}", auth::kPermEnterpriseRead,
           [](http::Request& r, const auth::Principal&) { return CheckUscc(r); });
}

}  // namespace zl::api
