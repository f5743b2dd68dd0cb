// Tests for the failed-login lockout delays.
#include "auth/lockout.h"

#include <gtest/gtest.h>

namespace zl::auth {
namespace {

using std::chrono::seconds;

TEST(Lockout, DefaultPolicy) {
  const LockoutPolicy p;
  for (int f = 0; f < 5; ++f) EXPECT_EQ(LockoutDelay(p, f), seconds(0)) << f;
  EXPECT_EQ(LockoutDelay(p, 5), seconds(30));
  EXPECT_EQ(LockoutDelay(p, 6), seconds(60));
  EXPECT_EQ(LockoutDelay(p, 7), seconds(120));
  EXPECT_EQ(LockoutDelay(p, 11), seconds(1920));
  EXPECT_EQ(LockoutDelay(p, 12), seconds(3600));  // 3840 capped at an hour
  EXPECT_EQ(LockoutDelay(p, 1000), seconds(3600));
  EXPECT_EQ(LockoutDelay(p, 2147483647), seconds(3600));
  EXPECT_EQ(LockoutDelay(p, -1), seconds(0));
}

TEST(Lockout, CustomPolicy) {
  const LockoutPolicy p{.free_attempts = 0, .base_delay = seconds(1), .max_delay = seconds(5)};
  EXPECT_EQ(LockoutDelay(p, 0), seconds(1));
  EXPECT_EQ(LockoutDelay(p, 1), seconds(2));
  EXPECT_EQ(LockoutDelay(p, 2), seconds(4));
  EXPECT_EQ(LockoutDelay(p, 3), seconds(5));
  const LockoutPolicy none{.free_attempts = 3, .base_delay = seconds(0), .max_delay = seconds(5)};
  EXPECT_EQ(LockoutDelay(none, 100), seconds(0));
}

}  // namespace
}  // namespace zl::auth
