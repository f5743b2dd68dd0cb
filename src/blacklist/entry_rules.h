// The entry rules of the serious-dishonesty list (data/blacklist/entry_rules.tsv) and the
// proposals they make: which enterprises' records in force meet a rule, so that the system
// can open a `proposed` case citing the rule's article for a regulator to take forward.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/result.h"

namespace zl::blacklist {

struct EntryCondition {
  std::string kind;
  std::string severity;  // "" = any
  int count = 1;
};

struct EntryRule {
  std::string code, article, title_zh;
  std::vector<EntryCondition> requires_all;
  int window_months = 0;
};

class EntryRules {
 public:
  // InvalidArgument naming the line: a bad condition, an unknown record kind or severity, a
  // count or window that is not a positive whole number, a code twice.
  static Result<EntryRules> Parse(std::string_view text, std::string_view source_name);
  static const EntryRules& Default();  // the compiled-in file, parsed once

  const std::vector<EntryRule>& all() const { return rules_; }
  const EntryRule* Find(std::string_view code) const;

 private:
  std::vector<EntryRule> rules_;
};

// A record as a rule looks at it.
struct RuleRecord {
  std::string kind, severity;
  Date occurred_on;
};
// Whether `records` (one enterprise's, in force) meet `rule` as of `today`.
bool Meets(const EntryRule& rule, const std::vector<RuleRecord>& records, Date today);

}  // namespace zl::blacklist
