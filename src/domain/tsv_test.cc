// Tests for ParseTsv: comments, header, field counts, CRLF and empty fields.
#include "domain/tsv.h"

#include <gtest/gtest.h>

namespace zl::domain {
namespace {

TEST(Tsv, ParsesRowsAfterHeader) {
  auto rows = ParseTsv("# comment\r\n\r\na\tb\tc\r\n1\t\t3\r\n# more\n4\t5\t6", "a\tb\tc", "t");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].line, 4);
  EXPECT_EQ((*rows)[0].fields, (std::vector<std::string_view>{"1", "", "3"}));
  EXPECT_EQ((*rows)[1].line, 6);
  EXPECT_EQ((*rows)[1].fields[2], "6");
}

TEST(Tsv, Errors) {
  EXPECT_EQ(ParseTsv("x\ty\n", "a\tb", "t").status().message(),
            "t:1: expected the header row 'a\tb'");
  EXPECT_EQ(ParseTsv("# only comments\n", "a\tb", "t").status().message(),
            "t: no header row 'a\tb'");
  EXPECT_EQ(ParseTsv("a\tb\n1\t2\t3\n", "a\tb", "t").status().message(),
            "t:2: expected 2 tab-separated fields, got 3");
  EXPECT_TRUE(ParseTsv("a\tb\n", "a\tb", "t").ok());
}

}  // namespace
}  // namespace zl::domain
