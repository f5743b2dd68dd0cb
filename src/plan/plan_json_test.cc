// Tests for the JSON form of a parsed plan: the exact fields, null leads and whole numbers
// written as integers.
#include "plan/plan_json.h"

#include <gtest/gtest.h>

namespace zl::plan {
namespace {

TEST(PlanJsonTest, ExactShape) {
  PlanDocument doc;
  doc.title = "某省2015年行动计划";
  PlanPart part;
  part.number = "一";
  part.title = "加强监管";
  PlanItem item;
  item.number = "二";
  item.title = "推动质量共治";
  item.measures = {"开展活动。"};
  item.departments = {"省质监局", "省教育厅"};
  item.targets = {{"省级20家", 20, "家"}, {"合格率95.5%", 95.5, "%"}};
  part.items.push_back(item);
  item.lead_department = "省质监局";
  item.targets.clear();
  part.items.push_back(item);
  doc.parts.push_back(part);
  doc.warnings = {"line 3: something"};

  const nlohmann::json expected = nlohmann::json::parse(R"({
    "title": "某省2015年行动计划",
    "parts": [{"number": "一", "title": "加强监管", "items": [
      {"number": "二", "title": "推动质量共治", "measures": ["开展活动。"],
       "departments": ["省质监局", "省教育厅"], "lead_department": null,
       "targets": [{"text": "省级20家", "value": 20, "unit": "家"},
                   {"text": "合格率95.5%", "value": 95.5, "unit": "%"}]},
      {"number": "二", "title": "推动质量共治", "measures": ["开展活动。"],
       "departments": ["省质监局", "省教育厅"], "lead_department": "省质监局",
       "targets": []}]}],
    "warnings": ["line 3: something"]})");
  const nlohmann::json got = PlanDocumentToJson(doc);
  EXPECT_EQ(got, expected) << got.dump(2);
  // 20, not 20.0
  EXPECT_TRUE(got["parts"][0]["items"][0]["targets"][0]["value"].is_number_integer());
  EXPECT_NE(got.dump().find(R"("value":20})"), std::string::npos);
}

TEST(PlanJsonTest, EmptyDocumentHasArrays) {
  const nlohmann::json got = PlanDocumentToJson(PlanDocument{});
  EXPECT_EQ(got, nlohmann::json::parse(R"({"title": "", "parts": [], "warnings": []})"));
}

}  // namespace
}  // namespace zl::plan
