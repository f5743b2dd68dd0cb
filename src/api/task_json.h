// The JSON of action plans, tasks, their reports and the supervision summary, as
// docs/PLAN.md ("HTTP API") specifies it.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "plan/task_service.h"
#include "store/plan_tables.h"

namespace zl::api {

// A plan in the list: id, title, year, source, imported at/by, item and task counts.
nlohmann::json PlanSummaryToJson(const store::PlanRow& plan);
// The summary plus source_sha256, warnings and the tree of parts and items.
nlohmann::json PlanToJson(const store::PlanRow& plan, const store::PlanContent& content);
nlohmann::json TaskToJson(const plan::TaskView& view);
// The reports in order, each with its evidence files (name, sha256, size; not the content);
// achieved_value is null for a task without a target.
nlohmann::json ReportsToJson(const std::vector<store::TaskReportRow>& reports,
                             const std::vector<store::EvidenceInfo>& evidence, bool has_target);
nlohmann::json SupervisionToJson(const plan::Supervision& supervision, Date as_of);

}  // namespace zl::api
