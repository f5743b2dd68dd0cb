// Principal: who is making a request or running a command, and what they may reach.
//
// Every API request resolves to exactly one Principal (anonymous, a browser session, an API
// token) before any handler runs; the CLI acts as a trusted operator. Permission checks
// (`Can`) read the role table (data/auth/roles.tsv), narrowed by a token's scopes; region
// checks (`CoversRegion`) are the one rule for regional scope: province-wide roles reach
// every region, city officials and inspectors only their own supervision unit.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "auth/role.h"

namespace zl::auth {

struct Principal {
  enum class Kind { kAnonymous, kSession, kToken, kCli };

  Kind kind = Kind::kAnonymous;
  std::string name;  // the user (for a token: its owner); "" when anonymous
  Role role = Role::kPublic;
  std::string region_code;          // the user's supervision unit, "" for province-wide roles
  std::string uscc;                 // the enterprise of an enterprise account
  std::vector<std::string> scopes;  // a token's scopes; ignored for other kinds
  std::string token_id;             // kToken
  std::string session_hash;         // kSession: the stored hash of the cookie secret
  std::string csrf_token;           // kSession

  static Principal Anonymous() { return {}; }
  // The operator running a CLI command: acts with a province administrator's permissions.
  static Principal Cli(std::string os_user);

  bool authenticated() const { return kind != Kind::kAnonymous; }
  bool Can(std::string_view permission) const;
  // Whether an object belonging to region `code` (any Hebei code) is within reach.
  bool CoversRegion(std::string_view code) const;
  // The audit log's "actor": the user name, "token:<id>" or "cli:<user>".
  std::string ActorLabel() const;
};

}  // namespace zl::auth
