// Inspector region coverage.
#include "inspect/coverage.h"

#include "domain/region.h"

namespace zl::inspect {

bool IsRegionCode(std::string_view code) {
  if (code.size() != 6) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::array<std::string, 3> CoveringCodes(std::string_view region) {
  std::array<std::string, 3> out;
  if (!IsRegionCode(region)) return out;
  out[0] = std::string(region.substr(0, 2)) + "0000";
  if (const domain::Region* unit = domain::RegionRegistry::Hebei().SupervisionUnitFor(region)) {
    out[1] = unit->code;
  } else if (region.substr(2) != "0000") {
    out[1] = std::string(region.substr(0, 4)) + "00";
  }
  if (out[1] == out[0]) out[1].clear();
  if (region != out[0] && region != out[1]) out[2] = std::string(region);
  return out;
}

bool InspectorCovers(std::string_view inspector_region, std::string_view region) {
  if (inspector_region.empty()) return false;
  for (const std::string& code : CoveringCodes(region)) {
    if (code == inspector_region) return true;
  }
  return false;
}

}  // namespace zl::inspect
