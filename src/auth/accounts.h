// Accounts: creating users, changing them, and changing one's own password. Each change is
// validated (name, role, region, USCC, password policy), checked against what the acting
// principal may do, and written together with its audit entry in one transaction.
//
// Who may manage whom: a province administrator (and the CLI operator) manages every
// account; a city administrator manages inspector and enterprise accounts of its own
// region only, and cannot grant any other role.
#pragma once

#include <optional>
#include <string>

#include "auth/principal.h"
#include "base/result.h"
#include "store/account_tables.h"

namespace zl::store {
class Database;
}

namespace zl::auth {

struct NewUser {
  std::string name;
  std::string role;
  std::string region_code;  // required for city_admin and inspector
  std::string uscc;         // required for enterprise
  std::string password;
};

struct UserChange {
  std::optional<std::string> role;
  std::optional<std::string> region_code;
  std::optional<std::string> uscc;
  std::optional<bool> disabled;
  std::optional<std::string> password;  // an administrator's reset
};

// InvalidArgument naming the field, PermissionDenied, AlreadyExists (field "name").
Result<store::UserRecord> AddUser(store::Database& db, const Principal& actor, const NewUser& user,
                                  const std::string& request_id);

// NotFound for an unknown user; a region-scoped actor gets PermissionDenied both for a
// user outside its region and for one that does not exist (so it cannot learn who exists
// elsewhere).
Result<store::UserRecord> ChangeUser(store::Database& db, const Principal& actor,
                                     const std::string& name, const UserChange& change,
                                     const std::string& request_id);

// Checks the current password, applies the policy, revokes the user's other sessions.
Status ChangeOwnPassword(store::Database& db, const Principal& actor,
                         const std::string& current_password, const std::string& new_password,
                         const std::string& request_id);

// Whether `actor` may see or manage `user` (region scope).
bool MayManage(const Principal& actor, const store::UserRecord& user);

}  // namespace zl::auth
