// WorkdayCalendar: parsing the notice files, merging them, and walking working days.
#include "base/workday_calendar.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "base/embedded_file.h"
#include "base/text.h"

namespace zl {
namespace calendar_data {
std::span<const EmbeddedFile> Files();  // generated from data/calendar/*.txt
}  // namespace calendar_data

namespace {

const char* KindName(WorkdayCalendar::DayKind k) {
  return k == WorkdayCalendar::DayKind::kOff ? "off" : "work";
}

// Splits off the first run of non-space characters; `rest` keeps what follows, trimmed.
std::string_view NextField(std::string_view& rest) {
  size_t end = rest.find_first_of(" \t");
  std::string_view field = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  size_t next = rest.find_first_not_of(" \t");
  rest = next == std::string_view::npos ? std::string_view() : rest.substr(next);
  return field;
}

// The year named by a file called "2019.txt" (or "data/calendar/2019.txt"); 0 otherwise.
int YearFromSourceName(std::string_view source_name) {
  std::string stem = std::filesystem::path(std::string(source_name)).stem().string();
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (stem.size() != 4 || !std::all_of(stem.begin(), stem.end(), digit)) return 0;
  return std::stoi(stem);
}

Result<std::vector<WorkdayCalendar::Entry>> ParseLines(std::string_view text,
                                                       std::string_view source_name) {
  std::vector<WorkdayCalendar::Entry> out;
  const int file_year = YearFromSourceName(source_name);
  int line_no = 0;
  while (!text.empty()) {
    ++line_no;
    size_t nl = text.find('\n');
    std::string line = TrimSpace(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (line.empty() || line[0] == '#') continue;

    auto fail = [&](const std::string& why) {
      return Status::InvalidArgument(fmt::format("{}:{}: {}", source_name, line_no, why));
    };
    std::string_view rest = line;
    std::string_view date_text = NextField(rest);
    std::string_view kind_text = NextField(rest);
    Result<Date> date = Date::Parse(date_text);
    if (!date.ok()) return fail("bad date: " + date.status().message());

    WorkdayCalendar::Entry e;
    e.date = *date;
    if (kind_text == "off") {
      e.kind = WorkdayCalendar::DayKind::kOff;
    } else if (kind_text == "work") {
      e.kind = WorkdayCalendar::DayKind::kWork;
    } else {
      return fail(fmt::format("unknown kind '{}' (expected 'off' or 'work')", kind_text));
    }
    if (rest.empty()) return fail("missing holiday name after the kind");
    if (e.kind == WorkdayCalendar::DayKind::kWork && !e.date.is_weekend()) {
      return fail(fmt::format("{} is a weekday; a 'work' line must be a Saturday or Sunday",
                              e.date.ToString()));
    }
    e.name = std::string(rest);
    e.notice_year = e.date.month() == 12 ? e.date.year() + 1 : e.date.year();
    if (file_year != 0 && e.notice_year != file_year) {
      return fail(fmt::format("{} belongs to the {} notice, but this file is for {}",
                              e.date.ToString(), e.notice_year, file_year));
    }
    e.source = fmt::format("{}:{}", source_name, line_no);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

Result<WorkdayCalendar> WorkdayCalendar::FromText(std::string_view text,
                                                  std::string_view source_name) {
  WorkdayCalendar cal;
  ZL_RETURN_IF_ERROR(cal.AddText(text, source_name));
  return cal;
}

Status WorkdayCalendar::AddText(std::string_view text, std::string_view source_name) {
  ZL_ASSIGN_OR_RETURN(std::vector<Entry> parsed, ParseLines(text, source_name));
  // Check every line against what is loaded (and against earlier lines) before changing
  // anything, so a failed load leaves the calendar as it was.
  std::unordered_map<std::int32_t, const Entry*> seen;
  for (const Entry& e : parsed) {
    const Entry* other = Find(e.date);
    if (auto it = seen.find(e.date.days_since_epoch); it != seen.end()) other = it->second;
    if (other != nullptr && other->kind != e.kind) {
      return Status::InvalidArgument(fmt::format("{}: {} is listed as '{}' here but as '{}' at {}",
                                                 e.source, e.date.ToString(), KindName(e.kind),
                                                 KindName(other->kind), other->source));
    }
    seen.emplace(e.date.days_since_epoch, &e);
  }
  for (Entry& e : parsed) {
    years_.insert(e.notice_year);
    entries_.try_emplace(e.date.days_since_epoch, std::move(e));  // first name wins
  }
  return Status::Ok();
}

Status WorkdayCalendar::AddFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(fmt::format("cannot read {}", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IoError(fmt::format("error reading {}", path.string()));
  return AddText(text.str(), path.filename().string());
}

Result<WorkdayCalendar> WorkdayCalendar::LoadDirectory(const std::filesystem::path& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& item : std::filesystem::directory_iterator(dir, ec)) {
    if (item.path().extension() == ".txt") files.push_back(item.path());
  }
  if (ec) return Status::IoError(fmt::format("cannot list {}: {}", dir.string(), ec.message()));
  if (files.empty()) return Status::IoError(fmt::format("no .txt files in {}", dir.string()));
  std::sort(files.begin(), files.end());
  WorkdayCalendar cal;
  for (const auto& f : files) ZL_RETURN_IF_ERROR(cal.AddFile(f));
  return cal;
}

const WorkdayCalendar& WorkdayCalendar::Default() {
  static const WorkdayCalendar* const kDefault = [] {
    auto* cal = new WorkdayCalendar();
    for (const EmbeddedFile& f : calendar_data::Files()) {
      Status s = cal->AddText(f.bytes, f.path);
      if (!s.ok()) {  // the build embedded a broken file: a bug, not a runtime condition
        std::fprintf(stderr, "embedded calendar data is invalid: %s\n", s.ToString().c_str());
        std::abort();
      }
    }
    return cal;
  }();
  return *kDefault;
}

const WorkdayCalendar::Entry* WorkdayCalendar::Find(Date d) const {
  auto it = entries_.find(d.days_since_epoch);
  return it == entries_.end() ? nullptr : &it->second;
}

bool WorkdayCalendar::IsWorkday(Date d) const {
  if (const Entry* e = Find(d)) return e->kind == DayKind::kWork;
  return !d.is_weekend();
}

std::optional<std::string> WorkdayCalendar::HolidayName(Date d) const {
  const Entry* e = Find(d);
  if (e == nullptr || e->kind != DayKind::kOff) return std::nullopt;
  return e->name;
}

Status WorkdayCalendar::CheckCovered(Date d) const {
  if (Covers(d)) return Status::Ok();
  if (years_.empty()) {
    return Status::FailedPrecondition("the working-day calendar has no years loaded");
  }
  return Status::FailedPrecondition(
      fmt::format("the working-day calendar has no data for {} (needed for {}; it covers {}); "
                  "add data/calendar/{}.txt from that year's State Council notice",
                  d.year(), d.ToString(),
                  first_year() == last_year() ? fmt::format("{}", first_year())
                                              : fmt::format("{}–{}", first_year(), last_year()),
                  d.year()));
}

Result<Date> WorkdayCalendar::AddWorkdays(Date start, int n) const {
  const int step = n < 0 ? -1 : 1;
  Date d = start;
  for (int left = n < 0 ? -n : n; left > 0;) {
    d = d.AddDays(step);
    ZL_RETURN_IF_ERROR(CheckCovered(d));
    if (IsWorkday(d)) --left;
  }
  return d;
}

Result<int> WorkdayCalendar::WorkdaysBetween(Date a, Date b) const {
  if (b < a) {
    ZL_ASSIGN_OR_RETURN(int n, WorkdaysBetween(b, a));
    return -n;
  }
  int count = 0;
  for (Date d = a.AddDays(1); d <= b; d = d.AddDays(1)) {
    ZL_RETURN_IF_ERROR(CheckCovered(d));
    if (IsWorkday(d)) ++count;
  }
  return count;
}

}  // namespace zl
