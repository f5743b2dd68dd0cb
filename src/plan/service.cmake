# Decomposition and supervision: stored plans, tasks, reports, reviews and the traffic light.
zl_library(zl_plan_service
  SOURCES task_lights.cc task_service.cc
  DEPS zl_plan_parser zl_store zl_auth zl_domain zl_base)
zl_test(plan_service_test
  SOURCES task_lights_test.cc task_service_test.cc
  DEPS zl_plan_service zl_store_testing)
# The demo's plan: the seed document compiled in, assigned, reported on and assessed.
zl_embed_files(ZL_DEMO_PLAN_DATA NAMESPACE zl::plan::data FUNCTION DemoPlanFiles
  FILES data/plan/hebei-2014-quality-action-plan.txt)
zl_library(zl_plan_demo
  SOURCES demo_plan.cc ${ZL_DEMO_PLAN_DATA}
  DEPS zl_plan_service zl_plan_assessment_service)
