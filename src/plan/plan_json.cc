// Building the JSON of plan_json.h.
#include "plan/plan_json.h"

#include <cmath>
#include <cstdint>

namespace zl::plan {

nlohmann::json JsonNumber(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15) {
    return static_cast<std::int64_t>(v);
  }
  return v;
}

nlohmann::json PlanTargetToJson(const PlanTarget& target) {
  return {{"text", target.text}, {"value", JsonNumber(target.value)}, {"unit", target.unit}};
}

nlohmann::json PlanDocumentToJson(const PlanDocument& document) {
  nlohmann::json parts = nlohmann::json::array();
  for (const PlanPart& part : document.parts) {
    nlohmann::json items = nlohmann::json::array();
    for (const PlanItem& item : part.items) {
      nlohmann::json targets = nlohmann::json::array();
      for (const PlanTarget& t : item.targets) targets.push_back(PlanTargetToJson(t));
      items.push_back({
          {"number", item.number},
          {"title", item.title},
          {"measures", item.measures},
          {"departments", item.departments},
          {"lead_department",
           item.lead_department ? nlohmann::json(*item.lead_department) : nlohmann::json()},
          {"targets", std::move(targets)},
      });
    }
    parts.push_back({{"number", part.number}, {"title", part.title}, {"items", std::move(items)}});
  }
  return {{"title", document.title}, {"parts", std::move(parts)}, {"warnings", document.warnings}};
}

}  // namespace zl::plan
