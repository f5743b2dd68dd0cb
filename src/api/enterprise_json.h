// The JSON shape of an enterprise in API responses. Callers mask what the reader may not see
// (api/credit_access.h) before converting.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "domain/enterprise.h"

namespace zl::api {

// {"uscc", "name", "region_code", "region_name_zh", "region_name_en", "industry_code",
//  "industry_name_zh", "industry_name_en", "size", "founded_on", "legal_representative", "address"}
nlohmann::json EnterpriseToJson(const domain::Enterprise& enterprise);

}  // namespace zl::api
