// Hebei's GB/T 2260 region codes and its supervision units.
//
// Regulation in Hebei is organised by "supervision unit": the 11 prefecture-level cities
// plus 定州 (130682) and 辛集 (130181), county-level cities that the province governs
// directly. The two keep their GB/T 2260 parent (保定, 石家庄) here, so a code still nests
// the way the national standard says, but each is its own unit for scope, statistics and
// assessment. The data is data/regions/hebei.tsv, compiled into the binary.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace zl::domain {

enum class RegionKind {
  kProvince,
  kCity,          // prefecture-level city (地级市)
  kDirectCounty,  // county-level city governed directly by the province (省直管县)
};

// "province", "city", "direct_county" (the words used in the data file and the API).
std::string_view RegionKindName(RegionKind kind);

struct Region {
  std::string code;  // 6 digits, e.g. "130682"
  std::string name_zh;
  std::string name_en;
  std::string parent_code;  // empty for the province
  RegionKind kind = RegionKind::kCity;

  bool is_supervision_unit() const { return kind != RegionKind::kProvince; }
};

class RegionRegistry {
 public:
  // The embedded data/regions/hebei.tsv, parsed once (thread-safe).
  static const RegionRegistry& Hebei();
  // Parses the TSV format of data/regions/hebei.tsv. Fails with InvalidArgument naming the
  // line: bad code, duplicate code, unknown kind, or a parent that is not listed.
  static Result<RegionRegistry> FromText(std::string_view tsv,
                                         std::string_view source = "regions.tsv");

  // Exact lookup of a 6-digit code; nullptr when unknown.
  const Region* Find(std::string_view code) const;
  // The Chinese name of `code` ("唐山市"), or the code itself when it is unknown.
  std::string NameZh(std::string_view code) const;
  // Lookup of user input (normalised with NormalizeCode: full-width digits, spaces). Fails
  // with InvalidArgument, field "region_code": "must be 6 digits, got '…'" or
  // "130199 is not a Hebei region code known to Zhiliang".
  Result<const Region*> Lookup(std::string_view code) const;

  std::span<const Region> all() const { return regions_; }  // in code order
  // The 11 cities, 定州 and 辛集, in code order.
  std::vector<const Region*> SupervisionUnits() const;
  // The supervision unit a 6-digit code belongs to: a unit maps to itself (130682 → 130682,
  // 130100 → 130100); another code maps to the city with its first four digits (a county
  // such as 130102 → 130100). nullptr for the province code, unknown cities and bad input.
  const Region* SupervisionUnitFor(std::string_view code) const;
  // Whether `child` lies within `parent` (a region contains itself): follows parent codes
  // for listed regions and the city prefix for county codes that are not listed.
  bool Contains(std::string_view parent, std::string_view child) const;

 private:
  std::vector<Region> regions_;  // sorted by code
};

}  // namespace zl::domain
