// Role names, role properties and the role → permission table.
#include "auth/role.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/embedded_data.h"
#include "domain/tsv.h"

namespace zl::auth {
namespace data {
std::span<const EmbeddedFile> RoleFiles();  // generated from data/auth/roles.tsv
}  // namespace data

namespace {

constexpr std::string_view kHeader = "role\tpermission";

// Lower-case words of [a-z_] joined by single dots, at least two words.
bool IsPermissionName(std::string_view p) {
  int words = 0;
  size_t start = 0;
  while (true) {
    const size_t dot = p.find('.', start);
    const std::string_view word = p.substr(start, dot - start);
    if (word.empty() || word[0] == '_') return false;
    for (char c : word) {
      if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
    }
    ++words;
    if (dot == std::string_view::npos) return words >= 2;
    start = dot + 1;
  }
}

bool SortedContains(const std::vector<std::string>& v, std::string_view s) {
  return std::binary_search(v.begin(), v.end(), s, std::less<>());
}

}  // namespace

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kPublic:
      return "public";
    case Role::kEnterprise:
      return "enterprise";
    case Role::kInspector:
      return "inspector";
    case Role::kCityAdmin:
      return "city_admin";
    case Role::kProvinceAdmin:
      return "province_admin";
    case Role::kAuditor:
      return "auditor";
  }
  return "unknown";
}

Result<Role> ParseRole(std::string_view name) {
  for (Role r : kAllRoles) {
    if (RoleName(r) == name) return r;
  }
  return Status::InvalidArgument(
      fmt::format("unknown role '{}' (expected public, enterprise, inspector, city_admin, "
                  "province_admin or auditor)",
                  name),
      "role");
}

bool RoleNeedsRegion(Role role) { return role == Role::kCityAdmin || role == Role::kInspector; }

bool RoleNeedsUscc(Role role) { return role == Role::kEnterprise; }

bool RoleIsRegionScoped(Role role) { return role == Role::kCityAdmin || role == Role::kInspector; }

Result<RolePermissions> RolePermissions::FromText(std::string_view tsv, std::string_view source) {
  ZL_ASSIGN_OR_RETURN(std::vector<domain::TsvRow> rows, domain::ParseTsv(tsv, kHeader, source));
  RolePermissions table;
  for (const domain::TsvRow& row : rows) {
    auto fail = [&](const std::string& why) {
      return Status::InvalidArgument(fmt::format("{}:{}: {}", source, row.line, why));
    };
    Result<Role> role = ParseRole(row.fields[0]);
    if (!role.ok()) return fail(role.status().message());
    const std::string_view perm = row.fields[1];
    if (!IsPermissionName(perm)) {
      return fail(fmt::format(
          "permission '{}' must be lower-case words joined by dots, e.g. 'enterprise.read'", perm));
    }
    std::vector<std::string>& perms = table.by_role_[static_cast<size_t>(*role)];
    if (std::find(perms.begin(), perms.end(), perm) != perms.end()) {
      return fail(fmt::format("{} {} is listed twice", row.fields[0], perm));
    }
    perms.emplace_back(perm);
    table.known_.emplace_back(perm);
  }
  for (Role r : kAllRoles) {
    std::vector<std::string>& perms = table.by_role_[static_cast<size_t>(r)];
    if (perms.empty()) {
      return Status::InvalidArgument(
          fmt::format("{}: role {} has no permission listed", source, RoleName(r)));
    }
    std::sort(perms.begin(), perms.end());
  }
  std::sort(table.known_.begin(), table.known_.end());
  table.known_.erase(std::unique(table.known_.begin(), table.known_.end()), table.known_.end());
  return table;
}

const RolePermissions& RolePermissions::Default() {
  static const RolePermissions* const kDefault = new RolePermissions(
      ParseEmbeddedOrDie<RolePermissions>(data::RoleFiles()[0], &RolePermissions::FromText));
  return *kDefault;
}

bool RolePermissions::Allows(Role role, std::string_view permission) const {
  return SortedContains(by_role_[static_cast<size_t>(role)], permission);
}

std::vector<std::string> RolePermissions::PermissionsOf(Role role) const {
  return by_role_[static_cast<size_t>(role)];
}

bool RolePermissions::IsKnownPermission(std::string_view permission) const {
  return SortedContains(known_, permission);
}

}  // namespace zl::auth
