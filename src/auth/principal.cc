// Principal: permission and region checks.
#include "auth/principal.h"

#include <algorithm>

#include "domain/region.h"

namespace zl::auth {

Principal Principal::Cli(std::string os_user) {
  Principal p;
  p.kind = Kind::kCli;
  p.name = "cli:" + (os_user.empty() ? std::string("unknown") : os_user);
  p.role = Role::kProvinceAdmin;
  return p;
}

bool Principal::Can(std::string_view permission) const {
  if (!RolePermissions::Default().Allows(role, permission)) return false;
  if (kind == Kind::kToken) {
    return std::find(scopes.begin(), scopes.end(), permission) != scopes.end();
  }
  return true;
}

bool Principal::CoversRegion(std::string_view code) const {
  if (!RoleIsRegionScoped(role)) return true;
  if (region_code.empty() || code.empty()) return false;
  const domain::Region* unit = domain::RegionRegistry::Hebei().SupervisionUnitFor(code);
  return unit != nullptr && unit->code == region_code;
}

std::string Principal::ActorLabel() const {
  switch (kind) {
    case Kind::kAnonymous:
      return "anonymous";
    case Kind::kToken:
      return "token:" + token_id;
    case Kind::kSession:
    case Kind::kCli:
      return name;
  }
  return name;
}

}  // namespace zl::auth
