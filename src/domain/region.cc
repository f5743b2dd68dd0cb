// RegionRegistry: parsing the region TSV and the supervision-unit mapping.
#include "domain/region.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "base/embedded_file.h"
#include "base/text.h"
#include "domain/tsv.h"

namespace zl::domain {
namespace data {
std::span<const EmbeddedFile> RegionFiles();  // generated from data/regions/hebei.tsv
}  // namespace data

namespace {

constexpr std::string_view kHeader = "code\tname_zh\tname_en\tparent_code\tkind";

bool IsSixDigits(std::string_view s) {
  return s.size() == 6 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string_view RegionKindName(RegionKind kind) {
  switch (kind) {
    case RegionKind::kProvince:
      return "province";
    case RegionKind::kCity:
      return "city";
    case RegionKind::kDirectCounty:
      return "direct_county";
  }
  return "unknown";
}

Result<RegionRegistry> RegionRegistry::FromText(std::string_view tsv, std::string_view source) {
  ZL_ASSIGN_OR_RETURN(std::vector<TsvRow> rows, ParseTsv(tsv, kHeader, source));
  RegionRegistry reg;
  std::vector<int> lines;
  for (const TsvRow& row : rows) {
    auto fail = [&](const std::string& why) {
      return Status::InvalidArgument(fmt::format("{}:{}: {}", source, row.line, why));
    };
    Region r{std::string(row.fields[0]), std::string(row.fields[1]), std::string(row.fields[2]),
             std::string(row.fields[3]), RegionKind::kCity};
    if (!IsSixDigits(r.code)) return fail(fmt::format("code '{}' must be 6 digits", r.code));
    if (r.name_zh.empty()) return fail("name_zh is empty");
    const std::string_view kind = row.fields[4];
    if (kind == "province") {
      r.kind = RegionKind::kProvince;
    } else if (kind == "city") {
      r.kind = RegionKind::kCity;
    } else if (kind == "direct_county") {
      r.kind = RegionKind::kDirectCounty;
    } else {
      return fail(
          fmt::format("unknown kind '{}' (expected province, city or direct_county)", kind));
    }
    if ((r.kind == RegionKind::kProvince) != r.parent_code.empty()) {
      return fail("parent_code must be empty for the province and only for it");
    }
    if (std::any_of(reg.regions_.begin(), reg.regions_.end(),
                    [&](const Region& o) { return o.code == r.code; })) {
      return fail(fmt::format("code {} is listed twice", r.code));
    }
    reg.regions_.push_back(std::move(r));
    lines.push_back(row.line);
  }
  for (size_t i = 0; i < reg.regions_.size(); ++i) {
    const Region& r = reg.regions_[i];
    if (r.parent_code.empty()) continue;
    const bool known = std::any_of(reg.regions_.begin(), reg.regions_.end(),
                                   [&](const Region& o) { return o.code == r.parent_code; });
    if (!known) {
      return Status::InvalidArgument(fmt::format("{}:{}: parent {} of {} is not listed", source,
                                                 lines[i], r.parent_code, r.code));
    }
  }
  std::sort(reg.regions_.begin(), reg.regions_.end(),
            [](const Region& a, const Region& b) { return a.code < b.code; });
  return reg;
}

const RegionRegistry& RegionRegistry::Hebei() {
  static const RegionRegistry* const kHebei = [] {
    const EmbeddedFile& f = data::RegionFiles()[0];
    Result<RegionRegistry> r = FromText(f.bytes, f.path);
    if (!r.ok()) {  // the build embedded a broken file: a bug, not a runtime condition
      std::fprintf(stderr, "embedded region data is invalid: %s\n", r.status().ToString().c_str());
      std::abort();
    }
    return new RegionRegistry(std::move(r).value());
  }();
  return *kHebei;
}

std::string RegionRegistry::NameZh(std::string_view code) const {
  const Region* r = Find(code);
  return r != nullptr ? r->name_zh : std::string(code);
}

const Region* RegionRegistry::Find(std::string_view code) const {
  auto it = std::lower_bound(regions_.begin(), regions_.end(), code,
                             [](const Region& r, std::string_view c) { return r.code < c; });
  return it != regions_.end() && it->code == code ? &*it : nullptr;
}

Result<const Region*> RegionRegistry::Lookup(std::string_view code) const {
  const std::string norm = NormalizeCode(code);
  if (!IsSixDigits(norm)) {
    return Status::InvalidArgument(fmt::format("must be 6 digits, got '{}'", code), "region_code");
  }
  if (const Region* r = Find(norm)) return r;
  return Status::InvalidArgument(
      fmt::format("{} is not a Hebei region code known to Zhiliang", norm), "region_code");
}

std::vector<const Region*> RegionRegistry::SupervisionUnits() const {
  std::vector<const Region*> out;
  for (const Region& r : regions_) {
    if (r.is_supervision_unit()) out.push_back(&r);
  }
  return out;
}

const Region* RegionRegistry::SupervisionUnitFor(std::string_view code) const {
  if (!IsSixDigits(code)) return nullptr;
  if (const Region* r = Find(code); r != nullptr && r->is_supervision_unit()) return r;
  const Region* city = Find(std::string(code.substr(0, 4)) + "00");
  return city != nullptr && city->kind == RegionKind::kCity ? city : nullptr;
}

bool RegionRegistry::Contains(std::string_view parent, std::string_view child) const {
  if (Find(parent) == nullptr || !IsSixDigits(child)) return false;
  const Region* r = Find(child);
  if (r == nullptr) {  // an unlisted county: it lies within its city, if that is listed
    r = Find(std::string(child.substr(0, 4)) + "00");
    if (r == nullptr || r->kind != RegionKind::kCity) return false;
  }
  for (; r != nullptr; r = r->parent_code.empty() ? nullptr : Find(r->parent_code)) {
    if (r->code == parent) return true;
  }
  return false;
}

}  // namespace zl::domain
