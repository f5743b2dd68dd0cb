// Tests for the token-bucket rate limiter, on a simulated clock.
#include "auth/rate_limiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace zl::auth {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
const RateLimiter::Clock::time_point kT0{};

TEST(RateLimiter, BurstThenDenyWithRetryAfter) {
  RateLimiter rl({.per_second = 0.1, .burst = 3});  // one request every 10 s
  for (int i = 0; i < 3; ++i) {
    RateLimiter::Decision d = rl.Check("1.2.3.4/login", kT0);
    EXPECT_TRUE(d.allowed) << i;
    EXPECT_EQ(d.retry_after_seconds, 0);
  }
  RateLimiter::Decision d = rl.Check("1.2.3.4/login", kT0);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.retry_after_seconds, 10);
  d = rl.Check("1.2.3.4/login", kT0 + seconds(4));
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.retry_after_seconds, 6);
  d = rl.Check("1.2.3.4/login", kT0 + milliseconds(9500));
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.retry_after_seconds, 1);  // rounded up, never 0 when refused
}

TEST(RateLimiter, RefillsOverTimeUpToBurst) {
  RateLimiter rl({.per_second = 1, .burst = 2});
  EXPECT_TRUE(rl.Check("k", kT0).allowed);
  EXPECT_TRUE(rl.Check("k", kT0).allowed);
  EXPECT_FALSE(rl.Check("k", kT0).allowed);
  EXPECT_TRUE(rl.Check("k", kT0 + seconds(1)).allowed);
  EXPECT_FALSE(rl.Check("k", kT0 + seconds(1)).allowed);
  // A long pause refills only up to the burst.
  const auto later = kT0 + seconds(1000);
  EXPECT_TRUE(rl.Check("k", later).allowed);
  EXPECT_TRUE(rl.Check("k", later).allowed);
  EXPECT_FALSE(rl.Check("k", later).allowed);
}

TEST(RateLimiter, ClockSteppingBackDoesNotRefill) {
  RateLimiter rl({.per_second = 1, .burst = 1});
  EXPECT_TRUE(rl.Check("k", kT0 + seconds(10)).allowed);
  EXPECT_FALSE(rl.Check("k", kT0).allowed);
  EXPECT_FALSE(rl.Check("k", kT0 + seconds(10)).allowed);
  EXPECT_TRUE(rl.Check("k", kT0 + seconds(11)).allowed);
}

TEST(RateLimiter, KeysAreIndependent) {
  RateLimiter rl({.per_second = 1, .burst = 1});
  EXPECT_TRUE(rl.Check("a", kT0).allowed);
  EXPECT_FALSE(rl.Check("a", kT0).allowed);
  EXPECT_TRUE(rl.Check("b", kT0).allowed);
  EXPECT_FALSE(rl.Check("b", kT0).allowed);
  EXPECT_EQ(rl.size(), 2u);
}

TEST(RateLimiter, MemoryIsBoundedAndIdleKeysGoFirst) {
  RateLimiter rl({.per_second = 1, .burst = 1}, /*max_keys=*/100);
  for (int i = 0; i < 100; ++i) rl.Check("idle" + std::to_string(i), kT0);
  EXPECT_EQ(rl.size(), 100u);
  // At +5 s the idle buckets are full again, so the sweep drops them all.
  EXPECT_TRUE(rl.Check("new", kT0 + seconds(5)).allowed);
  EXPECT_EQ(rl.size(), 1u);
  // All active at once: the longest-idle are dropped, the recent ones kept.
  RateLimiter busy({.per_second = 0.001, .burst = 1}, /*max_keys=*/100);
  for (int i = 0; i < 100; ++i) busy.Check("k" + std::to_string(i), kT0 + seconds(i));
  busy.Check("k-new", kT0 + seconds(100));
  EXPECT_LE(busy.size(), 76u);
  EXPECT_GE(busy.size(), 70u);
  EXPECT_FALSE(busy.Check("k99", kT0 + seconds(100)).allowed);  // recent: still limited
  for (int i = 0; i < 1000; ++i) busy.Check("more" + std::to_string(i), kT0 + seconds(200));
  EXPECT_LE(busy.size(), 100u);
}

TEST(RateLimiter, ConcurrentChecksNeverOverAdmit) {
  RateLimiter rl({.per_second = 0.0001, .burst = 50});
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) {
        if (rl.Check("shared", kT0).allowed) ++allowed;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(allowed.load(), 50);
}

}  // namespace
}  // namespace zl::auth
