// Browser sessions: logging in (with lockout after repeated failures), recognising the
// session cookie on later requests (idle and absolute expiry), and logging out.
//
// The cookie carries a random 256-bit secret; the database keeps only its SHA-256, so a
// leaked database does not leak sessions. Each session has its own CSRF token, which the
// browser sends back in X-CSRF-Token on state-changing requests.
#pragma once

#include <chrono>
#include <string>

#include "auth/lockout.h"
#include "auth/principal.h"
#include "base/clock.h"
#include "base/result.h"

namespace zl::store {
class Database;
}

namespace zl::auth {

struct SessionPolicy {
  std::chrono::seconds idle_timeout{std::chrono::minutes(30)};
  std::chrono::seconds absolute_timeout{std::chrono::hours(12)};
  LockoutPolicy lockout;
};

struct LoginOutcome {
  Status status;                // Unauthenticated, ResourceExhausted (locked) or OK
  int retry_after_seconds = 0;  // when locked out
  std::string cookie_secret;    // OK: the value of the session cookie
  Principal principal;          // OK: the logged-in user
};

// Never says whether the name exists: a wrong name and a wrong password fail alike (and
// take alike long). Failed attempts count towards the lockout and are audited.
LoginOutcome Login(store::Database& db, const std::string& name, const std::string& password,
                   const std::string& request_id, const SessionPolicy& policy,
                   SystemTime now = std::chrono::system_clock::now());

// The Principal of a session cookie; Unauthenticated when unknown, revoked, expired (idle
// or absolute) or the account is disabled.
Result<Principal> AuthenticateSession(store::Database& db, const std::string& cookie_secret,
                                      const SessionPolicy& policy,
                                      SystemTime now = std::chrono::system_clock::now());

// Revokes the session and audits it.
Status Logout(store::Database& db, const Principal& principal, const std::string& request_id);

// Builds the Principal of a stored user (no database access).
Principal PrincipalOfUser(const std::string& name, const std::string& role,
                          const std::string& region_code, const std::string& uscc);

}  // namespace zl::auth
