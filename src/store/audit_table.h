// Rows and SQL for the audit log (audit_log and its tip, audit_head).
//
// The hash chain itself (what an entry's hash covers, how the chain is verified) is the auth
// module's (auth/audit_chain.h); this file only stores and reads rows. Like account_tables.h,
// these functions run inside Database::Read/Write and let SOCI exceptions propagate.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "store/enterprise_repository.h"  // PageRequest, PageOf

namespace soci {
class session;
}

namespace zl::store {

struct AuditRecord {
  std::int64_t seq = 0;     // 1, 2, 3, ... without gaps
  std::string at;           // ISO-8601 UTC
  std::string actor;        // user name, "token:<id>", "cli", "system"
  std::string actor_role;   // the actor's role at the time
  std::string action;       // "user.add", "auth.login", "enterprise.update", ...
  std::string object_type;  // "user", "api_token", "enterprise", ...
  std::string object_id;
  std::string region_code;  // the region the object belongs to, "" if none
  std::string summary;      // JSON text: what changed (before/after), never secrets
  std::string request_id;   // the HTTP request id, or "" for the CLI
  std::string prev_hash;
  std::string hash;
};

struct AuditHead {
  std::int64_t seq = 0;
  std::string hash;
};

// Reads the chain's tip and locks it until the transaction ends (on PostgreSQL through the
// row update; SQLite's writer lock already serialises). Call inside Database::Write.
AuditHead LockAuditHead(soci::session& sql);
// Reads the chain's tip without locking (for verification).
AuditHead ReadAuditHead(soci::session& sql);
// Inserts `record` and moves the tip to it.
void AppendAuditRecord(soci::session& sql, const AuditRecord& record);

struct AuditFilter {
  std::string actor{};
  std::string action{};  // exact, or a prefix ending in '.', e.g. "user."
  std::string object_type{};
  std::string object_id{};
  std::string from{};  // ISO date or time, inclusive
  std::string to{};    // ISO date (the whole day) or time, inclusive
};

// Newest first.
PageOf<AuditRecord> ListAudit(soci::session& sql, const AuditFilter& filter, PageRequest page);

// Calls `visit` for every entry in seq order, streaming; stops early when it returns false.
void ScanAudit(soci::session& sql, const std::function<bool(const AuditRecord&)>& visit);

}  // namespace zl::store
