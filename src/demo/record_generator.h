// The demo credit archive: deterministic synthetic credit records for the demo enterprises.
//
// Each enterprise gets between none and twice `records_per_enterprise` records in a mix that
// looks like a Hebei quality credit file: mostly passed spot checks, licences and
// certifications, some failed spot checks and penalties, rare awards, recalls and accidents.
// Kinds and polarities follow data/credit/record_kinds.tsv; departments, document numbers and
// publication windows follow the rules the archive models (credit-rules.md §4: penalties
// published 3 years, minor ones 3 months). About one complaint in 200 quotes a complainant's
// mobile and resident ID number, so that the public masking has something to mask.
//
// The records of an enterprise depend only on the seed and the enterprise (its USCC, region,
// industry and founding date), not on what was generated before, so the demo can regenerate
// them enterprise by enterprise with bounded memory.
#pragma once

#include <cstdint>
#include <memory>
#include <span>

#include "base/date.h"
#include "domain/credit_record.h"
#include "domain/enterprise.h"

namespace zl::demo {

struct RecordOptions {
  int records_per_enterprise = 10;  // the average; 0 gives no records
  std::uint64_t seed = 2014;
  Date last_day = Date::FromYmd(2026, 10, 31);  // no record occurs later
};

class RecordGenerator {
 public:
  explicit RecordGenerator(RecordOptions options);
  ~RecordGenerator();
  RecordGenerator(const RecordGenerator&) = delete;
  RecordGenerator& operator=(const RecordGenerator&) = delete;

  // The records of `enterprise` (none when it was founded after last_day). They occur between
  // its founding and last_day and have distinct natural keys. The span stays valid until the
  // next call, which reuses the records' storage.
  std::span<const domain::CreditRecord> Generate(const domain::Enterprise& enterprise);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace zl::demo
