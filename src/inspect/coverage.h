// Which inspectors may be sent to an enterprise: an inspector belongs to a province, a
// supervision unit (one of Hebei's 11 cities, 辛集 130181 or 定州 130682) or a county, and
// covers the enterprises of that area. The rule follows auth's region scope
// (Principal::CoversRegion): 辛集 and 定州 are units of their own, so a 石家庄 (130100) or
// 保定 (130600) inspector does not cover them, although GB/T 2260 nests them there.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace zl::inspect {

// The (at most 3, distinct) inspector region codes that cover an enterprise registered in
// `region` (6 digits), widest first:
//   1. the province: the first two digits + "0000" (130000 covers all of Hebei);
//   2. the supervision unit: RegionRegistry::Hebei().SupervisionUnitFor(region), or, for a
//      code the registry does not know, the first four digits + "00";
//   3. the region itself (a county inspector covers only its county).
// Unused slots are empty strings.
std::array<std::string, 3> CoveringCodes(std::string_view region);

// Whether an inspector of `inspector_region` covers an enterprise of `region`.
bool InspectorCovers(std::string_view inspector_region, std::string_view region);

// Whether `code` is 6 ASCII digits.
bool IsRegionCode(std::string_view code);

}  // namespace zl::inspect
