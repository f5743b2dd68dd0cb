// Step 2 of the random draw (random_draw.h): staffing drawn targets with inspectors. Internal
// to the inspect module; RunDraw is the interface.
//
// Inspectors are grouped by their region code; each group is a min-heap on (load, rank, id).
// A target's eligible inspectors are the union of at most three groups (CoveringCodes), so its
// team is found by comparing the heads of those heaps, setting aside heads that have a
// conflict with the target until the team is complete.
#pragma once

#include <compare>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "inspect/draw_hash.h"
#include "inspect/random_draw.h"

namespace zl::inspect {

class Staffing {
 public:
  // Precondition: inspectors are valid (6-digit regions, unique ids, loads ≥ 0).
  Staffing(const DrawKey& key, const std::vector<DrawInspector>& inspectors,
           const std::vector<Conflict>& conflicts, int team_size);

  // Fills target.team; appends to result.exclusions and, when the team is short, to
  // result.unstaffed. Targets must come in ascending (h, uscc), the staffing order, so that
  // their declared conflicts are found by walking a list sorted the same way.
  void Staff(DrawnTarget& target, DrawResult& result);

  // Every inspector's current load, by id.
  std::vector<InspectorLoad> Loads() const;

 private:
  using Candidates = std::array<int32_t, 3>;  // group indices, -1 when unused

  uint64_t Rank(int32_t inspector) const;
  bool Before(int32_t a, int32_t b) const;  // (load, rank, id) order
  const Candidates& CandidatesFor(const RegionChars& region);
  void Push(int32_t group, int32_t inspector);
  int32_t Pop(int32_t group);

  DrawKey key_;
  int team_size_;
  std::vector<int64_t> id_;
  std::vector<int64_t> load_;
  std::vector<uint64_t> rank_;
  std::vector<int32_t> group_of_;
  std::vector<uint8_t> blocked_;
  std::vector<std::vector<int32_t>> heaps_;  // per group
  std::vector<int32_t> group_size_;
  std::unordered_map<std::string, int32_t> group_by_code_;
  std::unordered_map<uint32_t, Candidates> candidates_by_region_;
  struct ConflictEntry {
    uint64_t h;  // KeyedHash of the uscc, as for pool members
    std::string_view uscc;
    int64_t id;
    int32_t inspector;
    auto operator<=>(const ConflictEntry&) const = default;
  };
  std::vector<ConflictEntry> conflicts_;  // sorted by (h, uscc, id), no repeats
  size_t next_conflict_ = 0;              // the first entry not before the current target
  // Scratch reused across targets.
  std::vector<std::pair<int32_t, int32_t>> set_aside_, picked_;
};

}  // namespace zl::inspect
