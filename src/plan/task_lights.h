// The traffic light of a supervised task (督查督办): green = on track, yellow = its deadline is
// near or its progress lags behind the time used, red = overdue, done = closed. The thresholds
// are a policy (our choice, [I] in the domain notes), not fixed in the rule.
#pragma once

#include <string>
#include <string_view>

#include "base/date.h"
#include "base/result.h"

namespace zl::plan {

enum class Light { kGreen, kYellow, kRed, kDone };

struct LightPolicy {
  int warn_days = 10;      // yellow when the deadline is this many days away or fewer
  int behind_points = 25;  // yellow when progress lags the share of time used by more
};

struct LightInput {
  Date assigned_on, deadline;
  int percent = 0;
  bool closed = false;
};

struct LightVerdict {
  Light light = Light::kGreen;
  int days_left = 0;   // deadline − today (negative when overdue)
  std::string reason;  // in Chinese, for the worklist: "已超期3天", "距期限还有5天", …
};

// Red when not closed and today is after the deadline; yellow when not closed and the deadline
// is within policy.warn_days, or when the percent is more than policy.behind_points below the
// share of the assigned_on…deadline span already used; done when closed; else green.
LightVerdict LightOf(const LightInput& task, Date today, const LightPolicy& policy = {});

std::string_view LightName(Light light);  // "green", "yellow", "red", "done"
// The inverse; InvalidArgument on the field "light" for anything else.
Result<Light> ParseLight(std::string_view name);

}  // namespace zl::plan
