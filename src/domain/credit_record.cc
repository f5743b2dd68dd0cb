// Names and parsing of the credit-record enums, and the publication window.
#include "domain/credit_record.h"

#include <array>
#include <utility>

#include "base/text.h"

namespace zl::domain {

std::string_view PolarityName(Polarity p) {
  switch (p) {
    case Polarity::kGood:
      return "good";
    case Polarity::kBad:
      return "bad";
    case Polarity::kNeutral:
      break;
  }
  return "neutral";
}

Result<Polarity> ParsePolarity(std::string_view text) {
  static const std::array<std::pair<std::string_view, Polarity>, 9> kNames = {{
      {"good", Polarity::kGood},
      {"良好", Polarity::kGood},
      {"良好信息", Polarity::kGood},
      {"bad", Polarity::kBad},
      {"不良", Polarity::kBad},
      {"不良信息", Polarity::kBad},
      {"neutral", Polarity::kNeutral},
      {"中性", Polarity::kNeutral},
      {"中性信息", Polarity::kNeutral},
  }};
  std::string s = AsciiLower(TrimSpace(text));
  for (const auto& [name, value] : kNames) {
    if (s == name) return value;
  }
  if (s.empty()) return Status::InvalidArgument("is required (good, bad or neutral)", "polarity");
  return Status::InvalidArgument("must be good, bad or neutral, got '" + s + "'", "polarity");
}

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kMinor:
      return "minor";
    case Severity::kGeneral:
      return "general";
    case Severity::kSerious:
      return "serious";
    case Severity::kNone:
      break;
  }
  return "none";
}

Result<Severity> ParseSeverity(std::string_view text) {
  static const std::array<std::pair<std::string_view, Severity>, 9> kNames = {{
      {"", Severity::kNone},
      {"none", Severity::kNone},
      {"无", Severity::kNone},
      {"minor", Severity::kMinor},
      {"轻微", Severity::kMinor},
      {"general", Severity::kGeneral},
      {"一般", Severity::kGeneral},
      {"serious", Severity::kSerious},
      {"严重", Severity::kSerious},
  }};
  std::string s = AsciiLower(TrimSpace(text));
  for (const auto& [name, value] : kNames) {
    if (s == name) return value;
  }
  return Status::InvalidArgument("must be none, minor, general or serious, got '" + s + "'",
                                 "severity");
}

bool CreditRecord::PublishedOn(Date day) const {
  if (!published_from || day < *published_from) return false;
  return !published_until || day <= *published_until;
}

std::int64_t CreditRecord::NaturalKey() const {
  // FNV-1a over the fields separated by U+001F, then the SplitMix64 finaliser to spread the
  // bits. Not cryptographic: a collision would need two records of one enterprise whose
  // digests agree, about 1 in 10^17 for an enterprise with a thousand records.
  std::uint64_t h = 14695981039346656037ULL;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0x1f;
    h *= 1099511628211ULL;
  };
  mix(kind);
  mix(occurred_on.ToString());
  mix(document_no);
  mix(title);
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return static_cast<std::int64_t>(h);
}

std::string_view RecordStatusName(RecordStatus s) {
  switch (s) {
    case RecordStatus::kCorrected:
      return "corrected";
    case RecordStatus::kRevoked:
      return "revoked";
    case RecordStatus::kActive:
      break;
  }
  return "active";
}

}  // namespace zl::domain
