// WorkdayCalendar: which days are working days in mainland China, for deadlines written in
// working days (objection replies, repair reviews, 15-day elevator maintenance, …).
//
// A working day is Monday–Friday unless the State Council's yearly notice gives it off, plus
// the weekend days the notice makes working days (调休). The notices are data, one file per
// notice year (data/calendar/YYYY.txt), lines `YYYY-MM-DD off NAME` or `YYYY-MM-DD work NAME`
// with `#` comments and blank lines. A notice can list days of the previous December (the
// 元旦 break of 2019 starts on 2018-12-30), so a line dated in December belongs to the next
// year's notice.
//
// The calendar "covers" the notice years loaded. Walking questions (AddWorkdays,
// WorkdaysBetween) fail rather than guess when they need a day outside them. Caveat: the
// last days of the final covered year may still change when the next year's notice lists
// days of that December.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/date.h"
#include "base/result.h"
#include "base/status.h"

namespace zl {

class WorkdayCalendar {
 public:
  enum class DayKind { kOff, kWork };
  struct Entry {
    Date date;
    DayKind kind = DayKind::kOff;
    std::string name;  // the holiday, e.g. "国庆节"; for kWork, the holiday it makes up for
    int notice_year = 0;
    std::string source;  // "2019.txt:12", for error messages
  };

  WorkdayCalendar() = default;  // covers no year

  // Parses one or more notices. `source_name` is used in errors ("2019.txt:7: …"); when its
  // file-name stem is a year ("2019.txt"), every line must belong to that notice year.
  // Fails with InvalidArgument naming the line: bad date, unknown kind (not off/work),
  // missing name, a `work` line on a weekday, or a date listed twice with different kinds.
  static Result<WorkdayCalendar> FromText(std::string_view text, std::string_view source_name);
  // Adds notices to this calendar; on failure the calendar is unchanged.
  Status AddText(std::string_view text, std::string_view source_name);
  // Reads and adds one file; IoError when it cannot be read.
  Status AddFile(const std::filesystem::path& path);
  // Loads every *.txt in `dir` (in name order). IoError when the directory cannot be read
  // or holds no .txt file.
  static Result<WorkdayCalendar> LoadDirectory(const std::filesystem::path& dir);
  // The calendar compiled into the binary from data/calendar/, parsed once (thread-safe).
  static const WorkdayCalendar& Default();

  // Whether `d` is a working day. Outside the covered years only the entries loaded (if any)
  // and the Monday–Friday rule apply; use Covers() to know whether the answer is backed.
  bool IsWorkday(Date d) const;
  bool Covers(Date d) const { return years_.count(d.year()) > 0; }

  // The date `n` working days after `start` (n < 0: before; n = 0: start itself, even on a
  // day off). E.g. 1 working day after Wednesday 2026-09-30 is Thursday 2026-10-08. Fails with
  // FailedPrecondition naming the missing year when the walk needs a day outside the
  // covered years.
  Result<Date> AddWorkdays(Date start, int n) const;
  // The number of working days in (a, b]: the days after a up to and including b, so that
  // WorkdaysBetween(a, *AddWorkdays(a, n)) == n for n >= 0. When b < a the result is
  // -WorkdaysBetween(b, a). Fails like AddWorkdays when a day it needs is not covered.
  Result<int> WorkdaysBetween(Date a, Date b) const;

  // The holiday `d` belongs to when it is a listed day off, e.g. "春节"; nullopt otherwise
  // (ordinary days, weekends, make-up working days).
  std::optional<std::string> HolidayName(Date d) const;
  // The loaded line for `d`, or nullptr.
  const Entry* Find(Date d) const;

  int first_year() const { return years_.empty() ? 0 : *years_.begin(); }  // 0 when empty
  int last_year() const { return years_.empty() ? 0 : *years_.rbegin(); }
  const std::set<int>& years() const { return years_; }

 private:
  Status CheckCovered(Date d) const;

  std::unordered_map<std::int32_t, Entry> entries_;  // keyed by days_since_epoch
  std::set<int> years_;                              // notice years loaded
};

}  // namespace zl
