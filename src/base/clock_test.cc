#include "base/clock.h"

#include <gtest/gtest.h>

namespace zl {
namespace {

TEST(Clock, RoundTripsIsoUtc) {
  auto t = ParseIsoUtc("2026-02-28T23:59:07Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(IsoUtc(*t), "2026-02-28T23:59:07Z");
  EXPECT_EQ(IsoUtc(*t + std::chrono::seconds(53)), "2026-03-01T00:00:00Z");
  EXPECT_EQ(NowIsoUtc().size(), 20u);
}

TEST(Clock, RejectsOtherForms) {
  EXPECT_FALSE(ParseIsoUtc("2026-02-28 23:59:07").ok());
  EXPECT_FALSE(ParseIsoUtc("2026-02-30T00:00:00Z").ok());
  EXPECT_FALSE(ParseIsoUtc("2026-02-28T24:00:00Z").ok());
  EXPECT_FALSE(ParseIsoUtc("").ok());
}

}  // namespace
}  // namespace zl
