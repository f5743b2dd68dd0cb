// Recusal: replace one inspector in one team by the same (load, keyed hash) rule as the draw.
#include "inspect/recusal.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <set>

#include "inspect/coverage.h"
#include "inspect/draw_hash.h"

namespace zl::inspect {
namespace {

InspectorLoad* LoadOf(DrawResult* result, int64_t id) {
  auto it = std::lower_bound(result->loads.begin(), result->loads.end(), id,
                             [](const InspectorLoad& l, int64_t v) { return l.inspector_id < v; });
  return it != result->loads.end() && it->inspector_id == id ? &*it : nullptr;
}

}  // namespace

Result<RecusalRecord> ApplyRecusal(const DrawInput& input, const RecusalRequest& request,
                                   DrawResult* result) {
  ZL_RETURN_IF_ERROR(ValidateDrawSeed(input.seed));
  const int64_t expected = static_cast<int64_t>(result->recusals.size()) + 1;
  if (request.sequence != expected) {
    return Status::FailedPrecondition(
        fmt::format("recusal sequence {} is out of order: this draw's next recusal is number {}",
                    request.sequence, expected));
  }
  const DrawKey key = DeriveDrawKey(input.seed);
  DrawnTarget* target = FindTarget(*result, key, request.uscc);
  if (target == nullptr) {
    return Status::NotFound(
        fmt::format("enterprise {} is not a target of this draw", request.uscc));
  }
  auto slot = std::find(target->team.begin(), target->team.end(), request.inspector_id);
  if (slot == target->team.end()) {
    return Status::FailedPrecondition(
        fmt::format("inspector {} is not on the team for {}", request.inspector_id, request.uscc));
  }

  std::set<int64_t> barred(target->team.begin(), target->team.end());
  for (const RecusalRecord& r : result->recusals) {
    if (r.uscc == request.uscc) barred.insert(r.recused_id);
  }
  for (const Conflict& c : input.conflicts) {
    if (c.uscc == request.uscc) barred.insert(c.inspector_id);
  }

  const std::string_view region = View(target->region);
  const std::array<std::string, 3> covering = CoveringCodes(region);
  const DrawInspector* best = nullptr;
  int64_t best_load = 0;
  uint64_t best_rank = 0;
  for (const DrawInspector& x : input.inspectors) {
    if (x.region_code.empty() || barred.count(x.id) != 0 ||
        std::find(covering.begin(), covering.end(), x.region_code) == covering.end()) {
      continue;
    }
    const InspectorLoad* l = LoadOf(result, x.id);
    const int64_t load = l != nullptr ? l->load : x.initial_load;
    const uint64_t rank =
        KeyedHash(key, fmt::format("{}|{}|recusal|{}", request.uscc, x.id, request.sequence));
    if (best == nullptr || std::tie(load, rank, x.id) < std::tie(best_load, best_rank, best->id)) {
      best = &x;
      best_load = load;
      best_rank = rank;
    }
  }
  if (best == nullptr) {
    return Status::FailedPrecondition(fmt::format(
        "no inspector can replace {} on the team for {}: every other inspector covering region "
        "{} is on the team, recused or has a declared conflict",
        request.inspector_id, request.uscc, region));
  }

  *slot = best->id;
  if (InspectorLoad* l = LoadOf(result, request.inspector_id); l != nullptr && l->load > 0) {
    --l->load;
  }
  if (InspectorLoad* l = LoadOf(result, best->id)) ++l->load;
  RecusalRecord record{request.uscc, request.inspector_id, best->id, request.sequence};
  result->recusals.push_back(record);
  return record;
}

}  // namespace zl::inspect
