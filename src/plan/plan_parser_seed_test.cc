// The seed plan (../shared/seed/hebei-2014-quality-action-plan.txt) read end to end: its four
// parts and eighteen items, every item's departments as written in the document (copied by
// hand), the targets of 四（二） and 四（三）, and the closing paragraph kept as a warning.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "plan/plan_document.h"
#include "plan/plan_json.h"
#include "plan/plan_text.h"

namespace zl::plan {
namespace {

using V = std::vector<std::string>;

class SeedPlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(std::string(ZL_SEED_DIR) + "/hebei-2014-quality-action-plan.txt",
                     std::ios::binary);
    if (!in) GTEST_SKIP() << "the seed plan is not in " << ZL_SEED_DIR;
    std::stringstream bytes;
    bytes << in.rdbuf();
    seed_ = bytes.str();
    Result<PlanDocument> parsed = ParsePlanFile(seed_);
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    doc_ = std::move(*parsed);
  }
  const PlanItem& Item(size_t part, size_t item) { return doc_.parts.at(part).items.at(item); }

  std::string seed_;
  PlanDocument doc_;
};

// The demo and the browser test use the copy in data/plan/ (tests run from the repository
// root); it must stay the seed itself.
TEST_F(SeedPlanTest, TheRepositorysCopyIsTheSeed) {
  std::ifstream in("data/plan/hebei-2014-quality-action-plan.txt", std::ios::binary);
  ASSERT_TRUE(in) << "data/plan/hebei-2014-quality-action-plan.txt is missing";
  std::stringstream copy;
  copy << in.rdbuf();
  EXPECT_TRUE(copy.str() == seed_) << "data/plan/'s copy differs from ../shared/seed/'s";
}

TEST_F(SeedPlanTest, TitleYearAndParts) {
  EXPECT_EQ(doc_.title, "河北省贯彻实施质量发展纲要深入推进质量兴省战略2014年行动计划");
  EXPECT_EQ(PlanYear(doc_), 2014);
  ASSERT_EQ(doc_.parts.size(), 4u);
  const V numbers = {"一", "二", "三", "四"};
  const V titles = {"加强重点领域质量安全监管", "建立优胜劣汰的质量发展市场机制",
                    "完善质量升级配套措施", "强化质量治理体系和能力建设"};
  const std::vector<size_t> counts = {6, 3, 5, 4};
  size_t total = 0;
  for (size_t p = 0; p < 4; ++p) {
    EXPECT_EQ(doc_.parts[p].number, numbers[p]);
    EXPECT_EQ(doc_.parts[p].title, titles[p]);
    EXPECT_EQ(doc_.parts[p].items.size(), counts[p]) << "part " << numbers[p];
    const V item_numbers = {"一", "二", "三", "四", "五", "六"};
    for (size_t i = 0; i < doc_.parts[p].items.size() && i < item_numbers.size(); ++i) {
      EXPECT_EQ(doc_.parts[p].items[i].number, item_numbers[i]);
    }
    total += doc_.parts[p].items.size();
  }
  EXPECT_EQ(total, 18u);
}

TEST_F(SeedPlanTest, EveryItemsDepartments) {
  const std::vector<std::vector<V>> expected = {
      {
          {"省食品药品监管局", "省公安厅", "省商务厅", "省卫生计生委", "省教育厅",
           "河北出入境检验检疫局", "省质监局"},
          {"省农业厅", "省人力资源社会保障厅", "省工商局"},
          {"省工业和信息化厅", "省农业厅", "省公安厅", "河北出入境检验检疫局", "石家庄海关",
           "省商务厅", "省质监局", "省工商局"},
          {"省发展改革委", "省工业和信息化厅", "省商务厅", "省质监局"},
          {"省发展改革委", "省环境保护厅", "省国资委", "省工业和信息化厅", "省质监局", "省法制办"},
          {"省发展改革委", "省工业和信息化厅", "省住房城乡建设厅", "省农业厅", "省交通运输厅",
           "省旅游局", "省质监局"},
      },
      {
          {"省质监局", "省工业和信息化厅", "省水利厅", "省商务厅", "省工商局", "省食品药品监管局",
           "省旅游局"},
          {"省公安厅", "省工商局", "省商务厅", "省新闻出版广电局", "省食品药品监管局", "省质监局"},
          {"省工业和信息化厅", "省住房城乡建设厅", "省国资委", "省工商局", "省质监局",
           "省食品药品监管局"},
      },
      {
          {"省质监局", "省农业厅", "省商务厅"},
          {"省科技厅", "省工业和信息化厅", "省质监局", "省发展改革委", "省商务厅", "省交通运输厅",
           "省住房城乡建设厅", "省通信管理局", "河北银监局", "省旅游局"},
          {"省质监局", "省发展改革委", "省工业和信息化厅", "省环境保护厅"},
          {"省科技厅", "省质监局", "省工业和信息化厅", "省财政厅"},
          {"省质监局", "省发展改革委", "省科技厅", "省工业和信息化厅", "省农业厅", "省商务厅",
           "省旅游局", "省国资委"},
      },
      {
          {"省教育厅", "省人力资源社会保障厅", "省工业和信息化厅", "省农业厅", "省质监局",
           "省总工会"},
          {"省质监局", "省政府新闻办", "省新闻出版广电局"},
          {"省质监局", "省工业和信息化厅", "省国资委"},
          {"省委组织部", "省质监局", "省统计局"},
      },
  };
  ASSERT_EQ(doc_.parts.size(), expected.size());
  for (size_t p = 0; p < expected.size(); ++p) {
    ASSERT_EQ(doc_.parts[p].items.size(), expected[p].size());
    for (size_t i = 0; i < expected[p].size(); ++i) {
      const PlanItem& item = Item(p, i);
      EXPECT_EQ(item.departments, expected[p][i])
          << doc_.parts[p].number << "（" << item.number << "）";
      // The seed never says which department leads.
      EXPECT_FALSE(item.lead_department) << doc_.parts[p].number << "（" << item.number << "）";
    }
  }
}

TEST_F(SeedPlanTest, ItemTitlesAndMeasures) {
  EXPECT_EQ(Item(0, 0).title, "加强食品药品质量安全监管");
  ASSERT_EQ(Item(0, 0).measures.size(), 7u);
  EXPECT_EQ(Item(0, 0).measures.front(),
            "加强乳制品、白酒、食用植物油、饮料、食品添加剂等重点产品的日常监管。");
  EXPECT_EQ(Item(0, 0).measures.back(), "加强进口食品农产品监管。");
  EXPECT_EQ(Item(2, 4).title, "大力推动品牌建设");
  EXPECT_EQ(Item(2, 4).measures.size(), 5u);
  EXPECT_EQ(Item(3, 1).title, "推动质量共治");
  EXPECT_EQ(Item(3, 1).measures.size(), 5u);
  EXPECT_EQ(Item(3, 2).title, "开展群众性质量活动");
  ASSERT_EQ(Item(3, 2).measures.size(), 2u);
  // The parentheses inside the sentence stay in it.
  EXPECT_NE(Item(3, 2).measures[0].find("“五小”（小建议、小革新、小攻关、小发明、小创造）"),
            std::string::npos);
  EXPECT_EQ(Item(3, 3).measures.size(), 4u);
  EXPECT_NE(Item(3, 3).measures[2].find("各设区市政府制定《质量工作考核办法》"), std::string::npos);
}

TEST_F(SeedPlanTest, TargetsOfFourTwoAndFourThree) {
  auto targets = [](const PlanItem& item) {
    std::vector<std::tuple<std::string, double, std::string>> out;
    for (const PlanTarget& t : item.targets) out.emplace_back(t.text, t.value, t.unit);
    return out;
  };
  using T = std::vector<std::tuple<std::string, double, std::string>>;
  EXPECT_EQ(targets(Item(3, 1)), (T{{"省级20家", 20, "家"}, {"市级40家", 40, "家"}}));
  EXPECT_EQ(targets(Item(3, 2)), (T{{"千家民营企业", 1000, "家"},
                                    {"质量管理骨干1500名", 1500, "名"},
                                    {"省优小组50个", 50, "个"},
                                    {"国优小组5个", 5, "个"},
                                    {"省质量管理优秀班组50个", 50, "个"},
                                    {"优秀成果50个", 50, "个"}}));
  // Elsewhere only 一（一）'s "16大类" counts; years, 〔2014〕18号, 第三批, “三个一百”,
  // “双五百、双五十”, “培育千项…” and 一批 do not.
  EXPECT_EQ(targets(Item(0, 0)), (T{{"16大类监测样品", 16, "大类"}}));
  size_t total = 0;
  for (const PlanPart& part : doc_.parts) {
    for (const PlanItem& item : part.items) total += item.targets.size();
  }
  EXPECT_EQ(total, 9u);
}

// The same plan as a text file wrapped by hand at 30 characters without blank lines, and as
// one line per paragraph without indentation and with CRLF, reads the same.
TEST_F(SeedPlanTest, ReadsTheSameWrappedOrFlat) {
  std::ifstream in(std::string(ZL_SEED_DIR) + "/hebei-2014-quality-action-plan.txt");
  std::string wrapped;
  std::string flat;
  for (std::string line; std::getline(in, line);) {
    std::u32string text(Trim(ToU32(line)));
    if (text.empty()) continue;
    flat += ToU8(text) + "\r\n";
    wrapped += "　　";  // the first line of a paragraph is indented, the others are not
    for (size_t i = 0; i < text.size(); i += 30) wrapped += ToU8(text.substr(i, 30)) + "\n";
  }
  const nlohmann::json expected = PlanDocumentToJson(doc_);
  for (const std::string& variant : {wrapped, flat}) {
    Result<PlanDocument> doc = ParsePlanText(variant);
    ASSERT_TRUE(doc.ok());
    const nlohmann::json got = PlanDocumentToJson(*doc);
    EXPECT_EQ(got["title"], expected["title"]);
    EXPECT_EQ(got["parts"], expected["parts"]);
    ASSERT_EQ(doc->warnings.size(), 1u) << got["warnings"].dump();
    EXPECT_NE(doc->warnings[0].find("text outside any item"), std::string::npos);
  }
}

TEST_F(SeedPlanTest, TheClosingParagraphIsAWarning) {
  ASSERT_EQ(doc_.warnings.size(), 1u) << ::testing::PrintToString(doc_.warnings);
  const std::string& w = doc_.warnings[0];
  EXPECT_EQ(w.rfind("line 58, after item 四（四）: text outside any item", 0), 0u) << w;
  EXPECT_NE(w.find("“各设区市、各县（市、区）政府要加强"), std::string::npos) << w;
}

}  // namespace
}  // namespace zl::plan
