// EnterpriseToJson: joins the enterprise with the region and industry names it refers to.
#include "api/enterprise_json.h"

#include <nlohmann/json.hpp>

#include "domain/industry.h"
#include "domain/region.h"

namespace zl::api {

nlohmann::json EnterpriseToJson(const domain::Enterprise& e) {
  const domain::Region* region = domain::RegionRegistry::Hebei().Find(e.region_code);
  const domain::Industry* industry = domain::IndustryRegistry::Default().Find(e.industry_code);
  return {
      {"uscc", e.uscc},
      {"name", e.name},
      {"region_code", e.region_code},
      {"region_name_zh", region ? region->name_zh : ""},
      {"region_name_en", region ? region->name_en : ""},
      {"industry_code", e.industry_code},
      {"industry_name_zh", industry ? industry->name_zh : ""},
      {"industry_name_en", industry ? industry->name_en : ""},
      {"size", domain::EnterpriseSizeNameEn(e.size)},
      {"founded_on", e.founded_on.ToString()},
      {"legal_representative", e.legal_representative},
      {"address", e.address},
  };
}

}  // namespace zl::api
