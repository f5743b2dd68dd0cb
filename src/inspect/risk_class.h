// Credit risk classes (信用风险分类) as the draw sees them: A low, B general, C higher, D high
// risk (国市监信发〔2022〕6号, 冀市监规〔2022〕2号). The type is the domain's, which the
// grading engine assigns (domain/credit_grade.h), so classes pass from grading to the draw
// without conversion; this header adds the index the draw's per-class tables use.
#pragma once

#include <cstddef>

#include "domain/credit_grade.h"

namespace zl::inspect {

using domain::kAllRiskClasses;
using domain::ParseRiskClass;
using domain::RiskClass;
using domain::RiskClassName;

// 0 for A … 3 for D: the index of per-class arrays such as DrawResult::per_class.
inline size_t RiskClassIndex(RiskClass c) { return static_cast<size_t>(c); }

}  // namespace zl::inspect
