// Tests for the audit log's hash chain: the canonical text, and the verifier finding altered,
// deleted, swapped and inserted entries.
#include "auth/audit_chain.h"

#include <gtest/gtest.h>

#include <vector>

namespace zl::auth {
namespace {

std::vector<AuditEntry> MakeChain(int n) {
  std::vector<AuditEntry> chain;
  std::string prev(kGenesisHash);
  for (int i = 1; i <= n; ++i) {
    AuditEntry e;
    e.seq = i;
    e.at = "2024-05-01T08:00:0" + std::to_string(i) + "Z";
    e.actor = i % 2 ? "admin" : "cli:root";
    e.actor_role = "province_admin";
    e.action = "user.add";
    e.object_type = "user";
    e.object_id = "user" + std::to_string(i);
    e.region_code = "130100";
    e.summary = R"({"after":{"name":"user)" + std::to_string(i) + R"("}})";
    e.request_id = "req-" + std::to_string(i);
    SealAuditEntry(e, prev);
    prev = e.hash;
    chain.push_back(e);
  }
  return chain;
}

// The message of the first error, or "OK" with the number of entries checked.
std::string Verify(const std::vector<AuditEntry>& chain) {
  AuditChainVerifier v;
  for (const AuditEntry& e : chain) {
    Status s = v.Add(e);
    if (!s.ok()) {
      EXPECT_EQ(s.code(), Status::Code::kFailedPrecondition);
      return s.message();
    }
  }
  return "OK " + std::to_string(v.checked());
}

TEST(AuditChain, CanonicalTextIsLengthPrefixed) {
  AuditEntry e;
  e.seq = 7;
  e.at = "2024-05-01T08:30:00Z";
  e.actor = "张三";
  e.action = "user.add";
  e.summary = "a\nb";
  e.prev_hash = std::string(kGenesisHash);
  e.hash = "ignored";
  EXPECT_EQ(CanonicalText(e),
            "zl-audit-v1\n1:7\n20:2024-05-01T08:30:00Z\n6:张三\n0:\n8:user.add\n0:\n0:\n0:\n"
            "3:a\nb\n0:\n64:" +
                std::string(kGenesisHash) + "\n");
  EXPECT_EQ(ComputeEntryHash(e).size(), 64u);
}

TEST(AuditChain, FieldBoundariesMatter) {
  AuditEntry a;
  a.actor = "ab";
  a.action = "c";
  AuditEntry b = a;
  b.actor = "a";
  b.action = "bc";
  EXPECT_NE(ComputeEntryHash(a), ComputeEntryHash(b));
}

TEST(AuditChain, EveryFieldButHashIsCovered) {
  const AuditEntry base = MakeChain(1)[0];
  std::vector<std::string AuditEntry::*> fields = {
      &AuditEntry::at,          &AuditEntry::actor,       &AuditEntry::actor_role,
      &AuditEntry::action,      &AuditEntry::object_type, &AuditEntry::object_id,
      &AuditEntry::region_code, &AuditEntry::summary,     &AuditEntry::request_id,
      &AuditEntry::prev_hash};
  for (auto f : fields) {
    AuditEntry e = base;
    e.*f += "x";
    EXPECT_NE(ComputeEntryHash(e), base.hash);
  }
  AuditEntry e = base;
  e.seq = 2;
  EXPECT_NE(ComputeEntryHash(e), base.hash);
  e = base;
  e.hash = "different";
  EXPECT_EQ(ComputeEntryHash(e), base.hash);
}

TEST(AuditChain, IntactChainVerifies) {
  const std::vector<AuditEntry> chain = MakeChain(5);
  EXPECT_EQ(chain[0].prev_hash, kGenesisHash);
  EXPECT_EQ(chain[3].prev_hash, chain[2].hash);
  EXPECT_EQ(Verify(chain), "OK 5");
  EXPECT_EQ(Verify({}), "OK 0");
}

TEST(AuditChain, AlteredFieldIsFoundAtThatEntry) {
  std::vector<AuditEntry> chain = MakeChain(5);
  chain[2].summary = R"({"after":{"name":"mallory"}})";
  EXPECT_EQ(Verify(chain), "entry 3: hash does not match its contents (altered)");
}

TEST(AuditChain, RehashedAlterationBreaksTheNextLink) {
  std::vector<AuditEntry> chain = MakeChain(5);
  chain[2].actor = "mallory";
  SealAuditEntry(chain[2], chain[2].prev_hash);  // the forger recomputes entry 3's hash
  EXPECT_EQ(Verify(chain),
            "entry 4: prev_hash does not match entry 3's hash (deleted or reordered)");
}

TEST(AuditChain, DeletedEntryIsFound) {
  std::vector<AuditEntry> chain = MakeChain(5);
  chain.erase(chain.begin() + 2);
  EXPECT_EQ(Verify(chain), "entry 4: seq 4 follows 2 (entry 3 missing)");
  chain.erase(chain.begin() + 2);
  EXPECT_EQ(Verify(chain), "entry 5: seq 5 follows 2 (entries 3–4 missing)");
}

TEST(AuditChain, DeletedAndRenumberedEntryIsFound) {
  std::vector<AuditEntry> chain = MakeChain(5);
  chain.erase(chain.begin() + 2);
  chain[2].seq = 3;
  SealAuditEntry(chain[2], chain[2].prev_hash);
  EXPECT_EQ(Verify(chain),
            "entry 3: prev_hash does not match entry 2's hash (deleted or reordered)");
}

TEST(AuditChain, SwappedEntriesAreFound) {
  std::vector<AuditEntry> chain = MakeChain(5);
  std::swap(chain[1], chain[2]);
  EXPECT_EQ(Verify(chain), "entry 3: seq 3 follows 1 (entry 2 missing)");
  // Swapping the seq numbers too, so the rows still read in order, breaks the hashes.
  std::swap(chain[1].seq, chain[2].seq);
  EXPECT_EQ(Verify(chain), "entry 2: hash does not match its contents (altered)");
}

TEST(AuditChain, DuplicateAndBadStartAreFound) {
  std::vector<AuditEntry> chain = MakeChain(3);
  std::vector<AuditEntry> dup = {chain[0], chain[1], chain[1]};
  EXPECT_EQ(Verify(dup), "entry 2: seq 2 follows 2 (duplicated or out of order)");
  EXPECT_EQ(Verify({chain[1], chain[2]}),
            "entry 2: the chain must start at seq 1 (entry 1 missing)");
  AuditEntry first = chain[0];
  SealAuditEntry(first, chain[2].hash);
  EXPECT_EQ(Verify({first}), "entry 1: first entry must have the genesis prev_hash");
}

TEST(AuditChain, ErrorIsSticky) {
  std::vector<AuditEntry> chain = MakeChain(5);
  chain[1].action = "user.delete";
  AuditChainVerifier v;
  EXPECT_TRUE(v.Add(chain[0]).ok());
  const Status first = v.Add(chain[1]);
  EXPECT_FALSE(first.ok());
  for (int i = 2; i < 5; ++i) EXPECT_EQ(v.Add(chain[i]).message(), first.message());
  EXPECT_EQ(v.checked(), 1);
  EXPECT_EQ(v.last_seq(), 1);
}

TEST(AuditChain, ContinuesFromACheckpoint) {
  std::vector<AuditEntry> chain = MakeChain(5);
  AuditChainVerifier v(2, chain[1].hash);
  for (int i = 2; i < 5; ++i) EXPECT_TRUE(v.Add(chain[i]).ok()) << i;
  EXPECT_EQ(v.checked(), 3);
  EXPECT_EQ(v.last_hash(), chain[4].hash);
  AuditChainVerifier wrong(2, chain[0].hash);
  EXPECT_EQ(wrong.Add(chain[2]).message(),
            "entry 3: prev_hash does not match entry 2's hash (deleted or reordered)");
}

}  // namespace
}  // namespace zl::auth
