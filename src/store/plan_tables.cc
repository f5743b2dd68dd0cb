// The action-plan tables (see plan_tables.h).
#include "store/plan_tables.h"

#include <soci/soci.h>

namespace zl::store {

namespace {

constexpr const char* kPlanColumns =
    "p.id, p.title, p.year, p.source_name, p.source_sha256, p.warnings, p.imported_by, "
    "p.imported_at, (SELECT COUNT(*) FROM plan_item i WHERE i.plan_id = p.id), "
    "(SELECT COUNT(*) FROM plan_task t WHERE t.plan_id = p.id)";

std::vector<PlanRow> FetchPlans(soci::session& sql, const std::string& where) {
  PlanRow r;
  long long id = 0, year = 0, items = 0, tasks = 0;
  soci::statement st =
      (sql.prepare << std::string("SELECT ") + kPlanColumns + " FROM action_plan p" + where,
       soci::into(id), soci::into(r.title), soci::into(year), soci::into(r.source_name),
       soci::into(r.source_sha256), soci::into(r.warnings), soci::into(r.imported_by),
       soci::into(r.imported_at), soci::into(items), soci::into(tasks));
  st.execute();
  std::vector<PlanRow> out;
  while (st.fetch()) {
    r.id = id;
    r.year = year;
    r.item_count = items;
    r.task_count = tasks;
    out.push_back(r);
  }
  return out;
}

std::vector<PlanItemRow> FetchItems(soci::session& sql, const std::string& where) {
  PlanItemRow r;
  long long id = 0, plan_id = 0, position = 0, lead = 0;
  soci::statement st =
      (sql.prepare << "SELECT id, plan_id, position, part_number, part_title, number, title, "
                      "measures, lead_department_id FROM plan_item " +
                          where,
       soci::into(id), soci::into(plan_id), soci::into(position), soci::into(r.part_number),
       soci::into(r.part_title), soci::into(r.number), soci::into(r.title), soci::into(r.measures),
       soci::into(lead));
  st.execute();
  std::vector<PlanItemRow> out;
  while (st.fetch()) {
    r.id = id;
    r.plan_id = plan_id;
    r.position = position;
    r.lead_department_id = lead;
    out.push_back(r);
  }
  return out;
}

std::vector<PlanTargetRow> FetchTargets(soci::session& sql, const std::string& where) {
  PlanTargetRow r;
  long long id = 0, item_id = 0, position = 0;
  soci::statement st =
      (sql.prepare << "SELECT t.id, t.item_id, t.position, t.text, t.value, t.unit "
                      "FROM plan_target t " +
                          where,
       soci::into(id), soci::into(item_id), soci::into(position), soci::into(r.text),
       soci::into(r.value), soci::into(r.unit));
  st.execute();
  std::vector<PlanTargetRow> out;
  while (st.fetch()) {
    r.id = id;
    r.item_id = item_id;
    r.position = position;
    out.push_back(r);
  }
  return out;
}

constexpr const char* kTaskColumns =
    "t.id, t.plan_id, t.item_id, t.parent_id, t.region_code, t.title, t.lead_unit, "
    "t.cooperating_units, t.deadline, t.target_id, t.target_value, t.achieved_value, t.percent, "
    "t.status, t.assigned_on, t.closed_on, t.created_by, t.created_at, t.updated_at, "
    "(SELECT COUNT(*) FROM plan_task c WHERE c.parent_id = t.id)";

// Runs `where` (after "FROM plan_task t") with the text parameters bound in order.
std::vector<PlanTaskRow> FetchPlanTasks(soci::session& sql, const std::string& where,
                                        std::vector<std::string> params) {
  PlanTaskRow r;
  long long id = 0, plan_id = 0, item_id = 0, parent_id = 0, target_id = 0, percent = 0,
            subtasks = 0;
  soci::statement st(sql);
  for (long long* f : {&id, &plan_id, &item_id, &parent_id}) st.exchange(soci::into(*f));
  for (std::string* f :
       {&r.region_code, &r.title, &r.lead_unit, &r.cooperating_units, &r.deadline}) {
    st.exchange(soci::into(*f));
  }
  st.exchange(soci::into(target_id));
  st.exchange(soci::into(r.target_value));
  st.exchange(soci::into(r.achieved_value));
  st.exchange(soci::into(percent));
  for (std::string* f :
       {&r.status, &r.assigned_on, &r.closed_on, &r.created_by, &r.created_at, &r.updated_at}) {
    st.exchange(soci::into(*f));
  }
  st.exchange(soci::into(subtasks));
  for (std::string& p : params) st.exchange(soci::use(p));
  st.alloc();
  st.prepare(std::string("SELECT ") + kTaskColumns + " FROM plan_task t " + where);
  st.define_and_bind();
  st.execute(false);
  std::vector<PlanTaskRow> out;
  while (st.fetch()) {
    r.id = id;
    r.plan_id = plan_id;
    r.item_id = item_id;
    r.parent_id = parent_id;
    r.target_id = target_id;
    r.percent = percent;
    r.subtask_count = subtasks;
    out.push_back(r);
  }
  return out;
}

// plan_item_department joined with the department's name and filtered by `where` (on plan_item
// i), by item and position.
Result<std::vector<ItemDepartmentRow>> FetchItemDepartments(soci::session& sql,
                                                            const std::string& where) {
  ItemDepartmentRow r;
  long long item = 0, position = 0, department = 0;
  soci::statement st =
      (sql.prepare << "SELECT x.item_id, x.position, x.department_id, d.name "
                      "FROM plan_item_department x JOIN plan_item i ON i.id = x.item_id "
                      "JOIN plan_department d ON d.id = x.department_id " +
                          where + " ORDER BY x.item_id, x.position",
       soci::into(item), soci::into(position), soci::into(department), soci::into(r.name));
  st.execute();
  std::vector<ItemDepartmentRow> out;
  while (st.fetch()) {
    r.item_id = item;
    r.position = position;
    r.department_id = department;
    out.push_back(r);
  }
  return out;
}

template <typename T>
std::optional<T> First(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace

Result<std::int64_t> DepartmentId(soci::session& sql, const std::string& name,
                                  const std::string& now) {
  long long id = 0;
  soci::indicator found = soci::i_null;
  sql << "SELECT id FROM plan_department WHERE name = :n", soci::use(name), soci::into(id, found);
  if (sql.got_data() && found == soci::i_ok) return static_cast<std::int64_t>(id);
  sql << "INSERT INTO plan_department (name, created_at) VALUES (:n, :at) RETURNING id",
      soci::use(name), soci::use(now), soci::into(id);
  return static_cast<std::int64_t>(id);
}

Result<std::vector<DepartmentRow>> ListDepartments(soci::session& sql) {
  DepartmentRow r;
  long long id = 0, items = 0, leads = 0;
  soci::statement st =
      (sql.prepare << "SELECT d.id, d.name, "
                      "(SELECT COUNT(DISTINCT item_id) FROM plan_item_department x "
                      "WHERE x.department_id = d.id), "
                      "(SELECT COUNT(*) FROM plan_item i WHERE i.lead_department_id = d.id) "
                      "FROM plan_department d ORDER BY d.name",
       soci::into(id), soci::into(r.name), soci::into(items), soci::into(leads));
  st.execute();
  std::vector<DepartmentRow> out;
  while (st.fetch()) {
    r.id = id;
    r.item_count = items;
    r.lead_count = leads;
    out.push_back(r);
  }
  return out;
}

Result<std::int64_t> InsertPlan(soci::session& sql, const PlanRow& r) {
  long long id = 0, year = r.year;
  sql << "INSERT INTO action_plan (title, year, source_name, source_sha256, warnings, "
         "imported_by, imported_at) VALUES (:t, :y, :n, :sha, :w, :by, :at) RETURNING id",
      soci::use(r.title), soci::use(year), soci::use(r.source_name), soci::use(r.source_sha256),
      soci::use(r.warnings), soci::use(r.imported_by), soci::use(r.imported_at), soci::into(id);
  return static_cast<std::int64_t>(id);
}

Result<std::optional<PlanRow>> FindPlan(soci::session& sql, std::int64_t id) {
  return First(FetchPlans(sql, " WHERE p.id = " + std::to_string(id)));
}

Result<std::vector<PlanRow>> ListPlans(soci::session& sql) {
  return FetchPlans(sql, " ORDER BY p.id DESC");
}

Result<std::int64_t> InsertPlanItem(soci::session& sql, const PlanItemRow& r) {
  long long id = 0, plan_id = r.plan_id, position = r.position, lead = r.lead_department_id;
  sql << "INSERT INTO plan_item (plan_id, position, part_number, part_title, number, title, "
         "measures, lead_department_id) VALUES (:p, :pos, :pn, :pt, :n, :t, :m, :lead) "
         "RETURNING id",
      soci::use(plan_id), soci::use(position), soci::use(r.part_number), soci::use(r.part_title),
      soci::use(r.number), soci::use(r.title), soci::use(r.measures), soci::use(lead),
      soci::into(id);
  return static_cast<std::int64_t>(id);
}

Status InsertItemDepartment(soci::session& sql, const ItemDepartmentRow& r) {
  long long item = r.item_id, position = r.position, department = r.department_id;
  sql << "INSERT INTO plan_item_department (item_id, position, department_id) "
         "VALUES (:i, :p, :d)",
      soci::use(item), soci::use(position), soci::use(department);
  return Status();
}

Result<std::int64_t> InsertPlanTarget(soci::session& sql, const PlanTargetRow& r) {
  long long id = 0, item = r.item_id, position = r.position;
  double value = r.value;
  sql << "INSERT INTO plan_target (item_id, position, text, value, unit) "
         "VALUES (:i, :p, :t, :v, :u) RETURNING id",
      soci::use(item), soci::use(position), soci::use(r.text), soci::use(value), soci::use(r.unit),
      soci::into(id);
  return static_cast<std::int64_t>(id);
}

Result<PlanContent> ReadPlanContent(soci::session& sql, std::int64_t plan_id) {
  PlanContent out;
  std::string plan = std::to_string(plan_id);
  out.items = FetchItems(sql, "WHERE plan_id = " + plan + " ORDER BY position");
  out.targets = FetchTargets(sql, "JOIN plan_item i ON i.id = t.item_id WHERE i.plan_id = " + plan +
                                      " ORDER BY t.item_id, t.position");
  ZL_ASSIGN_OR_RETURN(out.departments, FetchItemDepartments(sql, "WHERE i.plan_id = " + plan));
  long long item = 0, count = 0;
  soci::statement st =
      (sql.prepare << "SELECT item_id, COUNT(*) FROM plan_task WHERE plan_id = " + plan +
                          " GROUP BY item_id",
       soci::into(item), soci::into(count));
  st.execute();
  while (st.fetch()) out.task_counts[item] = count;
  return out;
}

Result<std::vector<ItemDepartmentRow>> ListItemDepartments(soci::session& sql) {
  return FetchItemDepartments(sql, "");
}

Result<std::optional<PlanItemRow>> FindPlanItem(soci::session& sql, std::int64_t id) {
  return First(FetchItems(sql, "WHERE id = " + std::to_string(id)));
}

Result<std::optional<PlanTargetRow>> FindPlanTarget(soci::session& sql, std::int64_t id) {
  return First(FetchTargets(sql, "WHERE t.id = " + std::to_string(id)));
}

Result<std::int64_t> InsertPlanTask(soci::session& sql, const PlanTaskRow& r) {
  long long id = 0, plan_id = r.plan_id, item_id = r.item_id, parent_id = r.parent_id,
            target_id = r.target_id, percent = r.percent;
  double target_value = r.target_value, achieved_value = r.achieved_value;
  sql << "INSERT INTO plan_task (plan_id, item_id, parent_id, region_code, title, lead_unit, "
         "cooperating_units, deadline, target_id, target_value, achieved_value, percent, "
         "status, assigned_on, closed_on, created_by, created_at, updated_at) VALUES (:p, :i, "
         ":parent, :r, :t, :lead, :co, :d, :tid, :tv, :av, :pct, :s, :on, :closed, :by, :at, "
         ":up) RETURNING id",
      soci::use(plan_id), soci::use(item_id), soci::use(parent_id), soci::use(r.region_code),
      soci::use(r.title), soci::use(r.lead_unit), soci::use(r.cooperating_units),
      soci::use(r.deadline), soci::use(target_id), soci::use(target_value),
      soci::use(achieved_value), soci::use(percent), soci::use(r.status), soci::use(r.assigned_on),
      soci::use(r.closed_on), soci::use(r.created_by), soci::use(r.created_at),
      soci::use(r.updated_at), soci::into(id);
  return static_cast<std::int64_t>(id);
}

Status UpdatePlanTaskProgress(soci::session& sql, const PlanTaskRow& r) {
  long long id = r.id, percent = r.percent;
  double achieved = r.achieved_value;
  sql << "UPDATE plan_task SET achieved_value = :a, percent = :p, status = :s, closed_on = :c, "
         "updated_at = :u WHERE id = :id",
      soci::use(achieved), soci::use(percent), soci::use(r.status), soci::use(r.closed_on),
      soci::use(r.updated_at), soci::use(id);
  return Status();
}

Result<std::optional<PlanTaskRow>> FindPlanTask(soci::session& sql, std::int64_t id) {
  return First(FetchPlanTasks(sql, "WHERE t.id = " + std::to_string(id), {}));
}

Result<std::vector<PlanTaskRow>> ListPlanTasks(soci::session& sql, const PlanTaskFilter& f) {
  std::string where = "WHERE 1 = 1";
  std::vector<std::string> params;
  if (f.plan_id != 0) where += " AND t.plan_id = " + std::to_string(f.plan_id);
  if (f.parent_id) where += " AND t.parent_id = " + std::to_string(*f.parent_id);
  if (!f.region_code.empty()) {
    where += " AND t.region_code = :r";
    params.push_back(f.region_code);
  }
  if (!f.lead_unit.empty()) {
    where += " AND t.lead_unit = :lead";
    params.push_back(f.lead_unit);
  }
  if (!f.statuses.empty()) {
    where += " AND t.status IN (";
    for (size_t i = 0; i < f.statuses.size(); ++i) {
      where += (i ? ", :s" : ":s") + std::to_string(i);
      params.push_back(f.statuses[i]);
    }
    where += ")";
  }
  return FetchPlanTasks(sql, where + " ORDER BY t.deadline, t.id", std::move(params));
}

Result<double> ChildTargetTotal(soci::session& sql, std::int64_t parent_id) {
  long long parent = parent_id;
  double total = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT SUM(target_value) FROM plan_task WHERE parent_id = :p", soci::use(parent),
      soci::into(total, ind);
  return ind == soci::i_ok ? total : 0.0;
}

Result<std::int64_t> InsertTaskReport(soci::session& sql, TaskReportRow r,
                                      std::span<const EvidenceRow> evidence) {
  long long task = r.task_id, seq = 0, percent = r.percent;
  double achieved = r.achieved_value;
  sql << "SELECT COALESCE(MAX(seq), 0) + 1 FROM plan_report WHERE task_id = :t", soci::use(task),
      soci::into(seq);
  sql << "INSERT INTO plan_report (task_id, seq, kind, percent, narrative, achieved_value, "
         "reported_by, reported_on, at) VALUES (:t, :seq, :k, :p, :n, :a, :by, :on, :at)",
      soci::use(task), soci::use(seq), soci::use(r.kind), soci::use(percent),
      soci::use(r.narrative), soci::use(achieved), soci::use(r.reported_by),
      soci::use(r.reported_on), soci::use(r.at);
  long long position = 0;
  for (const EvidenceRow& e : evidence) {
    ++position;
    sql << "INSERT INTO plan_evidence (task_id, report_seq, position, name, content, sha256) "
           "VALUES (:t, :seq, :pos, :n, :c, :sha)",
        soci::use(task), soci::use(seq), soci::use(position), soci::use(e.name),
        soci::use(e.content), soci::use(e.sha256);
  }
  return static_cast<std::int64_t>(seq);
}

Result<std::vector<TaskReportRow>> ListTaskReports(soci::session& sql, std::int64_t task_id) {
  TaskReportRow r;
  long long key = task_id, seq = 0, percent = 0;
  soci::statement st =
      (sql.prepare << "SELECT seq, kind, percent, narrative, achieved_value, reported_by, "
                      "reported_on, at FROM plan_report WHERE task_id = :t ORDER BY seq",
       soci::into(seq), soci::into(r.kind), soci::into(percent), soci::into(r.narrative),
       soci::into(r.achieved_value), soci::into(r.reported_by), soci::into(r.reported_on),
       soci::into(r.at), soci::use(key));
  st.execute();
  std::vector<TaskReportRow> out;
  while (st.fetch()) {
    r.task_id = task_id;
    r.seq = seq;
    r.percent = percent;
    out.push_back(r);
  }
  return out;
}

namespace {

std::vector<EvidenceInfo> FetchEvidence(soci::session& sql, std::int64_t task_id, bool with_content,
                                        const std::string& and_where) {
  EvidenceInfo e;
  long long key = task_id, seq = 0, position = 0, size = 0;
  soci::statement st =
      (sql.prepare << std::string("SELECT report_seq, position, name, ") +
                          (with_content ? "content" : "''") +
                          ", sha256, LENGTH(content) FROM plan_evidence WHERE task_id = :t" +
                          and_where + " ORDER BY report_seq, position",
       soci::into(seq), soci::into(position), soci::into(e.row.name), soci::into(e.row.content),
       soci::into(e.row.sha256), soci::into(size), soci::use(key));
  st.execute();
  std::vector<EvidenceInfo> out;
  while (st.fetch()) {
    e.row.task_id = task_id;
    e.row.report_seq = seq;
    e.row.position = position;
    e.content_size = size;
    out.push_back(e);
  }
  return out;
}

}  // namespace

Result<std::vector<EvidenceInfo>> ListTaskEvidence(soci::session& sql, std::int64_t task_id) {
  return FetchEvidence(sql, task_id, false, "");
}

Result<std::optional<EvidenceRow>> FindEvidence(soci::session& sql, std::int64_t task_id,
                                                std::int64_t report_seq, std::int64_t position) {
  std::vector<EvidenceInfo> found =
      FetchEvidence(sql, task_id, true,
                    " AND report_seq = " + std::to_string(report_seq) +
                        " AND position = " + std::to_string(position));
  if (found.empty()) return std::optional<EvidenceRow>();
  return std::optional<EvidenceRow>(std::move(found.front().row));
}

}  // namespace zl::store
