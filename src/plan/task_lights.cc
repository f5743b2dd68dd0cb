// The traffic light rule (see task_lights.h).
#include "plan/task_lights.h"

#include <algorithm>

namespace zl::plan {

LightVerdict LightOf(const LightInput& task, Date today, const LightPolicy& policy) {
  LightVerdict v;
  v.days_left = task.deadline.days_since_epoch - today.days_since_epoch;
  if (task.closed) {
    v.light = Light::kDone;
    v.reason = "已办结";
    return v;
  }
  if (v.days_left < 0) {
    v.light = Light::kRed;
    v.reason = "已超期" + std::to_string(-v.days_left) + "天";
    return v;
  }
  if (v.days_left <= policy.warn_days) {
    v.light = Light::kYellow;
    v.reason = v.days_left == 0 ? "今天到期" : "距期限还有" + std::to_string(v.days_left) + "天";
    return v;
  }
  const int span = task.deadline.days_since_epoch - task.assigned_on.days_since_epoch;
  const int used = today.days_since_epoch - task.assigned_on.days_since_epoch;
  const int time_share = span <= 0 ? 100 : std::clamp(used * 100 / span, 0, 100);
  if (task.percent + policy.behind_points < time_share) {
    v.light = Light::kYellow;
    v.reason = "进度" + std::to_string(task.percent) + "%落后于时间进度" +
               std::to_string(time_share) + "%";
    return v;
  }
  v.reason = "正常推进";
  return v;
}

std::string_view LightName(Light light) {
  switch (light) {
    case Light::kGreen:
      return "green";
    case Light::kYellow:
      return "yellow";
    case Light::kRed:
      return "red";
    case Light::kDone:
      return "done";
  }
  return "green";
}

Result<Light> ParseLight(std::string_view name) {
  for (Light l : {Light::kGreen, Light::kYellow, Light::kRed, Light::kDone}) {
    if (LightName(l) == name) return l;
  }
  return Status::InvalidArgument("must be green, yellow, red or done", "light");
}

}  // namespace zl::plan
