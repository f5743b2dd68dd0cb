// Tests for finding quantitative targets: the seed's sentences, Chinese numerals, units that
// begin with a multiplier, and everything that must not be a target (years, document numbers,
// ordinals, names in quotes, "一批").
#include "plan/plan_targets.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace zl::plan {
namespace {

// "text=value unit" for each target, for short assertions.
std::vector<std::string> Found(std::string_view sentence) {
  std::vector<std::string> out;
  for (const PlanTarget& t : FindTargets(sentence)) {
    std::string value = std::to_string(t.value);
    value.erase(value.find_last_not_of('0') + 1);
    if (value.back() == '.') value.pop_back();
    out.push_back(t.text + "=" + value + " " + t.unit);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(PlanTargetsTest, SeedSentences) {
  EXPECT_EQ(Found("继续推进中小学质量教育社会实践基地建设，力争达到省级20家、市级40家。"),
            (V{"省级20家=20 家", "市级40家=40 家"}));
  EXPECT_EQ(
      Found(
          "在全省企业中广泛开展QC小组、“五小”（小建议、小革新、小攻关、小发明、小创造）、岗位练兵、"
          "技术比武等群众性质量活动，选择千家民营企业开展质量管理知识普及活动，培育质量管理骨干15"
          "00名，争创省优小组50个、国优小组5个，省质量管理优秀班组50个、优秀成果50个。"),
      (V{"千家民营企业=1000 家", "质量管理骨干1500名=1500 名", "省优小组50个=50 个",
         "国优小组5个=5 个", "省质量管理优秀班组50个=50 个", "优秀成果50个=50 个"}));
  // 16大类 counts (a scope the plan commits to); "大类" is one unit.
  EXPECT_EQ(
      Found("开展粮食及其制品、食品包装材料等16大类监测样品和食品污染物及有害因素的监测工作。"),
      (V{"16大类监测样品=16 大类"}));
}

TEST(PlanTargetsTest, ChineseNumerals) {
  EXPECT_EQ(Found("培育一百家示范企业。"), (V{"一百家示范企业=100 家"}));
  EXPECT_EQ(Found("认定五十个质量信得过班组。"), (V{"五十个质量信得过班组=50 个"}));
  EXPECT_EQ(Found("新增三百二十名质量工程师。"), (V{"三百二十名质量工程师=320 名"}));
  // Nothing said around the number: the clause before it is the phrase.
  EXPECT_EQ(Found("培训两千人次。"), (V{"培训两千人次=2000 人次"}));
  EXPECT_EQ(Found("完成企业质量信用评价1.5万家。"), (V{"企业质量信用评价1.5万家=15000 家"}));
  EXPECT_EQ(Found("抽查十类产品。"), (V{"十类产品=10 类"}));
  EXPECT_EQ(Found("全省产品质量合格率达到百分之九十五。"),
            (V{"全省产品质量合格率达到百分之九十五=95 %"}));
}

TEST(PlanTargetsTest, UnitsAndPhrases) {
  EXPECT_EQ(Found("安排专项资金500万元。"), (V{"专项资金500万元=500 万元"}));
  EXPECT_EQ(Found("安排专项资金十万元。"), (V{"专项资金十万元=10 万元"}));
  EXPECT_EQ(Found("产品质量合格率稳定在95％以上。"), (V{"产品质量合格率稳定在95％以上=95 %"}));
  EXPECT_EQ(Found("建成检验检测中心100余家。"), (V{"检验检测中心100余家=100 家"}));
  EXPECT_EQ(Found("提高2个百分点"), (V{"提高2个百分点=2 个百分点"}));
}

TEST(PlanTargetsTest, NotTargets) {
  EXPECT_EQ(Found("明确我省2014年质量工作重点。"), V{});
  EXPECT_EQ(Found("《河北省质量发展规划（2012-2020年）》"), V{});
  EXPECT_EQ(Found("（国办发〔2014〕18号）"), V{});
  EXPECT_EQ(Found("确定全省第三批实施质量提升“双五百、双五十”工程企业。"), V{});
  EXPECT_EQ(Found("围绕“三个一百”领军企业工程。"), V{});
  EXPECT_EQ(Found("按照“培育千项省级以上名牌产品”的要求，支持一批传统产业类品牌。"), V{});
  EXPECT_EQ(Found("推进“96333”电梯应急处置平台建设。"), V{});
  EXPECT_EQ(Found("贯彻落实产品“三包”规定，进一步加强监管，培训一批骨干。"), V{});
  EXPECT_EQ(Found("通过ISO9001认证的企业。"), V{});
  EXPECT_EQ(Found("每万人口拥有检测机构。"), V{});
  EXPECT_EQ(Found("把质量安全送进千家万户。"), V{});
  EXPECT_EQ(Found("三四个部门。"), V{});
  EXPECT_EQ(Found("组织对设区市政府2013年度质量工作绩效考核评价。"), V{});
}

TEST(PlanTargetsTest, UnitsAreLongestFirst) {
  const auto& units = TargetUnits();
  ASSERT_FALSE(units.empty());
  for (size_t i = 1; i < units.size(); ++i) EXPECT_GE(units[i - 1].size(), units[i].size());
}

}  // namespace
}  // namespace zl::plan
