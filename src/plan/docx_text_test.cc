// Tests for reading the paragraphs of a .docx built in the test with minizip: runs joined,
// tabs and breaks, tab stops, deleted and moved-away text and text-box fallbacks ignored, and
// the archives that are refused.
#include "plan/docx_text.h"

#include <gtest/gtest.h>

#include "sheet/xlsx_test_util.h"

namespace zl::plan {
namespace {

constexpr std::string_view kHead =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>)";
constexpr std::string_view kTail = R"(<w:sectPr/></w:body></w:document>)";

std::string Docx(std::string_view body) {
  Result<std::string> zip = sheet::testing::BuildZip(
      {{"[Content_Types].xml", "<Types/>"},
       {"word/document.xml", std::string(kHead) + std::string(body) + std::string(kTail)}});
  EXPECT_TRUE(zip.ok()) << zip.status().ToString();
  return zip.ok() ? *zip : std::string();
}

TEST(DocxTextTest, ParagraphsRunsTabsAndBreaks) {
  const std::string docx = Docx(
      R"(<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>)"
      R"(<w:r><w:t>一、</w:t></w:r><w:r><w:t xml:space="preserve">加强 </w:t></w:r>)"
      R"(<w:r><w:tab/><w:t>监管</w:t></w:r></w:p>)"
      R"(<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>)"
      R"(<w:p><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del>)"
      R"(<w:r><w:instrText>PAGE</w:instrText><w:t>留下的&amp;</w:t></w:r></w:p>)"
      R"(<w:p/>)"
      R"(<w:p><w:moveFrom><w:r><w:t>移走的</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>移来的</w:t>)"
      R"(</w:r></w:moveTo><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r>)"
      R"(<w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:p><w:r>)"
      R"(<w:t>文本框</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent></w:r></w:p>)");
  ASSERT_TRUE(LooksLikeZip(docx));
  Result<std::string> text = DocxToText(docx);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text, "一、加强 \t监管\n第一行\n第二行\n留下的&\n\n移来的文本框\n\n");
}

TEST(DocxTextTest, RefusesWhatIsNotAWordDocument) {
  Result<std::string> zip = sheet::testing::BuildZip({{"xl/workbook.xml", "<workbook/>"}});
  ASSERT_TRUE(zip.ok());
  Result<std::string> text = DocxToText(*zip);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().field(), "file");
  EXPECT_NE(text.status().message().find("word/document.xml"), std::string::npos);

  text = DocxToText("PK\x03\x04 not really a zip");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().field(), "file");

  text = DocxToText(Docx("<w:p><w:r><w:t>unclosed</w:r></w:p>"));
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().field(), "file");
  EXPECT_FALSE(LooksLikeZip("一、加强"));
}

}  // namespace
}  // namespace zl::plan
