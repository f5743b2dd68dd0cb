// Tests for .xlsx value formatting: numbers, Excel date serials, number-format kinds, escapes.
#include "sheet/xlsx_values.h"

#include <gtest/gtest.h>

namespace zl::sheet {
namespace {

std::string Format(std::string_view value, NumberKind kind = NumberKind::kNumber,
                   bool date1904 = false) {
  std::string out = "stale";
  FormatNumberCell(value, kind, date1904, out);
  return out;
}

TEST(XlsxValues, IntegersHaveNoFractionOrExponent) {
  EXPECT_EQ(Format("130200"), "130200");
  EXPECT_EQ(Format("1.30200E5"), "130200");
  EXPECT_EQ(Format("130200.0"), "130200");
  EXPECT_EQ(Format("-42"), "-42");
  EXPECT_EQ(Format("-0"), "0");
  EXPECT_EQ(Format("1E+20"), "100000000000000000000");
  // An 18-digit ID typed as a number keeps Excel's 15 significant digits, not invented ones.
  EXPECT_EQ(Format("1.30181199001011E+17"), "130181199001011000");
  EXPECT_EQ(Format("-1.30181199001011E+17"), "-130181199001011000");
  EXPECT_EQ(Format("9007199254740993"), "9007199254740992");
  EXPECT_EQ(Format("1E+21"), "1e+21");
}

TEST(XlsxValues, OtherNumbersInShortestRoundTripForm) {
  EXPECT_EQ(Format("0.1"), "0.1");
  EXPECT_EQ(Format("-12.5"), "-12.5");
  EXPECT_EQ(Format("0.30000000000000004"), "0.30000000000000004");
  EXPECT_EQ(Format("1E-7"), "1e-07");
  EXPECT_EQ(Format("not a number"), "not a number");
}

TEST(XlsxValues, Dates1900SystemWithTheFakeLeapDay) {
  EXPECT_EQ(Format("45000", NumberKind::kDate), "2023-03-15");
  EXPECT_EQ(Format("1", NumberKind::kDate), "1900-01-01");
  EXPECT_EQ(Format("59", NumberKind::kDate), "1900-02-28");
  EXPECT_EQ(Format("60", NumberKind::kDate), "1900-02-29");
  EXPECT_EQ(Format("61", NumberKind::kDate), "1900-03-01");
  EXPECT_EQ(Format("2958465", NumberKind::kDate), "9999-12-31");
  EXPECT_EQ(Format("45000.75", NumberKind::kDate), "2023-03-15");
  // A stored midnight a hair short of the next day is that day.
  EXPECT_EQ(Format("45000.9999999999", NumberKind::kDate), "2023-03-16");
  // Serials with no date are left as numbers.
  EXPECT_EQ(Format("0", NumberKind::kDate), "0");
  EXPECT_EQ(Format("-1", NumberKind::kDate), "-1");
  EXPECT_EQ(Format("2958466", NumberKind::kDate), "2958466");
}

TEST(XlsxValues, Dates1904System) {
  EXPECT_EQ(Format("0", NumberKind::kDate, true), "1904-01-01");
  EXPECT_EQ(Format("43538", NumberKind::kDate, true), "2023-03-15");
}

TEST(XlsxValues, DateTimesAndTimes) {
  EXPECT_EQ(Format("45000.5", NumberKind::kDateTime), "2023-03-15 12:00:00");
  EXPECT_EQ(Format("45000", NumberKind::kDateTime), "2023-03-15");
  EXPECT_EQ(Format("0.5", NumberKind::kTime), "12:00:00");
  EXPECT_EQ(Format("0.75001", NumberKind::kTime), "18:00:01");
}

TEST(XlsxValues, BuiltinFormatKinds) {
  EXPECT_EQ(BuiltinFormatKind(0), NumberKind::kNumber);
  EXPECT_EQ(BuiltinFormatKind(14), NumberKind::kDate);
  EXPECT_EQ(BuiltinFormatKind(17), NumberKind::kDate);
  EXPECT_EQ(BuiltinFormatKind(20), NumberKind::kTime);
  EXPECT_EQ(BuiltinFormatKind(22), NumberKind::kDateTime);
  EXPECT_EQ(BuiltinFormatKind(46), NumberKind::kTime);
  EXPECT_EQ(BuiltinFormatKind(49), NumberKind::kNumber);
  EXPECT_EQ(BuiltinFormatKind(31), NumberKind::kDate);  // yyyy"年"m"月"d"日" in zh-CN
  EXPECT_EQ(BuiltinFormatKind(58), NumberKind::kDate);  // m"月"d"日"
}

TEST(XlsxValues, CustomFormatCodeKinds) {
  EXPECT_EQ(FormatCodeKind("yyyy/m/d"), NumberKind::kDate);
  EXPECT_EQ(FormatCodeKind("yyyy\"年\"m\"月\"d\"日\""), NumberKind::kDate);
  EXPECT_EQ(FormatCodeKind("[$-804]yyyy-mm-dd"), NumberKind::kDate);
  EXPECT_EQ(FormatCodeKind("mmm"), NumberKind::kDate);
  EXPECT_EQ(FormatCodeKind("m/d/yy h:mm"), NumberKind::kDateTime);
  EXPECT_EQ(FormatCodeKind("h:mm:ss"), NumberKind::kTime);
  EXPECT_EQ(FormatCodeKind("mm:ss"), NumberKind::kTime);
  EXPECT_EQ(FormatCodeKind("[h]:mm"), NumberKind::kTime);
  EXPECT_EQ(FormatCodeKind("General"), NumberKind::kNumber);
  EXPECT_EQ(FormatCodeKind("0.00"), NumberKind::kNumber);
  EXPECT_EQ(FormatCodeKind("0.00E+00"), NumberKind::kNumber);
  EXPECT_EQ(FormatCodeKind("#,##0.00_);[Red](#,##0.00)"), NumberKind::kNumber);
  EXPECT_EQ(FormatCodeKind("\"day \"0"), NumberKind::kNumber);
  EXPECT_EQ(FormatCodeKind("0\\d"), NumberKind::kNumber);
  EXPECT_EQ(FormatCodeKind("@"), NumberKind::kNumber);
}

TEST(XlsxValues, OoxmlEscapes) {
  auto decode = [](std::string s) {
    DecodeOoxmlEscapes(s);
    return s;
  };
  EXPECT_EQ(decode("A_x000D_B"), "A\rB");
  EXPECT_EQ(decode("_x005F_x0041_"), "_x0041_");
  EXPECT_EQ(decode("_xD83D__xDE00_"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(decode("_x12_ and _xZZZZ_"), "_x12_ and _xZZZZ_");
  EXPECT_EQ(decode("plain"), "plain");
}

}  // namespace
}  // namespace zl::sheet
