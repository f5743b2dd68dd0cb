// Who sees an enterprise's non-public data (unpublished and revoked records, personal
// information in clear): holders of enterprise.private.read whose scope covers the
// enterprise — province-wide roles everywhere, city officials and inspectors in their region,
// an enterprise account for its own USCC. Everyone else gets the public view.
#pragma once

#include "auth/principal.h"
#include "domain/enterprise.h"

namespace zl::api {

bool SeesPrivateData(const auth::Principal& principal, const domain::Enterprise& enterprise);

// Who sees the enterprise's credit risk class (internal, never public): holders of risk.read
// whose regional scope covers it.
bool SeesRiskClass(const auth::Principal& principal, const domain::Enterprise& enterprise);

// The enterprise as `principal` may see it: the legal representative masked unless
// SeesPrivateData.
domain::Enterprise VisibleEnterprise(const auth::Principal& principal, domain::Enterprise e);

}  // namespace zl::api
