// Canonical serialisation, hashing and verification of the audit log's hash chain.
#include "auth/audit_chain.h"

#include <fmt/format.h>

#include "auth/crypto.h"

namespace zl::auth {
namespace {

constexpr std::string_view kVersionLine = "zl-audit-v1\n";

void AppendField(std::string& out, std::string_view field) {
  fmt::format_to(std::back_inserter(out), "{}:", field.size());
  out.append(field);
  out.push_back('\n');
}

}  // namespace

std::string CanonicalText(const AuditEntry& e) {
  std::string out(kVersionLine);
  AppendField(out, std::to_string(e.seq));
  for (const std::string* f :
       {&e.at, &e.actor, &e.actor_role, &e.action, &e.object_type, &e.object_id, &e.region_code,
        &e.summary, &e.request_id, &e.prev_hash}) {
    AppendField(out, *f);
  }
  return out;
}

std::string ComputeEntryHash(const AuditEntry& entry) { return Sha256Hex(CanonicalText(entry)); }

void SealAuditEntry(AuditEntry& entry, std::string_view prev_hash) {
  entry.prev_hash = std::string(prev_hash);
  entry.hash = ComputeEntryHash(entry);
}

AuditChainVerifier::AuditChainVerifier(std::int64_t last_seq, std::string last_hash)
    : last_seq_(last_seq), last_hash_(std::move(last_hash)) {}

Status AuditChainVerifier::Add(const AuditEntry& entry) {
  if (!error_.ok()) return error_;
  Status s = Check(entry);
  if (!s.ok()) {
    error_ = s;
    return s;
  }
  ++checked_;
  last_seq_ = entry.seq;
  last_hash_ = entry.hash;
  return Status::Ok();
}

Status AuditChainVerifier::Check(const AuditEntry& e) const {
  auto fail = [&](const std::string& why) {
    return Status::FailedPrecondition(fmt::format("entry {}: {}", e.seq, why));
  };
  // Contents first: when an entry was altered, its seq and prev_hash cannot be trusted.
  if (ComputeEntryHash(e) != e.hash) return fail("hash does not match its contents (altered)");
  const std::int64_t expected = last_seq_ + 1;
  if (e.seq < expected) {
    if (last_seq_ == 0) return fail("seq must be 1 or more");
    return fail(fmt::format("seq {} follows {} (duplicated or out of order)", e.seq, last_seq_));
  }
  if (e.seq > expected) {
    const std::string missing = e.seq == expected + 1
                                    ? fmt::format("entry {} missing", expected)
                                    : fmt::format("entries {}–{} missing", expected, e.seq - 1);
    if (last_seq_ == 0) return fail(fmt::format("the chain must start at seq 1 ({})", missing));
    return fail(fmt::format("seq {} follows {} ({})", e.seq, last_seq_, missing));
  }
  if (e.prev_hash != last_hash_) {
    if (last_seq_ == 0) return fail("first entry must have the genesis prev_hash");
    return fail(
        fmt::format("prev_hash does not match entry {}'s hash (deleted or reordered)", last_seq_));
  }
  return Status::Ok();
}

}  // namespace zl::auth
