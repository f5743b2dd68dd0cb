// Recusal (回避): a party may ask that an inspector with an interest in it stand down
// (credit-rules.md §17). A recusal replaces that one inspector in that one target's team and
// leaves the rest of the draw as it is; it is recorded in the draw's result, so replaying the
// recorded recusals in sequence on a re-run draw gives the same teams.
//
// The replacement is the eligible inspector — covering the target's region, not on the team,
// not recused from this target before, no declared conflict with it — with the smallest
// (load, SipHash-2-4(K, uscc + "|" + decimal id + "|recusal|" + decimal sequence), id), where
// K is the draw's key (draw_hash.h) and load the current one in result.loads. The recused
// inspector's load falls by one, the replacement's rises by one.
#pragma once

#include <cstdint>
#include <string>

#include "base/result.h"
#include "inspect/random_draw.h"

namespace zl::inspect {

struct RecusalRequest {
  std::string uscc;          // the target
  int64_t inspector_id = 0;  // the inspector who stands down
  int64_t sequence = 0;      // 1, 2, 3, … over the whole draw, in the order applied
};

// Applies one recusal to `result` (the result of RunDraw(input), with earlier recusals) and
// returns what it did. `result` changes only on success. Fails with
//   InvalidArgument      a bad seed in input;
//   FailedPrecondition   a sequence other than result->recusals.size() + 1; the inspector is
//                        not on the target's team; no eligible replacement is left;
//   NotFound             the USCC is not a target of this draw.
Result<RecusalRecord> ApplyRecusal(const DrawInput& input, const RecusalRequest& request,
                                   DrawResult* result);

}  // namespace zl::inspect
