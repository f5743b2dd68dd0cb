// Stored plans and tasks on both backends: a plan's items, departments (one registry entry per
// name) and targets; the province assigns, a city subdivides within its share; reports,
// completion and review; refusals write nothing; what a city may see; the supervision summary.
// The whole flow over HTTP is tests/plan_api_test.cc.
#include "plan/task_service.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "store/test_database.h"

namespace zl::plan {
namespace {

const Date kToday = Date::FromYmd(2026, 3, 2);

auth::Principal Province() {
  auth::Principal p;
  p.kind = auth::Principal::Kind::kSession;
  p.name = "admin";
  p.role = auth::Role::kProvinceAdmin;
  return p;
}

auth::Principal City(const char* name, const char* region) {
  auth::Principal p = Province();
  p.name = name;
  p.role = auth::Role::kCityAdmin;
  p.region_code = region;
  return p;
}

PlanDocument SmallPlan() {
  PlanDocument d;
  d.title = "某省2026年质量工作行动计划";
  PlanPart part{"一", "推动质量共治", {}};
  part.items.push_back({"一",
                        "推进质量教育",
                        {"建设质量教育基地。"},
                        {"省质监局", "省教育厅"},
                        std::string("省质监局"),
                        {{"省级20家", 20, "家"}, {"市级40家", 40, "家"}}});
  part.items.push_back({"二", "开展质量月活动", {"组织质量月。"}, {"省质监局"}, {}, {}});
  d.parts.push_back(part);
  return d;
}

class TaskServiceTest : public store::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(
        db().Write([&](soci::session& sql) {
              ZL_ASSIGN_OR_RETURN(plan_id_, StorePlan(sql, SmallPlan(), {"plan.txt", "abc", 0},
                                                      "admin", "2026-03-01T00:00:00Z"));
              ZL_ASSIGN_OR_RETURN(store::PlanContent c, store::ReadPlanContent(sql, plan_id_));
              content_ = c;
              return Status();
            })
            .ok());
  }

  template <typename F>
  auto InWrite(F f) -> decltype(f(std::declval<soci::session&>())) {
    decltype(f(std::declval<soci::session&>())) out = Status::Internal("not run");
    Status s = db().Write([&](soci::session& sql) {
      out = f(sql);
      return out.status();
    });
    if (!s.ok()) return s;
    return out;
  }

  Result<store::PlanTaskRow> Assign(const auth::Principal& who, TaskInput in) {
    return InWrite([&](soci::session& sql) { return CreateTask(sql, who, in, kToday, "now"); });
  }
  Result<store::PlanTaskRow> Report(const auth::Principal& who, std::int64_t id, ReportInput in) {
    return InWrite(
        [&](soci::session& sql) { return ReportOnTask(sql, who, id, in, kToday, "now"); });
  }
  Result<store::PlanTaskRow> Review(const auth::Principal& who, std::int64_t id,
                                    const char* decision, const char* reason) {
    return InWrite([&](soci::session& sql) {
      return ReviewTask(sql, who, id, decision, reason, kToday, "now");
    });
  }
  std::vector<TaskView> Tasks(const auth::Principal& who, TaskQuery q = {}) {
    std::vector<TaskView> out;
    EXPECT_TRUE(db().Read([&](soci::session& sql) {
                      ZL_ASSIGN_OR_RETURN(out, ListTaskViews(sql, who, q, kToday));
                      return Status();
                    })
                    .ok());
    return out;
  }

  TaskInput ItemToTangshan(const char* deadline = "2026-06-30") {
    TaskInput in;
    in.item_id = content_.items[0].id;
    in.region_code = "130200";
    in.lead_unit = "唐山市质监局";
    in.cooperating_units = {"唐山市教育局", " 唐山市教育局 "};
    in.deadline = deadline;
    in.target_id = content_.targets[0].id;
    in.target_value = 4;
    return in;
  }

  std::int64_t plan_id_ = 0;
  store::PlanContent content_;
};

TEST_P(TaskServiceTest, StoresItemsDepartmentsAndTargets) {
  ASSERT_EQ(content_.items.size(), 2u);
  EXPECT_EQ(content_.items[0].title, "推进质量教育");
  EXPECT_EQ(content_.items[0].measures, "建设质量教育基地。");
  ASSERT_EQ(content_.departments.size(), 3u);
  // 省质监局 appears in both items and is one department.
  EXPECT_EQ(content_.departments[0].department_id, content_.departments[2].department_id);
  EXPECT_EQ(content_.items[0].lead_department_id, content_.departments[0].department_id);
  EXPECT_EQ(content_.items[1].lead_department_id, 0);
  ASSERT_EQ(content_.targets.size(), 2u);
  EXPECT_DOUBLE_EQ(content_.targets[1].value, 40);
  std::vector<store::DepartmentRow> departments;
  std::optional<store::PlanRow> plan;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(departments, store::ListDepartments(sql));
                    ZL_ASSIGN_OR_RETURN(plan, store::FindPlan(sql, plan_id_));
                    return Status();
                  })
                  .ok());
  ASSERT_EQ(departments.size(), 2u);
  EXPECT_EQ(plan->year, 2026);  // from the title
  EXPECT_EQ(plan->item_count, 2);
}

TEST_P(TaskServiceTest, TheProvinceAssignsAndTheCitySubdividesWithinItsShare) {
  Result<store::PlanTaskRow> task = Assign(Province(), ItemToTangshan());
  ASSERT_TRUE(task.ok()) << task.status().ToString();
  EXPECT_EQ(task->cooperating_units, "唐山市教育局");
  EXPECT_EQ(task->assigned_on, "2026-03-02");

  // A city may not assign plan items, nor subdivide another city's task.
  EXPECT_EQ(Assign(City("tangshan", "130200"), ItemToTangshan()).status().code(),
            Status::Code::kPermissionDenied);
  TaskInput sub;
  sub.parent_id = task->id;
  sub.lead_unit = "路南区政府";
  sub.deadline = "2026-05-31";
  sub.target_value = 3;
  EXPECT_EQ(Assign(City("baoding", "130600"), sub).status().code(),
            Status::Code::kPermissionDenied);
  Result<store::PlanTaskRow> child = Assign(City("tangshan", "130200"), sub);
  ASSERT_TRUE(child.ok()) << child.status().ToString();
  EXPECT_EQ(child->region_code, "130200");
  EXPECT_EQ(child->target_id, task->target_id);
  // Only 1 of the 4 is left to give, and a subtask cannot outlast its parent.
  sub.target_value = 2;
  EXPECT_EQ(Assign(City("tangshan", "130200"), sub).status().field(), "target_value");
  sub.target_value = 1;
  sub.deadline = "2026-07-01";
  EXPECT_EQ(Assign(City("tangshan", "130200"), sub).status().field(), "deadline");
  EXPECT_EQ(Tasks(Province()).size(), 2u);
  EXPECT_EQ(Tasks(City("baoding", "130600")).size(), 0u);
}

TEST_P(TaskServiceTest, RefusesBadAssignmentsNamingTheField) {
  TaskInput in = ItemToTangshan();
  in.region_code = "130000";
  EXPECT_EQ(Assign(Province(), in).status().field(), "region_code");
  in = ItemToTangshan("2026-03-01");
  EXPECT_EQ(Assign(Province(), in).status().field(), "deadline");
  in = ItemToTangshan("2026-02-30");
  EXPECT_EQ(Assign(Province(), in).status().field(), "deadline");
  in = ItemToTangshan();
  in.lead_unit = "  ";
  EXPECT_EQ(Assign(Province(), in).status().field(), "lead_unit");
  in = ItemToTangshan();
  in.target_id = content_.targets[0].id + 100;
  EXPECT_EQ(Assign(Province(), in).status().field(), "target_id");
  in = ItemToTangshan();
  in.item_id = content_.items[1].id;  // the target belongs to item 1
  EXPECT_EQ(Assign(Province(), in).status().field(), "target_id");
  in = ItemToTangshan();
  in.parent_id = 5;
  EXPECT_EQ(Assign(Province(), in).status().field(), "item_id");
  EXPECT_TRUE(Tasks(Province()).empty());
}

TEST_P(TaskServiceTest, ReportsCompletionAndReviewCloseATask) {
  std::int64_t id = Assign(Province(), ItemToTangshan())->id;
  auth::Principal city = City("tangshan", "130200");
  EXPECT_EQ(Report(City("baoding", "130600"), id, {"progress", 10, "x"}).status().code(),
            Status::Code::kPermissionDenied);
  EXPECT_EQ(Report(Province(), id + 100, {"progress", 10, "x"}).status().code(),
            Status::Code::kNotFound);
  EXPECT_EQ(Report(city, id, {"progress", 10, ""}).status().field(), "narrative");
  EXPECT_EQ(Report(city, id, {"progress", 101, "x"}).status().field(), "percent");
  EXPECT_EQ(Report(city, id, {"done", 10, "x"}).status().field(), "kind");
  Result<store::PlanTaskRow> r =
      Report(city, id, {"progress", 40, "建成基地2家", 2.0, {{"照片.jpg", "data:..."}}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->percent, 40);
  EXPECT_DOUBLE_EQ(r->achieved_value, 2);
  EXPECT_EQ(Report(city, id, {"progress", 30, "x"}).status().field(), "percent");

  // The city cannot accept its own plan item's task; only a completion report is reviewed.
  EXPECT_EQ(Review(Province(), id, "accept", "").status().code(),
            Status::Code::kFailedPrecondition);
  ASSERT_TRUE(Report(city, id, {"completion", 0, "全部完成", 4.0}).ok());
  EXPECT_EQ(Report(city, id, {"progress", 100, "x"}).status().code(),
            Status::Code::kFailedPrecondition);
  EXPECT_EQ(Review(city, id, "accept", "").status().code(), Status::Code::kPermissionDenied);
  EXPECT_EQ(Review(Province(), id, "return", "").status().field(), "reason");
  Result<store::PlanTaskRow> returned = Review(Province(), id, "return", "缺少佐证材料");
  ASSERT_TRUE(returned.ok());
  EXPECT_EQ(returned->status, "open");
  EXPECT_EQ(returned->percent, 40);
  ASSERT_TRUE(Report(city, id, {"completion", 0, "补充材料后完成", 4.0}).ok());
  Result<store::PlanTaskRow> closed = Review(Province(), id, "accept", "");
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->status, "closed");
  EXPECT_EQ(closed->closed_on, "2026-03-02");

  std::vector<store::TaskReportRow> reports;
  std::vector<store::EvidenceInfo> evidence;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(reports, store::ListTaskReports(sql, id));
                    ZL_ASSIGN_OR_RETURN(evidence, store::ListTaskEvidence(sql, id));
                    return Status();
                  })
                  .ok());
  ASSERT_EQ(reports.size(), 5u);  // progress, completion, returned, completion, accepted
  EXPECT_EQ(reports[2].kind, "returned");
  EXPECT_EQ(reports[4].kind, "accepted");
  ASSERT_EQ(evidence.size(), 1u);
  EXPECT_EQ(evidence[0].row.report_seq, 1);
  EXPECT_EQ(evidence[0].content_size, 8);
  EXPECT_EQ(evidence[0].row.sha256.size(), 64u);
  EXPECT_EQ(Tasks(Province())[0].light.light, Light::kDone);
}

TEST_P(TaskServiceTest, LightsAndSupervisionFollowDeadlinesAndProgress) {
  ASSERT_TRUE(Assign(Province(), ItemToTangshan("2026-03-10")).ok());  // 8 days left: yellow
  TaskInput far = ItemToTangshan("2026-12-31");
  far.region_code = "130100";
  far.target_value.reset();
  far.target_id = 0;
  ASSERT_TRUE(Assign(Province(), far).ok());  // green
  std::vector<TaskView> tasks = Tasks(Province());
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0].light.light, Light::kYellow);
  EXPECT_EQ(tasks[0].item_label, "一（一）");
  EXPECT_EQ(tasks[1].light.light, Light::kGreen);
  TaskQuery yellow;
  yellow.light = Light::kYellow;
  EXPECT_EQ(Tasks(Province(), yellow).size(), 1u);

  Supervision s;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(s, Supervise(sql, Province(), plan_id_, kToday));
                    return Status();
                  })
                  .ok());
  EXPECT_EQ(s.by_region.size(), 13u);
  ASSERT_EQ(s.attention.size(), 1u);
  EXPECT_EQ(s.attention[0].task.region_code, "130200");
  ASSERT_EQ(s.by_department.size(), 1u);  // both led by 唐山市质监局
  EXPECT_EQ(s.by_department[0].yellow, 1);
  EXPECT_EQ(s.by_department[0].green, 1);
  // The plan's own departments: the item names 省质监局 and 省教育厅, so both count both tasks.
  ASSERT_EQ(s.by_plan_department.size(), 2u);
  EXPECT_EQ(s.by_plan_department[0].counts.total(), 2);
  EXPECT_EQ(s.by_plan_department[1].counts.yellow, 1);
  TaskQuery of_department;
  of_department.plan_department = content_.departments[1].department_id;  // 省教育厅
  EXPECT_EQ(Tasks(Province(), of_department).size(), 2u);
  of_department.plan_department = content_.departments[1].department_id + 100;
  EXPECT_TRUE(Tasks(Province(), of_department).empty());
}

ZL_INSTANTIATE_BACKEND_TESTS(TaskServiceTest);

}  // namespace
}  // namespace zl::plan
