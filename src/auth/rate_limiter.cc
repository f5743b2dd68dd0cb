// Token buckets per key, with bounded memory.
#include "auth/rate_limiter.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace zl::auth {
namespace {

constexpr int kMaxRetryAfterSeconds = 24 * 3600;

}  // namespace

RateLimiter::RateLimiter(RateLimit limit, std::size_t max_keys)
    : limit_(limit), max_keys_(std::max<std::size_t>(max_keys, 1)) {}

double RateLimiter::Refilled(const Bucket& b, Clock::time_point now) const {
  if (now <= b.last) return b.tokens;  // a caller-supplied clock may step back
  const double elapsed = std::chrono::duration<double>(now - b.last).count();
  return std::min(limit_.burst, b.tokens + elapsed * limit_.per_second);
}

RateLimiter::Decision RateLimiter::Check(std::string_view key, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(std::string(key));
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_keys_) Evict(now);
    it = buckets_.emplace(std::string(key), Bucket{limit_.burst, now}).first;
  } else {
    it->second.tokens = Refilled(it->second, now);
    it->second.last = std::max(it->second.last, now);
  }
  Bucket& b = it->second;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return {true, 0};
  }
  if (limit_.per_second <= 0) return {false, kMaxRetryAfterSeconds};
  const double wait = std::ceil((1 - b.tokens) / limit_.per_second);
  return {false, static_cast<int>(std::clamp(wait, 1.0, double{kMaxRetryAfterSeconds}))};
}

std::size_t RateLimiter::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return buckets_.size();
}

void RateLimiter::Evict(Clock::time_point now) {
  std::erase_if(buckets_, [&](const auto& kv) { return Refilled(kv.second, now) >= limit_.burst; });
  // Still full of active keys (many clients, or an attack with many addresses): drop the
  // longest-idle quarter, so that the next sweep is max_keys/4 insertions away.
  if (buckets_.size() < max_keys_) return;
  std::vector<Clock::time_point> lasts;
  lasts.reserve(buckets_.size());
  for (const auto& kv : buckets_) lasts.push_back(kv.second.last);
  const std::size_t drop = std::max<std::size_t>(buckets_.size() - max_keys_ * 3 / 4, 1);
  std::nth_element(lasts.begin(), lasts.begin() + (drop - 1), lasts.end());
  const Clock::time_point cutoff = lasts[drop - 1];
  std::size_t dropped = 0;
  std::erase_if(buckets_, [&](const auto& kv) {
    if (dropped < drop && kv.second.last <= cutoff) {
      ++dropped;
      return true;
    }
    return false;
  });
}

}  // namespace zl::auth
