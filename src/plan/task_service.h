// Turning a plan into accountable work: storing a parsed plan (items, the department registry,
// targets), assigning items to supervision units, subdividing tasks, progress and completion
// reports with evidence, and the review that closes a task. Each function runs inside the
// caller's transaction and writes nothing when it fails; access follows the acting principal
// (a city sees and acts on its own unit's tasks only). See docs/PLAN.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.h"
#include "base/date.h"
#include "base/result.h"
#include "plan/plan_document.h"
#include "plan/task_lights.h"
#include "store/plan_tables.h"

namespace soci {
class session;
}

namespace zl::plan {

struct PlanSource {
  std::string name;    // the uploaded file's name
  std::string sha256;  // of its bytes
  int year = 0;        // 0 = the year in the title
};
// Stores `document` as a new plan; returns its id. InvalidArgument on "year" when neither the
// source nor the title gives a year, on "file" when the document has no items.
Result<std::int64_t> StorePlan(soci::session& sql, const PlanDocument& document,
                               const PlanSource& source, const std::string& actor,
                               const std::string& now);

// What the caller is told of a task that is unknown or outside its unit: NotFound for the
// province, PermissionDenied for a city, the same for both cases (as api::RequireRegion does),
// so that scope does not reveal what exists elsewhere.
Status TaskOutOfReach(const auth::Principal& actor);

struct TaskInput {
  std::int64_t item_id = 0;    // assign a plan item (the province) …
  std::int64_t parent_id = 0;  // … or subdivide a task (its unit or the province)
  std::string region_code;     // a supervision unit; a subtask stays in its parent's
  std::string title;           // "" = the item's (or parent's) title
  std::string lead_unit;
  std::vector<std::string> cooperating_units;
  std::string deadline;                     // YYYY-MM-DD, not in the past, not after the parent's
  std::int64_t target_id = 0;               // one of the item's targets (a subtask: the parent's)
  std::optional<double> target_value = {};  // the share; default the whole target
};
// Creates a task. InvalidArgument naming the field; NotFound for an unknown parent
// (PermissionDenied for a city: unknown and outside its unit look the same, as everywhere
// below); PermissionDenied when a city assigns a plan item;
// FailedPrecondition when the parent is closed.
Result<store::PlanTaskRow> CreateTask(soci::session& sql, const auth::Principal& actor,
                                      const TaskInput& input, Date today, const std::string& now);

struct Evidence {
  std::string name, content;
};
struct ReportInput {
  std::string kind;  // "progress" or "completion"
  int percent = 0;   // a completion report is 100
  std::string narrative;
  std::optional<double> achieved_value = {};  // only for a task with a target share
  std::vector<Evidence> evidence = {};
};
// Records a report by the task's unit. NotFound / PermissionDenied as above; FailedPrecondition
// on a closed task or one whose completion report awaits review; InvalidArgument naming the
// field (kind, percent — never below the last report —, narrative, achieved_value, evidence).
Result<store::PlanTaskRow> ReportOnTask(soci::session& sql, const auth::Principal& actor,
                                        std::int64_t task_id, const ReportInput& input, Date today,
                                        const std::string& now);

// Accepts ("accept": closes the task today) or returns ("return": reopens it; a reason is
// required) a completion report. Only the assigning level may: the province for a plan item's
// task, the parent's unit (or the province) for a subtask. FailedPrecondition when no
// completion report awaits review.
Result<store::PlanTaskRow> ReviewTask(soci::session& sql, const auth::Principal& actor,
                                      std::int64_t task_id, const std::string& decision,
                                      const std::string& reason, Date today,
                                      const std::string& now);

// A task as the console shows it: the row, where it comes from and its light.
struct TaskView {
  store::PlanTaskRow task;
  std::string plan_title, item_label, item_title;  // item_label "一（三）"
  std::optional<store::PlanTargetRow> target;
  LightVerdict light;
};
struct TaskQuery {
  store::PlanTaskFilter filter;
  std::optional<Light> light = {};
  std::int64_t plan_department = 0;  // tasks of items naming this registry department; 0 = all
};
// The tasks the actor may see that match, by deadline (a city: its own unit's only).
Result<std::vector<TaskView>> ListTaskViews(soci::session& sql, const auth::Principal& actor,
                                            const TaskQuery& query, Date today);
// One task in the actor's reach; nullopt when unknown or outside it.
Result<std::optional<TaskView>> FindTaskView(soci::session& sql, const auth::Principal& actor,
                                             std::int64_t id, Date today);

struct LightCounts {
  std::string key;  // region code or lead unit
  int green = 0, yellow = 0, red = 0, done = 0;
  int total() const { return green + yellow + red + done; }
};
struct Supervision {
  std::vector<LightCounts> by_region;      // every supervision unit in reach, in code order
  std::vector<LightCounts> by_department;  // by the task's lead unit, most red first
  // By the plan's responsible departments (the registry): a task counts for every department
  // its item names; most red first. `id` is the registry id.
  struct DepartmentCounts {
    std::int64_t id = 0;
    LightCounts counts;
  };
  std::vector<DepartmentCounts> by_plan_department;
  std::vector<TaskView> attention;  // red then yellow, by deadline
};
Result<Supervision> Supervise(soci::session& sql, const auth::Principal& actor,
                              std::int64_t plan_id, Date today);

}  // namespace zl::plan
