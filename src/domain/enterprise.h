// Enterprise: one market entity in the quality credit archive, keyed by its USCC.
#pragma once

#include <string>

#include "base/date.h"
#include "domain/enterprise_size.h"

namespace zl::domain {

struct Enterprise {
  std::string uscc;           // 18-character Unified Social Credit Code, validated
  std::string name;           // registered name, e.g. 唐山市鑫达钢铁有限公司
  std::string region_code;    // supervision unit (GB/T 2260): a city, 定州 or 辛集
  std::string industry_code;  // GB/T 4754 division, e.g. C31
  EnterpriseSize size = EnterpriseSize::kSmall;
  Date founded_on;
  std::string legal_representative;  // a natural person's name: masked in public output
  std::string address;
};

}  // namespace zl::domain
