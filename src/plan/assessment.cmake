# Assessing city governments (质量工作考核): the indicator system as data and the scoring
# engine (pure, zl_plan_assessment), and the service that stores systems, figures and results
# and writes the score-sheet workbook (zl_plan_assessment_service). See docs/PLAN.md.
zl_embed_files(ZL_ASSESSMENT_INDICATOR_DATA NAMESPACE zl::plan::data
  FUNCTION AssessmentIndicatorFiles FILES data/plan/assessment_indicators.tsv)
zl_library(zl_plan_assessment
  SOURCES assessment.cc indicator_system.cc ${ZL_ASSESSMENT_INDICATOR_DATA}
  DEPS zl_domain zl_base fmt::fmt)
zl_test(plan_assessment_test
  SOURCES assessment_test.cc indicator_system_test.cc
  DEPS zl_plan_assessment)
zl_library(zl_plan_assessment_service
  SOURCES assessment_service.cc assessment_results.cc
  DEPS zl_plan_assessment zl_store zl_auth zl_sheet nlohmann_json::nlohmann_json)
zl_test(plan_assessment_service_test
  SOURCES assessment_service_test.cc
  DEPS zl_plan_assessment_service zl_store_testing zl_sheet_testing)
