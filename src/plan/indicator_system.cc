// Reading an assessment indicator table (see assessment.h and
// data/plan/assessment_indicators.tsv): each row checked column by column, then the system as
// a whole (codes unique, scored points adding up to 100).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <set>

#include "base/embedded_data.h"
#include "domain/tsv.h"
#include "plan/assessment.h"

namespace zl::plan {
namespace data {
std::span<const EmbeddedFile> AssessmentIndicatorFiles();  // data/plan/assessment_indicators.tsv
}  // namespace data

namespace {

constexpr std::string_view kHeader =
    "code\tlevel1\tlevel2\tname\tmethod\tevidence\tlead_department\tpoints\tsource\tfull_at\t"
    "zero_at\tlate_factor";
constexpr const char* kColumns[] = {"code",   "level1",   "level2",          "name",
                                    "method", "evidence", "lead_department", "points",
                                    "source", "full_at",  "zero_at",         "late_factor"};
enum Column {
  kCode,
  kLevel1,
  kLevel2,
  kName,
  kMethod,
  kEvidence,
  kLead,
  kPoints,
  kSource,
  kFullAt,
  kZeroAt,
  kLateFactor
};
constexpr double kTotalPoints = 100;
constexpr double kDefaultLateFactor = 0.5;

// "line 7, column 8 (points): …", with the column's name as the Status field.
Status ColumnError(int line, Column column, std::string_view why) {
  return Status::InvalidArgument(fmt::format("line {}, column {} ({}): {}", line,
                                             static_cast<int>(column) + 1, kColumns[column], why),
                                 kColumns[column]);
}

// A finite decimal number ("12", "92.5", "-1"); nullopt otherwise.
std::optional<double> ParseNumber(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

bool IsCodeChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

// Reads one row into `out`; the row-level rules (source, numbers, veto without points).
Status ReadRow(const domain::TsvRow& row, Indicator& out) {
  const auto& f = row.fields;
  const int line = row.line;
  if (f[kCode].empty()) return ColumnError(line, kCode, "a code is required");
  if (f[kCode].size() > 16 || !std::all_of(f[kCode].begin(), f[kCode].end(), IsCodeChar)) {
    return ColumnError(
        line, kCode,
        fmt::format("'{}' is not a code (at most 16 letters, digits, _ - .)", f[kCode]));
  }
  if (f[kLevel1].empty()) return ColumnError(line, kLevel1, "the 一级指标 is required");
  if (f[kName].empty()) return ColumnError(line, kName, "the 考核要点 is required");
  out.code = f[kCode];
  out.level1 = f[kLevel1];
  out.level2 = f[kLevel2];
  out.name = f[kName];
  out.method = f[kMethod];
  out.evidence = f[kEvidence];
  out.lead_department = f[kLead];

  Result<IndicatorSource> source = ParseIndicatorSource(f[kSource]);
  if (!source.ok()) return ColumnError(line, kSource, source.status().message());
  out.source = *source;

  const std::optional<double> points = ParseNumber(f[kPoints]);
  if (!points || *points < 0) {
    return ColumnError(line, kPoints, fmt::format("'{}' is not a number of points", f[kPoints]));
  }
  out.points = *points;
  if (out.source == IndicatorSource::kVeto && out.points != 0) {
    return ColumnError(line, kPoints, "a veto item carries no points (write 0)");
  }
  if (out.source != IndicatorSource::kVeto && out.points == 0) {
    return ColumnError(line, kPoints, "a scored indicator needs points above 0");
  }

  if (out.source == IndicatorSource::kRate) {
    const std::optional<double> full = ParseNumber(f[kFullAt]);
    if (!full || *full < 0 || *full > 100) {
      return ColumnError(line, kFullAt, "a rate needs full_at, a percentage (0–100)");
    }
    const std::optional<double> zero = ParseNumber(f[kZeroAt]);
    if (!zero || *zero < 0 || *zero > 100) {
      return ColumnError(line, kZeroAt, "a rate needs zero_at, a percentage (0–100)");
    }
    if (*full <= *zero) {
      return ColumnError(line, kFullAt,
                         fmt::format("full_at ({}) must be above zero_at ({})", *full, *zero));
    }
    out.full_at = *full;
    out.zero_at = *zero;
  } else {
    for (Column c : {kFullAt, kZeroAt}) {
      if (!f[c].empty()) return ColumnError(line, c, "only a rate has full_at and zero_at");
    }
  }

  out.late_factor = kDefaultLateFactor;
  if (!f[kLateFactor].empty()) {
    if (out.source != IndicatorSource::kTasks) {
      return ColumnError(line, kLateFactor, "only a tasks indicator has a late_factor");
    }
    const std::optional<double> late = ParseNumber(f[kLateFactor]);
    if (!late || *late < 0 || *late > 1) {
      return ColumnError(line, kLateFactor, "late_factor must be a number from 0 to 1");
    }
    out.late_factor = *late;
  }
  return Status();
}

Result<IndicatorSystem> Parse(std::string_view tsv, std::string_view source_name, int year) {
  ZL_ASSIGN_OR_RETURN(std::vector<domain::TsvRow> rows,
                      domain::ParseTsv(tsv, kHeader, source_name));
  IndicatorSystem system;
  system.year = year;
  std::set<std::string, std::less<>> codes;
  double total = 0;
  for (const domain::TsvRow& row : rows) {
    Indicator indicator;
    ZL_RETURN_IF_ERROR(ReadRow(row, indicator));
    if (!codes.insert(indicator.code).second) {
      return ColumnError(row.line, kCode,
                         fmt::format("indicator {} is listed twice", indicator.code));
    }
    total += indicator.points;
    system.indicators.push_back(std::move(indicator));
  }
  if (system.indicators.empty()) {
    return Status::InvalidArgument("the table lists no indicators", "points");
  }
  if (std::abs(total - kTotalPoints) > 1e-6) {
    return Status::InvalidArgument(
        fmt::format("column 8 (points): the scored indicators add up to {} points, not 100",
                    std::round(total * 100) / 100),
        "points");
  }
  return system;
}

}  // namespace

std::string_view IndicatorSourceName(IndicatorSource source) {
  switch (source) {
    case IndicatorSource::kRate:
      return "rate";
    case IndicatorSource::kFigure:
      return "figure";
    case IndicatorSource::kTasks:
      return "tasks";
    case IndicatorSource::kTargets:
      return "targets";
    case IndicatorSource::kVeto:
      return "veto";
  }
  return "figure";
}

Result<IndicatorSource> ParseIndicatorSource(std::string_view name) {
  for (IndicatorSource s :
       {IndicatorSource::kRate, IndicatorSource::kFigure, IndicatorSource::kTasks,
        IndicatorSource::kTargets, IndicatorSource::kVeto}) {
    if (IndicatorSourceName(s) == name) return s;
  }
  return Status::InvalidArgument(
      fmt::format("unknown source '{}'; use rate, figure, tasks, targets or veto", name), "source");
}

bool TakesFigure(IndicatorSource source) {
  return source == IndicatorSource::kRate || source == IndicatorSource::kFigure ||
         source == IndicatorSource::kVeto;
}

const Indicator* FindIndicator(const IndicatorSystem& system, std::string_view code) {
  for (const Indicator& i : system.indicators) {
    if (i.code == code) return &i;
  }
  return nullptr;
}

Result<IndicatorSystem> ParseIndicatorSystem(std::string_view tsv, int year) {
  return Parse(tsv, "indicators", year);
}

std::string_view DefaultIndicatorTable() { return data::AssessmentIndicatorFiles()[0].bytes; }

IndicatorSystem DefaultIndicatorSystem(int year) {
  static const IndicatorSystem* const kDefault =
      new IndicatorSystem(ParseEmbeddedOrDie<IndicatorSystem>(
          data::AssessmentIndicatorFiles()[0],
          [](std::string_view text, std::string_view source) { return Parse(text, source, 0); }));
  IndicatorSystem out = *kDefault;
  out.year = year;
  return out;
}

}  // namespace zl::plan
