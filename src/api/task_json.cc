// Plan and task JSON (see task_json.h).
#include "api/task_json.h"

#include "base/text.h"
#include "domain/region.h"
#include "plan/plan_json.h"

namespace zl::api {

namespace {

using json = nlohmann::json;

// A list stored one item per line (store/plan_tables.h).
json Lines(const std::string& text) { return SplitList(text, '\n'); }

// A stored amount where 0 means none: null then.
json Amount(double value) { return value == 0 ? json() : plan::JsonNumber(value); }

json Counts(const plan::LightCounts& c) {
  return {{"green", c.green},
          {"yellow", c.yellow},
          {"red", c.red},
          {"done", c.done},
          {"total", c.total()}};
}

}  // namespace

json PlanSummaryToJson(const store::PlanRow& plan) {
  return {{"id", plan.id},
          {"title", plan.title},
          {"year", plan.year},
          {"source_name", plan.source_name},
          {"imported_at", plan.imported_at},
          {"imported_by", plan.imported_by},
          {"item_count", plan.item_count},
          {"task_count", plan.task_count}};
}

json PlanToJson(const store::PlanRow& plan, const store::PlanContent& content) {
  json out = PlanSummaryToJson(plan);
  out["source_sha256"] = plan.source_sha256;
  out["warnings"] = Lines(plan.warnings);
  json parts = json::array();
  for (const store::PlanItemRow& item : content.items) {
    if (parts.empty() || parts.back()["number"] != item.part_number) {
      parts.push_back(
          {{"number", item.part_number}, {"title", item.part_title}, {"items", json::array()}});
    }
    json departments = json::array();
    json lead;
    for (const store::ItemDepartmentRow& d : content.departments) {
      if (d.item_id != item.id) continue;
      departments.push_back(d.name);
      if (d.department_id == item.lead_department_id) lead = d.name;
    }
    json targets = json::array();
    for (const store::PlanTargetRow& t : content.targets) {
      if (t.item_id != item.id) continue;
      targets.push_back(
          {{"id", t.id}, {"text", t.text}, {"value", plan::JsonNumber(t.value)}, {"unit", t.unit}});
    }
    auto count = content.task_counts.find(item.id);
    parts.back()["items"].push_back(
        {{"id", item.id},
         {"number", item.number},
         {"title", item.title},
         {"measures", Lines(item.measures)},
         {"departments", std::move(departments)},
         {"lead_department", std::move(lead)},
         {"targets", std::move(targets)},
         {"task_count", count == content.task_counts.end() ? 0 : count->second}});
  }
  out["parts"] = std::move(parts);
  return out;
}

json TaskToJson(const plan::TaskView& v) {
  const store::PlanTaskRow& t = v.task;
  json target;
  if (v.target) {
    target = {{"id", v.target->id},
              {"text", v.target->text},
              {"value", plan::JsonNumber(v.target->value)},
              {"unit", v.target->unit}};
  }
  return {{"id", t.id},
          {"plan_id", t.plan_id},
          {"plan_title", v.plan_title},
          {"item_id", t.item_id},
          {"item_label", v.item_label},
          {"item_title", v.item_title},
          {"parent_id", t.parent_id == 0 ? json() : json(t.parent_id)},
          {"region_code", t.region_code},
          {"region_name", domain::RegionRegistry::Hebei().NameZh(t.region_code)},
          {"title", t.title},
          {"lead_unit", t.lead_unit},
          {"cooperating_units", Lines(t.cooperating_units)},
          {"deadline", t.deadline},
          {"assigned_on", t.assigned_on},
          {"target", std::move(target)},
          {"target_value", Amount(t.target_value)},
          {"achieved_value", t.target_value == 0 ? json() : plan::JsonNumber(t.achieved_value)},
          {"percent", t.percent},
          {"status", t.status},
          {"light", plan::LightName(v.light.light)},
          {"light_reason", v.light.reason},
          {"days_left", v.light.days_left},
          {"closed_on", t.closed_on.empty() ? json() : json(t.closed_on)},
          {"subtask_count", t.subtask_count},
          {"created_by", t.created_by},
          {"created_at", t.created_at}};
}

json ReportsToJson(const std::vector<store::TaskReportRow>& reports,
                   const std::vector<store::EvidenceInfo>& evidence, bool has_target) {
  json out = json::array();
  for (const store::TaskReportRow& r : reports) {
    json files = json::array();
    for (const store::EvidenceInfo& e : evidence) {
      if (e.row.report_seq != r.seq) continue;
      files.push_back({{"position", e.row.position},
                       {"name", e.row.name},
                       {"sha256", e.row.sha256},
                       {"size", e.content_size}});
    }
    out.push_back({{"seq", r.seq},
                   {"kind", r.kind},
                   {"percent", r.percent},
                   {"narrative", r.narrative},
                   {"achieved_value", has_target ? plan::JsonNumber(r.achieved_value) : json()},
                   {"reported_by", r.reported_by},
                   {"reported_on", r.reported_on},
                   {"at", r.at},
                   {"evidence", std::move(files)}});
  }
  return out;
}

json SupervisionToJson(const plan::Supervision& s, Date as_of) {
  json by_region = json::array(), by_department = json::array(), attention = json::array();
  for (const plan::LightCounts& c : s.by_region) {
    json row = Counts(c);
    row["region_code"] = c.key;
    row["region_name"] = domain::RegionRegistry::Hebei().NameZh(c.key);
    by_region.push_back(std::move(row));
  }
  for (const plan::LightCounts& c : s.by_department) {
    json row = Counts(c);
    row["department"] = c.key;
    by_department.push_back(std::move(row));
  }
  json by_plan_department = json::array();
  for (const plan::Supervision::DepartmentCounts& d : s.by_plan_department) {
    json row = Counts(d.counts);
    row["department_id"] = d.id;
    row["department"] = d.counts.key;
    by_plan_department.push_back(std::move(row));
  }
  // The most urgent first; the count says how many there are in all (a province may have
  // thousands, and the console shows the first few).
  constexpr size_t kAttentionListed = 50;
  for (size_t i = 0; i < s.attention.size() && i < kAttentionListed; ++i) {
    attention.push_back(TaskToJson(s.attention[i]));
  }
  return {{"as_of", as_of.ToString()},
          {"by_region", std::move(by_region)},
          {"by_department", std::move(by_department)},
          {"by_plan_department", std::move(by_plan_department)},
          {"attention", std::move(attention)},
          {"attention_total", s.attention.size()}};
}

}  // namespace zl::api
