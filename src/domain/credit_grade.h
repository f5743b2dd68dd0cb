// The two verdicts the grading engine (credit/grader.h) gives an enterprise:
//   Grade      its quality-credit grade, AAA (best) to D, after T/CAQ 20301-2023's 四等六级
//              (credit-rules.md §2 item 9); public.
//   RiskClass  its credit risk class, A (low) to D (high), after 国市监信发〔2022〕6号
//              (credit-rules.md §3); internal: it decides how often an enterprise is drawn
//              for inspection and is never shown on public pages or public API responses.
// Both enums are ordered best first, so `a < b` means a is the better grade (lower risk).
#pragma once

#include <array>
#include <string_view>

#include "base/result.h"

namespace zl::domain {

enum class Grade { kAAA, kAA, kA, kB, kC, kD };
inline constexpr std::array<Grade, 6> kAllGrades = {Grade::kAAA, Grade::kAA, Grade::kA,
                                                    Grade::kB,   Grade::kC,  Grade::kD};
std::string_view GradeName(Grade g);  // "AAA" … "D"
// Exact names only (ASCII case ignored); InvalidArgument on `field` otherwise.
Result<Grade> ParseGrade(std::string_view text, std::string_view field = "grade");

enum class RiskClass { kA, kB, kC, kD };
inline constexpr std::array<RiskClass, 4> kAllRiskClasses = {RiskClass::kA, RiskClass::kB,
                                                             RiskClass::kC, RiskClass::kD};
std::string_view RiskClassName(RiskClass c);  // "A" … "D"
// "A" … "D" (ASCII case ignored); InvalidArgument on `field` otherwise.
Result<RiskClass> ParseRiskClass(std::string_view text, std::string_view field = "risk_class");

}  // namespace zl::domain
