// Tests for roles and the role → permission table: names, the shipped table role by role,
// the permission constants, and errors in the TSV format.
#include "auth/role.h"

#include <gtest/gtest.h>

#include "auth/permissions.h"

namespace zl::auth {
namespace {

using Perms = std::vector<std::string>;

const RolePermissions& Table() { return RolePermissions::Default(); }

TEST(Role, NamesRoundTrip) {
  for (Role r : kAllRoles) {
    Result<Role> parsed = ParseRole(RoleName(r));
    ASSERT_TRUE(parsed.ok()) << RoleName(r);
    EXPECT_EQ(*parsed, r);
  }
  EXPECT_EQ(RoleName(Role::kCityAdmin), "city_admin");
  EXPECT_EQ(RoleName(Role::kProvinceAdmin), "province_admin");
}

TEST(Role, ParseRoleRejectsUnknownNames) {
  for (std::string_view bad : {"admin", "", "City_Admin", " public"}) {
    Result<Role> r = ParseRole(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(r.status().field(), "role");
    EXPECT_NE(r.status().message().find("province_admin"), std::string::npos);
  }
}

TEST(Role, RegionAndUsccNeeds) {
  for (Role r : kAllRoles) {
    const bool regional = r == Role::kCityAdmin || r == Role::kInspector;
    EXPECT_EQ(RoleNeedsRegion(r), regional) << RoleName(r);
    EXPECT_EQ(RoleIsRegionScoped(r), regional) << RoleName(r);
    EXPECT_EQ(RoleNeedsUscc(r), r == Role::kEnterprise) << RoleName(r);
  }
}

TEST(RolePermissions, EachRoleHasExactlyItsPermissions) {
  EXPECT_EQ(Table().PermissionsOf(Role::kPublic), (Perms{"enterprise.read", "stats.read"}));
  EXPECT_EQ(Table().PermissionsOf(Role::kEnterprise),
            (Perms{"enterprise.private.read", "enterprise.read", "self.read", "stats.read"}));
  EXPECT_EQ(Table().PermissionsOf(Role::kInspector),
            (Perms{"enterprise.private.read", "enterprise.read", "inspection.write", "plan.read",
                   "plan.report", "risk.read", "self.read", "stats.read"}));
  EXPECT_EQ(
      Table().PermissionsOf(Role::kCityAdmin),
      (Perms{"blacklist.manage", "enterprise.private.read", "enterprise.read", "enterprise.write",
             "inspection.write", "plan.manage", "plan.read", "plan.report", "risk.read",
             "self.read", "stats.read", "token.manage", "user.manage", "user.read"}));
  EXPECT_EQ(Table().PermissionsOf(Role::kProvinceAdmin),
            (Perms{"audit.read", "blacklist.approve", "blacklist.manage", "enterprise.private.read",
                   "enterprise.read", "enterprise.write", "grading.manage", "inspection.write",
                   "plan.assess", "plan.manage", "plan.read", "plan.report", "risk.read",
                   "self.read", "stats.read", "token.manage", "user.manage", "user.read"}));
  EXPECT_EQ(Table().PermissionsOf(Role::kAuditor),
            (Perms{"audit.read", "enterprise.private.read", "enterprise.read", "plan.read",
                   "self.read", "stats.read"}));
}

TEST(RolePermissions, Allows) {
  EXPECT_TRUE(Table().Allows(Role::kPublic, kPermEnterpriseRead));
  EXPECT_FALSE(Table().Allows(Role::kPublic, kPermSelfRead));
  EXPECT_FALSE(Table().Allows(Role::kInspector, kPermEnterpriseWrite));
  EXPECT_TRUE(Table().Allows(Role::kCityAdmin, kPermUserManage));
  EXPECT_FALSE(Table().Allows(Role::kCityAdmin, kPermAuditRead));
  EXPECT_TRUE(Table().Allows(Role::kAuditor, kPermAuditRead));
  EXPECT_FALSE(Table().Allows(Role::kAuditor, kPermUserRead));
  EXPECT_FALSE(Table().Allows(Role::kProvinceAdmin, "everything"));
  EXPECT_FALSE(Table().Allows(Role::kProvinceAdmin, ""));
}

TEST(RolePermissions, ConstantsMatchTheTable) {
  std::vector<std::string> constants(kAllPermissions.begin(), kAllPermissions.end());
  std::sort(constants.begin(), constants.end());
  EXPECT_EQ(Table().AllPermissions(), constants);
  for (std::string_view p : kAllPermissions) EXPECT_TRUE(Table().IsKnownPermission(p)) << p;
  EXPECT_FALSE(Table().IsKnownPermission("enterprise.delete"));
  EXPECT_FALSE(Table().IsKnownPermission("enterprise"));
}

constexpr std::string_view kAllSix =
    "role\tpermission\n"
    "public\ta.read\n"
    "enterprise\ta.read\n"
    "inspector\ta.read\n"
    "city_admin\ta.read\n"
    "province_admin\ta.read\n"
    "auditor\ta.read\n";

TEST(RolePermissions, FromTextAcceptsCommentsAndBlankLines) {
  Result<RolePermissions> t = RolePermissions::FromText(
      "# comment\n\nrole\tpermission\n" + std::string(kAllSix.substr(16)) + "auditor\tb.x_y\n");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->PermissionsOf(Role::kAuditor), (Perms{"a.read", "b.x_y"}));
  EXPECT_FALSE(t->Allows(Role::kPublic, "b.x_y"));
  EXPECT_TRUE(t->IsKnownPermission("b.x_y"));
}

std::string FromTextError(const std::string& text) {
  Result<RolePermissions> t = RolePermissions::FromText(text, "roles.tsv");
  EXPECT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kInvalidArgument);
  return t.status().message();
}

TEST(RolePermissions, FromTextErrorsNameTheLine) {
  const std::string base(kAllSix);
  EXPECT_EQ(FromTextError(base + "superuser\ta.read\n"),
            "roles.tsv:8: unknown role 'superuser' (expected public, enterprise, inspector, "
            "city_admin, province_admin or auditor)");
  EXPECT_EQ(FromTextError(base + "public\tRead\n"),
            "roles.tsv:8: permission 'Read' must be lower-case words joined by dots, e.g. "
            "'enterprise.read'");
  EXPECT_NE(FromTextError(base + "public\tread\n").find("roles.tsv:8: permission 'read'"),
            std::string::npos);
  EXPECT_NE(FromTextError(base + "public\ta..read\n").find("roles.tsv:8:"), std::string::npos);
  EXPECT_EQ(FromTextError(base + "\npublic\ta.read\n"),
            "roles.tsv:9: public a.read is listed twice");
  EXPECT_EQ(FromTextError(base + "public\ta.read\textra\n"),
            "roles.tsv:8: expected 2 tab-separated fields, got 3");
  EXPECT_NE(FromTextError("role\tperm\n").find("roles.tsv:1: expected the header row"),
            std::string::npos);
}

TEST(RolePermissions, FromTextRequiresEveryRole) {
  EXPECT_EQ(FromTextError("role\tpermission\npublic\ta.read\n"),
            "roles.tsv: role enterprise has no permission listed");
}

}  // namespace
}  // namespace zl::auth
