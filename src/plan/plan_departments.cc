// Reading the department list at the end of a plan item, for plan_departments.h.
#include "plan/plan_departments.h"

#include <algorithm>
#include <span>

#include "base/text.h"
#include "plan/plan_text.h"

namespace zl::plan {
namespace {

// Said after the names, longest first; stripped repeatedly ("…等部门按职责分工负责").
constexpr std::u32string_view kTails[] = {
    U"根据职责分工负责",
    U"按照职责分工负责",
    U"按职责分工负责",
    U"按职责分工落实",
    U"按职能分工负责",
    U"按职责负责",
    U"分工负责",
    U"共同负责",
    U"具体负责",
    U"负责落实",
    U"负责实施",
    U"组织实施",
    U"负责",
    U"落实",
    U"等有关部门",
    U"等相关部门",
    U"等有关单位",
    U"等相关单位",
    U"等部门",
    U"等单位",
    U"等",
};
constexpr std::u32string_view kLeadWords[] = {U"牵头", U"主办", U"主责"};
constexpr std::u32string_view kCooperateWords[] = {U"配合", U"参与", U"参加",
                                                   U"协办", U"协助", U"协作"};
// Saying so makes the parenthesised text a department list.
constexpr std::u32string_view kMarkers[] = {U"负责", U"牵头",   U"配合",  U"按职责",
                                            U"分工", U"等部门", U"等单位"};
// How the names of offices end.
constexpr std::u32string_view kOfficeEndings[] = {
    U"局", U"厅", U"委",   U"办",   U"部",   U"会",   U"院",   U"署",   U"行",   U"关",  U"室",
    U"处", U"站", U"中心", U"公司", U"政府", U"集团", U"协会", U"联社", U"总队", U"支队"};

bool ContainsAny(std::u32string_view text, std::span<const std::u32string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::u32string_view w) { return text.find(w) != text.npos; });
}

bool EndsWithAny(std::u32string_view text, std::span<const std::u32string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::u32string_view w) { return text.ends_with(w); });
}

// NFKC (so "：；，（）" are ":;,()"), white space removed.
std::u32string Normalized(std::string_view text) {
  std::u32string u = ToU32(NormalizeNfkc(text));
  std::erase_if(u, IsSpace);
  return u;
}

std::u32string_view StripTails(std::u32string_view s) {
  for (bool again = true; again;) {
    again = false;
    for (std::u32string_view tail : kTails) {
      if (s.size() > tail.size() && s.ends_with(tail)) {
        s.remove_suffix(tail.size());
        again = true;
        break;
      }
    }
  }
  return s;
}

// Removes a trailing word of `words` from `s`; true when there was one.
bool StripWord(std::u32string_view& s, std::span<const std::u32string_view> words) {
  for (std::u32string_view w : words) {
    if (s.ends_with(w)) {
      s.remove_suffix(w.size());
      return true;
    }
  }
  return false;
}

// Splits at `seps` outside parentheses.
std::vector<std::u32string_view> SplitOutside(std::u32string_view s, std::u32string_view seps) {
  std::vector<std::u32string_view> out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == U'(') ++depth;
    if (s[i] == U')' && depth > 0) --depth;
    if (depth == 0 && seps.find(s[i]) != seps.npos) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(s.substr(start));
  return out;
}

// "列第一位者为牵头部门": the words that say "first" in such a note.
constexpr std::u32string_view kFirstWords[] = {U"第一", U"首位", U"排首", U"居首", U"首个"};

enum class Role { kPlain, kLead, kCooperate };

}  // namespace

bool LooksLikeDepartmentList(std::string_view inside) {
  const std::u32string s = Normalized(inside);
  if (s.empty()) return false;
  if (ContainsAny(s, kMarkers)) return true;
  for (std::u32string_view name : SplitOutside(s, U"、,;")) {
    name = StripTails(name);  // "…、省工业和信息化厅等"
    if (name.size() < 2 || name.size() > 25 || !EndsWithAny(name, kOfficeEndings)) return false;
  }
  return true;
}

bool IsLeadFirstNote(std::string_view text) {
  const std::u32string s = Normalized(text);
  return s.find(U"牵头") != s.npos && ContainsAny(s, kFirstWords);
}

std::string NormalizeDepartmentName(std::string_view name) { return ToU8(Normalized(name)); }

DepartmentList ParseDepartmentList(std::string_view inside) {
  DepartmentList list;
  // "A会同B负责": two departments.
  std::u32string s;
  const std::u32string normalized = Normalized(inside);
  std::u32string_view rest = normalized;
  for (size_t at = rest.find(U"会同"); at != rest.npos; at = rest.find(U"会同")) {
    s.append(rest.substr(0, at));
    s += U'、';
    rest.remove_prefix(at + 2);
  }
  s.append(rest);
  std::vector<std::u32string> leads;
  std::vector<std::u32string> others;
  for (std::u32string_view segment : SplitOutside(s, U";,。")) {
    if (segment.empty() || segment == U"下同" || segment == U"以下同" || segment == U"后同") {
      continue;  // "（…，列第一位者为牵头部门，下同）"
    }
    if (IsLeadFirstNote(ToU8(segment))) {
      list.lead_first_note = true;
      continue;
    }
    Role role = Role::kPlain;
    // "牵头单位:A、B" — the label says the role.
    if (size_t colon = segment.find(U':'); colon != segment.npos) {
      const std::u32string_view label = segment.substr(0, colon);
      if (ContainsAny(label, kLeadWords)) {
        role = Role::kLead;
      } else if (ContainsAny(label, kCooperateWords)) {
        role = Role::kCooperate;
      }
      segment.remove_prefix(colon + 1);
    }
    // "A、B牵头", "C、D配合", "A、B等部门按职责分工负责".
    segment = StripTails(segment);
    if (role == Role::kPlain && StripWord(segment, kLeadWords)) role = Role::kLead;
    if (role == Role::kPlain && StripWord(segment, kCooperateWords)) role = Role::kCooperate;
    segment = StripTails(segment);
    if (segment.starts_with(U"由")) segment.remove_prefix(1);
    for (std::u32string_view name : SplitOutside(segment, U"、/")) {
      bool lead = role == Role::kLead;
      // "A(牵头)"
      if (name.ends_with(U"(牵头)")) {
        name.remove_suffix(4);
        lead = true;
      }
      name = StripTails(name);
      if (name.empty()) continue;
      (lead ? leads : others).emplace_back(name);
    }
  }
  for (const auto* group : {&leads, &others}) {
    for (const std::u32string& name : *group) {
      std::string utf8 = ToU8(name);
      if (std::find(list.departments.begin(), list.departments.end(), utf8) ==
          list.departments.end()) {
        list.departments.push_back(std::move(utf8));
      }
    }
  }
  if (!leads.empty()) list.lead = ToU8(leads.front());
  return list;
}

}  // namespace zl::plan
