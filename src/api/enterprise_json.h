// The JSON shape of an enterprise in API responses (public fields only).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "domain/enterprise.h"

namespace zl::api {

// {"uscc", "name", "region_code", "region_name_zh", "region_name_en", "industry_code",
//  "industry_name_zh", "industry_name_en", "size", "founded_on", "address"}
nlohmann::json EnterpriseToJson(const domain::Enterprise& enterprise);

}  // namespace zl::api
