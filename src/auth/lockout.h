// How long to refuse logins for an account after consecutive failed attempts. Pure policy:
// the login code counts failures (and resets the count on success) and stores the time until
// which the account is locked; this only turns a count into a delay.
#pragma once

#include <algorithm>
#include <chrono>

namespace zl::auth {

struct LockoutPolicy {
  int free_attempts = 5;  // failures allowed before any delay
  std::chrono::seconds base_delay{30};
  std::chrono::seconds max_delay{std::chrono::hours(1)};
};

// 0 while consecutive_failures < free_attempts; then base_delay, doubling with each further
// failure (5 → 30 s, 6 → 60 s, 7 → 120 s with the defaults), never more than max_delay.
inline std::chrono::seconds LockoutDelay(const LockoutPolicy& policy, int consecutive_failures) {
  if (consecutive_failures < policy.free_attempts) return std::chrono::seconds{0};
  if (policy.base_delay <= std::chrono::seconds{0}) return std::chrono::seconds{0};
  std::chrono::seconds delay = policy.base_delay;
  // Stops after at most ~log2(max/base) doublings, so no overflow for any failure count.
  for (int n = consecutive_failures - policy.free_attempts; n > 0 && delay < policy.max_delay;
       --n) {
    delay *= 2;
  }
  return std::min(delay, policy.max_delay);
}

}  // namespace zl::auth
