// The departments responsible for a plan item, read from the parenthesised list that ends it:
//   （省质监局、省公安厅等部门按职责分工负责）   （A、B等按职责分工负责）   （A、B负责落实）
//   (牵头单位：A、B；配合单位：C、D)          （A牵头，B、C配合）          （A（牵头）、B）
// Names are normalised (NFKC, no white space) so that one department is one string wherever it
// is written. The endings "等部门"/"等单位"/"等" and the tails "按职责分工负责"/"负责落实"/"负责"
// are not part of any name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zl::plan {

struct DepartmentList {
  std::vector<std::string> departments;  // lead units first, then the others in order
  std::optional<std::string> lead;       // the first lead unit the list itself names
  bool lead_first_note = false;          // the list also says "列第一位者为牵头部门"
};

// True when `inside` (the text between the parentheses) reads as a department list: it says
// who is responsible (负责, 牵头, 配合, 按职责, 等部门, 等单位) or every 、-separated name ends
// like an office (局, 厅, 委, 办, 部, 会, 院, 政府, 中心, …). "2012-2020年", "市、区" and
// "小建议、小革新" do not.
bool LooksLikeDepartmentList(std::string_view inside);

// Reads the list. Never fails; an empty `departments` means no name was found.
DepartmentList ParseDepartmentList(std::string_view inside);

// True for a statement that the first department listed leads: "列第一位者为牵头部门",
// "排在第一位的为牵头单位", "排名首位的部门牵头", ….
bool IsLeadFirstNote(std::string_view text);

// NFKC, white space removed anywhere.
std::string NormalizeDepartmentName(std::string_view name);

}  // namespace zl::plan
