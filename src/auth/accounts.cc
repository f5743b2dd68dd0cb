// Accounts: validation and the permission rules for managing users.
#include "auth/accounts.h"

#include <nlohmann/json.hpp>

#include "auth/audit_log.h"
#include "auth/password.h"
#include "auth/permissions.h"
#include "base/clock.h"
#include "domain/region.h"
#include "domain/uscc.h"
#include "store/database.h"

namespace zl::auth {

namespace {

Status CheckName(const std::string& name) {
  if (name.size() < 2 || name.size() > 64) {
    return Status::InvalidArgument("must be 2 to 64 characters", "name");
  }
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    if (!ok) {
      return Status::InvalidArgument("may use lower-case letters, digits, '_', '-' and '.' only",
                                     "name");
    }
  }
  return Status();
}

// Normalises and checks role, region and USCC together; fills the record's fields.
Status CheckRoleScope(const std::string& role_text, const std::string& region_text,
                      const std::string& uscc_text, store::UserRecord& out) {
  ZL_ASSIGN_OR_RETURN(Role role, ParseRole(role_text));
  if (role == Role::kPublic) {
    return Status::InvalidArgument("public is the role of visitors without an account", "role");
  }
  out.role = std::string(RoleName(role));
  out.region_code.clear();
  out.uscc.clear();
  if (role == Role::kEnterprise) {
    domain::UsccVerdict v = domain::Uscc::Check(uscc_text);
    if (!v.valid) return Status::InvalidArgument(v.reason, "uscc");
    out.uscc = v.normalized;
    const domain::Region* unit =
        domain::RegionRegistry::Hebei().SupervisionUnitFor(out.uscc.substr(2, 6));
    out.region_code = unit ? unit->code : "";
  } else if (!uscc_text.empty()) {
    return Status::InvalidArgument("only enterprise accounts are bound to a USCC", "uscc");
  }
  if (RoleNeedsRegion(role)) {
    if (region_text.empty()) {
      return Status::InvalidArgument("a " + out.role + " account needs a region", "region");
    }
    const domain::Region* unit = domain::RegionRegistry::Hebei().Find(region_text);
    if (unit == nullptr || !unit->is_supervision_unit()) {
      return Status::InvalidArgument(
          region_text +
              " is not a supervision unit (one of the 11 cities, 定州 130682 or "
              "辛集 130181)",
          "region");
    }
    out.region_code = unit->code;
  } else if (!region_text.empty() && role != Role::kEnterprise) {
    return Status::InvalidArgument("a " + out.role +
                                       " account works province-wide; leave "
                                       "region empty",
                                   "region");
  }
  return Status();
}

// A city administrator may only hand out these roles, in its own region.
Status CheckGrant(const Principal& actor, const store::UserRecord& target) {
  if (!actor.Can(kPermUserManage)) return Status::PermissionDenied("may not manage accounts");
  if (!RoleIsRegionScoped(actor.role)) return Status();
  auto role = ParseRole(target.role);
  if (!role.ok() || (*role != Role::kInspector && *role != Role::kEnterprise)) {
    return Status::PermissionDenied(
        "a city administrator may create inspector and enterprise "
        "accounts only");
  }
  if (!actor.CoversRegion(target.region_code)) {
    return Status::PermissionDenied("the account belongs to another region");
  }
  return Status();
}

nlohmann::json Describe(const store::UserRecord& u) {
  return {{"role", u.role}, {"region", u.region_code}, {"uscc", u.uscc}, {"disabled", u.disabled}};
}

}  // namespace

bool MayManage(const Principal& actor, const store::UserRecord& user) {
  if (!RoleIsRegionScoped(actor.role)) return true;
  return !user.region_code.empty() && actor.CoversRegion(user.region_code);
}

Result<store::UserRecord> AddUser(store::Database& db, const Principal& actor, const NewUser& input,
                                  const std::string& request_id) {
  store::UserRecord user;
  ZL_RETURN_IF_ERROR(CheckName(input.name));
  user.name = input.name;
  ZL_RETURN_IF_ERROR(CheckRoleScope(input.role, input.region_code, input.uscc, user));
  ZL_RETURN_IF_ERROR(CheckGrant(actor, user));
  ZL_RETURN_IF_ERROR(CheckPasswordPolicy(input.password, input.name));
  ZL_ASSIGN_OR_RETURN(user.password_hash, HashPassword(input.password));
  user.created_at = user.password_changed_at = NowIsoUtc();
  Status s = db.Write([&](soci::session& sql) {
    if (store::FindUser(sql, user.name)) {
      return Status::AlreadyExists("an account named " + user.name + " exists", "name");
    }
    store::InsertUser(sql, user);
    AppendAudit(sql, actor,
                {"user.add", "user", user.name, user.region_code,
                 nlohmann::json{{"after", Describe(user)}}.dump()},
                request_id);
    return Status();
  });
  if (!s.ok()) return s;
  return user;
}

Result<store::UserRecord> ChangeUser(store::Database& db, const Principal& actor,
                                     const std::string& name, const UserChange& change,
                                     const std::string& request_id) {
  if (!actor.Can(kPermUserManage)) return Status::PermissionDenied("may not manage accounts");
  std::string new_hash;
  if (change.password) {
    ZL_RETURN_IF_ERROR(CheckPasswordPolicy(*change.password, name));
    ZL_ASSIGN_OR_RETURN(new_hash, HashPassword(*change.password));
  }
  store::UserRecord after;
  Status s = db.Write([&](soci::session& sql) {
    std::optional<store::UserRecord> before = store::FindUser(sql, name);
    // A region-scoped actor gets the same answer for "elsewhere" and "missing".
    if (RoleIsRegionScoped(actor.role) && (!before || !MayManage(actor, *before))) {
      return Status::PermissionDenied("no account named " + name + " in your region");
    }
    if (!before) return Status::NotFound("no account named " + name);
    after = *before;
    if (change.role || change.region_code || change.uscc) {
      ZL_RETURN_IF_ERROR(CheckRoleScope(change.role.value_or(before->role),
                                        change.region_code.value_or(before->region_code),
                                        change.uscc.value_or(before->uscc), after));
    }
    ZL_RETURN_IF_ERROR(CheckGrant(actor, after));
    std::string now = NowIsoUtc();
    if (change.disabled) after.disabled = *change.disabled;
    if (change.password) {
      after.password_hash = new_hash;
      after.password_changed_at = now;
      after.failed_logins = 0;
      after.locked_until.clear();
    }
    store::UpdateUser(sql, after);
    if (after.disabled || change.password) store::RevokeUserSessions(sql, name, now);
    nlohmann::json summary = {{"before", Describe(*before)}, {"after", Describe(after)}};
    if (change.password) summary["password_reset"] = true;
    AppendAudit(sql, actor, {"user.update", "user", name, after.region_code, summary.dump()},
                request_id);
    return Status();
  });
  if (!s.ok()) return s;
  return after;
}

Status ChangeOwnPassword(store::Database& db, const Principal& actor,
                         const std::string& current_password, const std::string& new_password,
                         const std::string& request_id) {
  if (actor.kind != Principal::Kind::kSession) {
    return Status::PermissionDenied("only a logged-in person can change their password");
  }
  Status policy = CheckPasswordPolicy(new_password, actor.name);
  if (!policy.ok()) return Status::InvalidArgument(policy.message(), "new_password");
  if (new_password == current_password) {
    return Status::InvalidArgument("must differ from the current password", "new_password");
  }
  ZL_ASSIGN_OR_RETURN(std::string hash, HashPassword(new_password));
  return db.Write([&](soci::session& sql) {
    std::optional<store::UserRecord> user = store::FindUser(sql, actor.name);
    if (!user) return Status::Unauthenticated("the account no longer exists");
    if (!VerifyPassword(user->password_hash, current_password)) {
      return Status::InvalidArgument("is not your current password", "current_password");
    }
    std::string now = NowIsoUtc();
    user->password_hash = hash;
    user->password_changed_at = now;
    store::UpdateUser(sql, *user);
    store::RevokeUserSessions(sql, actor.name, now, actor.session_hash);  // others end
    AppendAudit(sql, actor, {"user.password", "user", actor.name, user->region_code, "{}"},
                request_id);
    return Status();
  });
}

}  // namespace zl::auth
