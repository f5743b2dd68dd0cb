// The action-plan tables of migration 0011 that hold plans and their tasks: the department
// registry, imported plans with their items and targets, tasks, and the reports on tasks with
// their evidence files. Session-level functions for use inside Database::Read/Write; the rules
// (who may assign, what a report may say, the traffic light) are plan/task_service.h. Ids of
// "none" (no parent task, no target, no lead department) are stored as 0.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.h"

namespace soci {
class session;
}

namespace zl::store {

// The id of the department called `name`, adding it to the registry when it is new.
Result<std::int64_t> DepartmentId(soci::session& sql, const std::string& name,
                                  const std::string& now);

struct DepartmentRow {
  std::int64_t id = 0;
  std::string name = {};
  std::int64_t item_count = 0;  // items naming it
  std::int64_t lead_count = 0;  // items it leads
};
// By name.
Result<std::vector<DepartmentRow>> ListDepartments(soci::session& sql);

struct PlanRow {
  std::int64_t id = 0;
  std::string title = {};
  std::int64_t year = 0;
  std::string source_name = {}, source_sha256 = {};
  std::string warnings = {};  // one per line
  std::string imported_by = {}, imported_at = {};
  std::int64_t item_count = 0, task_count = 0;  // filled by ListPlans and FindPlan
};
Result<std::int64_t> InsertPlan(soci::session& sql, const PlanRow& row);
Result<std::optional<PlanRow>> FindPlan(soci::session& sql, std::int64_t id);
// Newest first.
Result<std::vector<PlanRow>> ListPlans(soci::session& sql);

struct PlanItemRow {
  std::int64_t id = 0, plan_id = 0, position = 0;
  std::string part_number = {}, part_title = {}, number = {}, title = {};
  std::string measures = {};  // one per line
  std::int64_t lead_department_id = 0;
};
struct ItemDepartmentRow {
  std::int64_t item_id = 0, position = 0, department_id = 0;
  std::string name = {};
};
struct PlanTargetRow {
  std::int64_t id = 0, item_id = 0, position = 0;
  std::string text = {};
  double value = 0;
  std::string unit = {};
};
Result<std::int64_t> InsertPlanItem(soci::session& sql, const PlanItemRow& row);
Status InsertItemDepartment(soci::session& sql, const ItemDepartmentRow& row);
Result<std::int64_t> InsertPlanTarget(soci::session& sql, const PlanTargetRow& row);

// A plan's items in document order, their departments and their targets (each in order).
struct PlanContent {
  std::vector<PlanItemRow> items;
  std::vector<ItemDepartmentRow> departments;
  std::vector<PlanTargetRow> targets;
  std::map<std::int64_t, std::int64_t> task_counts;  // item id → its tasks (all levels)
};
Result<PlanContent> ReadPlanContent(soci::session& sql, std::int64_t plan_id);
// The departments of every item of every plan, by item and position.
Result<std::vector<ItemDepartmentRow>> ListItemDepartments(soci::session& sql);
Result<std::optional<PlanItemRow>> FindPlanItem(soci::session& sql, std::int64_t id);
Result<std::optional<PlanTargetRow>> FindPlanTarget(soci::session& sql, std::int64_t id);

struct PlanTaskRow {
  std::int64_t id = 0, plan_id = 0, item_id = 0, parent_id = 0;
  std::string region_code = {}, title = {}, lead_unit = {};
  std::string cooperating_units = {};  // one per line
  std::string deadline = {};           // YYYY-MM-DD
  std::int64_t target_id = 0;
  double target_value = 0, achieved_value = 0;  // 0 = no share of a target / nothing yet
  std::int64_t percent = 0;
  std::string status = {};  // open, completion_reported, closed
  std::string assigned_on = {}, closed_on = {};
  std::string created_by = {}, created_at = {}, updated_at = {};
  std::int64_t subtask_count = 0;  // filled when read
};
Result<std::int64_t> InsertPlanTask(soci::session& sql, const PlanTaskRow& row);
// Writes the fields a report or review changes: achieved_value, percent, status, closed_on,
// updated_at.
Status UpdatePlanTaskProgress(soci::session& sql, const PlanTaskRow& row);
Result<std::optional<PlanTaskRow>> FindPlanTask(soci::session& sql, std::int64_t id);

struct PlanTaskFilter {
  std::int64_t plan_id = 0;                    // 0 = every plan
  std::string region_code = {};                // "" = every unit
  std::optional<std::int64_t> parent_id = {};  // 0 = top-level tasks only
  std::vector<std::string> statuses = {};      // empty = every status
  std::string lead_unit = {};                  // "" = every lead unit
};
// By deadline, then id.
Result<std::vector<PlanTaskRow>> ListPlanTasks(soci::session& sql, const PlanTaskFilter& filter);
// The target value already given to the children of task `parent_id`.
Result<double> ChildTargetTotal(soci::session& sql, std::int64_t parent_id);

struct TaskReportRow {
  std::int64_t task_id = 0, seq = 0;
  std::string kind = {};  // progress, completion, accepted, returned
  std::int64_t percent = 0;
  std::string narrative = {};
  double achieved_value = 0;
  std::string reported_by = {}, reported_on = {}, at = {};
};
struct EvidenceRow {
  std::int64_t task_id = 0, report_seq = 0, position = 0;
  std::string name = {}, content = {}, sha256 = {};
};
// The report's seq is one more than the task's last; returns it. The evidence gets it too.
Result<std::int64_t> InsertTaskReport(soci::session& sql, TaskReportRow report,
                                      std::span<const EvidenceRow> evidence);
// In order.
Result<std::vector<TaskReportRow>> ListTaskReports(soci::session& sql, std::int64_t task_id);
// Every evidence file of the task, by report and position, for listings: the content is left
// empty and its size is in `content_size` (FindEvidence reads one file whole).
struct EvidenceInfo {
  EvidenceRow row;
  std::int64_t content_size = 0;
};
Result<std::vector<EvidenceInfo>> ListTaskEvidence(soci::session& sql, std::int64_t task_id);
Result<std::optional<EvidenceRow>> FindEvidence(soci::session& sql, std::int64_t task_id,
                                                std::int64_t report_seq, std::int64_t position);

}  // namespace zl::store
