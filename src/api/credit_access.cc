// The one rule for private credit data (see credit_access.h).
#include "api/credit_access.h"

#include "auth/permissions.h"
#include "domain/masking.h"

namespace zl::api {

bool SeesPrivateData(const auth::Principal& p, const domain::Enterprise& e) {
  if (!p.Can(auth::kPermEnterprisePrivateRead)) return false;
  if (p.role == auth::Role::kEnterprise) return !p.uscc.empty() && p.uscc == e.uscc;
  return p.CoversRegion(e.region_code);
}

bool SeesRiskClass(const auth::Principal& p, const domain::Enterprise& e) {
  return p.Can(auth::kPermRiskRead) && p.CoversRegion(e.region_code);
}

domain::Enterprise VisibleEnterprise(const auth::Principal& p, domain::Enterprise e) {
  if (!SeesPrivateData(p, e))
    e.legal_representative = domain::MaskPersonName(e.legal_representative);
  return e;
}

}  // namespace zl::api
