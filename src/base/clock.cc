// IsoUtc / ParseIsoUtc: the one timestamp format of the project.
#include "base/clock.h"

#include <cstdio>
#include <ctime>

namespace zl {

std::string IsoUtc(SystemTime t) {
  std::time_t secs =
      std::chrono::system_clock::to_time_t(std::chrono::floor<std::chrono::seconds>(t));
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<SystemTime> ParseIsoUtc(std::string_view text) {
  int y, mo, d, h, mi, s;
  char z = 0;
  std::string copy(text);
  if (text.size() != 20 ||
      std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &z) != 7 ||
      z != 'Z') {
    return Status::InvalidArgument("'" + copy + "' is not a UTC time like 2026-11-26T23:59:00Z");
  }
  std::chrono::year_month_day ymd{std::chrono::year(y),
                                  std::chrono::month(static_cast<unsigned>(mo)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 60) {
    return Status::InvalidArgument("'" + copy + "' is not a valid time");
  }
  return SystemTime(std::chrono::sys_days(ymd) + std::chrono::hours(h) + std::chrono::minutes(mi) +
                    std::chrono::seconds(s));
}

}  // namespace zl
