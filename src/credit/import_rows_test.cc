// Tests of import row validation: each kind of bad cell is reported with its column.
#include "credit/import_rows.h"

#include <gtest/gtest.h>

namespace zl::credit {
namespace {

using Cells = std::vector<std::string>;
const Date kToday = Date::FromYmd(2026, 11, 27);

Cells GoodRecord() {
  return {"91130100MA0C123409",
          "inspection_fail",
          "2024-05-01",
          "抽查不合格：标志和标签",
          "河北省市场监督管理局",
          "冀市监抽〔2024〕12号",
          "bad",
          "general",
          "2024-05-10",
          "2027-05-10"};
}

std::vector<store::ImportError> RecordErrors(Cells cells) {
  std::vector<store::ImportError> errors;
  EXPECT_FALSE(ParseRecordRow(cells, 7, kToday, errors).has_value());
  return errors;
}

TEST(ImportRowsTest, HeaderMustMatchExactly) {
  EXPECT_TRUE(CheckHeader(ImportKind::kRecords, {"uscc", "kind", "occurred_on", "title",
                                                 "source_department", "document_no", "polarity",
                                                 "severity", "published_from", "published_until"})
                  .ok());
  Status extra = CheckHeader(ImportKind::kEnterprises,
                             {"uscc", "name", "region_code", "industry", "size", "founded_on",
                              "legal_representative", "address", "phone"});
  EXPECT_EQ(extra.field(), "file");
  EXPECT_NE(extra.message().find("unexpected column 'phone'"), std::string::npos);
  Status missing = CheckHeader(ImportKind::kEnterprises, {"uscc", "name"});
  EXPECT_NE(missing.message().find("column 3 must be 'region_code'"), std::string::npos);
}

TEST(ImportRowsTest, AcceptsAGoodRecord) {
  std::vector<store::ImportError> errors;
  Cells cells = GoodRecord();
  auto r = ParseRecordRow(cells, 2, kToday, errors);
  ASSERT_TRUE(r.has_value()) << errors[0].column << ": " << errors[0].reason;
  EXPECT_EQ(r->kind, "inspection_fail");
  EXPECT_EQ(r->severity, domain::Severity::kGeneral);
  EXPECT_EQ(r->published_until->ToString(), "2027-05-10");
}

TEST(ImportRowsTest, ReportsEachBadCellWithItsColumn) {
  Cells c = GoodRecord();
  c[0] = "914403001922038217";  // wrong check character
  c[1] = "bribe";
  c[2] = "2024-13-45";
  auto errors = RecordErrors(c);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].column, "uscc");
  EXPECT_EQ(errors[0].row, 7);
  EXPECT_NE(errors[0].reason.find("check character"), std::string::npos);
  EXPECT_EQ(errors[1].column, "kind");
  EXPECT_EQ(errors[2].column, "occurred_on");
}

TEST(ImportRowsTest, ChecksPolaritySeverityAndWindow) {
  Cells c = GoodRecord();
  c[6] = "good";  // an inspection failure cannot be good, and good records have no severity
  auto errors = RecordErrors(c);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].column, "polarity");
  EXPECT_EQ(errors[1].column, "severity");
  c = GoodRecord();
  c[9] = "2024-01-01";
  EXPECT_EQ(RecordErrors(c).at(0).column, "published_until");
  c = GoodRecord();
  c[2] = "2027-01-01";
  EXPECT_NE(RecordErrors(c).at(0).reason.find("future"), std::string::npos);
  c = GoodRecord();
  c[1] = "revocation";
  c[6] = "neutral";
  c[7] = "";
  EXPECT_EQ(RecordErrors(c).at(0).column, "kind");
}

TEST(ImportRowsTest, WholeRowProblems) {
  auto errors = RecordErrors({});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].reason, "empty line");
  Cells c = GoodRecord();
  c.push_back("extra");
  errors = RecordErrors(c);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].column, "");
  EXPECT_NE(errors[0].reason.find("11 fields"), std::string::npos);
}

TEST(ImportRowsTest, EnterpriseRows) {
  std::vector<store::ImportError> errors;
  Cells good = {"91130100MA0C123409",
                "石家庄市测试钢铁有限公司",
                "130100",
                "C31",
                "中型",
                "2016-03-01",
                "王小明",
                "石家庄市长安区"};
  auto e = ParseEnterpriseRow(good, 2, kToday, errors);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->industry_code, "C31");
  EXPECT_EQ(e->legal_representative, "王小明");
  errors.clear();
  Cells bad = {"91130100MA0C123409", "", "999999", "C99", "huge", "2016-02-30"};
  EXPECT_FALSE(ParseEnterpriseRow(bad, 3, kToday, errors));
  ASSERT_EQ(errors.size(), 5u);
  EXPECT_EQ(errors[0].column, "name");
  EXPECT_EQ(errors[1].column, "region_code");
  EXPECT_EQ(errors[2].column, "industry");
  EXPECT_EQ(errors[3].column, "size");
  EXPECT_EQ(errors[4].column, "founded_on");
}

}  // namespace
}  // namespace zl::credit
