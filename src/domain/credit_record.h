// CreditRecord: one fact in an enterprise's quality credit file — a licence, a spot-check
// result, a penalty, an award — with where it came from (department, document number), when
// it happened, whether it is good, bad or neutral for the enterprise and how serious, and
// the window in which it is shown to the public.
//
// Records are append-only: a correction or a revocation is a new record whose `replaces`
// names the record it supersedes; the superseded record stays in the archive and regulators
// keep seeing it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/result.h"

namespace zl::domain {

enum class Polarity { kGood, kBad, kNeutral };
// Severity of a bad record, after the NDRC credit-repair categories (轻微 / 一般 / 严重);
// kNone for good and neutral records.
enum class Severity { kNone, kMinor, kGeneral, kSerious };

// "good" | "bad" | "neutral" (the API and file code).
std::string_view PolarityName(Polarity p);
// Accepts the codes and the Chinese 良好 / 不良 / 中性 (also 好 / 差 / 良好信息 …, see .cc).
// InvalidArgument on field "polarity" otherwise.
Result<Polarity> ParsePolarity(std::string_view text);

// "none" | "minor" | "general" | "serious".
std::string_view SeverityName(Severity s);
// Accepts the codes, "" (= none) and 无 / 轻微 / 一般 / 严重. InvalidArgument on "severity".
Result<Severity> ParseSeverity(std::string_view text);

struct CreditRecord {
  std::int64_t id = 0;  // assigned by the archive; 0 before it is stored
  std::string uscc;
  std::string kind;  // a RecordKind code
  Date occurred_on;
  std::string title;
  std::string source_department;  // e.g. 河北省质量技术监督局
  std::string document_no;        // e.g. 冀质监罚字〔2024〕12号; may be empty
  Polarity polarity = Polarity::kNeutral;
  Severity severity = Severity::kNone;
  std::optional<Date> published_from;    // unset: never published (internal record)
  std::optional<Date> published_until;   // unset: no end
  std::optional<std::int64_t> replaces;  // the record this one corrects or revokes
  std::string details;                   // JSON object from the module that wrote it, or ""

  // Whether the record's publication window contains `day` (it may still be superseded).
  bool PublishedOn(Date day) const;

  // A 64-bit digest of what identifies the record within its enterprise: kind, occurred_on,
  // document_no and title. Stored with the record (unique per enterprise), it lets a
  // re-imported file find the rows it already wrote. Stable across machines and versions.
  std::int64_t NaturalKey() const;
};

// What became of a stored record: still in force, superseded by a correction, or revoked.
enum class RecordStatus { kActive, kCorrected, kRevoked };
std::string_view RecordStatusName(RecordStatus s);  // "active" | "corrected" | "revoked"

}  // namespace zl::domain
