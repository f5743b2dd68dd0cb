// IndustryRegistry: parsing data/industries.tsv and looking codes up.
#include "domain/industry.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "base/embedded_file.h"
#include "base/text.h"
#include "domain/tsv.h"

namespace zl::domain {
namespace data {
std::span<const EmbeddedFile> IndustryFiles();  // generated from data/industries.tsv
}  // namespace data

namespace {

constexpr std::string_view kHeader = "code\tname_zh\tname_en";

// The division number of "31", or -1 when `s` is not two digits.
int DivisionNumber(std::string_view s) {
  if (s.size() != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') return -1;
  return (s[0] - '0') * 10 + (s[1] - '0');
}

}  // namespace

char Gb4754Section(int division) {
  // The first division of each section A…T in GB/T 4754-2017.
  static constexpr int kFirst[] = {1,  6,  13, 44, 47, 51, 53, 61, 63, 66,
                                   70, 71, 73, 76, 80, 83, 84, 86, 91, 97};
  if (division < 1 || division > 97) return '\0';
  int i = 0;
  while (i + 1 < 20 && kFirst[i + 1] <= division) ++i;
  return static_cast<char>('A' + i);
}

Result<IndustryRegistry> IndustryRegistry::FromText(std::string_view tsv, std::string_view source) {
  ZL_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, ParseTsv(tsv, kHeader, source));
  IndustryRegistry reg;
  for (const TsvRow& row : rows) {
    auto fail = [&](const std::string& why) {
      return Status::InvalidArgument(fmt::format("{}:{}: {}", source, row.line, why));
    };
    Industry ind{std::string(row.fields[0]), std::string(row.fields[1]),
                 std::string(row.fields[2])};
    const int division = ind.code.size() == 3 ? DivisionNumber(ind.division()) : -1;
    const char section = Gb4754Section(division);
    if (section == '\0') {
      return fail(fmt::format("code '{}' must be a section letter and a division 01–97", ind.code));
    }
    if (ind.section() != section) {
      return fail(fmt::format("code '{}': division {} belongs to section {}", ind.code,
                              ind.division(), section));
    }
    if (ind.name_zh.empty()) return fail("name_zh is empty");
    if (reg.Find(ind.code) != nullptr) return fail(fmt::format("{} is listed twice", ind.code));
    auto at = std::lower_bound(reg.industries_.begin(), reg.industries_.end(), ind.code,
                               [](const Industry& i, const std::string& c) { return i.code < c; });
    reg.industries_.insert(at, std::move(ind));
  }
  return reg;
}

const IndustryRegistry& IndustryRegistry::Default() {
  static const IndustryRegistry* const kDefault = [] {
    const EmbeddedFile& f = data::IndustryFiles()[0];
    Result<IndustryRegistry> r = FromText(f.bytes, f.path);
    if (!r.ok()) {  // the build embedded a broken file: a bug, not a runtime condition
      std::fprintf(stderr, "embedded industry data is invalid: %s\n",
                   r.status().ToString().c_str());
      std::abort();
    }
    return new IndustryRegistry(std::move(r).value());
  }();
  return *kDefault;
}

const Industry* IndustryRegistry::Find(std::string_view code) const {
  auto it = std::lower_bound(industries_.begin(), industries_.end(), code,
                             [](const Industry& i, std::string_view c) { return i.code < c; });
  return it != industries_.end() && it->code == code ? &*it : nullptr;
}

Result<const Industry*> IndustryRegistry::Lookup(std::string_view code) const {
  std::string norm = NormalizeCode(code);
  const int division = DivisionNumber(norm.size() == 3 ? norm.substr(1) : norm);
  const char section = Gb4754Section(division);
  if (section == '\0') {
    return Status::InvalidArgument(
        fmt::format("must be a GB/T 4754 division code such as C31, got '{}'", code),
        "industry_code");
  }
  if (norm.size() == 3 && norm[0] != section) {
    return Status::InvalidArgument(
        fmt::format("{}: division {} is in section {}, not {}", norm, division, section, norm[0]),
        "industry_code");
  }
  if (norm.size() == 2) norm.insert(norm.begin(), section);
  if (const Industry* ind = Find(norm)) return ind;
  return Status::InvalidArgument(
      fmt::format("{} is not one of the industries Zhiliang lists", norm), "industry_code");
}

}  // namespace zl::domain
