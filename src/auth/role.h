// Roles and what each may do. A role says who a user is (the public, an enterprise, an
// inspector, a city or provincial administrator, an auditor); permissions such as
// "enterprise.read" say what KIND of action a role may take. The role → permission table is
// data (data/auth/roles.tsv, compiled into the binary), so changing who may do what is an
// edit to one reviewed file. Scope — which region, which enterprise — is not a permission:
// it is enforced where data is read or written, using RoleIsRegionScoped and the user's
// region or USCC.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace zl::auth {

enum class Role { kPublic, kEnterprise, kInspector, kCityAdmin, kProvinceAdmin, kAuditor };

inline constexpr std::array<Role, 6> kAllRoles = {Role::kPublic,        Role::kEnterprise,
                                                  Role::kInspector,     Role::kCityAdmin,
                                                  Role::kProvinceAdmin, Role::kAuditor};

// "public", "enterprise", "inspector", "city_admin", "province_admin", "auditor": the words
// used in the data file, the database and the API.
std::string_view RoleName(Role role);
// The inverse of RoleName (exact match). Fails with InvalidArgument, field "role", whose
// message lists the valid names.
Result<Role> ParseRole(std::string_view name);

// A city_admin or inspector account belongs to one region (supervision unit).
bool RoleNeedsRegion(Role role);
// An enterprise account belongs to one enterprise (its USCC).
bool RoleNeedsUscc(Role role);
// Whether the role sees and changes only its own region's data (city_admin, inspector).
bool RoleIsRegionScoped(Role role);

class RolePermissions {
 public:
  // The embedded data/auth/roles.tsv, parsed once (thread-safe).
  static const RolePermissions& Default();
  // Parses the format of data/auth/roles.tsv. Fails with InvalidArgument "<source>:<line>: …"
  // for an unknown role name, a malformed permission name (lower-case words joined by dots,
  // e.g. "enterprise.private.read"), a row listed twice, or a role with no row at all.
  static Result<RolePermissions> FromText(std::string_view tsv,
                                          std::string_view source = "roles.tsv");

  // False for a permission the table does not know.
  bool Allows(Role role, std::string_view permission) const;
  // Sorted.
  std::vector<std::string> PermissionsOf(Role role) const;
  // Whether some role holds `permission`.
  bool IsKnownPermission(std::string_view permission) const;
  // Every permission in the table, sorted.
  const std::vector<std::string>& AllPermissions() const { return known_; }

 private:
  std::array<std::vector<std::string>, kAllRoles.size()> by_role_;  // each sorted
  std::vector<std::string> known_;                                  // sorted
};

}  // namespace zl::auth
