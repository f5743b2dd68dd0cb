// The audit trail: every write through the API or the CLI appends one entry, in the same
// transaction as the write it records, to the hash-chained log (auth/audit_chain.h for the
// chain, store/audit_table.h for the rows).
#pragma once

#include <cstdint>
#include <string>

#include "auth/principal.h"
#include "base/result.h"

namespace soci {
class session;
}
namespace zl::store {
class Database;
}

namespace zl::auth {

struct AuditEvent {
  std::string action;       // "user.add", "auth.login", "enterprise.update", ...
  std::string object_type;  // "user", "api_token", "enterprise", "session", ...
  std::string object_id;
  std::string region_code;  // the object's region, "" if none
  std::string summary;      // JSON text: what changed (before/after); never a secret
};

// Appends `event` by `actor` inside the caller's Database::Write transaction.
void AppendAudit(soci::session& sql, const Principal& actor, const AuditEvent& event,
                 const std::string& request_id);

// Appends in a transaction of its own (for events with no other write, e.g. a failed login).
Status AppendAudit(store::Database& db, const Principal& actor, const AuditEvent& event,
                   const std::string& request_id);

struct AuditVerification {
  std::int64_t checked = 0;  // entries that passed before the first bad one (or all)
  Status status;             // OK, or FailedPrecondition naming the first bad entry
};

// Walks the whole chain in order and checks every link, including that the chain's tip
// (audit_head) matches the last entry, so a deleted last entry is noticed too.
Result<AuditVerification> VerifyAudit(store::Database& db);

}  // namespace zl::auth
