// The JSON form of a parsed plan, as `zhiliang plan parse --format json` prints it and
// `POST /api/v1/plan/parse` answers (docs/PLAN.md):
//   {"title": "…", "parts": [{"number": "一", "title": "…", "items": [{"number": "一",
//    "title": "…", "measures": ["…"], "departments": ["…"], "lead_department": "…" | null,
//    "targets": [{"text": "省级20家", "value": 20, "unit": "家"}]}]}], "warnings": ["…"]}
// A whole-number value is written as an integer (20, not 20.0).
#pragma once

#include <nlohmann/json.hpp>

#include "plan/plan_document.h"

namespace zl::plan {

// 20 rather than 20.0; 1.5 stays 1.5 (for every amount the plan API answers).
nlohmann::json JsonNumber(double value);

nlohmann::json PlanTargetToJson(const PlanTarget& target);
nlohmann::json PlanDocumentToJson(const PlanDocument& document);

}  // namespace zl::plan
