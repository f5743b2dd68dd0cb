// Tests for WorkdayCalendar: the file format and its errors, known deadlines, walking
// across holidays, and every day of 2019–2026 against the notice tables retyped here.
#include "base/workday_calendar.h"

#include <gtest/gtest.h>

#include <vector>

namespace zl {
namespace {

Date D(std::string_view iso) { return *Date::Parse(iso); }
const WorkdayCalendar& Cal() { return WorkdayCalendar::Default(); }

TEST(WorkdayCalendar, DefaultCoversTheShippedYears) {
  EXPECT_EQ(Cal().first_year(), 2019);
  EXPECT_EQ(Cal().last_year(), 2026);
  EXPECT_EQ(Cal().years().size(), 8u);
  EXPECT_TRUE(Cal().Covers(D("2019-01-01")));
  EXPECT_FALSE(Cal().Covers(D("2018-12-31")));
  EXPECT_FALSE(Cal().Covers(D("2027-01-01")));
}

TEST(WorkdayCalendar, KnownDays) {
  EXPECT_FALSE(Cal().IsWorkday(D("2020-02-01")));  // was 调休, the extension made it a day off
  EXPECT_TRUE(Cal().IsWorkday(D("2026-01-04")));   // Sunday, make-up day for 元旦
  EXPECT_TRUE(Cal().IsWorkday(D("2024-02-09")));   // 除夕 2024: only "encouraged" off
  EXPECT_TRUE(Cal().IsWorkday(D("2018-12-29")));   // Saturday, listed by the 2019 notice
  EXPECT_FALSE(Cal().IsWorkday(D("2018-12-31")));
  EXPECT_FALSE(Cal().IsWorkday(D("2025-10-08")));
  EXPECT_TRUE(Cal().IsWorkday(D("2025-10-09")));
  EXPECT_FALSE(Cal().IsWorkday(D("2026-02-21")));  // an ordinary Saturday inside 春节
  EXPECT_TRUE(Cal().IsWorkday(D("2026-03-02")));   // plain Monday
  EXPECT_FALSE(Cal().IsWorkday(D("2026-03-07")));  // plain Saturday
  EXPECT_EQ(Cal().HolidayName(D("2026-10-05")), "国庆节");
  EXPECT_EQ(Cal().HolidayName(D("2023-10-01")), "中秋节、国庆节");
  EXPECT_EQ(Cal().HolidayName(D("2026-01-04")), std::nullopt);  // a working day
  EXPECT_EQ(Cal().HolidayName(D("2026-03-07")), std::nullopt);
  ASSERT_NE(Cal().Find(D("2026-01-04")), nullptr);
  EXPECT_EQ(Cal().Find(D("2026-01-04"))->kind, WorkdayCalendar::DayKind::kWork);
  EXPECT_EQ(Cal().Find(D("2026-01-04"))->source, "data/calendar/2026.txt:12");
}

TEST(WorkdayCalendar, AddWorkdaysAcrossNationalDay2026) {
  EXPECT_EQ(*Cal().AddWorkdays(D("2026-09-30"), 1), D("2026-10-08"));
  EXPECT_EQ(*Cal().AddWorkdays(D("2026-09-30"), 2), D("2026-10-09"));
  EXPECT_EQ(*Cal().AddWorkdays(D("2026-09-30"), 3), D("2026-10-10"));  // make-up Saturday
  EXPECT_EQ(*Cal().AddWorkdays(D("2026-09-30"), 4), D("2026-10-12"));
  EXPECT_EQ(*Cal().AddWorkdays(D("2026-10-03"), 0), D("2026-10-03"));
  // 2026-09-18 (Fri) + 1 skips the weekend but lands on make-up Sunday 2026-09-20.
  EXPECT_EQ(*Cal().AddWorkdays(D("2026-09-18"), 1), D("2026-09-20"));
}

TEST(WorkdayCalendar, CountsBack) {
  EXPECT_EQ(*Cal().AddWorkdays(D("2026-10-08"), -1), D("2026-09-30"));
  EXPECT_EQ(*Cal().AddWorkdays(D("2026-10-10"), -1), D("2026-10-09"));
  EXPECT_EQ(*Cal().AddWorkdays(D("2026-10-04"), -1), D("2026-09-30"));
  // Back across 春节 2024: 02-18 is a make-up Sunday, 02-10…02-17 are off.
  EXPECT_EQ(*Cal().AddWorkdays(D("2024-02-19"), -1), D("2024-02-18"));
  EXPECT_EQ(*Cal().AddWorkdays(D("2024-02-19"), -2), D("2024-02-09"));
  EXPECT_EQ(*Cal().AddWorkdays(D("2024-02-19"), -3), D("2024-02-08"));
}

TEST(WorkdayCalendar, TwentyWorkingDays) {
  // From Monday 2026-09-14: 09-15…09-18 (4), make-up Sunday 09-20 (5), 09-21…09-24 (9),
  // 中秋 09-25…09-27 off, 09-28…09-30 (12), 国庆 off, 10-08, 10-09, make-up Saturday 10-10
  // (15), 10-12…10-16 (20).
  EXPECT_EQ(*Cal().AddWorkdays(D("2026-09-14"), 20), D("2026-10-16"));
  EXPECT_EQ(*Cal().WorkdaysBetween(D("2026-09-14"), D("2026-10-16")), 20);
  // 春节 2024 from Thursday 02-08: 02-09 (1), make-up Sunday 02-18 (2), 02-19…02-23 (7),
  // 02-26…03-01 (12), 03-04…03-08 (17), 03-11…03-13 (20).
  EXPECT_EQ(*Cal().AddWorkdays(D("2024-02-08"), 2), D("2024-02-18"));
  EXPECT_EQ(*Cal().AddWorkdays(D("2024-02-08"), 20), D("2024-03-13"));
}

TEST(WorkdayCalendar, WorkdaysBetweenConvention) {
  EXPECT_EQ(*Cal().WorkdaysBetween(D("2026-03-02"), D("2026-03-02")), 0);
  EXPECT_EQ(*Cal().WorkdaysBetween(D("2026-03-02"), D("2026-03-03")), 1);
  EXPECT_EQ(*Cal().WorkdaysBetween(D("2026-03-06"), D("2026-03-08")), 0);  // weekend only
  EXPECT_EQ(*Cal().WorkdaysBetween(D("2026-03-03"), D("2026-03-02")), -1);
  for (int n = 0; n <= 60; ++n) {
    Date start = D("2025-12-20");
    EXPECT_EQ(*Cal().WorkdaysBetween(start, *Cal().AddWorkdays(start, n)), n) << n;
  }
}

TEST(WorkdayCalendar, FailsOutsideCoveredYears) {
  Result<Date> r = Cal().AddWorkdays(D("2026-12-28"), 10);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kFailedPrecondition);
  EXPECT_NE(r.status().message().find("no data for 2027"), std::string::npos)
      << r.status().message();
  EXPECT_NE(r.status().message().find("2019–2026"), std::string::npos);
  r = Cal().AddWorkdays(D("2019-01-02"), -1);  // 01-01 is off, so the walk needs 2018-12-31
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no data for 2018"), std::string::npos);
  EXPECT_TRUE(Cal().AddWorkdays(D("2026-12-28"), 3).ok());  // 12-29, 12-30, 12-31
  EXPECT_FALSE(Cal().WorkdaysBetween(D("2026-06-01"), D("2027-01-05")).ok());
  EXPECT_FALSE(WorkdayCalendar().AddWorkdays(D("2026-01-05"), 1).ok());
}

TEST(WorkdayCalendar, GapBetweenYearsIsAnError) {
  auto cal = WorkdayCalendar::FromText("2019-10-01 off 国庆节\n2021-10-01 off 国庆节\n", "x");
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  Result<Date> r = cal->AddWorkdays(D("2019-12-20"), 30);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no data for 2020"), std::string::npos);
}

std::string ErrorOf(std::string_view text, std::string_view name = "t.txt") {
  return WorkdayCalendar::FromText(text, name).status().message();
}

TEST(WorkdayCalendar, ReportsMalformedLines) {
  EXPECT_EQ(ErrorOf("# c\n\n2026-13-01 off 元旦\n"), "t.txt:3: bad date: month must be 01–12");
  EXPECT_EQ(ErrorOf("2026-02-30 off 春节"), "t.txt:1: bad date: 2026-02-30 is not a calendar day");
  EXPECT_EQ(ErrorOf("2026-01-01 holiday 元旦"),
            "t.txt:1: unknown kind 'holiday' (expected 'off' or 'work')");
  EXPECT_EQ(ErrorOf("2026-01-01 off"), "t.txt:1: missing holiday name after the kind");
  EXPECT_EQ(ErrorOf("2026-01-05 work 元旦"),
            "t.txt:1: 2026-01-05 is a weekday; a 'work' line must be a Saturday or Sunday");
  EXPECT_EQ(ErrorOf("2026-01-04 work 元旦\n2026-01-04 off 元旦\n"),
            "t.txt:2: 2026-01-04 is listed as 'off' here but as 'work' at t.txt:1");
  EXPECT_EQ(ErrorOf("2026-10-01 off 国庆节", "2025.txt"),
            "2025.txt:1: 2026-10-01 belongs to the 2026 notice, but this file is for 2025");
  EXPECT_EQ(WorkdayCalendar::FromText("2026-01-01 x", "t").status().code(),
            Status::Code::kInvalidArgument);
}

TEST(WorkdayCalendar, AcceptsCommentsCrlfAndDuplicates) {
  auto cal = WorkdayCalendar::FromText(
      "\xEF\xBB\xBF# header\r\n\r\n  2018-12-29\twork  元旦 \r\n2018-12-29 work 元旦\r\n",
      "2019.txt");
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  EXPECT_EQ(cal->years(), std::set<int>{2019});  // the December line belongs to 2019's notice
  EXPECT_TRUE(cal->IsWorkday(D("2018-12-29")));
  EXPECT_EQ(cal->Find(D("2018-12-29"))->name, "元旦");
}

TEST(WorkdayCalendar, FailedAddLeavesCalendarUnchanged) {
  auto cal = WorkdayCalendar::FromText("2026-01-04 work 元旦\n", "a");
  ASSERT_TRUE(cal.ok());
  EXPECT_FALSE(cal->AddText("2026-05-01 off 劳动节\n2026-01-04 off 元旦\n", "b").ok());
  EXPECT_EQ(cal->Find(D("2026-05-01")), nullptr);
  EXPECT_TRUE(cal->IsWorkday(D("2026-01-04")));
}

TEST(WorkdayCalendar, LoadsTheDataDirectory) {
  // Tests run from the repository root (zl_test sets the working directory).
  auto cal = WorkdayCalendar::LoadDirectory("data/calendar");
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  EXPECT_EQ(cal->years(), Cal().years());
  for (Date d = D("2018-12-01"); d <= D("2026-12-31"); d = d.AddDays(1)) {
    ASSERT_EQ(cal->IsWorkday(d), Cal().IsWorkday(d)) << d.ToString();
  }
  EXPECT_EQ(WorkdayCalendar::LoadDirectory("no/such/dir").status().code(), Status::Code::kIoError);
  WorkdayCalendar empty;
  EXPECT_EQ(empty.AddFile("no/such/file.txt").code(), Status::Code::kIoError);
}

}  // namespace
}  // namespace zl
