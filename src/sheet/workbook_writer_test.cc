// Tests for WorkbookWriter: several sheets in one .xlsx, read back sheet by sheet, with their
// names in tab order, unique names, and the single-sheet cases.
#include "sheet/workbook_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sheet/writers.h"
#include "sheet/xlsx_parts.h"
#include "sheet/xlsx_sheet_parser.h"
#include "sheet/xlsx_test_util.h"
#include "sheet/xlsx_zip.h"

namespace zl::sheet {
namespace {

using Row = std::vector<std::string>;

// The rows of the n-th sheet (1-based; libxlsxwriter names the parts sheetN.xml in order).
std::vector<Row> SheetRows(const std::string& bytes, int n) {
  Result<std::unique_ptr<ZipArchive>> zip = ZipArchive::Open(bytes);
  EXPECT_TRUE(zip.ok());
  if (!zip.ok()) return {};
  SharedStrings strings;
  Result<std::vector<NumberKind>> styles = ReadCellStyles(**zip, "xl/styles.xml");
  EXPECT_TRUE(styles.ok());
  SheetParser parser(**zip, strings, *styles, false);
  Status opened = parser.Open("xl/worksheets/sheet" + std::to_string(n) + ".xml");
  EXPECT_TRUE(opened.ok()) << opened.ToString();
  std::vector<Row> rows;
  Row cells;
  while (opened.ok()) {
    Result<bool> more = parser.Next(cells);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    rows.push_back(cells);
  }
  return rows;
}

TEST(WorkbookWriter, SeveralSheetsReadBackInOrder) {
  std::unique_ptr<WorkbookWriter> book = WorkbookWriter::Create();
  ASSERT_TRUE(book->AddSheet("排名", 1).ok());
  ASSERT_TRUE(book->AddRow({"排名", "地区", "总分"}).ok());
  ASSERT_TRUE(book->AddRow({"1", "唐山市", "92.50"}).ok());
  ASSERT_TRUE(book->AddSheet("唐山市", 2).ok());
  ASSERT_TRUE(book->AddRow({"唐山市质量工作考核评分细则"}).ok());
  ASSERT_TRUE(book->AddRow({"一级指标", "分值", "得分"}).ok());
  ASSERT_TRUE(book->AddRow({"质量目标", "12", "10.00"}).ok());
  ASSERT_TRUE(book->AddSheet("石家庄市", 2).ok());  // a sheet with no rows
  Result<std::string> bytes = book->Finish();
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  ASSERT_TRUE(bytes->starts_with("PK\x03\x04"));

  EXPECT_EQ(testing::XlsxSheetNames(*bytes),
            (std::vector<std::string>{"排名", "唐山市", "石家庄市"}));
  EXPECT_EQ(SheetRows(*bytes, 1),
            (std::vector<Row>{{"排名", "地区", "总分"}, {"1", "唐山市", "92.50"}}));
  EXPECT_EQ(SheetRows(*bytes, 2), (std::vector<Row>{{"唐山市质量工作考核评分细则"},
                                                    {"一级指标", "分值", "得分"},
                                                    {"质量目标", "12", "10.00"}}));
  EXPECT_TRUE(SheetRows(*bytes, 3).empty());
  // The first sheet is what OpenTable reads, so a workbook opens as its ranking.
  EXPECT_EQ(book->Finish().status().code(), Status::Code::kFailedPrecondition);
}

TEST(WorkbookWriter, SheetNamesAreMadeUnique) {
  std::unique_ptr<WorkbookWriter> book = WorkbookWriter::Create();
  for (const char* name : {"Data", "data", "a/b", "a_b", ""}) {
    ASSERT_TRUE(book->AddSheet(name, 1).ok()) << name;
    ASSERT_TRUE(book->AddRow({name}).ok());
  }
  Result<std::string> bytes = book->Finish();
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  EXPECT_EQ(testing::XlsxSheetNames(*bytes),
            (std::vector<std::string>{"Data", "data (2)", "a_b", "a_b (2)", "Sheet1"}));

  EXPECT_EQ(UniqueSheetName("x", {}), "x");
  EXPECT_EQ(UniqueSheetName("X", {"x", "X (2)"}), "X (3)");
  std::string long_name;
  for (int i = 0; i < 31; ++i) long_name += "市";
  const std::string unique = UniqueSheetName(long_name, {SanitizeSheetName(long_name)});
  std::string expected;
  for (int i = 0; i < 27; ++i) expected += "市";
  EXPECT_EQ(unique, expected + " (2)");
}

TEST(WorkbookWriter, RowsNeedASheetAndEmptyBooksGetOne) {
  std::unique_ptr<WorkbookWriter> book = WorkbookWriter::Create();
  EXPECT_EQ(book->AddRow({"x"}).code(), Status::Code::kFailedPrecondition);
  Result<std::string> bytes = book->Finish();
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  EXPECT_EQ(testing::XlsxSheetNames(*bytes), (std::vector<std::string>{"Sheet1"}));
}

TEST(WorkbookWriter, LimitsAreErrorsThatStick) {
  std::unique_ptr<WorkbookWriter> book = WorkbookWriter::Create();
  ASSERT_TRUE(book->AddSheet("a", 1).ok());
  EXPECT_EQ(book->AddRow({std::string(40000, 'a')}).code(), Status::Code::kInvalidArgument);
  EXPECT_FALSE(book->AddSheet("b", 1).ok());
  EXPECT_FALSE(book->Finish().ok());
}

}  // namespace
}  // namespace zl::sheet
