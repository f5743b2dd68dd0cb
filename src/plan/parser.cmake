# Reading an action-plan document (text in UTF-8 or GBK, or .docx) into parts, items,
# departments and targets (plan_document.h), and its JSON form (plan_json.h).
zl_library(zl_plan_parser
  SOURCES plan_parser.cc plan_paragraphs.cc plan_text.cc chinese_number.cc plan_targets.cc
          plan_departments.cc docx_text.cc plan_json.cc
  DEPS zl_sheet zl_base nlohmann_json::nlohmann_json fmt::fmt)
zl_test(plan_parser_test
  SOURCES plan_text_test.cc plan_paragraphs_test.cc chinese_number_test.cc plan_targets_test.cc
          plan_departments_test.cc docx_text_test.cc plan_json_test.cc plan_parser_test.cc
          plan_parser_seed_test.cc
  DEPS zl_plan_parser zl_sheet_testing)
# The seed plan is read from ../shared/seed (its checks skip without it); data/plan/ holds the
# copy the demo ships, which a test keeps equal to it.
target_compile_definitions(plan_parser_test PRIVATE
  ZL_SEED_DIR="${PROJECT_SOURCE_DIR}/../shared/seed"
  ZL_PLAN_TESTDATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/testdata")
