// Kinds of credit record (生产许可, 监督抽查不合格, 行政处罚, 名牌产品, …) as data: the table in
// data/credit/record_kinds.tsv, compiled into the binary. Each kind says which polarities a
// record of it may carry and whether import files may carry it.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "domain/credit_record.h"

namespace zl::domain {

struct RecordKind {
  std::string code;  // "inspection_fail"
  std::string name_zh;
  std::string name_en;
  std::vector<Polarity> polarities;  // allowed, at least one
  bool importable = true;

  bool Allows(Polarity p) const;
};

// The kind a revocation record has; such records are made only by revoking another record.
inline constexpr std::string_view kRevocationKind = "revocation";

class RecordKindRegistry {
 public:
  // The embedded data/credit/record_kinds.tsv, parsed once (thread-safe).
  static const RecordKindRegistry& Default();
  // Parses the TSV format of record_kinds.tsv; InvalidArgument naming the line on a bad row.
  static Result<RecordKindRegistry> FromText(std::string_view tsv, std::string_view source);

  // nullptr when `code` is not a kind.
  const RecordKind* Find(std::string_view code) const;
  // Lookup of user input (trimmed, ASCII case ignored). InvalidArgument on field "kind"
  // listing the known codes when it is not one.
  Result<const RecordKind*> Lookup(std::string_view code) const;

  std::span<const RecordKind> all() const { return kinds_; }  // in file order

 private:
  std::vector<RecordKind> kinds_;
};

}  // namespace zl::domain
