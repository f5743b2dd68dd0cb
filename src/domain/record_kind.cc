// RecordKindRegistry: parsing data/credit/record_kinds.tsv and looking kinds up.
#include "domain/record_kind.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "base/embedded_file.h"
#include "base/text.h"
#include "domain/tsv.h"

namespace zl::domain {
namespace data {
std::span<const EmbeddedFile> RecordKindFiles();  // generated from data/credit/record_kinds.tsv
}  // namespace data

namespace {
constexpr std::string_view kHeader = "code\tname_zh\tname_en\tpolarities\timportable";
}  // namespace

bool RecordKind::Allows(Polarity p) const {
  return std::find(polarities.begin(), polarities.end(), p) != polarities.end();
}

Result<RecordKindRegistry> RecordKindRegistry::FromText(std::string_view tsv,
                                                        std::string_view source) {
  ZL_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, ParseTsv(tsv, kHeader, source));
  RecordKindRegistry reg;
  for (const TsvRow& row : rows) {
    auto fail = [&](const std::string& why) {
      return Status::InvalidArgument(fmt::format("{}:{}: {}", source, row.line, why));
    };
    RecordKind kind{std::string(row.fields[0]),
                    std::string(row.fields[1]),
                    std::string(row.fields[2]),
                    {},
                    row.fields[4] == "yes"};
    if (kind.code.empty() || kind.name_zh.empty()) return fail("code and name_zh are required");
    if (row.fields[4] != "yes" && row.fields[4] != "no")
      return fail("importable must be yes or no");
    if (reg.Find(kind.code) != nullptr) return fail(kind.code + " is listed twice");
    std::string_view rest = row.fields[3];
    while (!rest.empty()) {
      std::size_t bar = rest.find('|');
      std::string_view one = rest.substr(0, bar);
      Result<Polarity> p = ParsePolarity(one);
      if (!p.ok()) return fail(fmt::format("polarity '{}' is not good, bad or neutral", one));
      kind.polarities.push_back(*p);
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
    if (kind.polarities.empty()) return fail("at least one polarity is required");
    reg.kinds_.push_back(std::move(kind));
  }
  return reg;
}

const RecordKindRegistry& RecordKindRegistry::Default() {
  static const RecordKindRegistry* const kDefault = [] {
    const EmbeddedFile& f = data::RecordKindFiles()[0];
    Result<RecordKindRegistry> r = FromText(f.bytes, f.path);
    if (!r.ok()) {  // the build embedded a broken file: a bug, not a runtime condition
      std::fprintf(stderr, "embedded record kinds are invalid: %s\n",
                   r.status().ToString().c_str());
      std::abort();
    }
    return new RecordKindRegistry(std::move(r).value());
  }();
  return *kDefault;
}

const RecordKind* RecordKindRegistry::Find(std::string_view code) const {
  for (const RecordKind& k : kinds_) {
    if (k.code == code) return &k;
  }
  return nullptr;
}

Result<const RecordKind*> RecordKindRegistry::Lookup(std::string_view code) const {
  std::string s = AsciiLower(TrimSpace(code));
  if (const RecordKind* k = Find(s)) return k;
  std::string known;
  for (const RecordKind& k : kinds_) {
    if (k.importable) known += (known.empty() ? "" : ", ") + k.code;
  }
  if (s.empty()) return Status::InvalidArgument("is required; one of " + known, "kind");
  return Status::InvalidArgument(fmt::format("unknown record kind '{}'; one of {}", s, known),
                                 "kind");
}

}  // namespace zl::domain
