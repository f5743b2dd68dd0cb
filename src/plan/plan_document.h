// An action-plan document (行动计划) read into a tree: parts (一、…), items ((一)…) with their
// title sentence, measure sentences, responsible departments, the lead department where the
// document names one, and the quantitative targets found in the text. This is what
// `zhiliang plan parse` prints and what a plan import stores; see docs/PLAN.md.
//
// Parsing never drops text silently: what it could not place or read becomes a warning that
// says where (line, part and item) and what.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace zl::plan {

// "力争达到省级20家" → {text "省级20家", value 20, unit "家"}.
struct PlanTarget {
  std::string text;  // the phrase the number was found in
  double value = 0;
  std::string unit;  // "家", "个", "名", "%", … ("" when the number stands alone)
};

struct PlanItem {
  std::string number;                    // "三" for （三）, without the parentheses
  std::string title;                     // the first sentence, without its full stop
  std::vector<std::string> measures;     // the other sentences, each with its full stop
  std::vector<std::string> departments;  // in the document's order, normalised names
  std::optional<std::string> lead_department;
  std::vector<PlanTarget> targets;
};

struct PlanPart {
  std::string number;  // "一" for 一、
  std::string title;
  std::vector<PlanItem> items;
};

struct PlanDocument {
  std::string title;  // the plan's own title line ("…2014年行动计划"), "" when none is found
  std::vector<PlanPart> parts;
  std::vector<std::string> warnings;
};

// Parses UTF-8 text. Fails with InvalidArgument on the field "file" when the text is empty or
// has no part heading at all; everything else it cannot read is a warning.
Result<PlanDocument> ParsePlanText(std::string_view utf8);

// Parses an uploaded file: a .docx (recognised by its zip signature, whatever the name) or
// plain text in UTF-8 or GBK (detected, see base/text_encoding.h). Fails as ParsePlanText does,
// and with InvalidArgument on "file" for a damaged .docx or undecodable text.
Result<PlanDocument> ParsePlanFile(std::string_view bytes);

// The four-digit year in the title ("…2014年行动计划" → 2014), or nullopt.
std::optional<int> PlanYear(const PlanDocument& document);

}  // namespace zl::plan
