// The demo's action plan (see demo_plan.h).
#include "plan/demo_plan.h"

#include <soci/soci.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "auth/crypto.h"
#include "base/clock.h"
#include "base/embedded_file.h"
#include "demo/demo_random.h"
#include "domain/region.h"
#include "plan/assessment_service.h"
#include "plan/task_service.h"
#include "store/database.h"

namespace zl::plan {

namespace data {
std::span<const EmbeddedFile> DemoPlanFiles();
}

namespace {

// "省食品药品监管局" → "唐山市食品药品监管局", "省科技厅" → "唐山市科技局": the city's
// counterpart of a provincial department; one that is not provincial ("河北出入境检验检疫局")
// stays as it is.
std::string CityCounterpart(const std::string& department, const std::string& city) {
  const std::string kProvince = "省", kProvincialOffice = "厅", kCityOffice = "局";
  if (!department.starts_with(kProvince)) return department;
  std::string out = city + department.substr(kProvince.size());
  if (out.ends_with(kProvincialOffice)) {
    out.replace(out.size() - kProvincialOffice.size(), kProvincialOffice.size(), kCityOffice);
  }
  return out;
}

// A day `days` from `today`, as assigned, reported or due.
Date Shift(Date today, int days) { return today.AddDays(days); }

}  // namespace

Result<DemoPlanCounts> AddDemoPlan(store::Database& db, std::uint64_t seed, Date today) {
  const EmbeddedFile& file = data::DemoPlanFiles().front();
  ZL_ASSIGN_OR_RETURN(PlanDocument document, ParsePlanText(file.bytes));
  demo::DemoRandom rng(seed ^ 0x706c616eULL);  // "plan"
  const auth::Principal province = auth::Principal::Cli("demo");
  DemoPlanCounts counts;
  Status s = db.Write([&](soci::session& sql) {
    const std::string now = NowIsoUtc();
    ZL_ASSIGN_OR_RETURN(std::int64_t plan_id, StorePlan(sql, document,
                                                        {"hebei-2014-quality-action-plan.txt",
                                                         auth::Sha256Hex(file.bytes), 0},
                                                        "cli:demo", now));
    ZL_ASSIGN_OR_RETURN(store::PlanContent content, store::ReadPlanContent(sql, plan_id));
    counts.items = static_cast<int>(content.items.size());
    const auto units = domain::RegionRegistry::Hebei().SupervisionUnits();
    for (const store::PlanItemRow& item : content.items) {
      std::vector<std::string> departments;
      for (const store::ItemDepartmentRow& d : content.departments) {
        if (d.item_id == item.id) departments.push_back(d.name);
      }
      const store::PlanTargetRow* target = nullptr;
      for (const store::PlanTargetRow& t : content.targets) {
        if (t.item_id == item.id && target == nullptr) target = &t;
      }
      // Each item goes to five to nine units, assigned 60–120 days ago.
      std::vector<const domain::Region*> chosen(units.begin(), units.end());
      for (size_t i = chosen.size(); i > 1; --i) std::swap(chosen[i - 1], chosen[rng.Below(i)]);
      chosen.resize(5 + rng.Below(5));
      for (const domain::Region* unit : chosen) {
        const Date assigned = Shift(today, -60 - static_cast<int>(rng.Below(61)));
        TaskInput in;
        in.item_id = item.id;
        in.region_code = unit->code;
        in.lead_unit =
            CityCounterpart(departments.empty() ? "省质监局" : departments[0], unit->name_zh);
        for (size_t d = 1; d < departments.size() && d < 3; ++d) {
          in.cooperating_units.push_back(CityCounterpart(departments[d], unit->name_zh));
        }
        // Due from 40 days ago to 150 days ahead.
        in.deadline = Shift(today, -40 + static_cast<int>(rng.Below(191))).ToString();
        if (in.deadline <= assigned.ToString()) in.deadline = Shift(assigned, 30).ToString();
        if (target != nullptr) {
          in.target_id = target->id;
          in.target_value = std::max(1.0, std::round(target->value / 10));
        }
        ZL_ASSIGN_OR_RETURN(store::PlanTaskRow task, CreateTask(sql, province, in, assigned, now));
        ++counts.tasks;
        const Date deadline = *Date::Parse(task.deadline);
        // Progress: most units report once or twice; some finish (on time or late), some fall
        // behind, some have reported nothing.
        const int fate = static_cast<int>(rng.Below(10));
        if (fate == 0) continue;  // nothing reported
        const Date first = std::min(today, Shift(assigned, 20 + static_cast<int>(rng.Below(20))));
        const int percent = 20 + static_cast<int>(rng.Below(50));
        ReportInput progress{"progress", percent, "已部署落实，完成阶段性工作"};
        if (task.target_value > 0) progress.achieved_value = std::floor(task.target_value / 2);
        ZL_RETURN_IF_ERROR(ReportOnTask(sql, province, task.id, progress, first, now).status());
        ++counts.reports;
        if (fate >= 6) {
          // Finished: on time (fate 6–8) or late (9), accepted by the province.
          Date done = fate == 9 ? std::min(today, Shift(deadline, 10)) : std::min(today, deadline);
          if (done < first) done = first;
          ReportInput completion{"completion", 100, "各项任务已完成，报送办结报告"};
          if (task.target_value > 0) completion.achieved_value = task.target_value;
          ZL_RETURN_IF_ERROR(ReportOnTask(sql, province, task.id, completion, done, now).status());
          ZL_RETURN_IF_ERROR(ReviewTask(sql, province, task.id, "accept", "", done, now).status());
          counts.reports += 2;
          ++counts.closed;
        }
      }
    }
    return Status();
  });
  ZL_RETURN_IF_ERROR(s);

  // The assessors' figures for the plan's year, then the assessment itself.
  const int year = PlanYear(document).value_or(today.year());
  std::vector<FigureInput> figures;
  IndicatorSystem system;
  ZL_RETURN_IF_ERROR(db.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(StoredSystem stored, SystemFor(sql, year));
    system = stored.system;
    return Status();
  }));
  for (const domain::Region* unit : domain::RegionRegistry::Hebei().SupervisionUnits()) {
    for (const Indicator& indicator : system.indicators) {
      double value = 0;
      switch (indicator.source) {
        case IndicatorSource::kRate:  // mostly near the full mark
          value = std::min(100.0, indicator.zero_at + (indicator.full_at - indicator.zero_at) *
                                                          (0.6 + 0.5 * rng.Below(1000) / 1000.0));
          value = std::round(value * 10) / 10;
          break;
        case IndicatorSource::kFigure:
          value = std::round(indicator.points * (0.55 + 0.45 * rng.Below(1000) / 1000.0) * 10) / 10;
          break;
        case IndicatorSource::kVeto:
          value = 0;
          break;
        default:
          continue;  // computed from the tasks
      }
      figures.push_back({unit->code, indicator.code, value, "演示数据"});
    }
  }
  ZL_RETURN_IF_ERROR(EnterFigures(db, year, figures, province));
  ZL_ASSIGN_OR_RETURN(Assessment assessment, RunAssessment(db, year, today, province));
  counts.assessed_year = year;
  counts.assessed_units = static_cast<int>(assessment.cities.size());
  return counts;
}

Status ClearPlanData(soci::session& sql) {
  for (const char* table : {"plan_evidence", "plan_report", "plan_task", "plan_target",
                            "plan_item_department", "plan_item", "action_plan", "plan_department",
                            "assessment_result", "assessment_figure", "assessment_system"}) {
    sql << "DELETE FROM " << table;
  }
  return Status();
}

}  // namespace zl::plan
