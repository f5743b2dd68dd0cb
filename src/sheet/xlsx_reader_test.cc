// Tests for reading .xlsx through OpenTable, on workbooks built by hand with minizip's zip.h:
// shared strings with rich text, inline strings, date styles, gaps, missing rows, damaged
// archives and refused DOCTYPEs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sheet/table_reader.h"
#include "sheet/xlsx_test_util.h"
#include "sheet/xlsx_zip.h"

namespace zl::sheet {
namespace {

using Row = std::vector<std::string>;
using testing::BuildXlsx;
using testing::XlsxParts;

std::string Xlsx(const XlsxParts& parts) {
  Result<std::string> bytes = BuildXlsx(parts);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.ok() ? *bytes : std::string();
}

// Every row, each prefixed with row() as text; stops at the first error, which goes to `error`.
std::vector<Row> ReadAll(std::string bytes, Status* error = nullptr) {
  Result<std::unique_ptr<TableReader>> reader = OpenTable(std::move(bytes));
  if (!reader.ok()) {
    if (error) *error = reader.status();
    EXPECT_TRUE(error) << reader.status().ToString();
    return {};
  }
  EXPECT_EQ((*reader)->format(), "xlsx");
  std::vector<Row> rows;
  Row cells;
  while (true) {
    Result<bool> more = (*reader)->Next(cells);
    if (!more.ok()) {
      if (error) *error = more.status();
      EXPECT_TRUE(error) << more.status().ToString();
      break;
    }
    if (!*more) break;
    Row row{std::to_string((*reader)->row())};
    row.insert(row.end(), cells.begin(), cells.end());
    rows.push_back(row);
  }
  return rows;
}

const char kSharedStrings[] =
    R"(<si><t>名称</t></si>)"
    R"(<si><r><rPr><b/></rPr><t>唐山</t></r><r><t xml:space="preserve"> 钢铁</t></r>)"
    R"(<rPh sb="0" eb="2"><t>tangshan</t></rPh></si>)"
    R"(<si><t>A_x000D_B</t></si>)";

// cellStyleXfs' date format must not shift the cellXfs indexes; numFmt 164 is a custom date.
const char kStyles[] =
    R"(<numFmts count="1"><numFmt numFmtId="164")"
    R"( formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>)"
    R"(<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>)"
    R"(<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>)"
    R"(<xf numFmtId="164" applyNumberFormat="1"/></cellXfs>)"
    R"(<dxfs count="1"><dxf><numFmt numFmtId="0" formatCode="yyyy"/></dxf></dxfs>)";

TEST(XlsxReader, HandBuiltWorkbook) {
  XlsxParts parts;
  parts.shared_strings = kSharedStrings;
  parts.styles = kStyles;
  parts.sheet_data =
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>)"
      R"(<row r="3"><c r="A3" t="inlineStr"><is><t>内联</t></is></c>)"
      R"(<c r="B3" s="1"><v>45000</v></c><c r="C3"><v>130200</v></c><c r="D3"><v>1.30200E5</v></c>)"
      R"(<c r="E3"><v>0.1</v></c><c r="F3" s="2"><v>45000.5</v></c><c r="G3" s="1"/></row>)"
      R"(<row r="4" spans="1:3" ht="20" customHeight="1"><c r="A4" s="1"/></row>)"
      R"(<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" t="str"><f>A1&amp;""</f><v>名称</v></c>)"
      R"(<c r="C5" t="e"><v>#N/A</v></c><c r="D5" t="s"><v>2</v></c><c r="E5" s="0"><v>7</v></c>)"
      R"(<c r="F5"/></row>)";
  EXPECT_EQ(ReadAll(Xlsx(parts)),
            (std::vector<Row>{
                {"1", "名称", "", "唐山 钢铁"},
                {"3", "内联", "2023-03-15", "130200", "130200", "0.1", "2023-03-15"},
                {"5", "TRUE", "名称", "#N/A", "A\rB", "7"},
            }));
}

TEST(XlsxReader, Date1904System) {
  XlsxParts parts;
  parts.styles = kStyles;
  parts.date1904 = true;
  parts.sheet_data = R"(<row r="1"><c r="A1" s="1"><v>43538</v></c></row>)";
  EXPECT_EQ(ReadAll(Xlsx(parts)), (std::vector<Row>{{"1", "2023-03-15"}}));
}

TEST(XlsxReader, RowsAndCellsWithoutReferencesAndPrefixedElements) {
  XlsxParts parts;
  parts.sheet_data = R"(<row><c><v>1</v></c><c><v>2</v></c></row>)"
                     R"(<row><c t="inlineStr"><is><r><t>x</t></r><r><t>y</t></r></is></c></row>)"
                     R"(<x:row r="7"><x:c r="B7"><x:v>3</x:v></x:c></x:row>)";
  EXPECT_EQ(ReadAll(Xlsx(parts)), (std::vector<Row>{{"1", "1", "2"}, {"2", "xy"}, {"7", "", "3"}}));
}

TEST(XlsxReader, StreamsASheetLargerThanOneChunk) {
  XlsxParts parts;
  for (int r = 1; r <= 20000; ++r) {
    parts.sheet_data += "<row r=\"" + std::to_string(r * 2) + "\"><c r=\"A" +
                        std::to_string(r * 2) + "\" t=\"inlineStr\"><is><t>第" + std::to_string(r) +
                        "行</t></is></c><c r=\"B" + std::to_string(r * 2) + "\"><v>" +
                        std::to_string(r) + "</v></c></row>";
  }
  const std::vector<Row> rows = ReadAll(Xlsx(parts));
  ASSERT_EQ(rows.size(), 20000u);
  EXPECT_EQ(rows[0], (Row{"2", "第1行", "1"}));
  EXPECT_EQ(rows[12345], (Row{"24692", "第12346行", "12346"}));
  EXPECT_EQ(rows.back(), (Row{"40000", "第20000行", "20000"}));
}

TEST(XlsxReader, TruncatedZipIsInvalid) {
  XlsxParts parts;
  parts.sheet_data = R"(<row r="1"><c r="A1"><v>1</v></c></row>)";
  const std::string bytes = Xlsx(parts);
  Status error;
  ReadAll(bytes.substr(0, bytes.size() / 2), &error);
  EXPECT_EQ(error.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(error.field(), "file");

  ReadAll(std::string("PK\x03\x04 not really a zip", 22), &error);
  EXPECT_EQ(error.code(), Status::Code::kInvalidArgument);
}

TEST(XlsxReader, CorruptDataIsInvalid) {
  XlsxParts parts;
  for (int r = 1; r <= 2000; ++r) {
    parts.sheet_data +=
        "<row r=\"" + std::to_string(r) + "\"><c><v>" + std::to_string(r * 7919) + "</v></c></row>";
  }
  std::string bytes = Xlsx(parts);
  // Scramble the middle of the sheet's deflate stream (the largest entry, written fourth).
  const size_t sheet = bytes.find("xl/worksheets/sheet1.xml");
  ASSERT_NE(sheet, std::string::npos);
  for (size_t i = sheet + 200; i < sheet + 400; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
  Status error;
  ReadAll(bytes, &error);
  EXPECT_EQ(error.code(), Status::Code::kInvalidArgument) << error.ToString();
}

TEST(XlsxReader, DoctypeIsRefused) {
  XlsxParts parts;
  parts.sheet_xml =
      R"(<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]>)"
      R"(<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&lol;</t></is></c></row>)"
      R"(</sheetData></worksheet>)";
  Status error;
  EXPECT_TRUE(ReadAll(Xlsx(parts), &error).empty());
  EXPECT_EQ(error.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(error.message().find("DOCTYPE"), std::string::npos) << error.message();
  EXPECT_TRUE(error.message().starts_with("row 1: ")) << error.message();

  Result<std::string> bytes = testing::BuildZip({
      {"xl/workbook.xml", R"(<!DOCTYPE w><workbook/>)"},
  });
  ASSERT_TRUE(bytes.ok());
  Result<std::unique_ptr<TableReader>> reader = OpenTable(*bytes);
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.status().message().find("DOCTYPE"), std::string::npos);
}

TEST(XlsxReader, MalformedSheetNamesTheRow) {
  XlsxParts parts;
  parts.sheet_data = R"(<row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</v></row>)";
  Status error;
  EXPECT_EQ(ReadAll(Xlsx(parts), &error), (std::vector<Row>{{"1", "1"}}));
  EXPECT_EQ(error.code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(error.message().starts_with("row 2: ")) << error.message();
  EXPECT_NE(error.message().find("not well-formed"), std::string::npos) << error.message();
}

TEST(XlsxReader, BadSharedStringIndexNamesTheRow) {
  XlsxParts parts;
  parts.shared_strings = R"(<si><t>only</t></si>)";
  parts.sheet_data = R"(<row r="4"><c t="s"><v>3</v></c></row>)";
  Status error;
  ReadAll(Xlsx(parts), &error);
  EXPECT_TRUE(error.message().starts_with("row 4: ")) << error.message();
}

TEST(XlsxReader, ZipWithoutWorkbookIsNotAnXlsx) {
  Result<std::string> bytes = testing::BuildZip({{"word/document.xml", "<document/>"}});
  ASSERT_TRUE(bytes.ok());
  Result<std::unique_ptr<TableReader>> reader = OpenTable(*bytes);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().field(), "file");
  EXPECT_NE(reader.status().message().find("no workbook"), std::string::npos);
}

TEST(XlsxZip, EntriesOverTheSizeLimitAreRefused) {
  Result<std::string> bytes = testing::BuildZip({{"big.xml", std::string(5000, 'x')}});
  ASSERT_TRUE(bytes.ok());
  Result<std::unique_ptr<ZipArchive>> zip = ZipArchive::Open(*bytes);
  ASSERT_TRUE(zip.ok());
  const Status refused = (*zip)->OpenEntry("big.xml", 4096);
  EXPECT_EQ(refused.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(refused.field(), "file");
  EXPECT_NE(refused.message().find("big.xml is larger than 4096 bytes"), std::string::npos)
      << refused.message();

  ASSERT_TRUE((*zip)->OpenEntry("BIG.XML", 5000).ok());  // part names ignore ASCII case
  std::string content(8000, '\0');
  Result<size_t> n = (*zip)->Read(content.data(), content.size());
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 5000u);
  EXPECT_EQ(*(*zip)->Read(content.data(), content.size()), 0u);
  EXPECT_FALSE((*zip)->OpenEntry("missing.xml", 5000).ok());
}

}  // namespace
}  // namespace zl::sheet
