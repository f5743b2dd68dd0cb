// Tests for reading CSV through OpenTable: encodings, blank lines, quoting, row numbers, errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "sheet/table_reader.h"

namespace zl::sheet {
namespace {

using Row = std::vector<std::string>;

// Every row, each prefixed with row() as text, e.g. {"3", "a", "b"}.
std::vector<Row> ReadAll(std::string bytes, const TableOptions& options = {}) {
  Result<std::unique_ptr<TableReader>> reader = OpenTable(std::move(bytes), options);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return {};
  EXPECT_EQ((*reader)->format(), "csv");
  std::vector<Row> rows;
  Row cells;
  while (true) {
    Result<bool> more = (*reader)->Next(cells);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    Row row{std::to_string((*reader)->row())};
    row.insert(row.end(), cells.begin(), cells.end());
    rows.push_back(row);
  }
  return rows;
}

TEST(CsvTable, Utf8) {
  EXPECT_EQ(ReadAll("名称,代码\n唐山钢铁,A1\n"),
            (std::vector<Row>{{"1", "名称", "代码"}, {"2", "唐山钢铁", "A1"}}));
  EXPECT_TRUE(ReadAll("").empty());
}

TEST(CsvTable, Utf8WithByteOrderMarkDropsTheMark) {
  EXPECT_EQ(ReadAll("\xEF\xBB\xBFname,city\r\nx,唐山\r\n"),
            (std::vector<Row>{{"1", "name", "city"}, {"2", "x", "唐山"}}));
}

TEST(CsvTable, GbkIsDetectedAndDecoded) {
  const std::string gbk = "city\n\xcc\xc6\xc9\xbd,1\n";  // 唐山 in GBK
  EXPECT_EQ(ReadAll(gbk), (std::vector<Row>{{"1", "city"}, {"2", "唐山", "1"}}));
  EXPECT_EQ(ReadAll(gbk, {.encoding = TextEncoding::kGbk}),
            (std::vector<Row>{{"1", "city"}, {"2", "唐山", "1"}}));
}

TEST(CsvTable, GbkBytesNamedUtf8FailOnEncoding) {
  Result<std::unique_ptr<TableReader>> reader =
      OpenTable("\xcc\xc6\xc9\xbd\n", {.encoding = TextEncoding::kUtf8});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(reader.status().field(), "encoding");
}

TEST(CsvTable, Utf16IsRefusedWithAClearMessage) {
  Result<std::unique_ptr<TableReader>> reader =
      OpenTable(std::string("\xFF\xFE"
                            "a\0",
                            4));
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().field(), "encoding");
  EXPECT_NE(reader.status().message().find("UTF-16"), std::string::npos);
}

TEST(CsvTable, BlankLineIsARowWithNoCells) {
  EXPECT_EQ(ReadAll("a\n\nb\n"), (std::vector<Row>{{"1", "a"}, {"2"}, {"3", "b"}}));
}

TEST(CsvTable, QuotedFieldsAndRowNumbersOfMultiLineRecords) {
  EXPECT_EQ(
      ReadAll("\"a,b\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\nlast,\n"),
      (std::vector<Row>{{"1", "a,b", "say \"hi\""}, {"2", "two\nlines", "x"}, {"4", "last", ""}}));
}

TEST(CsvTable, MalformedRecordNamesTheRow) {
  Result<std::unique_ptr<TableReader>> reader = OpenTable("a\nb\n\"open,c\n");
  ASSERT_TRUE(reader.ok());
  Row cells;
  EXPECT_TRUE(*(*reader)->Next(cells));
  EXPECT_TRUE(*(*reader)->Next(cells));
  Result<bool> bad = (*reader)->Next(cells);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(bad.status().message().starts_with("row 3: ")) << bad.status().message();
  EXPECT_FALSE((*reader)->Next(cells).ok());  // the failure sticks
}

TEST(CsvTable, LegacyXlsIsRefused) {
  Result<std::unique_ptr<TableReader>> reader =
      OpenTable(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 12));
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().field(), "file");
  EXPECT_NE(reader.status().message().find(".xls"), std::string::npos);
}

TEST(CsvTable, OpenTableFile) {
  Result<std::unique_ptr<TableReader>> missing = OpenTableFile("/nonexistent/zl/table.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);

  char path[] = "/tmp/zl-sheet-csv-XXXXXX";
  const int fd = ::mkstemp(path);
  ASSERT_GE(fd, 0);
  const std::string text = "a,b\n1,2\n";
  ASSERT_EQ(::write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  ::close(fd);
  Result<std::unique_ptr<TableReader>> reader = OpenTableFile(path);
  ::unlink(path);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  Row cells;
  ASSERT_TRUE(*(*reader)->Next(cells));
  EXPECT_EQ(cells, (Row{"a", "b"}));
}

}  // namespace
}  // namespace zl::sheet
