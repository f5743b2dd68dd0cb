// The entry rules of the serious-dishonesty list (see entry_rules.h).
#include "blacklist/entry_rules.h"

#include <fmt/format.h>

#include <charconv>

#include "base/embedded_data.h"
#include "domain/credit_record.h"
#include "domain/record_kind.h"
#include "domain/tsv.h"

namespace zl::blacklist {
namespace data {
std::span<const EmbeddedFile> EntryRuleFiles();  // data/blacklist/entry_rules.tsv
}  // namespace data

namespace {

constexpr std::string_view kHeader = "code\tarticle\ttitle_zh\trequires\twindow_months";

bool PositiveInt(std::string_view text, int& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && ec == std::errc() && ptr == text.data() + text.size() && out > 0;
}

// "KIND[:SEVERITY][*COUNT]"; an error message or "".
std::string ParseCondition(std::string_view text, EntryCondition& out) {
  if (const size_t star = text.find('*'); star != std::string_view::npos) {
    if (!PositiveInt(text.substr(star + 1), out.count)) {
      return fmt::format("'{}': the count after '*' must be a positive whole number", text);
    }
    text = text.substr(0, star);
  }
  if (const size_t colon = text.find(':'); colon != std::string_view::npos) {
    out.severity = std::string(text.substr(colon + 1));
    if (!domain::ParseSeverity(out.severity).ok()) {
      return fmt::format("unknown severity '{}'", out.severity);
    }
    text = text.substr(0, colon);
  }
  out.kind = std::string(text);
  if (domain::RecordKindRegistry::Default().Find(out.kind) == nullptr) {
    return fmt::format("unknown record kind '{}'", out.kind);
  }
  return "";
}

}  // namespace

Result<EntryRules> EntryRules::Parse(std::string_view text, std::string_view source_name) {
  ZL_ASSIGN_OR_RETURN(std::vector<domain::TsvRow> rows,
                      domain::ParseTsv(text, kHeader, source_name));
  EntryRules out;
  for (const domain::TsvRow& row : rows) {
    const auto& f = row.fields;
    auto fail = [&](std::string_view why) {
      return Status::InvalidArgument(fmt::format("{}:{}: {}", source_name, row.line, why));
    };
    EntryRule rule;
    rule.code = std::string(f[0]);
    rule.article = std::string(f[1]);
    rule.title_zh = std::string(f[2]);
    if (rule.code.empty() || rule.title_zh.empty()) return fail("code and title_zh are required");
    if (out.Find(rule.code) != nullptr) return fail("rule " + rule.code + " is listed twice");
    if (!PositiveInt(f[4], rule.window_months)) {
      return fail("window_months must be a positive whole number");
    }
    std::string_view requires_text = f[3];
    while (!requires_text.empty()) {
      const size_t comma = requires_text.find(',');
      EntryCondition c;
      if (std::string why = ParseCondition(requires_text.substr(0, comma), c); !why.empty()) {
        return fail(why);
      }
      rule.requires_all.push_back(std::move(c));
      requires_text =
          comma == std::string_view::npos ? std::string_view() : requires_text.substr(comma + 1);
    }
    if (rule.requires_all.empty()) return fail("requires needs at least one condition");
    out.rules_.push_back(std::move(rule));
  }
  return out;
}

const EntryRules& EntryRules::Default() {
  static const EntryRules* const kDefault =
      new EntryRules(ParseEmbeddedOrDie<EntryRules>(data::EntryRuleFiles()[0], &EntryRules::Parse));
  return *kDefault;
}

const EntryRule* EntryRules::Find(std::string_view code) const {
  for (const EntryRule& r : rules_) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

bool Meets(const EntryRule& rule, const std::vector<RuleRecord>& records, Date today) {
  const Date from = today.AddMonths(-rule.window_months);
  for (const EntryCondition& c : rule.requires_all) {
    int found = 0;
    for (const RuleRecord& r : records) {
      if (r.kind == c.kind && (c.severity.empty() || r.severity == c.severity) &&
          r.occurred_on >= from && r.occurred_on <= today) {
        ++found;
      }
    }
    if (found < c.count) return false;
  }
  return true;
}

}  // namespace zl::blacklist
