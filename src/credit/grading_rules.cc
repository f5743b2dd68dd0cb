// Parsing and checking grading rule sets (see grading_rules.h).
#include "credit/grading_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <mutex>

#include "base/embedded_data.h"
#include "domain/record_kind.h"
#include "domain/tsv.h"

namespace zl::credit {
namespace data {
std::span<const EmbeddedFile> GradingRuleFiles();  // generated from data/credit/grading_rules.txt
}  // namespace data

namespace {

using domain::Grade;
using domain::TsvRow;

// The sections of a rule file and the header row each must start with.
const std::map<std::string, std::string, std::less<>> kSectionHeaders = {
    {"rule_set", "key\tvalue"},
    {"dimensions", "code\tname_zh\tname_en\tmax\tbase"},
    {"weights", "kind\tpolarity\tseverity\tdimension\tpoints\thalf_life_months\twindow_months"},
    {"grades", "grade\tmin_score"},
    {"vetoes", "code\ttype\tkind\tseverity\twindow_months\tindustries\tcap\tbasis"},
    {"audit", "key\tvalue"},
    {"risk_by_grade", "grade\tclass"},
    {"risk_raise", "kind\twindow_months\tcount\tsteps"},
    {"risk_force", "kind\twindow_months\tclass"},
};
// Sections a rule set cannot do without.
constexpr std::array<std::string_view, 4> kRequiredSections = {"rule_set", "dimensions", "grades",
                                                               "risk_by_grade"};

// Reads one section's rows with ParseTsv; the section's text is preceded by as many empty
// lines as came before it in the file, so that line numbers in errors are the file's.
class SectionReader {
 public:
  SectionReader(std::string_view text, std::string_view source) : source_(source) {
    int line_no = 0;
    std::string* current = nullptr;
    while (!text.empty()) {
      ++line_no;
      const size_t nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
      std::string_view trimmed = line;
      while (!trimmed.empty() && (trimmed.back() == '\r' || trimmed.back() == ' ')) {
        trimmed.remove_suffix(1);
      }
      if (trimmed.size() > 2 && trimmed.front() == '[' && trimmed.back() == ']') {
        std::string name(trimmed.substr(1, trimmed.size() - 2));
        if (!kSectionHeaders.contains(name)) {
          error_ = fmt::format("{}:{}: unknown section [{}]", source_, line_no, name);
          return;
        }
        if (sections_.contains(name)) {
          error_ = fmt::format("{}:{}: section [{}] appears twice", source_, line_no, name);
          return;
        }
        current = &sections_[name];
        current->assign(static_cast<size_t>(line_no), '\n');
        continue;
      }
      if (current != nullptr) {
        current->append(line);
        current->push_back('\n');
      } else if (!trimmed.empty() && trimmed.front() != '#') {
        error_ = fmt::format("{}:{}: text before the first [section]", source_, line_no);
        return;
      }
    }
  }

  const std::string& error() const { return error_; }
  bool Has(std::string_view name) const { return sections_.contains(std::string(name)); }

  Result<std::vector<TsvRow>> Rows(const std::string& name) const {
    auto it = sections_.find(name);
    if (it == sections_.end()) return std::vector<TsvRow>{};
    return domain::ParseTsv(it->second, kSectionHeaders.at(name),
                            fmt::format("{} [{}]", source_, name));
  }

 private:
  std::string_view source_;
  std::map<std::string, std::string> sections_;
  std::string error_;
};

// Builds the errors of one row: "<source>:<line>: [section] <why>".
struct RowErrors {
  std::string_view source;
  std::string_view section;
  Status operator()(const TsvRow& row, const std::string& why) const {
    return Status::InvalidArgument(fmt::format("{}:{}: [{}] {}", source, row.line, section, why));
  }
};

Result<double> ParseNumber(std::string_view text, std::string_view what) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
    return Status::InvalidArgument(fmt::format("{} '{}' is not a number", what, text));
  }
  return value;
}

Result<int> ParseCount(std::string_view text, std::string_view what, int min, int max) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || value < min ||
      value > max) {
    return Status::InvalidArgument(
        fmt::format("{} '{}' must be a whole number from {} to {}", what, text, min, max));
  }
  return value;
}

// A kind named by a rule: a known record kind that can be in force (a revocation record only
// takes another out of force).
Result<std::string> ParseKind(std::string_view text) {
  if (domain::RecordKindRegistry::Default().Find(text) == nullptr) {
    return Status::InvalidArgument(fmt::format("'{}' is not a record kind", text));
  }
  if (text == domain::kRevocationKind) {
    return Status::InvalidArgument("revocation records never count; name the revoked kind");
  }
  return std::string(text);
}

template <typename T>
Result<std::optional<T>> ParseOptional(std::string_view text,
                                       Result<T> (*parse)(std::string_view)) {
  if (text == "*") return std::optional<T>();
  ZL_ASSIGN_OR_RETURN(T value, parse(text));
  return std::optional<T>(value);
}

Result<domain::Polarity> ParsePolarityCode(std::string_view t) { return domain::ParsePolarity(t); }
Result<domain::Severity> ParseSeverityCode(std::string_view t) { return domain::ParseSeverity(t); }

bool ValidVersion(std::string_view v) {
  if (v.empty() || v.size() > 64) return false;
  return std::all_of(v.begin(), v.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_';
  });
}

// Runs `parse` on a row and prefixes its error with the row's position.
#define ZL_ROW(var, expr)                                                   \
  auto var##_result = (expr);                                               \
  if (!var##_result.ok()) return err(row, var##_result.status().message()); \
  auto var = std::move(*var##_result)

Status ParseRuleSetSection(const SectionReader& reader, std::string_view source, RuleSet& rules) {
  RowErrors err{source, "rule_set"};
  ZL_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, reader.Rows("rule_set"));
  for (const TsvRow& row : rows) {
    std::string_view key = row.fields[0], value = row.fields[1];
    if (key == "version") {
      if (!ValidVersion(value)) {
        return err(row, "version must be 1-64 letters, digits, '.', '-' or '_'");
      }
      rules.version = value;
    } else if (key == "name") {
      rules.name = value;
    } else if (key == "grade_valid_months") {
      ZL_ROW(months, ParseCount(value, "grade_valid_months", 1, 120));
      rules.grade_valid_months = months;
    } else {
      return err(row, fmt::format("unknown key '{}' (version, name, grade_valid_months)", key));
    }
  }
  if (rules.version.empty()) {
    return Status::InvalidArgument(fmt::format("{}: [rule_set] needs a version", source));
  }
  if (rules.name.empty()) rules.name = rules.version;
  return Status();
}

Status ParseDimensions(const SectionReader& reader, std::string_view source, RuleSet& rules) {
  RowErrors err{source, "dimensions"};
  ZL_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, reader.Rows("dimensions"));
  for (const TsvRow& row : rows) {
    GradingDimension d{std::string(row.fields[0]), std::string(row.fields[1]),
                       std::string(row.fields[2])};
    if (d.code.empty() || d.name_zh.empty()) return err(row, "code and name_zh are required");
    for (const GradingDimension& other : rules.dimensions) {
      if (other.code == d.code) return err(row, "dimension '" + d.code + "' appears twice");
    }
    ZL_ROW(max, ParseNumber(row.fields[3], "max"));
    ZL_ROW(base, ParseNumber(row.fields[4], "base"));
    if (max <= 0 || base < 0 || base > max) return err(row, "need 0 <= base <= max and max > 0");
    d.max_points = max;
    d.base_points = base;
    rules.dimensions.push_back(std::move(d));
  }
  if (rules.dimensions.empty() || rules.dimensions.size() > kMaxDimensions) {
    return Status::InvalidArgument(
        fmt::format("{}: [dimensions] needs 1 to {} dimensions", source, kMaxDimensions));
  }
  return Status();
}

Status ParseWeights(const SectionReader& reader, std::string_view source, RuleSet& rules) {
  RowErrors err{source, "weights"};
  ZL_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, reader.Rows("weights"));
  for (const TsvRow& row : rows) {
    WeightRule w;
    ZL_ROW(kind, ParseKind(row.fields[0]));
    ZL_ROW(polarity, ParseOptional(row.fields[1], &ParsePolarityCode));
    ZL_ROW(severity, ParseOptional(row.fields[2], &ParseSeverityCode));
    w.kind = std::move(kind);
    w.polarity = polarity;
    w.severity = severity;
    auto dim = std::find_if(rules.dimensions.begin(), rules.dimensions.end(),
                            [&](const GradingDimension& d) { return d.code == row.fields[3]; });
    if (dim == rules.dimensions.end()) {
      return err(row, fmt::format("'{}' is not a dimension of [dimensions]", row.fields[3]));
    }
    w.dimension = static_cast<int>(dim - rules.dimensions.begin());
    ZL_ROW(points, ParseNumber(row.fields[4], "points"));
    ZL_ROW(half_life, ParseCount(row.fields[5], "half_life_months", 0, 600));
    ZL_ROW(window, ParseCount(row.fields[6], "window_months", 0, 600));
    w.points = points;
    w.half_life_months = half_life;
    w.window_months = window;
    rules.weights.push_back(std::move(w));
  }
  return Status();
}

Status ParseGrades(const SectionReader& reader, std::string_view source, RuleSet& rules) {
  RowErrors err{source, "grades"};
  ZL_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, reader.Rows("grades"));
  std::array<bool, 6> seen{};
  for (const TsvRow& row : rows) {
    ZL_ROW(grade, domain::ParseGrade(row.fields[0]));
    ZL_ROW(min, ParseNumber(row.fields[1], "min_score"));
    if (seen[static_cast<int>(grade)]) return err(row, "grade appears twice");
    seen[static_cast<int>(grade)] = true;
    rules.min_score[static_cast<int>(grade)] = min;
  }
  for (Grade g : domain::kAllGrades) {
    if (!seen[static_cast<int>(g)]) {
      return Status::InvalidArgument(
          fmt::format("{}: [grades] has no row for {}", source, domain::GradeName(g)));
    }
  }
  for (int i = 1; i < 6; ++i) {
    if (rules.min_score[i] >= rules.min_score[i - 1]) {
      return Status::InvalidArgument(fmt::format(
          "{}: [grades] min_score must fall from AAA to D ({} is not below {})", source,
          domain::GradeName(domain::kAllGrades[i]), domain::GradeName(domain::kAllGrades[i - 1])));
    }
  }
  if (rules.min_score[0] > rules.MaxScore()) {
    return Status::InvalidArgument(
        fmt::format("{}: [grades] AAA needs {} but the dimensions add up to only {}", source,
                    rules.min_score[0], rules.MaxScore()));
  }
  return Status();
}

Status ParseVetoes(const SectionReader& reader, std::string_view source, RuleSet& rules) {
  RowErrors err{source, "vetoes"};
  ZL_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, reader.Rows("vetoes"));
  for (const TsvRow& row : rows) {
    VetoRule v;
    v.code = row.fields[0];
    if (v.code.empty()) return err(row, "code is required");
    if (row.fields[1] == "record") {
      v.type = VetoType::kRecord;
    } else if (row.fields[1] == "missing") {
      v.type = VetoType::kMissing;
    } else {
      return err(row, fmt::format("type '{}' must be record or missing", row.fields[1]));
    }
    ZL_ROW(kind, ParseKind(row.fields[2]));
    ZL_ROW(severity, ParseOptional(row.fields[3], &ParseSeverityCode));
    ZL_ROW(window, ParseCount(row.fields[4], "window_months", 0, 600));
    ZL_ROW(cap, domain::ParseGrade(row.fields[6], "cap"));
    v.kind = std::move(kind);
    v.severity = severity;
    v.window_months = window;
    v.cap = cap;
    if (v.type == VetoType::kMissing && v.severity) {
      return err(row, "a missing veto counts good records of any severity: severity must be *");
    }
    if (row.fields[5] != "*") {
      std::string_view list = row.fields[5];
      while (!list.empty()) {
        const size_t comma = list.find(',');
        std::string_view one = list.substr(0, comma);
        if (one.empty()) return err(row, "industries: empty code in the list");
        v.industries.emplace_back(one);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
      }
    }
    v.basis = row.fields[7];
    rules.vetoes.push_back(std::move(v));
  }
  if (rules.vetoes.size() > kMaxVetoes) {
    return Status::InvalidArgument(
        fmt::format("{}: [vetoes] may hold at most {} rules", source, kMaxVetoes));
  }
  return Status();
}

Status ParseAudit(const SectionReader& reader, std::string_view source, RuleSet& rules) {
  if (!reader.Has("audit")) return Status();
  RowErrors err{source, "audit"};
  ZL_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, reader.Rows("audit"));
  AuditRule audit;
  for (const TsvRow& row : rows) {
    std::string_view key = row.fields[0], value = row.fields[1];
    if (key == "kind") {
      ZL_ROW(kind, ParseKind(value));
      audit.kind = std::move(kind);
    } else if (key == "valid_months") {
      ZL_ROW(months, ParseCount(value, "valid_months", 1, 600));
      audit.valid_months = months;
    } else if (key == "grades") {
      while (!value.empty()) {
        const size_t comma = value.find(',');
        ZL_ROW(grade, domain::ParseGrade(value.substr(0, comma), "grades"));
        audit.grades.push_back(grade);
        value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
      }
    } else if (key == "cap_without") {
      ZL_ROW(cap, domain::ParseGrade(value, "cap_without"));
      audit.cap_without = cap;
    } else {
      return err(row,
                 fmt::format("unknown key '{}' (kind, valid_months, grades, cap_without)", key));
    }
  }
  if (audit.kind.empty() || audit.grades.empty()) {
    return Status::InvalidArgument(fmt::format("{}: [audit] needs kind and grades", source));
  }
  rules.audit = std::move(audit);
  return Status();
}

Status ParseRisk(const SectionReader& reader, std::string_view source, RuleSet& rules) {
  {
    RowErrors err{source, "risk_by_grade"};
    ZL_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, reader.Rows("risk_by_grade"));
    std::array<bool, 6> seen{};
    for (const TsvRow& row : rows) {
      ZL_ROW(grade, domain::ParseGrade(row.fields[0]));
      ZL_ROW(risk, domain::ParseRiskClass(row.fields[1], "class"));
      seen[static_cast<int>(grade)] = true;
      rules.risk_by_grade[static_cast<int>(grade)] = risk;
    }
    for (Grade g : domain::kAllGrades) {
      if (!seen[static_cast<int>(g)]) {
        return Status::InvalidArgument(
            fmt::format("{}: [risk_by_grade] has no row for {}", source, domain::GradeName(g)));
      }
    }
  }
  {
    RowErrors err{source, "risk_raise"};
    ZL_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, reader.Rows("risk_raise"));
    for (const TsvRow& row : rows) {
      ZL_ROW(kind, ParseKind(row.fields[0]));
      ZL_ROW(window, ParseCount(row.fields[1], "window_months", 0, 600));
      ZL_ROW(count, ParseCount(row.fields[2], "count", 1, 1000));
      ZL_ROW(steps, ParseCount(row.fields[3], "steps", 1, 3));
      rules.risk_raises.push_back({std::move(kind), window, count, steps});
    }
  }
  {
    RowErrors err{source, "risk_force"};
    ZL_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, reader.Rows("risk_force"));
    for (const TsvRow& row : rows) {
      ZL_ROW(kind, ParseKind(row.fields[0]));
      ZL_ROW(window, ParseCount(row.fields[1], "window_months", 0, 600));
      ZL_ROW(risk, domain::ParseRiskClass(row.fields[2], "class"));
      rules.risk_forces.push_back({std::move(kind), window, risk});
    }
  }
  if (rules.risk_raises.size() > kMaxRiskRaises || rules.risk_forces.size() > kMaxRiskForces) {
    return Status::InvalidArgument(
        fmt::format("{}: at most {} [risk_raise] and {} [risk_force] rules", source, kMaxRiskRaises,
                    kMaxRiskForces));
  }
  return Status();
}

#undef ZL_ROW

}  // namespace

bool VetoRule::AppliesToIndustry(std::string_view industry_code) const {
  if (industries.empty()) return true;
  return std::any_of(industries.begin(), industries.end(),
                     [&](const std::string& p) { return industry_code.starts_with(p); });
}

Result<RuleSet> RuleSet::Parse(std::string_view text, std::string_view source) {
  SectionReader reader(text, source);
  if (!reader.error().empty()) return Status::InvalidArgument(reader.error());
  for (std::string_view name : kRequiredSections) {
    if (!reader.Has(name)) {
      return Status::InvalidArgument(fmt::format("{}: no [{}] section", source, name));
    }
  }
  RuleSet rules;
  ZL_RETURN_IF_ERROR(ParseRuleSetSection(reader, source, rules));
  ZL_RETURN_IF_ERROR(ParseDimensions(reader, source, rules));
  ZL_RETURN_IF_ERROR(ParseWeights(reader, source, rules));
  ZL_RETURN_IF_ERROR(ParseGrades(reader, source, rules));
  ZL_RETURN_IF_ERROR(ParseVetoes(reader, source, rules));
  ZL_RETURN_IF_ERROR(ParseAudit(reader, source, rules));
  ZL_RETURN_IF_ERROR(ParseRisk(reader, source, rules));
  rules.text = text;
  return rules;
}

const RuleSet& RuleSet::Default() {
  static const RuleSet* const kDefault =
      new RuleSet(ParseEmbeddedOrDie<RuleSet>(data::GradingRuleFiles().front(), &RuleSet::Parse));
  return *kDefault;
}

Grade RuleSet::GradeForScore(double score) const {
  for (Grade g : domain::kAllGrades) {
    if (score >= min_score[static_cast<int>(g)]) return g;
  }
  return Grade::kD;
}

double RuleSet::MaxScore() const {
  double total = 0;
  for (const GradingDimension& d : dimensions) total += d.max_points;
  return total;
}

}  // namespace zl::credit
