// The digest of a draw's pool (random_draw.h, step 3), stored with the draw so that a stored
// or re-assembled pool can be checked against the one the draw used. It is independent of the
// seed and of the pool's order.
#pragma once

#include <span>
#include <string>

#include "base/result.h"
#include "inspect/random_draw.h"

namespace zl::inspect {

// 64 lower-case hex digits. Fails with InvalidArgument, field "pool", naming a USCC that is
// listed twice.
Result<std::string> PoolDigest(std::span<const PoolEntry> pool);

}  // namespace zl::inspect
