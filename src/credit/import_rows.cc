// Row validation for enterprise and record imports (see import_rows.h).
#include "credit/import_rows.h"

#include <fmt/format.h>

#include <array>

#include "base/text.h"
#include "domain/industry.h"
#include "domain/record_kind.h"
#include "domain/region.h"
#include "domain/uscc.h"

namespace zl::credit {

namespace {

constexpr std::array<std::string_view, 8> kEnterpriseColumns = {
    "uscc", "name",       "region_code",          "industry",
    "size", "founded_on", "legal_representative", "address"};
constexpr std::array<std::string_view, 10> kRecordColumns = {
    "uscc",        "kind",     "occurred_on", "title",          "source_department",
    "document_no", "polarity", "severity",    "published_from", "published_until"};

constexpr std::size_t kMaxTextChars = 500;

// Collects the errors of one row.
class RowCheck {
 public:
  RowCheck(std::int64_t row, std::vector<store::ImportError>& errors)
      : row_(row), errors_(errors), before_(errors.size()) {}

  void Fail(std::string_view column, std::string reason) {
    errors_.push_back({row_, std::string(column), std::move(reason)});
  }
  bool ok() const { return errors_.size() == before_; }

  // The cell trimmed; an error when it is required and empty or longer than the limit.
  std::string Text(const std::vector<std::string>& cells, std::size_t i, std::string_view column,
                   bool required, std::size_t max_chars = kMaxTextChars) {
    std::string v = TrimSpace(cells[i]);
    if (required && v.empty()) Fail(column, "is required");
    if (CountCodePoints(v) > max_chars) {
      Fail(column, fmt::format("is longer than {} characters", max_chars));
    }
    return v;
  }

  std::optional<Date> DateCell(const std::vector<std::string>& cells, std::size_t i,
                               std::string_view column, bool required, Date today,
                               bool not_future) {
    std::string v = TrimSpace(cells[i]);
    if (v.empty()) {
      if (required) Fail(column, "is required (YYYY-MM-DD)");
      return std::nullopt;
    }
    Result<Date> d = Date::Parse(v);
    if (!d.ok()) {
      Fail(column, fmt::format("'{}' is not a date YYYY-MM-DD: {}", v, d.status().message()));
      return std::nullopt;
    }
    if (not_future && *d > today) {
      Fail(column, fmt::format("{} is in the future", v));
      return std::nullopt;
    }
    return *d;
  }

  std::string Uscc(const std::vector<std::string>& cells) {
    domain::UsccVerdict verdict = domain::Uscc::Check(cells[0]);
    if (!verdict.valid) {
      Fail("uscc", TrimSpace(cells[0]).empty() ? "is required" : verdict.reason);
      return "";
    }
    return verdict.normalized;
  }

 private:
  std::int64_t row_;
  std::vector<store::ImportError>& errors_;
  std::size_t before_;
};

// The whole-row checks: blank rows and wrong cell counts.
bool CheckShape(const std::vector<std::string>& cells, std::size_t columns, std::int64_t row,
                std::vector<store::ImportError>& errors) {
  bool blank = true;
  for (const std::string& c : cells) blank = blank && TrimSpace(c).empty();
  if (blank) {
    errors.push_back({row, "", "empty line"});
    return false;
  }
  if (cells.size() > columns) {
    errors.push_back(
        {row, "", fmt::format("has {} fields, the header has {}", cells.size(), columns)});
    return false;
  }
  return true;
}

}  // namespace

Result<ImportKind> ParseImportKind(std::string_view text) {
  if (text == "enterprises") return ImportKind::kEnterprises;
  if (text == "records") return ImportKind::kRecords;
  return Status::InvalidArgument("must be enterprises or records", "kind");
}

std::string_view ImportKindName(ImportKind kind) {
  return kind == ImportKind::kEnterprises ? "enterprises" : "records";
}

std::span<const std::string_view> ImportColumns(ImportKind kind) {
  if (kind == ImportKind::kEnterprises) return kEnterpriseColumns;
  return kRecordColumns;
}

Status CheckHeader(ImportKind kind, const std::vector<std::string>& cells) {
  std::span<const std::string_view> expected = ImportColumns(kind);
  std::string want;
  for (std::string_view c : expected) want += (want.empty() ? "" : ",") + std::string(c);
  for (std::size_t i = 0; i < std::max(expected.size(), cells.size()); ++i) {
    std::string got = i < cells.size() ? TrimSpace(cells[i]) : "";
    if (i >= expected.size()) {
      return Status::InvalidArgument(
          fmt::format("unexpected column '{}' (column {}); the header must be exactly {}", got,
                      i + 1, want),
          "file");
    }
    if (got != expected[i]) {
      return Status::InvalidArgument(
          fmt::format("column {} must be '{}', found '{}'; the header must be exactly {}", i + 1,
                      expected[i], got, want),
          "file");
    }
  }
  return Status();
}

std::optional<domain::Enterprise> ParseEnterpriseRow(std::vector<std::string>& cells,
                                                     std::int64_t row, Date today,
                                                     std::vector<store::ImportError>& errors) {
  if (!CheckShape(cells, kEnterpriseColumns.size(), row, errors)) return std::nullopt;
  cells.resize(kEnterpriseColumns.size());  // missing trailing cells are empty
  RowCheck check(row, errors);
  domain::Enterprise e;
  e.uscc = check.Uscc(cells);
  e.name = check.Text(cells, 1, "name", true, 200);
  std::string region = TrimSpace(cells[2]);
  if (region.empty()) {
    check.Fail("region_code", "is required");
  } else if (Result<const domain::Region*> r = domain::RegionRegistry::Hebei().Lookup(region);
             !r.ok()) {
    check.Fail("region_code", std::string(r.status().message()));
  } else {
    e.region_code = (*r)->code;
  }
  std::string industry = TrimSpace(cells[3]);
  if (industry.empty()) {
    check.Fail("industry", "is required");
  } else if (Result<const domain::Industry*> ind =
                 domain::IndustryRegistry::Default().Lookup(industry);
             !ind.ok()) {
    check.Fail("industry", std::string(ind.status().message()));
  } else {
    e.industry_code = (*ind)->code;
  }
  if (Result<domain::EnterpriseSize> size = domain::ParseEnterpriseSize(cells[4]); !size.ok()) {
    check.Fail("size", std::string(size.status().message()));
  } else {
    e.size = *size;
  }
  if (std::optional<Date> d = check.DateCell(cells, 5, "founded_on", true, today, true)) {
    e.founded_on = *d;
  }
  e.legal_representative = check.Text(cells, 6, "legal_representative", false, 50);
  e.address = check.Text(cells, 7, "address", false, 200);
  if (!check.ok()) return std::nullopt;
  return e;
}

std::optional<domain::CreditRecord> ParseRecordRow(std::vector<std::string>& cells,
                                                   std::int64_t row, Date today,
                                                   std::vector<store::ImportError>& errors) {
  if (!CheckShape(cells, kRecordColumns.size(), row, errors)) return std::nullopt;
  cells.resize(kRecordColumns.size());
  RowCheck check(row, errors);
  domain::CreditRecord r;
  r.uscc = check.Uscc(cells);
  const domain::RecordKind* kind = nullptr;
  if (Result<const domain::RecordKind*> k = domain::RecordKindRegistry::Default().Lookup(cells[1]);
      !k.ok()) {
    check.Fail("kind", std::string(k.status().message()));
  } else if (!(*k)->importable) {
    check.Fail("kind",
               fmt::format("{} records are made by revoking a record, not imported", (*k)->code));
  } else {
    kind = *k;
    r.kind = kind->code;
  }
  if (std::optional<Date> d = check.DateCell(cells, 2, "occurred_on", true, today, true)) {
    r.occurred_on = *d;
  }
  r.title = check.Text(cells, 3, "title", true);
  r.source_department = check.Text(cells, 4, "source_department", true, 100);
  r.document_no = check.Text(cells, 5, "document_no", false, 100);
  if (Result<domain::Polarity> p = domain::ParsePolarity(cells[6]); !p.ok()) {
    check.Fail("polarity", std::string(p.status().message()));
  } else {
    r.polarity = *p;
    if (kind != nullptr && !kind->Allows(r.polarity)) {
      check.Fail("polarity", fmt::format("a {} record cannot be {}", kind->code,
                                         domain::PolarityName(r.polarity)));
    }
  }
  if (Result<domain::Severity> s = domain::ParseSeverity(cells[7]); !s.ok()) {
    check.Fail("severity", std::string(s.status().message()));
  } else {
    r.severity = *s;
    if (r.severity != domain::Severity::kNone && r.polarity != domain::Polarity::kBad) {
      check.Fail("severity", "only bad records carry a severity");
    }
  }
  r.published_from = check.DateCell(cells, 8, "published_from", false, today, false);
  r.published_until = check.DateCell(cells, 9, "published_until", false, today, false);
  if (r.published_until && TrimSpace(cells[8]).empty()) {
    check.Fail("published_until", "needs published_from");
  }
  if (r.published_from && r.published_until && *r.published_until < *r.published_from) {
    check.Fail("published_until", "is before published_from");
  }
  if (!check.ok()) return std::nullopt;
  return r;
}

}  // namespace zl::credit
