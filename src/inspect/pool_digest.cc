// Pool digest: per-member SipHash-128, one sort, one BLAKE2b pass.
#include "inspect/pool_digest.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <memory>

namespace zl::inspect {
namespace {

uint64_t LoadBigEndian(const unsigned char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  return std::endian::native == std::endian::little ? __builtin_bswap64(x) : x;
}

void StoreBigEndian(uint64_t x, unsigned char* p) {
  if constexpr (std::endian::native == std::endian::little) x = __builtin_bswap64(x);
  std::memcpy(p, &x, 8);
}

struct Rec {
  uint64_t hi;  // v's bytes 0..7, big-endian, so that (hi, lo) orders v bytewise
  uint64_t lo;
  char tail[8];  // region (6 digits) and class letter: the rest of the digested record
};

// The USCC whose 128-bit hash is (hi, lo): looked up again only to name a repeated member.
std::string_view UsccWithHash(std::span<const PoolEntry> pool, uint64_t hi, uint64_t lo) {
  for (const PoolEntry& e : pool) {
    const std::array<unsigned char, 16> v = PoolHash(View(e.uscc));
    if (LoadBigEndian(v.data()) == hi && LoadBigEndian(v.data() + 8) == lo) return View(e.uscc);
  }
  return {};
}

// Sorts by (hi, lo): one counting pass on the top 16 bits of hi (uniformly distributed, so
// about 30 records a bucket at 2,000,000), then each bucket by comparison. Several times
// faster than std::sort on the whole array, which matters at provincial scale.
std::unique_ptr<Rec[]> SortRecs(const std::vector<Rec>& recs) {
  constexpr int kBits = 16;
  std::vector<uint32_t> start((1u << kBits) + 1, 0);
  for (const Rec& r : recs) ++start[(r.hi >> (64 - kBits)) + 1];
  for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  auto out = std::make_unique_for_overwrite<Rec[]>(recs.size());
  std::vector<uint32_t> next(start.begin(), start.end() - 1);
  for (const Rec& r : recs) out[next[r.hi >> (64 - kBits)]++] = r;
  for (size_t b = 0; b + 1 < start.size(); ++b) {
    std::sort(out.get() + start[b], out.get() + start[b + 1],
              [](const Rec& a, const Rec& c) { return a.hi != c.hi ? a.hi < c.hi : a.lo < c.lo; });
  }
  return out;
}

}  // namespace

Result<std::string> PoolDigest(std::span<const PoolEntry> pool) {
  std::vector<Rec> recs(pool.size());
  for (size_t i = 0; i < pool.size(); ++i) {
    const PoolEntry& e = pool[i];
    if (RiskClassIndex(e.risk_class) >= kAllRiskClasses.size()) {
      return Status::InvalidArgument(fmt::format("pool[{}]: unknown risk class", i), "risk_class");
    }
    const std::array<unsigned char, 16> v = PoolHash(View(e.uscc));
    Rec& r = recs[i];
    r.hi = LoadBigEndian(v.data());
    r.lo = LoadBigEndian(v.data() + 8);
    std::memcpy(r.tail, e.region.data(), 6);
    r.tail[6] = RiskClassName(e.risk_class)[0];
    r.tail[7] = 0;
  }
  const std::unique_ptr<Rec[]> sorted = SortRecs(recs);
  recs = {};
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 32);
  constexpr size_t kRecordBytes = 16 + 6 + 1;
  unsigned char buffer[kRecordBytes * 2048];
  size_t used = 0;
  for (size_t i = 0; i < pool.size(); ++i) {
    const Rec& r = sorted[i];
    if (i > 0 && r.hi == sorted[i - 1].hi && r.lo == sorted[i - 1].lo) {
      // Equal 128-bit hashes: the same USCC (a different one would be a SipHash collision,
      // which no real pool produces; it is refused too rather than ordered ambiguously).
      return Status::InvalidArgument(
          fmt::format("USCC {} is listed twice in the pool", UsccWithHash(pool, r.hi, r.lo)),
          "pool");
    }
    unsigned char* p = buffer + used;
    StoreBigEndian(r.hi, p);
    StoreBigEndian(r.lo, p + 8);
    std::memcpy(p + 16, r.tail, 7);
    used += kRecordBytes;
    if (used == sizeof buffer) {
      crypto_generichash_update(&state, buffer, used);
      used = 0;
    }
  }
  crypto_generichash_update(&state, buffer, used);
  unsigned char digest[32];
  crypto_generichash_final(&state, digest, sizeof digest);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, 64);
}

}  // namespace zl::inspect
