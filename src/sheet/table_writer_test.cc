// Tests for TableWriter: formats by name, exact CSV bytes with quoting and the formula guard,
// and .xlsx files read back through OpenTable.
#include "sheet/table_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sheet/table_reader.h"
#include "sheet/writers.h"
#include "sheet/xlsx_zip.h"

namespace zl::sheet {
namespace {

using Row = std::vector<std::string>;

std::string Write(TableFormat format, const std::vector<Row>& rows, std::string name = "Data") {
  std::unique_ptr<TableWriter> writer = TableWriter::Create(format, std::move(name));
  for (const Row& row : rows) {
    const Status s = writer->AddRow(row);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  Result<std::string> bytes = writer->Finish();
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.ok() ? *bytes : std::string();
}

std::vector<Row> ReadBack(std::string bytes) {
  Result<std::unique_ptr<TableReader>> reader = OpenTable(std::move(bytes));
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return {};
  std::vector<Row> rows;
  Row cells;
  while (true) {
    Result<bool> more = (*reader)->Next(cells);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    rows.push_back(cells);
  }
  return rows;
}

TEST(TableFormat, ParseNamesAndMediaTypes) {
  EXPECT_EQ(*ParseTableFormat("csv"), TableFormat::kCsv);
  EXPECT_EQ(*ParseTableFormat("xlsx"), TableFormat::kXlsx);
  for (std::string_view bad : {"", "xls", "pdf", "CSV "}) {
    Result<TableFormat> format = ParseTableFormat(bad);
    ASSERT_FALSE(format.ok()) << bad;
    EXPECT_EQ(format.status().code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(format.status().field(), "format");
  }
  EXPECT_EQ(ContentType(TableFormat::kCsv), "text/csv; charset=utf-8");
  EXPECT_EQ(ContentType(TableFormat::kXlsx),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(FileExtension(TableFormat::kCsv), "csv");
  EXPECT_EQ(FileExtension(TableFormat::kXlsx), "xlsx");
}

TEST(CsvWriter, BomCrlfAndRfc4180Quoting) {
  EXPECT_EQ(Write(TableFormat::kCsv,
                  {{"名称", "金额"}, {"a,b", "say \"hi\""}, {"two\nlines", "x\r"}, {""}, {}}),
            "\xEF\xBB\xBF名称,金额\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\"x\r\"\r\n"
            "\"\"\r\n\r\n");
}

TEST(CsvWriter, FormulaInjectionPrefix) {
  EXPECT_EQ(Write(TableFormat::kCsv, {{"=1+2", "+86 311", "-x", "@SUM(A1)", "\tcmd", "=a,b"},
                                      {"-12.5", "+3", "1e5", "-", "=", "a=b"}}),
            "\xEF\xBB\xBF'=1+2,'+86 311,'-x,'@SUM(A1),'\tcmd,\"'=a,b\"\r\n"
            "-12.5,+3,1e5,-,=,a=b\r\n");
}

TEST(CsvWriter, PlainNumbers) {
  for (std::string_view yes : {"0", "-12", "+3.5", ".5", "5.", "-1e5", "2E-3"}) {
    EXPECT_TRUE(IsPlainNumber(yes)) << yes;
  }
  for (std::string_view no : {"", "-", "+.", "1e", "1-2", "-1+1", "=1", "1,000", "0x10"}) {
    EXPECT_FALSE(IsPlainNumber(no)) << no;
  }
}

TEST(CsvWriter, RoundTripsThroughTheReader) {
  const std::vector<Row> rows = {{"名称", "备注"}, {"唐山, 钢铁", "say \"hi\"\nbye"}, {"", "x"}};
  EXPECT_EQ(ReadBack(Write(TableFormat::kCsv, rows)), rows);
}

TEST(XlsxWriter, RoundTripsThroughTheReader) {
  const std::vector<Row> rows = {
      {"统一社会信用代码", "名称", "金额", "备注"},
      {"91130200MA0CXXXX1X", "唐山钢铁集团有限责任公司", "130200", "", "末尾"},
      {"", "  前后空格  ", "0.1", "第一行\n第二行"},
      {"=1+2", "-5", "<tag> & \"quotes\""},
  };
  const std::string bytes = Write(TableFormat::kXlsx, rows, "企业名录");
  ASSERT_TRUE(bytes.starts_with("PK\x03\x04"));
  EXPECT_EQ(
      ReadBack(bytes),
      (std::vector<Row>{rows[0], rows[1], {"", "  前后空格  ", "0.1", "第一行\n第二行"}, rows[3]}));

  // The sheet carries its name.
  Result<std::unique_ptr<ZipArchive>> zip = ZipArchive::Open(bytes);
  ASSERT_TRUE(zip.ok());
  ASSERT_TRUE((*zip)->OpenEntry("xl/workbook.xml", 1 << 20).ok());
  std::string workbook(1 << 16, '\0');
  Result<size_t> n = (*zip)->Read(workbook.data(), workbook.size());
  ASSERT_TRUE(n.ok());
  workbook.resize(*n);
  EXPECT_NE(workbook.find("name=\"企业名录\""), std::string::npos) << workbook;
}

TEST(XlsxWriter, EmptyTable) { EXPECT_TRUE(ReadBack(Write(TableFormat::kXlsx, {})).empty()); }

TEST(XlsxWriter, LimitsAreErrors) {
  std::unique_ptr<TableWriter> writer = TableWriter::Create(TableFormat::kXlsx, "x");
  const Status s = writer->AddRow({"ok", std::string(40000, 'a')});
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("32,767"), std::string::npos) << s.message();
  EXPECT_FALSE(writer->Finish().ok());

  writer = TableWriter::Create(TableFormat::kXlsx, "x");
  ASSERT_TRUE(writer->AddRow({"a"}).ok());
  ASSERT_TRUE(writer->Finish().ok());
  EXPECT_EQ(writer->Finish().status().code(), Status::Code::kFailedPrecondition);
}

TEST(XlsxWriter, SheetNamesAreMadeAcceptable) {
  EXPECT_EQ(SanitizeSheetName("a[b]:c*d?e/f\\g"), "a_b__c_d_e_f_g");
  EXPECT_EQ(SanitizeSheetName(""), "Sheet1");
  EXPECT_EQ(SanitizeSheetName("''"), "Sheet1");
  EXPECT_EQ(SanitizeSheetName("'报表'"), "报表");
  EXPECT_EQ(SanitizeSheetName("History"), "History_");
  std::string long_name;
  for (int i = 0; i < 40; ++i) long_name += "企";
  std::string expected;
  for (int i = 0; i < 31; ++i) expected += "企";
  EXPECT_EQ(SanitizeSheetName(long_name), expected);
  EXPECT_EQ(SanitizeSheetName(std::string(40, 'x')), std::string(31, 'x'));
}

}  // namespace
}  // namespace zl::sheet
