// Plans, tasks, reports and reviews (see task_service.h).
#include "plan/task_service.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "auth/crypto.h"
#include "auth/permissions.h"
#include "base/text.h"
#include "domain/region.h"

namespace zl::plan {

namespace {

constexpr size_t kMaxNameBytes = 200;          // a unit's or a task's name
constexpr size_t kMaxTextBytes = 8000;         // a narrative or a reason
constexpr size_t kMaxUnits = 50;               // cooperating units of one task
constexpr size_t kMaxEvidenceBytes = 8 << 20;  // one evidence file (its text, e.g. base64)
constexpr size_t kMaxEvidence = 10;            // files per report

Status CheckText(const std::string& value, const char* field, size_t max, bool required) {
  if (required && TrimSpace(value).empty()) return Status::InvalidArgument("is required", field);
  if (value.size() > max) {
    return Status::InvalidArgument("is longer than " + std::to_string(max) + " bytes", field);
  }
  return Status();
}

bool ProvinceWide(const auth::Principal& p) { return p.region_code.empty(); }

// The supervision unit `code` names, or InvalidArgument on "region_code".
Result<std::string> SupervisionUnit(const std::string& code) {
  ZL_ASSIGN_OR_RETURN(const domain::Region* region, domain::RegionRegistry::Hebei().Lookup(code));
  if (!region->is_supervision_unit()) {
    return Status::InvalidArgument(
        "must be a supervision unit (one of the 11 cities, 定州 or 辛集), not " + region->name_zh,
        "region_code");
  }
  return region->code;
}

Result<Date> ParseDay(const std::string& text, const char* field) {
  Result<Date> d = Date::Parse(text);
  if (!d.ok()) return Status::InvalidArgument(d.status().message(), field);
  return *d;
}

}  // namespace

Status TaskOutOfReach(const auth::Principal& actor) {
  if (actor.region_code.empty()) return Status::NotFound("no such task");
  return Status::PermissionDenied("this task is not one of your unit's");
}

Result<std::int64_t> StorePlan(soci::session& sql, const PlanDocument& document,
                               const PlanSource& source, const std::string& actor,
                               const std::string& now) {
  int year = source.year != 0 ? source.year : PlanYear(document).value_or(0);
  if (year < 1990 || year > 2100) {
    return Status::InvalidArgument(source.year != 0
                                       ? "must be between 1990 and 2100"
                                       : "the title names no year; give the plan's year",
                                   "year");
  }
  size_t item_count = 0;
  for (const PlanPart& part : document.parts) item_count += part.items.size();
  if (item_count == 0) return Status::InvalidArgument("the document has no items", "file");
  store::PlanRow plan{.title = document.title.empty() ? source.name : document.title,
                      .year = year,
                      .source_name = source.name,
                      .source_sha256 = source.sha256,
                      .warnings = JoinList(document.warnings, '\n'),
                      .imported_by = actor,
                      .imported_at = now};
  ZL_ASSIGN_OR_RETURN(plan.id, store::InsertPlan(sql, plan));
  std::int64_t position = 0;
  for (const PlanPart& part : document.parts) {
    for (const PlanItem& item : part.items) {
      store::PlanItemRow row{.plan_id = plan.id,
                             .position = ++position,
                             .part_number = part.number,
                             .part_title = part.title,
                             .number = item.number,
                             .title = item.title,
                             .measures = JoinList(item.measures, '\n')};
      if (item.lead_department) {
        ZL_ASSIGN_OR_RETURN(row.lead_department_id,
                            store::DepartmentId(sql, *item.lead_department, now));
      }
      ZL_ASSIGN_OR_RETURN(row.id, store::InsertPlanItem(sql, row));
      std::int64_t n = 0;
      for (const std::string& name : item.departments) {
        ZL_ASSIGN_OR_RETURN(std::int64_t department, store::DepartmentId(sql, name, now));
        ZL_RETURN_IF_ERROR(store::InsertItemDepartment(sql, {row.id, ++n, department, name}));
      }
      n = 0;
      for (const PlanTarget& t : item.targets) {
        ZL_RETURN_IF_ERROR(
            store::InsertPlanTarget(sql, {0, row.id, ++n, t.text, t.value, t.unit}).status());
      }
    }
  }
  return plan.id;
}

Result<store::PlanTaskRow> CreateTask(soci::session& sql, const auth::Principal& actor,
                                      const TaskInput& in, Date today, const std::string& now) {
  if ((in.item_id != 0) == (in.parent_id != 0)) {
    return Status::InvalidArgument("give either a plan item or a parent task", "item_id");
  }
  ZL_RETURN_IF_ERROR(CheckText(in.title, "title", kMaxNameBytes, false));
  ZL_RETURN_IF_ERROR(CheckText(in.lead_unit, "lead_unit", kMaxNameBytes, true));
  if (in.cooperating_units.size() > kMaxUnits) {
    return Status::InvalidArgument("at most " + std::to_string(kMaxUnits) + " units",
                                   "cooperating_units");
  }
  std::vector<std::string> cooperating;
  for (const std::string& unit : in.cooperating_units) {
    std::string name = TrimSpace(NormalizeNfkc(unit));
    ZL_RETURN_IF_ERROR(CheckText(name, "cooperating_units", kMaxNameBytes, true));
    if (std::find(cooperating.begin(), cooperating.end(), name) == cooperating.end()) {
      cooperating.push_back(name);
    }
  }
  ZL_ASSIGN_OR_RETURN(Date deadline, ParseDay(in.deadline, "deadline"));
  if (deadline < today) return Status::InvalidArgument("must not be in the past", "deadline");

  store::PlanTaskRow task{.lead_unit = TrimSpace(NormalizeNfkc(in.lead_unit)),
                          .cooperating_units = JoinList(cooperating, '\n'),
                          .deadline = deadline.ToString(),
                          .status = "open",
                          .assigned_on = today.ToString(),
                          .created_by = actor.ActorLabel(),
                          .created_at = now,
                          .updated_at = now};
  std::optional<store::PlanTargetRow> target;
  double target_left = 0;  // what a subtask may still take of its parent's share
  if (in.parent_id != 0) {
    ZL_ASSIGN_OR_RETURN(std::optional<store::PlanTaskRow> parent,
                        store::FindPlanTask(sql, in.parent_id));
    if (!parent || !actor.CoversRegion(parent->region_code)) return TaskOutOfReach(actor);
    if (parent->status == "closed") {
      return Status::FailedPrecondition("task " + std::to_string(parent->id) +
                                        " is closed and cannot be subdivided");
    }
    if (!in.region_code.empty() && in.region_code != parent->region_code) {
      return Status::InvalidArgument("a subtask stays in its parent's unit " + parent->region_code,
                                     "region_code");
    }
    if (deadline.ToString() > parent->deadline) {
      return Status::InvalidArgument("must not be after the parent task's " + parent->deadline,
                                     "deadline");
    }
    if (in.target_id != 0 && in.target_id != parent->target_id) {
      return Status::InvalidArgument("a subtask can only share its parent's target", "target_id");
    }
    task.plan_id = parent->plan_id;
    task.item_id = parent->item_id;
    task.parent_id = parent->id;
    task.region_code = parent->region_code;
    task.title = in.title.empty() ? parent->title : TrimSpace(in.title);
    if (in.target_value && parent->target_id != 0) {
      ZL_ASSIGN_OR_RETURN(double given, store::ChildTargetTotal(sql, parent->id));
      target_left = parent->target_value - given;
      task.target_id = parent->target_id;
      ZL_ASSIGN_OR_RETURN(target, store::FindPlanTarget(sql, parent->target_id));
    }
  } else {
    if (!ProvinceWide(actor)) {
      return Status::PermissionDenied(
          "only the province assigns plan items; a city subdivides its own tasks");
    }
    ZL_ASSIGN_OR_RETURN(std::optional<store::PlanItemRow> item,
                        store::FindPlanItem(sql, in.item_id));
    if (!item) return Status::InvalidArgument("no such plan item", "item_id");
    ZL_ASSIGN_OR_RETURN(task.region_code, SupervisionUnit(in.region_code));
    task.plan_id = item->plan_id;
    task.item_id = item->id;
    task.title = in.title.empty() ? item->title : TrimSpace(in.title);
    if (in.target_id != 0) {
      ZL_ASSIGN_OR_RETURN(target, store::FindPlanTarget(sql, in.target_id));
      if (!target || target->item_id != item->id) {
        return Status::InvalidArgument("is not a target of this item", "target_id");
      }
      task.target_id = target->id;
      target_left = target->value;
    }
  }
  if (in.target_value) {
    double v = *in.target_value;
    if (task.target_id == 0) {
      return Status::InvalidArgument("needs a target (target_id) to be a share of", "target_value");
    }
    if (!std::isfinite(v) || v <= 0) {
      return Status::InvalidArgument("must be a positive number", "target_value");
    }
    if (in.parent_id != 0 && v > target_left + 1e-9) {
      return Status::InvalidArgument(
          "is more than the parent task has left to give (" + std::to_string(target_left) + ")",
          "target_value");
    }
    task.target_value = v;
  } else if (target && in.parent_id == 0) {
    task.target_value = target->value;
  }
  ZL_ASSIGN_OR_RETURN(task.id, store::InsertPlanTask(sql, task));
  return task;
}

Result<store::PlanTaskRow> ReportOnTask(soci::session& sql, const auth::Principal& actor,
                                        std::int64_t task_id, const ReportInput& in, Date today,
                                        const std::string& now) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::PlanTaskRow> found, store::FindPlanTask(sql, task_id));
  if (!found || !actor.CoversRegion(found->region_code)) return TaskOutOfReach(actor);
  store::PlanTaskRow task = std::move(*found);
  if (task.status == "closed") return Status::FailedPrecondition("the task is closed");
  if (task.status == "completion_reported") {
    return Status::FailedPrecondition("its completion report awaits review");
  }
  const bool completion = in.kind == "completion";
  if (!completion && in.kind != "progress") {
    return Status::InvalidArgument("must be progress or completion", "kind");
  }
  int percent = completion ? 100 : in.percent;
  if (percent < 0 || percent > 100) {
    return Status::InvalidArgument("must be between 0 and 100", "percent");
  }
  if (percent < task.percent) {
    return Status::InvalidArgument(
        "must not be below the last reported " + std::to_string(task.percent) + "%", "percent");
  }
  ZL_RETURN_IF_ERROR(CheckText(in.narrative, "narrative", kMaxTextBytes, true));
  if (in.achieved_value) {
    if (task.target_value <= 0) {
      return Status::InvalidArgument("this task has no target to report against", "achieved_value");
    }
    if (!std::isfinite(*in.achieved_value) || *in.achieved_value < 0) {
      return Status::InvalidArgument("must be a number of at least 0", "achieved_value");
    }
    task.achieved_value = *in.achieved_value;
  }
  if (in.evidence.size() > kMaxEvidence) {
    return Status::InvalidArgument("at most " + std::to_string(kMaxEvidence) + " files per report",
                                   "evidence");
  }
  std::vector<store::EvidenceRow> evidence;
  for (const Evidence& e : in.evidence) {
    if (TrimSpace(e.name).empty() || e.content.empty()) {
      return Status::InvalidArgument("each file needs a name and content", "evidence");
    }
    if (e.content.size() > kMaxEvidenceBytes || e.name.size() > kMaxNameBytes) {
      return Status::InvalidArgument("a file is larger than 8 MiB or its name too long",
                                     "evidence");
    }
    evidence.push_back({task.id, 0, 0, e.name, e.content, auth::Sha256Hex(e.content)});
  }
  task.percent = percent;
  task.status = completion ? "completion_reported" : "open";
  task.updated_at = now;
  ZL_RETURN_IF_ERROR(store::InsertTaskReport(sql,
                                             {.task_id = task.id,
                                              .kind = in.kind,
                                              .percent = percent,
                                              .narrative = in.narrative,
                                              .achieved_value = task.achieved_value,
                                              .reported_by = actor.ActorLabel(),
                                              .reported_on = today.ToString(),
                                              .at = now},
                                             evidence)
                         .status());
  ZL_RETURN_IF_ERROR(store::UpdatePlanTaskProgress(sql, task));
  return task;
}

Result<store::PlanTaskRow> ReviewTask(soci::session& sql, const auth::Principal& actor,
                                      std::int64_t task_id, const std::string& decision,
                                      const std::string& reason, Date today,
                                      const std::string& now) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::PlanTaskRow> found, store::FindPlanTask(sql, task_id));
  if (!found || !actor.CoversRegion(found->region_code)) return TaskOutOfReach(actor);
  store::PlanTaskRow task = std::move(*found);
  const bool accept = decision == "accept";
  if (!accept && decision != "return") {
    return Status::InvalidArgument("must be accept or return", "decision");
  }
  ZL_RETURN_IF_ERROR(CheckText(reason, "reason", kMaxTextBytes, !accept));
  if (task.parent_id == 0 && !ProvinceWide(actor)) {
    return Status::PermissionDenied(
        "a plan item's task is reviewed by the province, which assigned it");
  }
  if (task.status != "completion_reported") {
    return Status::FailedPrecondition("no completion report awaits review");
  }
  task.status = accept ? "closed" : "open";
  task.closed_on = accept ? today.ToString() : "";
  if (!accept) {  // back to the last progress report's percent, so the unit reports again
    ZL_ASSIGN_OR_RETURN(std::vector<store::TaskReportRow> reports,
                        store::ListTaskReports(sql, task.id));
    task.percent = 0;
    for (const store::TaskReportRow& r : reports) {
      if (r.kind == "progress") task.percent = r.percent;
    }
  }
  task.updated_at = now;
  ZL_RETURN_IF_ERROR(store::InsertTaskReport(sql,
                                             {.task_id = task.id,
                                              .kind = accept ? "accepted" : "returned",
                                              .percent = task.percent,
                                              .narrative = reason,
                                              .achieved_value = task.achieved_value,
                                              .reported_by = actor.ActorLabel(),
                                              .reported_on = today.ToString(),
                                              .at = now},
                                             {})
                         .status());
  ZL_RETURN_IF_ERROR(store::UpdatePlanTaskProgress(sql, task));
  return task;
}

namespace {

// Reads each item, target and plan title once per call, however many tasks share them.
class TaskViewer {
 public:
  TaskViewer(soci::session& sql, Date today) : sql_(sql), today_(today) {}

  Result<TaskView> View(store::PlanTaskRow task) {
    TaskView v;
    ZL_ASSIGN_OR_RETURN(const store::PlanItemRow* item, Item(task.item_id));
    ZL_ASSIGN_OR_RETURN(v.plan_title, PlanTitle(task.plan_id));
    if (item != nullptr) {
      v.item_label = item->part_number + "（" + item->number + "）";
      v.item_title = item->title;
    }
    if (task.target_id != 0) {
      ZL_ASSIGN_OR_RETURN(v.target, Target(task.target_id));
    }
    Date assigned = Date::Parse(task.assigned_on).value_or(today_);
    Date deadline = Date::Parse(task.deadline).value_or(today_);
    v.light = LightOf({assigned, deadline, static_cast<int>(task.percent), task.status == "closed"},
                      today_);
    v.task = std::move(task);
    return v;
  }

 private:
  Result<const store::PlanItemRow*> Item(std::int64_t id) {
    auto it = items_.find(id);
    if (it == items_.end()) {
      ZL_ASSIGN_OR_RETURN(std::optional<store::PlanItemRow> row, store::FindPlanItem(sql_, id));
      it = items_.emplace(id, std::move(row)).first;
    }
    return it->second ? &*it->second : nullptr;
  }
  Result<std::optional<store::PlanTargetRow>> Target(std::int64_t id) {
    auto it = targets_.find(id);
    if (it == targets_.end()) {
      ZL_ASSIGN_OR_RETURN(std::optional<store::PlanTargetRow> row, store::FindPlanTarget(sql_, id));
      it = targets_.emplace(id, std::move(row)).first;
    }
    return it->second;
  }
  Result<std::string> PlanTitle(std::int64_t id) {
    auto it = plans_.find(id);
    if (it == plans_.end()) {
      ZL_ASSIGN_OR_RETURN(std::optional<store::PlanRow> row, store::FindPlan(sql_, id));
      it = plans_.emplace(id, row ? row->title : "").first;
    }
    return it->second;
  }

  soci::session& sql_;
  Date today_;
  std::map<std::int64_t, std::optional<store::PlanItemRow>> items_;
  std::map<std::int64_t, std::optional<store::PlanTargetRow>> targets_;
  std::map<std::int64_t, std::string> plans_;
};

}  // namespace

Result<std::vector<TaskView>> ListTaskViews(soci::session& sql, const auth::Principal& actor,
                                            const TaskQuery& query, Date today) {
  store::PlanTaskFilter filter = query.filter;
  if (!ProvinceWide(actor)) {
    if (!filter.region_code.empty() && filter.region_code != actor.region_code)
      return std::vector<TaskView>();
    filter.region_code = actor.region_code;
  }
  ZL_ASSIGN_OR_RETURN(std::vector<store::PlanTaskRow> rows, store::ListPlanTasks(sql, filter));
  std::set<std::int64_t> items_of_department;  // with query.plan_department
  if (query.plan_department != 0) {
    ZL_ASSIGN_OR_RETURN(std::vector<store::ItemDepartmentRow> named,
                        store::ListItemDepartments(sql));
    for (const store::ItemDepartmentRow& d : named) {
      if (d.department_id == query.plan_department) items_of_department.insert(d.item_id);
    }
  }
  TaskViewer viewer(sql, today);
  std::vector<TaskView> out;
  for (store::PlanTaskRow& row : rows) {
    if (query.plan_department != 0 && !items_of_department.contains(row.item_id)) continue;
    ZL_ASSIGN_OR_RETURN(TaskView v, viewer.View(std::move(row)));
    if (!query.light || v.light.light == *query.light) out.push_back(std::move(v));
  }
  return out;
}

Result<std::optional<TaskView>> FindTaskView(soci::session& sql, const auth::Principal& actor,
                                             std::int64_t id, Date today) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::PlanTaskRow> row, store::FindPlanTask(sql, id));
  if (!row || !actor.CoversRegion(row->region_code)) return std::optional<TaskView>();
  TaskViewer viewer(sql, today);
  ZL_ASSIGN_OR_RETURN(TaskView v, viewer.View(std::move(*row)));
  return std::optional<TaskView>(std::move(v));
}

Result<Supervision> Supervise(soci::session& sql, const auth::Principal& actor,
                              std::int64_t plan_id, Date today) {
  TaskQuery query;
  query.filter.plan_id = plan_id;
  ZL_ASSIGN_OR_RETURN(std::vector<TaskView> tasks, ListTaskViews(sql, actor, query, today));
  ZL_ASSIGN_OR_RETURN(std::vector<store::ItemDepartmentRow> named, store::ListItemDepartments(sql));
  std::multimap<std::int64_t, const store::ItemDepartmentRow*> item_departments;
  for (const store::ItemDepartmentRow& d : named) item_departments.emplace(d.item_id, &d);
  Supervision out;
  std::map<std::string, LightCounts> regions, departments;
  std::map<std::int64_t, Supervision::DepartmentCounts> plan_departments;
  for (const domain::Region* unit : domain::RegionRegistry::Hebei().SupervisionUnits()) {
    if (actor.CoversRegion(unit->code)) regions[unit->code].key = unit->code;
  }
  auto count = [](LightCounts& c, Light light) {
    switch (light) {
      case Light::kGreen:
        ++c.green;
        break;
      case Light::kYellow:
        ++c.yellow;
        break;
      case Light::kRed:
        ++c.red;
        break;
      case Light::kDone:
        ++c.done;
        break;
    }
  };
  for (TaskView& v : tasks) {
    LightCounts& region = regions[v.task.region_code];
    region.key = v.task.region_code;
    count(region, v.light.light);
    LightCounts& department = departments[v.task.lead_unit];
    department.key = v.task.lead_unit;
    count(department, v.light.light);
    auto [from, to] = item_departments.equal_range(v.task.item_id);
    for (auto it = from; it != to; ++it) {
      Supervision::DepartmentCounts& d = plan_departments[it->second->department_id];
      d.id = it->second->department_id;
      d.counts.key = it->second->name;
      count(d.counts, v.light.light);
    }
    if (v.light.light == Light::kRed || v.light.light == Light::kYellow) {
      out.attention.push_back(std::move(v));
    }
  }
  for (auto& [code, c] : regions) out.by_region.push_back(c);
  for (auto& [name, c] : departments) out.by_department.push_back(c);
  for (auto& [id, d] : plan_departments) out.by_plan_department.push_back(d);
  auto most_red_first = [](const LightCounts& a, const LightCounts& b) {
    return std::tie(b.red, b.yellow) < std::tie(a.red, a.yellow);
  };
  std::stable_sort(out.by_department.begin(), out.by_department.end(), most_red_first);
  std::stable_sort(
      out.by_plan_department.begin(), out.by_plan_department.end(),
      [&](const Supervision::DepartmentCounts& a, const Supervision::DepartmentCounts& b) {
        return most_red_first(a.counts, b.counts);
      });
  std::stable_sort(out.attention.begin(), out.attention.end(),
                   [](const TaskView& a, const TaskView& b) {
                     bool ar = a.light.light == Light::kRed, br = b.light.light == Light::kRed;
                     if (ar != br) return ar;
                     return a.task.deadline < b.task.deadline;
                   });
  return out;
}

}  // namespace zl::plan
