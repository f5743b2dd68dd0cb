// Date: a civil (proleptic Gregorian) calendar date with no time zone, as used for
// deadlines, publication periods and holiday calendars. It is stored as the number of days
// since 1970-01-01, so it is cheap to copy, compare and step by days.
#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace zl {

struct Date {
  std::int32_t days_since_epoch = 0;  // 0 is 1970-01-01

  // Parses strict ISO 8601 "YYYY-MM-DD" (year 0001–9999, no surrounding space). Fails with
  // InvalidArgument naming the problem, e.g. "month must be 01–12" or
  // "2023-02-29 is not a calendar day".
  static Result<Date> Parse(std::string_view iso);
  // Precondition: y-m-d is a real calendar day (see IsValidYmd).
  static Date FromYmd(int y, int m, int d);
  static constexpr Date FromDays(std::int32_t days) { return Date{days}; }
  // Today's date in UTC. China (UTC+8, no daylight saving) is a day ahead between 00:00 and
  // 08:00 Beijing time; use TodayInBeijing() for deadlines that follow Chinese office days.
  static Date Today();
  static Date TodayInBeijing();

  static bool IsLeapYear(int y);
  static int DaysInMonth(int y, int m);  // precondition: 1 <= m <= 12
  static bool IsValidYmd(int y, int m, int d);

  int year() const;
  int month() const;  // 1–12
  int day() const;    // 1–31
  // ISO weekday: 1 = Monday … 7 = Sunday.
  int weekday() const;
  bool is_weekend() const { return weekday() >= 6; }

  std::string ToString() const;  // "YYYY-MM-DD"
  Date AddDays(int n) const { return Date{days_since_epoch + n}; }
  // The same day `n` calendar months later (n < 0: earlier), clamped to the month's last
  // day: 2024-01-31 + 1 month = 2024-02-29. For validity periods and look-back windows.
  Date AddMonths(int n) const;

  friend constexpr auto operator<=>(const Date&, const Date&) = default;
  friend constexpr bool operator==(const Date&, const Date&) = default;
};

// ToString() of a date that may be absent; "" when it is (how optional dates are stored and
// sent: publication windows).
std::string OptionalDateText(const std::optional<Date>& date);

// Writes ToString(), so that test failures and logs show "2026-10-08".
std::ostream& operator<<(std::ostream& os, Date d);

}  // namespace zl
