// AppendAudit and VerifyAudit: the storage side of the hash chain.
#include "auth/audit_log.h"

#include "auth/audit_chain.h"
#include "base/clock.h"
#include "store/audit_table.h"
#include "store/database.h"

namespace zl::auth {

void AppendAudit(soci::session& sql, const Principal& actor, const AuditEvent& event,
                 const std::string& request_id) {
  store::AuditHead head = store::LockAuditHead(sql);
  store::AuditRecord r;
  r.seq = head.seq + 1;
  r.at = NowIsoUtc();
  r.actor = actor.ActorLabel();
  r.actor_role = std::string(RoleName(actor.role));
  r.action = event.action;
  r.object_type = event.object_type;
  r.object_id = event.object_id;
  r.region_code = event.region_code;
  r.summary = event.summary.empty() ? "{}" : event.summary;
  r.request_id = request_id;
  r.prev_hash = head.hash;
  r.hash = ComputeEntryHash(r);
  store::AppendAuditRecord(sql, r);
}

Status AppendAudit(store::Database& db, const Principal& actor, const AuditEvent& event,
                   const std::string& request_id) {
  return db.Write([&](soci::session& sql) {
    AppendAudit(sql, actor, event, request_id);
    return Status();
  });
}

Result<AuditVerification> VerifyAudit(store::Database& db) {
  AuditVerification out;
  ZL_RETURN_IF_ERROR(db.Read([&](soci::session& sql) {
    AuditChainVerifier verifier;  // fresh on every run: the work may run twice
    store::AuditRecord last;
    Status chain;
    store::ScanAudit(sql, [&](const store::AuditRecord& r) {
      last = r;
      chain = verifier.Add(r);
      return chain.ok();
    });
    out.checked = verifier.checked();
    out.status = chain;
    if (out.status.ok()) {
      store::AuditHead head = store::ReadAuditHead(sql);
      if (head.seq != last.seq || head.hash != (last.seq ? last.hash : head.hash)) {
        out.status = Status::FailedPrecondition(
            "entry " + std::to_string(last.seq + 1) + ": the chain's tip is entry " +
            std::to_string(head.seq) + " but the log ends at entry " + std::to_string(last.seq) +
            " (entries deleted from the end)");
      }
    }
    return Status();
  }));
  return out;
}

}  // namespace zl::auth
