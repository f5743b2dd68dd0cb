// Tests for the CSV reader: RFC 4180 quoting, line endings, line numbers and errors.
#include "base/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace zl {
namespace {

using Fields = std::vector<std::string>;

// Reads every record; each is prefixed by its start line as a string, e.g. {"1", "a", "b"}.
std::vector<Fields> ReadAll(CsvReader& reader) {
  std::vector<Fields> out;
  Fields fields;
  while (reader.Next(fields)) {
    Fields row{std::to_string(reader.line())};
    row.insert(row.end(), fields.begin(), fields.end());
    out.push_back(row);
  }
  return out;
}

std::vector<Fields> ReadAllOk(std::string_view text) {
  CsvReader reader(text);
  std::vector<Fields> rows = ReadAll(reader);
  EXPECT_TRUE(reader.status().ok()) << reader.status().ToString();
  return rows;
}

TEST(CsvReader, SimpleRecordsWithAndWithoutFinalNewline) {
  EXPECT_EQ(ReadAllOk("name,code\n唐山钢铁,A1\n"),
            (std::vector<Fields>{{"1", "name", "code"}, {"2", "唐山钢铁", "A1"}}));
  EXPECT_EQ(ReadAllOk("a,b\nc,d"), (std::vector<Fields>{{"1", "a", "b"}, {"2", "c", "d"}}));
  EXPECT_TRUE(ReadAllOk("").empty());
}

TEST(CsvReader, LineNumberIsZeroBeforeFirstRecord) {
  CsvReader reader("a");
  EXPECT_EQ(reader.line(), 0);
}

TEST(CsvReader, CrLfAndLoneCr) {
  EXPECT_EQ(ReadAllOk("a,b\r\nc,d\r\n"), (std::vector<Fields>{{"1", "a", "b"}, {"2", "c", "d"}}));
  EXPECT_EQ(ReadAllOk("a\rb\r"), (std::vector<Fields>{{"1", "a"}, {"2", "b"}}));
}

TEST(CsvReader, EmptyFields) {
  EXPECT_EQ(ReadAllOk(",a,\n,,\n\"\"\n"),
            (std::vector<Fields>{{"1", "", "a", ""}, {"2", "", "", ""}, {"3", ""}}));
}

TEST(CsvReader, QuotedFields) {
  EXPECT_EQ(ReadAllOk("\"a,b\",\"say \"\"hi\"\"\",\"\"\"\",plain\n"),
            (std::vector<Fields>{{"1", "a,b", "say \"hi\"", "\"", "plain"}}));
  EXPECT_EQ(ReadAllOk("\"x\""), (std::vector<Fields>{{"1", "x"}}));
  EXPECT_EQ(ReadAllOk("\"x\",\r\n"), (std::vector<Fields>{{"1", "x", ""}}));
}

TEST(CsvReader, EmbeddedNewlinesKeepLineNumbers) {
  const std::string text =
      "h1,h2\r\n"
      "\"line one\r\nline two\",x\r\n"
      "\"a\nb\nc\",y\n"
      "last,z";
  EXPECT_EQ(ReadAllOk(text), (std::vector<Fields>{{"1", "h1", "h2"},
                                                  {"2", "line one\r\nline two", "x"},
                                                  {"4", "a\nb\nc", "y"},
                                                  {"7", "last", "z"}}));
}

TEST(CsvReader, BlankLinesAreRecordsWithNoFields) {
  EXPECT_EQ(ReadAllOk("a\n\nb\r\n\r\n"),
            (std::vector<Fields>{{"1", "a"}, {"2"}, {"3", "b"}, {"4"}}));
}

TEST(CsvReader, MoreFieldsThanHeaderAreReturnedAsIs) {
  EXPECT_EQ(ReadAllOk("a,b\n1,2,3,4\n5\n"),
            (std::vector<Fields>{{"1", "a", "b"}, {"2", "1", "2", "3", "4"}, {"3", "5"}}));
}

TEST(CsvReader, ReusesFieldsVector) {
  CsvReader reader("a,b,c\nd\n");
  Fields fields{"stale", "stale", "stale", "stale"};
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_EQ(fields, (Fields{"a", "b", "c"}));
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_EQ(fields, (Fields{"d"}));
  EXPECT_FALSE(reader.Next(fields));
  EXPECT_TRUE(fields.empty());
}

TEST(CsvReader, UnterminatedQuoteNamesItsStartLine) {
  CsvReader reader("a,b\nc,d\n\"open,e\nf,g\n");
  Fields fields;
  ASSERT_TRUE(reader.Next(fields));
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_FALSE(reader.Next(fields));
  EXPECT_EQ(reader.line(), 3);
  EXPECT_EQ(reader.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(reader.status().message().rfind("line 3: unterminated", 0), 0)
      << reader.status().message();
  EXPECT_FALSE(reader.Next(fields));  // stays failed
}

TEST(CsvReader, QuoteInUnquotedFieldIsAnError) {
  CsvReader reader("ok\nab\"c\"\n");
  Fields fields;
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_FALSE(reader.Next(fields));
  EXPECT_EQ(reader.line(), 2);
  EXPECT_EQ(reader.status().message().rfind("line 2: ", 0), 0) << reader.status().message();
  // A space before the opening quote makes the field unquoted, which RFC 4180 forbids too.
  CsvReader spaced("a, \"b\"\n");
  EXPECT_FALSE(spaced.Next(fields));
  EXPECT_FALSE(spaced.status().ok());
}

TEST(CsvReader, TextAfterClosingQuoteIsAnError) {
  CsvReader reader("\"a\nb\"x,c\n");
  Fields fields;
  EXPECT_FALSE(reader.Next(fields));
  EXPECT_EQ(reader.line(), 1);
  EXPECT_EQ(reader.status().message().rfind("line 2: unexpected text", 0), 0)
      << reader.status().message();
}

}  // namespace
}  // namespace zl
