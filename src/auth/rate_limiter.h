// A token-bucket rate limiter keyed by a string, for login attempts and other endpoints a
// client could hammer. Each key (e.g. client address + "/" + bucket name) has a bucket of up
// to `burst` tokens refilled at `per_second`; a request takes one token or is refused with
// the number of seconds until one is back (for a Retry-After header). Thread-safe (one
// mutex: a check is a hash lookup and a few additions). Memory is bounded: past `max_keys`
// keys, buckets that have refilled completely are dropped (a full bucket is what a new key
// gets anyway), and if that is not enough the longest-idle ones go too.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace zl::auth {

struct RateLimit {
  double per_second = 1;  // refill rate; > 0
  double burst = 5;       // bucket size: requests allowed at once; >= 1
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RateLimiter(RateLimit limit, std::size_t max_keys = 100'000);

  struct Decision {
    bool allowed = true;
    int retry_after_seconds = 0;  // 0 when allowed; otherwise at least 1
  };
  Decision Check(std::string_view key, Clock::time_point now = Clock::now());

  // Keys currently tracked.
  std::size_t size() const;

 private:
  struct Bucket {
    double tokens;
    Clock::time_point last;
  };
  double Refilled(const Bucket& b, Clock::time_point now) const;
  void Evict(Clock::time_point now);  // requires mu_

  const RateLimit limit_;
  const std::size_t max_keys_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace zl::auth
