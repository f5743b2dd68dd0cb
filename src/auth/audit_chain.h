// The arithmetic of the tamper-evident audit log: each entry carries the hash of the entry
// before it and a hash over its own contents, so altering, deleting, inserting or reordering
// a stored entry breaks the chain at that point. Storage is store/'s; this file only says
// how an entry is serialised and hashed, and checks a chain read back in seq order.
//
// Appending: entry.seq = previous seq + 1 (the first entry is seq 1), then
// SealAuditEntry(entry, previous hash or kGenesisHash). Seq must be assigned inside the
// write transaction that appends, not taken from a database sequence: sequences skip values
// on rollback, and a gap reads as a deleted entry.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "store/audit_table.h"

namespace zl::auth {

// An entry is the stored row itself (store/audit_table.h): seq, at, actor, actor_role,
// action, object_type, object_id, region_code, summary, request_id, prev_hash, hash — the
// canonical text below covers every field but `hash`, in that order.
using AuditEntry = store::AuditRecord;

// The prev_hash of the first entry: 64 zeros.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The bytes that are hashed, version 1. Every field except `hash`, in declaration order,
// each written as its length in bytes (decimal), ':', the bytes, '\n', after the line
// "zl-audit-v1\n". seq is written in decimal. Example for seq 7 with at = "2024-05-01T…Z":
//   "zl-audit-v1\n1:7\n20:2024-05-01T…Z\n…64:<prev_hash>\n"
// The length prefixes make it unambiguous whatever the fields contain (tabs, newlines,
// colons), and it is easy to reproduce in any language to check an exported log.
std::string CanonicalText(const AuditEntry& entry);

// Lower-case hex SHA-256 of CanonicalText(entry).
std::string ComputeEntryHash(const AuditEntry& entry);

// Sets entry.prev_hash = prev_hash and entry.hash = ComputeEntryHash(entry). The caller
// sets seq and the other fields first.
void SealAuditEntry(AuditEntry& entry, std::string_view prev_hash);

// Checks a chain fed one entry at a time in seq order (so a whole log can be streamed).
class AuditChainVerifier {
 public:
  // Expects the chain from its start: seq 1 with kGenesisHash.
  AuditChainVerifier() = default;
  // Continues after an entry already verified (a checkpoint): the next entry must be
  // last_seq + 1 with prev_hash == last_hash.
  AuditChainVerifier(std::int64_t last_seq, std::string last_hash);

  // OK, or FailedPrecondition naming the first bad entry and why, e.g.
  //   "entry 17: hash does not match its contents (altered)"
  //   "entry 18: prev_hash does not match entry 17's hash (deleted or reordered)"
  //   "entry 20: seq 20 follows 18 (entry 19 missing)"
  //   "entry 1: first entry must have the genesis prev_hash"
  // Once an entry fails, every later call returns that same error.
  Status Add(const AuditEntry& entry);

  // Entries verified so far (not counting a checkpoint's).
  std::int64_t checked() const { return checked_; }
  // The last good entry's seq and hash (0 and kGenesisHash before the first): a checkpoint.
  std::int64_t last_seq() const { return last_seq_; }
  const std::string& last_hash() const { return last_hash_; }

 private:
  Status Check(const AuditEntry& entry) const;

  std::int64_t checked_ = 0;
  std::int64_t last_seq_ = 0;
  std::string last_hash_{kGenesisHash};
  Status error_;
};

}  // namespace zl::auth
