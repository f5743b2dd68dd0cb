// Tests for the plan parser on documents of the seed's genre written for these tests
// (testdata/): half-width punctuation, lead and cooperating units, the lead-first note, the
// endings of department lists, Chinese numerals, GBK, CRLF, .docx, wrapped lines; and on
// malformed documents, which give warnings that say where, or errors on the field "file".
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "base/text_encoding.h"
#include "plan/plan_document.h"
#include "plan/plan_json.h"
#include "sheet/xlsx_test_util.h"

namespace zl::plan {
namespace {

using V = std::vector<std::string>;
using T = std::vector<std::tuple<std::string, double, std::string>>;

std::string ReadTestdata(const std::string& name) {
  std::ifstream in(std::string(ZL_PLAN_TESTDATA_DIR) + "/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

PlanDocument MustParse(std::string_view bytes) {
  Result<PlanDocument> doc = ParsePlanFile(bytes);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? *doc : PlanDocument{};
}

T Targets(const PlanItem& item) {
  T out;
  for (const PlanTarget& t : item.targets) out.emplace_back(t.text, t.value, t.unit);
  return out;
}

TEST(PlanParserTest, HalfWidthPunctuationAndLeadUnits) {
  const PlanDocument doc = MustParse(ReadTestdata("halfwidth_plan.txt"));
  EXPECT_EQ(doc.title, "XX市2015年质量提升行动方案");
  EXPECT_EQ(PlanYear(doc), 2015);
  ASSERT_EQ(doc.parts.size(), 2u);
  EXPECT_EQ(doc.parts[0].title, "夯实质量基础");
  EXPECT_EQ(doc.parts[1].title, "提升产品质量");
  ASSERT_EQ(doc.parts[0].items.size(), 2u);
  ASSERT_EQ(doc.parts[1].items.size(), 2u);

  const PlanItem& a = doc.parts[0].items[0];
  EXPECT_EQ(a.number, "一");
  EXPECT_EQ(a.title, "加强标准化工作");
  EXPECT_EQ(a.measures, (V{"制定地方标准五十项。", "推进企业标准自我声明公开。"}));
  EXPECT_EQ(a.departments, (V{"市质监局", "市发展改革委", "市工业和信息化局"}));
  EXPECT_EQ(a.lead_department, "市质监局");
  EXPECT_EQ(Targets(a), (T{{"地方标准五十项", 50, "项"}}));

  const PlanItem& b = doc.parts[0].items[1];
  EXPECT_EQ(b.number, "二");
  EXPECT_EQ(b.departments, (V{"市质监局", "市科技局", "市财政局"}));
  EXPECT_EQ(b.lead_department, "市质监局");
  EXPECT_EQ(Targets(b),
            (T{{"社会公用计量标准十项", 10, "项"}, {"能源计量审查1.5万家次", 15000, "家次"}}));

  const PlanItem& c = doc.parts[1].items[0];
  EXPECT_EQ(c.departments, (V{"市质监局", "市商务局"}));
  EXPECT_FALSE(c.lead_department);  // no lead is named and no note says the first leads
  EXPECT_EQ(Targets(c), (T{{"两千家企业", 2000, "家"}, {"区域品牌一百个", 100, "个"}}));

  const PlanItem& d = doc.parts[1].items[1];
  EXPECT_EQ(d.departments, (V{"市质监局", "市卫生计生委"}));
  EXPECT_EQ(Targets(d), (T{{"3家实验室", 3, "家"}}));
  EXPECT_EQ(doc.warnings, V{});
}

TEST(PlanParserTest, LeadFirstNoteAndListEndings) {
  const PlanDocument doc = MustParse(ReadTestdata("lead_note_plan.txt"));
  EXPECT_EQ(doc.title, "某某省2016年质量工作要点");
  EXPECT_EQ(PlanYear(doc), 2016);
  ASSERT_EQ(doc.parts.size(), 2u);
  ASSERT_EQ(doc.parts[0].items.size(), 2u);
  ASSERT_EQ(doc.parts[1].items.size(), 2u);
  const PlanItem& a = doc.parts[0].items[0];  // …等单位负责
  EXPECT_EQ(a.departments, (V{"省食品药品监管局", "省农业厅"}));
  EXPECT_EQ(a.lead_department, "省食品药品监管局");
  EXPECT_EQ(Targets(a), (T{{"食品三百二十批次", 320, "批次"}}));
  const PlanItem& b = doc.parts[0].items[1];  // …负责落实
  EXPECT_EQ(b.departments, (V{"省质监局", "省住房城乡建设厅"}));
  EXPECT_EQ(b.lead_department, "省质监局");
  EXPECT_EQ(Targets(b), (T{{"电梯检验两千台", 2000, "台"}, {"作业人员千名", 1000, "名"}}));
  const PlanItem& c = doc.parts[1].items[0];  // …等
  EXPECT_EQ(c.departments, (V{"省质监局", "省商务厅", "省工业和信息化厅"}));
  EXPECT_EQ(c.lead_department, "省质监局");
  EXPECT_EQ(Targets(c), (T{{"省级名牌产品一百项", 100, "项"}, {"知名品牌示范区五个", 5, "个"}}));
  const PlanItem& d = doc.parts[1].items[1];  // a title and the list, no measures
  EXPECT_EQ(d.title, "支持企业创新");
  EXPECT_EQ(d.measures, V{});
  EXPECT_EQ(d.departments, (V{"省科技厅", "省财政厅"}));
  EXPECT_EQ(d.lead_department, "省科技厅");
  EXPECT_EQ(doc.warnings, V{});
}

TEST(PlanParserTest, GbkReadsLikeUtf8) {
  const std::string gbk = ReadTestdata("lead_note_plan.gbk.txt");
  ASSERT_EQ(DetectEncoding(gbk), TextEncoding::kGbk);  // the file really is GBK
  EXPECT_EQ(PlanDocumentToJson(MustParse(gbk)),
            PlanDocumentToJson(MustParse(ReadTestdata("lead_note_plan.txt"))));
}

TEST(PlanParserTest, CrlfReadsLikeLf) {
  const std::string lf = ReadTestdata("halfwidth_plan.txt");
  std::string crlf;
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(PlanDocumentToJson(MustParse(crlf)), PlanDocumentToJson(MustParse(lf)));
}

// A .docx with one paragraph per line of `text`; the first line's runs are split mid-heading.
std::string DocxOf(const std::string& text) {
  std::string body;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::string escaped;
    for (char c : line) escaped += c == '&' ? "&amp;" : c == '<' ? "&lt;" : std::string(1, c);
    body += "<w:p><w:pPr><w:ind w:firstLine=\"420\"/></w:pPr><w:r><w:t>" + escaped +
            "</w:t></w:r></w:p>";
  }
  const std::string xml =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
      "<w:body>" +
      body + "</w:body></w:document>";
  Result<std::string> zip = sheet::testing::BuildZip({{"word/document.xml", xml}});
  EXPECT_TRUE(zip.ok());
  return zip.ok() ? *zip : std::string();
}

TEST(PlanParserTest, DocxReadsLikeText) {
  const std::string text = ReadTestdata("halfwidth_plan.txt");
  EXPECT_EQ(PlanDocumentToJson(MustParse(DocxOf(text))), PlanDocumentToJson(MustParse(text)));

  // Runs split inside a heading, and a paragraph per heading without any blank line.
  const std::string xml =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)"
      R"(<w:p><w:r><w:t>某市2018年质量工作计划</w:t></w:r></w:p>)"
      R"(<w:p><w:r><w:t>一</w:t></w:r><w:r><w:t>、加强监管</w:t></w:r></w:p>)"
      R"(<w:p><w:r><w:t>（</w:t></w:r><w:r><w:t>一</w:t></w:r><w:r><w:t>）加强抽查</w:t></w:r></w:p>)"
      R"(<w:p><w:r><w:t>抽查产品五百批次。（市市场监管局负责）</w:t></w:r></w:p>)"
      R"(</w:body></w:document>)";
  Result<std::string> zip = sheet::testing::BuildZip({{"word/document.xml", xml}});
  ASSERT_TRUE(zip.ok());
  const PlanDocument doc = MustParse(*zip);
  EXPECT_EQ(doc.title, "某市2018年质量工作计划");
  ASSERT_EQ(doc.parts.size(), 1u);
  ASSERT_EQ(doc.parts[0].items.size(), 1u);
  EXPECT_EQ(doc.parts[0].items[0].title, "加强抽查");
  EXPECT_EQ(doc.parts[0].items[0].measures, (V{"抽查产品五百批次。"}));
  EXPECT_EQ(doc.parts[0].items[0].departments, (V{"市市场监管局"}));
  EXPECT_EQ(Targets(doc.parts[0].items[0]), (T{{"产品五百批次", 500, "批次"}}));
}

TEST(PlanParserTest, WrappedLinesListsOnTheirOwnLineAndTitleOnlyHeadings) {
  const std::string text =
      "一、加强监管\n"
      "　　（一）加强日常监管。开展专项检查，覆盖全部生产企业和流通\n"
      "企业，建立检查台账。（省质监局、省工商局等部门按职责分工负责）\n"
      "　　（二）加强执法。查处违法案件。\n"
      "　　（省质监局负责）\n"
      "　　（三）加强宣传\n"
      "　　开展质量月活动。发布质量状况报告。（省质监局负责）\n";
  Result<PlanDocument> doc = ParsePlanText(text);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->parts.size(), 1u);
  const std::vector<PlanItem>& items = doc->parts[0].items;
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].measures, (V{"开展专项检查，覆盖全部生产企业和流通企业，建立检查台账。"}));
  EXPECT_EQ(items[0].departments, (V{"省质监局", "省工商局"}));
  EXPECT_EQ(items[1].measures, (V{"查处违法案件。"}));
  EXPECT_EQ(items[1].departments, (V{"省质监局"}));
  EXPECT_EQ(items[2].title, "加强宣传");
  EXPECT_EQ(items[2].measures, (V{"开展质量月活动。", "发布质量状况报告。"}));
  EXPECT_EQ(items[2].departments, (V{"省质监局"}));
  EXPECT_EQ(doc->title, "");  // nothing before the first part
  EXPECT_EQ(PlanYear(*doc), std::nullopt);
  EXPECT_EQ(doc->warnings, V{});
}

TEST(PlanParserTest, MalformedDocumentWarnsWithLineAndItem) {
  const PlanDocument doc = MustParse(ReadTestdata("malformed_plan.txt"));
  ASSERT_EQ(doc.parts.size(), 3u);
  ASSERT_EQ(doc.parts[0].items.size(), 3u);
  EXPECT_EQ(doc.parts[1].items.size(), 0u);
  ASSERT_EQ(doc.parts[2].items.size(), 1u);
  EXPECT_EQ(doc.parts[0].items[0].departments, (V{"县市场监管局"}));
  EXPECT_EQ(doc.parts[0].items[0].measures, (V{"开展专项检查（重点是食品。"}));
  EXPECT_EQ(doc.parts[0].items[1].departments, V{});
  EXPECT_EQ(Targets(doc.parts[0].items[1]), (T{{"案件二十起", 20, "起"}}));
  EXPECT_EQ(doc.parts[0].items[2].departments, (V{"县委宣传部"}));
  EXPECT_EQ(doc.parts[2].items[0].departments, (V{"县政府办"}));
  EXPECT_EQ(doc.warnings,
            (V{
                "line 4, item 一（一）: unbalanced parentheses: “（” is never closed: "
                "“…常监管。开展专项检查（重点是食品。（县市场监管局…”",
                "line 5, item 一（三）: item （三） is out of sequence in part 一: expected （二）",
                "line 5, item 一（三）: the item “加强执法” has no department list (a closing "
                "“（…负责）”)",
                "line 6, item 一（三）: item （三） appears twice in part 一 (first on line 5)",
                "line 7, part 二: the part “没有条目的部分” has no items",
                "line 8, part 二, before its first item: text outside any item (kept as a "
                "warning only): “这一部分只有一段说明文字。”",
                "line 10, item 三（一）: unbalanced parentheses: “）” has no opening parenthesis: "
                "“…）完善制度。建立制度）。（县政府办负责）”",
                "line 11, after item 三（一）: text outside any item (kept as a warning only): "
                "“附则：本方案自发布之日起施行。”",
            }));
}

TEST(PlanParserTest, UnclosedDepartmentListIsStillRead) {
  Result<PlanDocument> doc =
      ParsePlanText("一、加强监管\n（一）加强培训。培训骨干。（省质监局、省人社厅按职责分工负责\n");
  ASSERT_TRUE(doc.ok());
  const PlanItem& item = doc->parts.at(0).items.at(0);
  EXPECT_EQ(item.departments, (V{"省质监局", "省人社厅"}));
  EXPECT_EQ(item.measures, (V{"培训骨干。"}));
  ASSERT_EQ(doc->warnings.size(), 1u);
  EXPECT_EQ(doc->warnings[0].rfind("line 2, item 一（一）: unbalanced parentheses: “（” is never "
                                   "closed",
                                   0),
            0u)
      << doc->warnings[0];
}

TEST(PlanParserTest, LeadFirstNoteInsideAListAppliesToEveryItem) {
  Result<PlanDocument> doc = ParsePlanText(
      "一、加强监管\n"
      "（一）加强抽查。（省质监局、省工商局等部门按职责分工负责）\n"
      "（二）加强执法。（省工商局、省质监局按职责分工负责，列第一位者为牵头部门，下同）\n"
      "（三）加强宣传。（省委宣传部牵头，省质监局配合）\n");
  ASSERT_TRUE(doc.ok());
  const std::vector<PlanItem>& items = doc->parts.at(0).items;
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].lead_department, "省质监局");
  EXPECT_EQ(items[1].departments, (V{"省工商局", "省质监局"}));  // "下同" is no department
  EXPECT_EQ(items[1].lead_department, "省工商局");
  EXPECT_EQ(items[2].lead_department, "省委宣传部");
  EXPECT_EQ(doc->warnings, V{});
}

TEST(PlanParserTest, Errors) {
  for (std::string_view empty :
       {std::string_view(""), std::string_view(" \r\n\t　\n"), std::string_view("\xEF\xBB\xBF")}) {
    Result<PlanDocument> doc = ParsePlanFile(empty);
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(doc.status().field(), "file");
    EXPECT_EQ(doc.status().message(), "the document is empty");
  }
  Result<PlanDocument> doc = ParsePlanText("某某通知\n（一）加强监管。（省质监局负责）\n");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(doc.status().field(), "file");
  EXPECT_NE(doc.status().message().find("no part heading"), std::string::npos);
  EXPECT_NE(doc.status().message().find("“一、”"), std::string::npos);

  doc = ParsePlanFile("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");  // a Word 97 .doc
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().field(), "file");
  doc = ParsePlanFile("PK\x03\x04garbage");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().field(), "file");
  doc = ParsePlanFile("\x81\x30");  // a truncated GB18030 sequence
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().field(), "file");
}

}  // namespace
}  // namespace zl::plan
