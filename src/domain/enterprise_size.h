// EnterpriseSize: the four size classes of Chinese statistics (大型/中型/小型/微型企业, per
// the NBS 统计上大中小微型企业划分办法), used to group enterprises in grading and statistics.
#pragma once

#include <span>
#include <string_view>

#include "base/result.h"

namespace zl::domain {

enum class EnterpriseSize { kLarge, kMedium, kSmall, kMicro };

std::span<const EnterpriseSize> AllEnterpriseSizes();        // large to micro
std::string_view EnterpriseSizeNameZh(EnterpriseSize size);  // "大型"
std::string_view EnterpriseSizeNameEn(EnterpriseSize size);  // "large" (also the API value)

// Accepts the English name in any case ("large", "Large") and the Chinese name with or
// without 企业 ("大型", "大型企业"), ignoring surrounding space. InvalidArgument with field
// "enterprise_size" otherwise.
Result<EnterpriseSize> ParseEnterpriseSize(std::string_view text);

}  // namespace zl::domain
