// Quantitative targets in a plan's sentences: a number followed by a counting unit, such as
// "力争达到省级20家、市级40家" → {"省级20家", 20, "家"} and {"市级40家", 40, "家"},
// "选择千家民营企业" → {"千家民营企业", 1000, "家"}, "合格率达到95%以上" → {"合格率达到95%以上",
// 95, "%"}.
//
// What is not a target: a number without a unit (years "2014年", ranges "2012-2020年",
// document numbers "〔2014〕18号" have none), an ordinal ("第三批"), a rate ("每万人"), a bare
// "一" ("一批", "一个", "进一步": an article, not a count), a number inside a name in quotes
// or brackets (“三个一百”, “双五百、双五十”, 《…2013-2014年度…》), a number glued to
// letters ("ISO9001"), and a few idioms ("千家万户"). See docs/PLAN.md.
#pragma once

#include <string_view>
#include <vector>

#include "plan/plan_document.h"

namespace zl::plan {

// The targets in `sentence` (UTF-8), in the order they appear. `text` is the number with its
// unit and the words that say what is counted; `unit` is as written, except that "％" is "%".
std::vector<PlanTarget> FindTargets(std::string_view sentence);

// The counting units, longest first. A unit that starts with a multiplier ("万元", "千米")
// wins over the multiplier: "100万元" is {100, "万元"}, "1.5万家" is {15000, "家"}.
const std::vector<std::u32string_view>& TargetUnits();

}  // namespace zl::plan
