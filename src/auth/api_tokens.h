// API tokens for machine clients (Authorization: Bearer zl_…): issued by an administrator
// with a subset of their own permissions as scopes and an expiry, listed, and revoked. The
// token is shown once at issue; only its SHA-256 is stored.
#pragma once

#include <string>
#include <vector>

#include "auth/principal.h"
#include "base/clock.h"
#include "base/result.h"
#include "store/account_tables.h"

namespace zl::store {
class Database;
}

namespace zl::auth {

struct IssuedToken {
  store::TokenRecord record;
  std::string secret;  // "zl_…", shown once
};

// InvalidArgument for a bad name, unknown scope, a scope the actor lacks, or an expiry
// outside 1..730 days.
Result<IssuedToken> IssueToken(store::Database& db, const Principal& actor, const std::string& name,
                               const std::vector<std::string>& scopes, int expires_in_days,
                               const std::string& request_id);

// The tokens the actor may see: all for province-wide administrators, else their own.
Result<std::vector<store::TokenRecord>> VisibleTokens(store::Database& db, const Principal& actor);

// NotFound when the token does not exist or is not the actor's to revoke.
Status RevokeApiToken(store::Database& db, const Principal& actor, const std::string& id,
                      const std::string& request_id);

// The Principal of a bearer token; Unauthenticated when unknown, revoked, expired, or its
// owner is disabled.
Result<Principal> AuthenticateToken(store::Database& db, const std::string& secret,
                                    SystemTime now = std::chrono::system_clock::now());

std::vector<std::string> SplitScopes(const std::string& scopes);

}  // namespace zl::auth
