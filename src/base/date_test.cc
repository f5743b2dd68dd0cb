// Tests for Date: the civil-date algorithms, strict ISO parsing and weekday arithmetic.
#include "base/date.h"

#include <gtest/gtest.h>

namespace zl {
namespace {

TEST(Date, EpochAndKnownDays) {
  EXPECT_EQ(Date::FromYmd(1970, 1, 1).days_since_epoch, 0);
  EXPECT_EQ(Date::FromYmd(1969, 12, 31).days_since_epoch, -1);
  EXPECT_EQ(Date::FromYmd(2000, 3, 1).days_since_epoch, 11017);
  // 2024-01-01 is 54 years after 1970 with 13 leap days in between (1972 … 2020).
  EXPECT_EQ(Date::FromYmd(2024, 1, 1).days_since_epoch, 54 * 365 + 13);
}

TEST(Date, RoundTripsEveryDayOverFourCenturies) {
  Date d = Date::FromYmd(1800, 1, 1);
  int y = 1800, m = 1, day = 1;
  for (; y < 2201; d = d.AddDays(1)) {
    ASSERT_EQ(d.year(), y);
    ASSERT_EQ(d.month(), m);
    ASSERT_EQ(d.day(), day);
    ASSERT_EQ(Date::FromYmd(y, m, day), d);
    if (++day > Date::DaysInMonth(y, m)) {
      day = 1;
      if (++m > 12) m = 1, ++y;
    }
  }
}

TEST(Date, Weekday) {
  EXPECT_EQ(Date::FromYmd(1970, 1, 1).weekday(), 4);    // Thursday
  EXPECT_EQ(Date::FromYmd(1969, 12, 28).weekday(), 7);  // Sunday, before the epoch
  EXPECT_EQ(Date::FromYmd(2026, 1, 4).weekday(), 7);    // Sunday
  EXPECT_EQ(Date::FromYmd(2024, 2, 9).weekday(), 5);    // Friday
  EXPECT_EQ(Date::FromYmd(2019, 10, 1).weekday(), 2);   // Tuesday
  EXPECT_TRUE(Date::FromYmd(2020, 2, 1).is_weekend());  // Saturday
  EXPECT_FALSE(Date::FromYmd(2020, 2, 3).is_weekend());
}

TEST(Date, LeapYears) {
  EXPECT_TRUE(Date::IsLeapYear(2000));
  EXPECT_FALSE(Date::IsLeapYear(1900));
  EXPECT_TRUE(Date::IsLeapYear(2024));
  EXPECT_FALSE(Date::IsLeapYear(2023));
  EXPECT_EQ(Date::DaysInMonth(2024, 2), 29);
  EXPECT_EQ(Date::DaysInMonth(2100, 2), 28);
}

TEST(Date, ParsesAndPrintsIso) {
  Result<Date> d = Date::Parse("2026-10-01");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(*d, Date::FromYmd(2026, 10, 1));
  EXPECT_EQ(d->ToString(), "2026-10-01");
  EXPECT_EQ(Date::FromYmd(5, 3, 9).ToString(), "0005-03-09");
  EXPECT_TRUE(Date::Parse("2024-02-29").ok());
}

TEST(Date, RejectsMalformedWithReason) {
  auto reason = [](std::string_view s) { return Date::Parse(s).status().message(); };
  EXPECT_EQ(reason("2023-13-01"), "month must be 01–12");
  EXPECT_EQ(reason("2023-00-10"), "month must be 01–12");
  EXPECT_EQ(reason("2023-01-32"), "day must be 01–31");
  EXPECT_EQ(reason("2023-02-29"), "2023-02-29 is not a calendar day");
  EXPECT_EQ(reason("2023-04-31"), "2023-04-31 is not a calendar day");
  EXPECT_EQ(reason("0000-01-01"), "year must be 0001–9999");
  EXPECT_NE(reason("2023-1-01").find("YYYY-MM-DD"), std::string::npos);
  EXPECT_NE(reason(" 2023-01-01").find("YYYY-MM-DD"), std::string::npos);
  EXPECT_NE(reason("2023/01/01").find("YYYY-MM-DD"), std::string::npos);
  EXPECT_NE(reason("2023-0a-01").find("digits"), std::string::npos);
  EXPECT_NE(reason("+023-01-01").find("digits"), std::string::npos);
  EXPECT_EQ(Date::Parse("").status().code(), Status::Code::kInvalidArgument);
}

TEST(Date, ComparesAndSteps) {
  Date a = Date::FromYmd(2025, 12, 31);
  EXPECT_EQ(a.AddDays(1), Date::FromYmd(2026, 1, 1));
  EXPECT_EQ(a.AddDays(-365), Date::FromYmd(2024, 12, 31));
  EXPECT_LT(a, a.AddDays(1));
  EXPECT_GT(a, a.AddDays(-1));
  EXPECT_NE(a, a.AddDays(7));
}

TEST(Date, AddsMonthsClampingToTheMonthEnd) {
  EXPECT_EQ(Date::FromYmd(2024, 1, 31).AddMonths(1), Date::FromYmd(2024, 2, 29));
  EXPECT_EQ(Date::FromYmd(2025, 1, 31).AddMonths(1), Date::FromYmd(2025, 2, 28));
  EXPECT_EQ(Date::FromYmd(2026, 11, 27).AddMonths(-36), Date::FromYmd(2023, 11, 27));
  EXPECT_EQ(Date::FromYmd(2026, 3, 15).AddMonths(-3), Date::FromYmd(2025, 12, 15));
  EXPECT_EQ(Date::FromYmd(2026, 11, 27).AddMonths(0), Date::FromYmd(2026, 11, 27));
}

TEST(Date, TodayIsPlausible) {
  Date today = Date::Today();
  EXPECT_GE(today.year(), 2024);
  Date beijing = Date::TodayInBeijing();
  EXPECT_TRUE(beijing == today || beijing == today.AddDays(1));
}

}  // namespace
}  // namespace zl
