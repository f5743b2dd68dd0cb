// The traffic light rule at its edges.
#include "plan/task_lights.h"

#include <gtest/gtest.h>

namespace zl::plan {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

LightInput Task(const char* assigned, const char* deadline, int percent, bool closed = false) {
  return {D(assigned), D(deadline), percent, closed};
}

TEST(TaskLights, ClosedIsDoneEvenWhenLate) {
  LightVerdict v = LightOf(Task("2026-01-01", "2026-02-01", 100, true), D("2026-03-01"));
  EXPECT_EQ(v.light, Light::kDone);
}

TEST(TaskLights, RedTheDayAfterTheDeadline) {
  EXPECT_EQ(LightOf(Task("2026-01-01", "2026-02-01", 100), D("2026-02-01")).light, Light::kYellow);
  LightVerdict v = LightOf(Task("2026-01-01", "2026-02-01", 100), D("2026-02-04"));
  EXPECT_EQ(v.light, Light::kRed);
  EXPECT_EQ(v.days_left, -3);
  EXPECT_EQ(v.reason, "已超期3天");
}

TEST(TaskLights, YellowWithinTheWarningDays) {
  EXPECT_EQ(LightOf(Task("2026-01-01", "2026-03-01", 90), D("2026-02-19")).light,
            Light::kYellow);  // 10 days left
  EXPECT_EQ(LightOf(Task("2026-01-01", "2026-03-01", 90), D("2026-02-18")).light,
            Light::kGreen);  // 11 days left, on track
  LightPolicy tight{.warn_days = 3, .behind_points = 25};
  EXPECT_EQ(LightOf(Task("2026-01-01", "2026-03-01", 90), D("2026-02-19"), tight).light,
            Light::kGreen);
}

TEST(TaskLights, YellowWhenProgressLagsTheTimeUsed) {
  // 100 days, 60 used: 60 % of the time; 35 % is within 25 points, 34 % is not.
  EXPECT_EQ(LightOf(Task("2026-01-01", "2026-04-11", 35), D("2026-03-02")).light, Light::kGreen);
  LightVerdict v = LightOf(Task("2026-01-01", "2026-04-11", 34), D("2026-03-02"));
  EXPECT_EQ(v.light, Light::kYellow);
  EXPECT_EQ(v.reason, "进度34%落后于时间进度60%");
  // Reporting progress turns it green again.
  EXPECT_EQ(LightOf(Task("2026-01-01", "2026-04-11", 50), D("2026-03-02")).light, Light::kGreen);
}

TEST(TaskLights, NamesRoundTrip) {
  for (Light l : {Light::kGreen, Light::kYellow, Light::kRed, Light::kDone}) {
    EXPECT_EQ(*ParseLight(LightName(l)), l);
  }
  EXPECT_EQ(ParseLight("amber").status().field(), "light");
}

}  // namespace
}  // namespace zl::plan
