// Date arithmetic after Howard Hinnant's "chrono-Compatible Low-Level Date Algorithms"
// (days_from_civil / civil_from_days), which work in 400-year eras whose years start on
// 1 March so that the leap day is the last day of the year.
#include "base/date.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ostream>

namespace zl {

namespace {

struct Ymd {
  int y, m, d;
};

constexpr std::int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;  // January and February belong to the previous March-based year
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;                          // [0, 399]
  const int mp = (m + 9) % 12;                            // March = 0 … February = 11
  const int doy = (153 * mp + 2) / 5 + d - 1;             // [0, 365]
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return era * 146097 + doe - 719468;  // 719468 = days from 0000-03-01 to 1970-01-01
}

constexpr Ymd CivilFromDays(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;                                       // [0, 146096]
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const int mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return Ymd{yoe + era * 400 + (m <= 2), m, d};
}

static_assert(DaysFromCivil(1970, 1, 1) == 0);
static_assert(DaysFromCivil(2000, 3, 1) == 11017);
static_assert(CivilFromDays(-1).y == 1969 && CivilFromDays(-1).d == 31);

// Parses exactly `n` ASCII digits; -1 when any is not a digit.
int Digits(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

Date FromSystemClock(std::chrono::seconds offset) {
  auto now = std::chrono::system_clock::now() + offset;
  auto days = std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
  return Date::FromDays(static_cast<std::int32_t>(days));
}

}  // namespace

Result<Date> Date::Parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') {
    return Status::InvalidArgument(fmt::format("'{}' is not a date in YYYY-MM-DD form", iso));
  }
  const int y = Digits(iso, 0, 4), m = Digits(iso, 5, 2), d = Digits(iso, 8, 2);
  if (y < 0 || m < 0 || d < 0) {
    return Status::InvalidArgument(
        fmt::format("'{}' is not a date in YYYY-MM-DD form (digits expected)", iso));
  }
  if (y == 0) return Status::InvalidArgument("year must be 0001–9999");
  if (m < 1 || m > 12) return Status::InvalidArgument("month must be 01–12");
  if (d < 1 || d > 31) return Status::InvalidArgument("day must be 01–31");
  if (d > DaysInMonth(y, m)) {
    return Status::InvalidArgument(fmt::format("{} is not a calendar day", iso));
  }
  return FromYmd(y, m, d);
}

Date Date::FromYmd(int y, int m, int d) { return Date{DaysFromCivil(y, m, d)}; }

Date Date::Today() { return FromSystemClock(std::chrono::seconds(0)); }
Date Date::TodayInBeijing() { return FromSystemClock(std::chrono::hours(8)); }

bool Date::IsLeapYear(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

int Date::DaysInMonth(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

bool Date::IsValidYmd(int y, int m, int d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

int Date::year() const { return CivilFromDays(days_since_epoch).y; }
int Date::month() const { return CivilFromDays(days_since_epoch).m; }
int Date::day() const { return CivilFromDays(days_since_epoch).d; }

int Date::weekday() const {
  // 1970-01-01 was a Thursday (4).
  const int r = ((days_since_epoch % 7) + 7) % 7;  // 0 = Thursday
  return (r + 3) % 7 + 1;
}

std::string Date::ToString() const {
  // By hand rather than with fmt: imports format millions of dates.
  const Ymd c = CivilFromDays(days_since_epoch);
  char out[10];
  const int y = static_cast<int>(c.y);
  out[0] = static_cast<char>('0' + y / 1000 % 10);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[4] = '-';
  out[5] = static_cast<char>('0' + static_cast<int>(c.m) / 10);
  out[6] = static_cast<char>('0' + static_cast<int>(c.m) % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + static_cast<int>(c.d) / 10);
  out[9] = static_cast<char>('0' + static_cast<int>(c.d) % 10);
  return std::string(out, sizeof out);
}

std::string OptionalDateText(const std::optional<Date>& date) {
  return date ? date->ToString() : std::string();
}

std::ostream& operator<<(std::ostream& os, Date d) { return os << d.ToString(); }

Date Date::AddMonths(int n) const {
  const int total = year() * 12 + (month() - 1) + n;
  const int y = total / 12, m = total % 12 + 1;
  return FromYmd(y, m, std::min(day(), DaysInMonth(y, m)));
}

}  // namespace zl
