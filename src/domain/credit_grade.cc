// Names of grades and risk classes (see credit_grade.h).
#include "domain/credit_grade.h"

#include <string>

#include "base/text.h"

namespace zl::domain {

std::string_view GradeName(Grade g) {
  static constexpr std::array<std::string_view, 6> kNames = {"AAA", "AA", "A", "B", "C", "D"};
  return kNames[static_cast<int>(g)];
}

Result<Grade> ParseGrade(std::string_view text, std::string_view field) {
  const std::string upper = AsciiUpper(text);
  for (Grade g : kAllGrades) {
    if (GradeName(g) == upper) return g;
  }
  return Status::InvalidArgument(
      "'" + std::string(text) + "' is not a grade (AAA, AA, A, B, C or D)", std::string(field));
}

std::string_view RiskClassName(RiskClass c) {
  static constexpr std::array<std::string_view, 4> kNames = {"A", "B", "C", "D"};
  return kNames[static_cast<int>(c)];
}

Result<RiskClass> ParseRiskClass(std::string_view text, std::string_view field) {
  const std::string upper = AsciiUpper(text);
  for (RiskClass c : kAllRiskClasses) {
    if (RiskClassName(c) == upper) return c;
  }
  return Status::InvalidArgument("'" + std::string(text) + "' is not a risk class (A, B, C or D)",
                                 std::string(field));
}

}  // namespace zl::domain
