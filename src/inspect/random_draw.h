// The 双随机 random inspection draw (credit-rules.md §16–17): draw enterprises at random per
// risk class, at the ratio the sampling policy sets, and send each two or more inspectors
// drawn at random from those who cover its region and have declared no conflict of interest
// with it, keeping the inspectors' workloads even.
//
// The draw is a pure function of its inputs: the caller filters the pool (enterprises of the
// task's industry and regions, with their current risk class) and the inspectors (qualified
// for the task), generates the seed with NewDrawSeed() BEFORE the pool is fixed, and stores
// seed, pool (or its digest), inspectors, conflicts and result. Anyone can re-run it by hand:
//
//   0. K = first 16 bytes of BLAKE2b-256("zhiliang-draw-v1|" + seed)          (draw_hash.h)
//   1. Selection. Every pool member gets h = SipHash-2-4(K, uscc) as a little-endian 64-bit
//      integer. In each class c with N_c members, n_c = ceil(ratio_c × N_c) (the ratio to 6
//      decimals; DrawCount in sampling_policy.h) and the draw takes the n_c members with the
//      smallest (h, uscc). This bottom-k sample is uniform without replacement and does not
//      depend on the order in which the pool is listed.
//   2. Assignment. The drawn targets are staffed one after another in ascending (h, uscc).
//      An inspector is eligible for a target when its region covers the target's region
//      (coverage.h: the province, the supervision unit, or the county itself) and it has no
//      declared conflict with the target. Each inspector has a load, initially initial_load
//      and +1 for every team it joins, and a rank r = SipHash-2-4(K, decimal id + "|" +
//      decimal load), recomputed when its load changes. The team is the team_size eligible
//      inspectors with the smallest (load, r, id), in that order; then their loads rise.
//      Workloads therefore stay within one of each other wherever coverage allows; the rank
//      makes the choice among equally loaded inspectors random, and because it changes with
//      every load level, inspectors are paired with new colleagues at every level.
//      A target with fewer than team_size eligible inspectors gets all of them and is
//      reported as unstaffed with the reason. Every declared conflict that removed an
//      inspector covering a drawn target is reported as an exclusion.
//   3. Pool digest. For each member, v = SipHash-2-4-128 with a zero key of the uscc; sort the
//      members by v (bytewise); the digest is BLAKE2b-256 over, for each member in that
//      order, v (16 bytes), the region (6 ASCII digits) and the class letter. It does not
//      depend on the seed or the pool's order; two members with the same uscc are refused.
//
// (Step 2 ranks an inspector by (id, load) rather than by (target, id) so that a target's
// team comes from a priority queue per region instead of hashing every eligible inspector for
// every target: 2,000,000 enterprises and 5,000 inspectors draw in a fraction of a second.)
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "inspect/draw_hash.h"
#include "inspect/risk_class.h"
#include "inspect/sampling_policy.h"

namespace zl::inspect {

using UsccChars = std::array<char, 18>;   // a USCC, fixed width: no allocation per member
using RegionChars = std::array<char, 6>;  // a GB/T 2260 code

inline std::string_view View(const UsccChars& u) { return {u.data(), u.size()}; }
inline std::string_view View(const RegionChars& r) { return {r.data(), r.size()}; }

struct PoolEntry {
  UsccChars uscc{};
  RegionChars region{};
  RiskClass risk_class = RiskClass::kA;

  // Fails with InvalidArgument (field "uscc" or "region_code") unless uscc is 18 characters
  // of [0-9A-Z] and region is 6 digits. The USCC's check characters are not verified here.
  static Result<PoolEntry> Make(std::string_view uscc, std::string_view region, RiskClass c);
  bool operator==(const PoolEntry&) const = default;
};

struct DrawInspector {
  int64_t id = 0;
  std::string region_code;   // "130000" province, a unit such as "130200", or a county code
  int64_t initial_load = 0;  // open assignments from earlier draws
};

struct Conflict {  // a declared conflict of interest (利害关系)
  int64_t inspector_id = 0;
  std::string uscc;
};

struct DrawInput {
  std::string seed;  // see ValidateDrawSeed
  int team_size = 2;
  SamplingPolicy policy = SamplingPolicy::Default();
  std::vector<PoolEntry> pool;
  std::vector<DrawInspector> inspectors;
  std::vector<Conflict> conflicts;  // pairs naming unknown inspectors or usccs are ignored
};

struct ClassCount {
  int64_t pool = 0;
  int64_t drawn = 0;
  bool operator==(const ClassCount&) const = default;
};

struct DrawnTarget {
  UsccChars uscc{};
  RegionChars region{};
  RiskClass risk_class = RiskClass::kA;
  uint64_t h = 0;             // the selection hash; HashHex(h) to print
  std::vector<int64_t> team;  // inspector ids in pick order
  bool operator==(const DrawnTarget&) const = default;
};

struct UnstaffedTarget {
  std::string uscc;
  int eligible = 0;  // inspectors available (fewer than team_size)
  std::string reason;
  bool operator==(const UnstaffedTarget&) const = default;
};

struct Exclusion {
  int64_t inspector_id = 0;
  std::string uscc;
  bool operator==(const Exclusion&) const = default;
};

struct InspectorLoad {
  int64_t inspector_id = 0;
  int64_t load = 0;  // initial_load + teams joined (after recusals: as adjusted)
  bool operator==(const InspectorLoad&) const = default;
};

struct RecusalRecord {
  std::string uscc;
  int64_t recused_id = 0;
  int64_t replacement_id = 0;
  int64_t sequence = 0;
  bool operator==(const RecusalRecord&) const = default;
};

struct DrawResult {
  std::string algorithm = std::string(kDrawAlgorithm);
  std::array<ClassCount, 4> per_class{};   // indexed by RiskClassIndex
  std::vector<DrawnTarget> targets;        // ascending (h, uscc): the staffing order
  std::vector<UnstaffedTarget> unstaffed;  // in staffing order
  std::vector<Exclusion> exclusions;       // in staffing order, then by inspector id
  std::vector<InspectorLoad> loads;        // every inspector, by id
  std::string pool_digest;                 // 64 hex digits (step 3)
  std::vector<RecusalRecord> recusals;     // in sequence order (recusal.h)
  bool operator==(const DrawResult&) const = default;
};

// Runs the draw. Fails with InvalidArgument for a bad seed (field "seed"), team_size < 2
// ("team_size"), a policy that fails Validate(), a malformed pool member ("pool[i]: …"), a
// USCC listed twice, a malformed inspector ("inspectors[i]: …": region not 6 digits,
// negative initial_load) or an inspector id listed twice. An empty pool is a valid, empty
// draw. On a pool of 100,000 or more the pool digest is computed on a second thread.
Result<DrawResult> RunDraw(const DrawInput& input);

// The target of `uscc` in a result, found through its hash; nullptr when not drawn.
const DrawnTarget* FindTarget(const DrawResult& result, const DrawKey& key, std::string_view uscc);
DrawnTarget* FindTarget(DrawResult& result, const DrawKey& key, std::string_view uscc);

}  // namespace zl::inspect
