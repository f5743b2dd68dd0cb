// Checks the shipped calendar data (data/calendar/*.txt, embedded) day by day against the
// notice tables of shared/domain/cn-workday-calendar.md, retyped here as ranges, and checks
// each year's number of working days against totals counted by hand from those tables.
#include <gtest/gtest.h>

#include <vector>

#include "base/workday_calendar.h"

namespace zl {
namespace {

struct Holiday {
  const char* from;  // first day off
  const char* to;    // last day off
  std::vector<const char*> make_up;
};

// One row per holiday, copied from the tables (not from the machine-readable block).
const std::vector<Holiday> kTables = {
    // 2019 (国办发明电〔2018〕15号, 劳动节 as changed by 〔2019〕3号)
    {"2018-12-30", "2019-01-01", {"2018-12-29"}},
    {"2019-02-04", "2019-02-10", {"2019-02-02", "2019-02-03"}},
    {"2019-04-05", "2019-04-07", {}},
    {"2019-05-01", "2019-05-04", {"2019-04-28", "2019-05-05"}},
    {"2019-06-07", "2019-06-09", {}},
    {"2019-09-13", "2019-09-15", {}},
    {"2019-10-01", "2019-10-07", {"2019-09-29", "2019-10-12"}},
    // 2020 (〔2019〕16号, 春节 extended by 〔2020〕1号: 2020-02-01 is no longer a make-up day)
    {"2020-01-01", "2020-01-01", {}},
    {"2020-01-24", "2020-02-02", {"2020-01-19"}},
    {"2020-04-04", "2020-04-06", {}},
    {"2020-05-01", "2020-05-05", {"2020-04-26", "2020-05-09"}},
    {"2020-06-25", "2020-06-27", {"2020-06-28"}},
    {"2020-10-01", "2020-10-08", {"2020-09-27", "2020-10-10"}},
    // 2021 (〔2020〕27号)
    {"2021-01-01", "2021-01-03", {}},
    {"2021-02-11", "2021-02-17", {"2021-02-07", "2021-02-20"}},
    {"2021-04-03", "2021-04-05", {}},
    {"2021-05-01", "2021-05-05", {"2021-04-25", "2021-05-08"}},
    {"2021-06-12", "2021-06-14", {}},
    {"2021-09-19", "2021-09-21", {"2021-09-18"}},
    {"2021-10-01", "2021-10-07", {"2021-09-26", "2021-10-09"}},
    // 2022 (〔2021〕11号)
    {"2022-01-01", "2022-01-03", {}},
    {"2022-01-31", "2022-02-06", {"2022-01-29", "2022-01-30"}},
    {"2022-04-03", "2022-04-05", {"2022-04-02"}},
    {"2022-04-30", "2022-05-04", {"2022-04-24", "2022-05-07"}},
    {"2022-06-03", "2022-06-05", {}},
    {"2022-09-10", "2022-09-12", {}},
    {"2022-10-01", "2022-10-07", {"2022-10-08", "2022-10-09"}},
    // 2023 (〔2022〕16号)
    {"2022-12-31", "2023-01-02", {}},
    {"2023-01-21", "2023-01-27", {"2023-01-28", "2023-01-29"}},
    {"2023-04-05", "2023-04-05", {}},
    {"2023-04-29", "2023-05-03", {"2023-04-23", "2023-05-06"}},
    {"2023-06-22", "2023-06-24", {"2023-06-25"}},
    {"2023-09-29", "2023-10-06", {"2023-10-07", "2023-10-08"}},
    // 2024 (〔2023〕7号)
    {"2023-12-30", "2024-01-01", {}},
    {"2024-02-10", "2024-02-17", {"2024-02-04", "2024-02-18"}},
    {"2024-04-04", "2024-04-06", {"2024-04-07"}},
    {"2024-05-01", "2024-05-05", {"2024-04-28", "2024-05-11"}},
    {"2024-06-08", "2024-06-10", {}},
    {"2024-09-15", "2024-09-17", {"2024-09-14"}},
    {"2024-10-01", "2024-10-07", {"2024-09-29", "2024-10-12"}},
    // 2025 (〔2024〕12号)
    {"2025-01-01", "2025-01-01", {}},
    {"2025-01-28", "2025-02-04", {"2025-01-26", "2025-02-08"}},
    {"2025-04-04", "2025-04-06", {}},
    {"2025-05-01", "2025-05-05", {"2025-04-27"}},
    {"2025-05-31", "2025-06-02", {}},
    {"2025-10-01", "2025-10-08", {"2025-09-28", "2025-10-11"}},
    // 2026 (〔2025〕7号)
    {"2026-01-01", "2026-01-03", {"2026-01-04"}},
    {"2026-02-15", "2026-02-23", {"2026-02-14", "2026-02-28"}},
    {"2026-04-04", "2026-04-06", {}},
    {"2026-05-01", "2026-05-05", {"2026-05-09"}},
    {"2026-06-19", "2026-06-21", {}},
    {"2026-09-25", "2026-09-27", {}},
    {"2026-10-01", "2026-10-07", {"2026-09-20", "2026-10-10"}},
};

Date D(std::string_view iso) { return *Date::Parse(iso); }

bool ExpectedWorkday(Date d) {
  for (const Holiday& h : kTables) {
    if (D(h.from) <= d && d <= D(h.to)) return false;
    for (const char* m : h.make_up) {
      if (D(m) == d) return true;
    }
  }
  return d.weekday() <= 5;
}

TEST(WorkdayCalendarData, EveryDayMatchesTheNoticeTables) {
  const WorkdayCalendar& cal = WorkdayCalendar::Default();
  int checked = 0;
  for (Date d = D("2018-12-01"); d <= D("2026-12-31"); d = d.AddDays(1), ++checked) {
    ASSERT_EQ(cal.IsWorkday(d), ExpectedWorkday(d)) << d.ToString();
  }
  EXPECT_EQ(checked, 31 + 365 * 8 + 2);  // December 2018, then 2019–2026 with two leap years
}

int WorkdaysInYear(const WorkdayCalendar& cal, int year) {
  return *cal.WorkdaysBetween(Date::FromYmd(year - 1, 12, 31), Date::FromYmd(year, 12, 31));
}

TEST(WorkdayCalendarData, WorkingDaysPerYear) {
  // Counted by hand from the tables as weekdays − weekdays off + make-up days, e.g. 2026:
  // 261 weekdays (365 days, starting on a Thursday); weekdays off 2 (元旦) + 6 (春节) + 1 + 3
  // + 1 + 1 + 5 (国庆) = 19; make-up days 6; 261 − 19 + 6 = 248.
  // Cross-check: every notice gives each statutory holiday day off on a weekday, so the total
  // is weekdays − statutory days (11 until 2024, 13 from 2025; 2020 lost 2 more to the 春节
  // extension: 01-31 off, 02-01 no longer a make-up day).
  struct Year {
    int year, weekdays, statutory_days, extra_days_off, working_days;
  };
  const Year kYears[] = {
      {2019, 261, 11, 0, 250}, {2020, 262, 11, 2, 249}, {2021, 261, 11, 0, 250},
      {2022, 260, 11, 0, 249}, {2023, 260, 11, 0, 249}, {2024, 262, 11, 0, 251},
      {2025, 261, 13, 0, 248}, {2026, 261, 13, 0, 248},
  };
  const WorkdayCalendar& cal = WorkdayCalendar::Default();
  for (const Year& y : kYears) {
    int weekdays = 0;
    for (Date d = Date::FromYmd(y.year, 1, 1); d.year() == y.year; d = d.AddDays(1)) {
      weekdays += d.weekday() <= 5;
    }
    EXPECT_EQ(weekdays, y.weekdays) << y.year;
    EXPECT_EQ(y.weekdays - y.statutory_days - y.extra_days_off, y.working_days) << y.year;
    EXPECT_EQ(WorkdaysInYear(cal, y.year), y.working_days) << y.year;
  }
}

}  // namespace
}  // namespace zl
