// zhiliang workdays: working-day arithmetic on the Chinese calendar (放假调休), so that anyone
// can check a deadline written in working days by hand.
//
//   zhiliang workdays add DATE N [--calendar FILE]... [--format text|json]
//   zhiliang workdays between DATE1 DATE2 [--calendar FILE]...
//   zhiliang workdays check DATE [--calendar FILE]...
//
// `add` prints the date N working days after DATE (N < 0: before; N = 0: DATE itself, even on
// a day off); `between` prints the number of working days in (DATE1, DATE2]; `check` says
// whether DATE is a working day and why. All use WorkdayCalendar::Default() (the compiled-in
// data/calendar/*.txt) plus any --calendar notice files, in the same format. Exit status 0 on
// success; 1 for a bad date, N or calendar file, or when a date falls outside the covered
// years; CLI11's own codes for usage errors.
#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/workday_calendar.h"
#include "cli/commands.h"

namespace zl::cli {

namespace {

struct WorkdaysOptions {
  std::string date;
  std::string date2;
  std::string n;
  std::vector<std::string> calendar_files;
  std::string format = "text";
};

Date ParseDate(const std::string& field, const std::string& text) {
  Result<Date> d = Date::Parse(text);
  if (d.ok()) return *d;
  std::string message = field + ": not a date (YYYY-MM-DD): " + text;
  // Date::Parse says what is wrong with a well-formed text ("month must be 01–12"); its
  // message for a malformed one only repeats what is said already.
  const std::string why = d.status().message();  // status() is a temporary
  if (why.find("YYYY-MM-DD") == std::string::npos) message += " (" + why + ")";
  throw CliFailure(message);
}

int ParseCount(const std::string& text) {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  int n = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) {
    throw CliFailure("n: not a whole number of working days: " + text);
  }
  return n;
}

// The compiled-in calendar plus the --calendar files, in the order given.
WorkdayCalendar LoadCalendar(const std::vector<std::string>& files) {
  WorkdayCalendar cal = WorkdayCalendar::Default();
  for (const std::string& f : files) {
    Status s = cal.AddFile(f);
    if (!s.ok()) throw CliFailure("--calendar: " + s.message());
  }
  return cal;
}

// A walk that leaves the covered years: the library's message, plus the CLI's way out.
template <typename T>
T Walked(Result<T> r) {
  if (r.ok()) return *r;
  std::string message = r.status().message();
  if (r.status().code() == Status::Code::kFailedPrecondition) {
    message += ", or pass it with --calendar FILE";
  }
  throw CliFailure(message);
}

void RunAdd(const WorkdaysOptions& o) {
  const Date start = ParseDate("date", o.date);
  const int n = ParseCount(o.n);
  const WorkdayCalendar cal = LoadCalendar(o.calendar_files);
  const Date result = Walked(cal.AddWorkdays(start, n));
  if (o.format == "json") {
    nlohmann::json out = {{"date", start.ToString()}, {"n", n}, {"result", result.ToString()}};
    std::printf("%s\n", out.dump().c_str());
  } else {
    std::printf("%s\n", result.ToString().c_str());
  }
}

void RunBetween(const WorkdaysOptions& o) {
  const Date a = ParseDate("date1", o.date);
  const Date b = ParseDate("date2", o.date2);
  const WorkdayCalendar cal = LoadCalendar(o.calendar_files);
  std::printf("%d\n", Walked(cal.WorkdaysBetween(a, b)));
}

void RunCheck(const WorkdaysOptions& o) {
  const Date d = ParseDate("date", o.date);
  const WorkdayCalendar cal = LoadCalendar(o.calendar_files);
  // Like add, refuse to guess outside the covered years: counting the single day (d-1, d]
  // fails with the library's message naming the missing year.
  Walked(cal.WorkdaysBetween(d.AddDays(-1), d));
  const WorkdayCalendar::Entry* e = cal.Find(d);
  std::string verdict;
  if (e != nullptr && e->kind == WorkdayCalendar::DayKind::kOff) {
    verdict = "day off (" + e->name + ")";
  } else if (e != nullptr) {
    verdict = "working day (make-up for " + e->name + ")";
  } else {
    verdict = d.is_weekend() ? "day off (weekend)" : "working day";
  }
  std::printf("%s %s\n", d.ToString().c_str(), verdict.c_str());
}

// --calendar FILE, repeatable; one file per occurrence so that positionals after it stay
// positionals.
void AddCalendarOption(CLI::App* cmd, WorkdaysOptions& o) {
  cmd->add_option("--calendar", o.calendar_files,
                  "Notice file (data/calendar/YYYY.txt format) added to the built-in calendar; "
                  "repeatable")
      ->allow_extra_args(false);
}

}  // namespace

void AddWorkdaysCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "workdays", "Working-day arithmetic on the Chinese holiday calendar (放假调休)");
  cmd->require_subcommand(1);

  auto a = std::make_shared<WorkdaysOptions>();
  auto* add = cmd->add_subcommand(
      "add", "Print the date N working days after DATE (N < 0: before; N = 0: DATE itself)");
  add->add_option("DATE", a->date, "Start date, YYYY-MM-DD")->required();
  add->add_option("N", a->n, "Working days to add (negative counts back)")->required();
  AddCalendarOption(add, *a);
  add->add_option("--format", a->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add->callback([a] { RunAdd(*a); });

  auto b = std::make_shared<WorkdaysOptions>();
  auto* between = cmd->add_subcommand(
      "between", "Print the number of working days after DATE1 up to and including DATE2");
  between->add_option("DATE1", b->date, "From (not counted), YYYY-MM-DD")->required();
  between->add_option("DATE2", b->date2, "To (counted), YYYY-MM-DD")->required();
  AddCalendarOption(between, *b);
  between->callback([b] { RunBetween(*b); });

  auto c = std::make_shared<WorkdaysOptions>();
  auto* check = cmd->add_subcommand("check", "Say whether DATE is a working day, and why");
  check->add_option("DATE", c->date, "The date, YYYY-MM-DD")->required();
  AddCalendarOption(check, *c);
  check->callback([c] { RunCheck(*c); });
}

}  // namespace zl::cli
