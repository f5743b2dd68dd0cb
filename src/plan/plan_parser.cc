// Reading an action plan into parts and items (plan_document.h). Paragraphs and headings come
// from plan_paragraphs, department lists from plan_departments, targets from plan_targets;
// this file walks the paragraphs, decides where each item ends (at its department list), and
// turns everything it cannot place into a warning that says where.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

#include "base/text.h"
#include "base/text_encoding.h"
#include "plan/chinese_number.h"
#include "plan/docx_text.h"
#include "plan/plan_departments.h"
#include "plan/plan_document.h"
#include "plan/plan_paragraphs.h"
#include "plan/plan_targets.h"
#include "plan/plan_text.h"

namespace zl::plan {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);
constexpr int kMaxParenthesisWarnings = 3;  // per paragraph

// How a plan's own title ends; a cover letter's "…的通知" is not the plan's title.
constexpr std::u32string_view kTitleEndings[] = {U"计划", U"方案", U"要点", U"安排", U"规划"};

// The parenthesised department list that ends a paragraph: "（省质监局…等部门按职责分工负责）".
struct DepartmentGroup {
  size_t open = 0;        // index of "（"
  std::u32string inside;  // the text between the parentheses
};

bool EndsSentence(std::u32string_view text) { return !text.empty() && IsSentenceEnd(text.back()); }

std::u32string_view StripSentenceEnds(std::u32string_view s) {
  while (!s.empty() && (IsSentenceEnd(s.back()) || IsSpace(s.back()))) s.remove_suffix(1);
  return s;
}

// The department list at the end of `text` (from `from` on), also when its "）" is missing.
std::optional<DepartmentGroup> TrailingDepartmentGroup(std::u32string_view text, size_t from) {
  const size_t end = StripSentenceEnds(text).size();
  if (end <= from) return std::nullopt;
  const std::vector<size_t> partner = MatchBrackets(text);
  size_t open = kNone;
  if (IsCloseParen(text[end - 1])) {
    open = partner[end - 1];
    if (open == kNoPartner || open < from) return std::nullopt;
  } else {
    // "（省质监局等部门按职责分工负责" with no "）": the last "（" that is never closed.
    for (size_t i = end; i-- > from;) {
      if (IsOpenParen(text[i]) && partner[i] == kNoPartner) {
        open = i;
        break;
      }
    }
    if (open == kNone) return std::nullopt;
  }
  const size_t inside_end = IsCloseParen(text[end - 1]) && partner[end - 1] == open ? end - 1 : end;
  std::u32string_view inside = text.substr(open + 1, inside_end - open - 1);
  for (char32_t c : inside) {
    if (IsSentenceEnd(c)) return std::nullopt;
  }
  if (!LooksLikeDepartmentList(ToU8(inside))) return std::nullopt;
  return DepartmentGroup{open, std::u32string(inside)};
}

// "…加强口岸（卫生…": the text around position `pos`, for a message.
std::string Around(std::u32string_view text, size_t pos) {
  const size_t from = pos > 10 ? pos - 10 : 0;
  std::string s = from > 0 ? "…" : "";
  return s + Excerpt(text.substr(from), 24);
}

class Parser {
 public:
  explicit Parser(std::vector<Paragraph> paragraphs) : paras_(std::move(paragraphs)) {
    for (const Paragraph& p : paras_) heads_.push_back(ReadHeading(p.text));
  }

  Result<PlanDocument> Run() {
    size_t first_part = 0;
    while (first_part < paras_.size() && heads_[first_part].kind != HeadingKind::kPart) {
      ++first_part;
    }
    if (first_part == paras_.size()) {
      return Status::InvalidArgument(
          "no part heading was found: a plan's parts start a line with a Chinese numeral and "
          "“、”, such as “一、”",
          "file");
    }
    for (size_t k = 0; k < first_part; ++k) ReadPreamble(k);
    doc_.title = FindTitle(first_part);
    for (size_t k = first_part; k < paras_.size();) {
      if (heads_[k].kind == HeadingKind::kPart) {
        ClosePart();
        StartPart(k++);
      } else if (heads_[k].kind == HeadingKind::kItem) {
        k = ReadItem(k);
      } else {
        ReadOutside(k++);
      }
    }
    ClosePart();
    // In the order of the document ("part without items" is only known at the part's end).
    std::stable_sort(warnings_.begin(), warnings_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [line, text] : warnings_) doc_.warnings.push_back(std::move(text));
    if (lead_first_) {
      for (PlanPart& part : doc_.parts) {
        for (PlanItem& item : part.items) {
          if (!item.lead_department && !item.departments.empty()) {
            item.lead_department = item.departments.front();
          }
        }
      }
    }
    return std::move(doc_);
  }

 private:
  void Warn(int line, const std::string& where, const std::string& what) {
    warnings_.emplace_back(line, where.empty() ? fmt::format("line {}: {}", line, what)
                                               : fmt::format("line {}, {}: {}", line, where, what));
  }

  std::string PartLabel() const { return "part " + doc_.parts.back().number; }
  std::string ItemLabel(const PlanItem& item) const {
    return doc_.parts.back().number + "（" + item.number + "）";
  }

  // Every "（" without its "）" and every "）" without its "（", from `from` on; after a few in
  // one paragraph, how many more.
  void CheckParentheses(const Paragraph& p, size_t from, const std::string& where) {
    const std::vector<size_t> partner = MatchBrackets(p.text);
    int reported = 0;
    int more = 0;
    for (size_t i = from; i < p.text.size(); ++i) {
      if (partner[i] != kNoPartner || !(IsOpenParen(p.text[i]) || IsCloseParen(p.text[i]))) {
        continue;
      }
      if (reported == kMaxParenthesisWarnings) {
        ++more;
        continue;
      }
      ++reported;
      const char* what = IsOpenParen(p.text[i]) ? "is never closed" : "has no opening parenthesis";
      Warn(p.LineAt(i), where,
           fmt::format("unbalanced parentheses: “{}” {}: “{}”", ToU8(p.text.substr(i, 1)), what,
                       Around(p.text, i)));
    }
    if (more > 0) {
      Warn(p.line(), where, fmt::format("unbalanced parentheses: {} more in this paragraph", more));
    }
  }

  void ReadPreamble(size_t k) {
    const Paragraph& p = paras_[k];
    if (IsLeadFirstNote(ToU8(p.text))) lead_first_ = true;
    if (heads_[k].kind == HeadingKind::kItem) {
      Warn(p.line(), "",
           fmt::format("item （{}） comes before the first part heading and is not read as an "
                       "item: “{}”",
                       ToU8(heads_[k].number), Excerpt(p.text)));
    }
    CheckParentheses(p, 0, "");
  }

  // The last paragraph before the first part that reads as the plan's title.
  std::string FindTitle(size_t first_part) const {
    std::u32string_view fallback;
    std::u32string_view title;
    for (size_t k = 0; k < first_part; ++k) {
      std::u32string_view t = paras_[k].text;
      if (t.size() > 80 || t.ends_with(U"：") || t.ends_with(U":") || IsDate(t)) continue;
      if (std::any_of(t.begin(), t.end(), IsSentenceEnd)) continue;
      if (t.starts_with(U"《") && t.ends_with(U"》")) t = t.substr(1, t.size() - 2);
      if (fallback.empty()) fallback = t;
      if (std::any_of(std::begin(kTitleEndings), std::end(kTitleEndings),
                      [&](std::u32string_view e) { return t.ends_with(e); })) {
        title = t;
      }
    }
    return ToU8(title.empty() ? fallback : title);
  }

  // "2014年6月16日", "二〇一四年六月十六日".
  static bool IsDate(std::u32string_view t) {
    if (!t.ends_with(U"日") || t.find(U'年') == t.npos || t.find(U'月') == t.npos) return false;
    return std::all_of(t.begin(), t.end(), [](char32_t c) {
      return c == U'年' || c == U'月' || c == U'日' || (c >= U'0' && c <= U'9') ||
             (c >= U'０' && c <= U'９') || IsChineseNumeralChar(c);
    });
  }

  void StartPart(size_t k) {
    const Paragraph& p = paras_[k];
    const Heading& h = heads_[k];
    PlanPart part;
    part.number = ToU8(h.number);
    // "一、总体要求。以……": the title is the first sentence, the rest is outside any item.
    std::vector<std::u32string> sentences = SplitSentences(p.text.substr(h.body));
    if (!sentences.empty()) part.title = ToU8(StripSentenceEnds(sentences.front()));
    const int expected = last_part_value_ + 1;
    if (auto seen = part_lines_.find(h.value); seen != part_lines_.end()) {
      Warn(p.line(), "",
           fmt::format("part {}、 appears twice (first on line {})", part.number, seen->second));
    } else if (h.value != expected) {
      Warn(p.line(), "",
           fmt::format("part {}、 is out of sequence: expected {}、", part.number,
                       ChineseNumeral(expected)));
    }
    part_lines_.emplace(h.value, p.line());
    last_part_value_ = h.value;
    doc_.parts.push_back(std::move(part));
    part_line_ = p.line();
    last_item_value_ = 0;
    item_lines_.clear();
    CheckParentheses(p, h.body, PartLabel());
    if (sentences.size() > 1) {
      Warn(p.line(), PartLabel(),
           fmt::format("text after the part's title is outside any item: “{}”",
                       Excerpt(sentences[1])));
    }
  }

  void ClosePart() {
    if (doc_.parts.empty() || !doc_.parts.back().items.empty()) return;
    Warn(part_line_, PartLabel(),
         fmt::format("the part “{}” has no items", doc_.parts.back().title));
  }

  // A paragraph between items (or after the last) that no item owns.
  void ReadOutside(size_t k) {
    const Paragraph& p = paras_[k];
    const PlanPart& part = doc_.parts.back();
    std::string where = part.items.empty() ? PartLabel() + ", before its first item"
                                           : "after item " + ItemLabel(part.items.back());
    CheckParentheses(p, 0, where);
    if (IsLeadFirstNote(ToU8(p.text))) {
      lead_first_ = true;  // understood: the first department listed leads
      return;
    }
    Warn(p.line(), where,
         fmt::format("text outside any item (kept as a warning only): “{}”", Excerpt(p.text)));
  }

  // The item that starts at paragraph k; returns the index after its last paragraph.
  size_t ReadItem(size_t k) {
    const Heading& h = heads_[k];
    PlanItem item;
    item.number = ToU8(h.number);
    const std::string label = ItemLabel(item);
    CheckItemNumber(k, item.number, label);

    // The item ends with the paragraph that carries its department list; without one, with its
    // first paragraph that ends a sentence.
    std::optional<DepartmentGroup> group = TrailingDepartmentGroup(paras_[k].text, h.body);
    size_t last = group ? k : kNone;
    for (size_t j = k + 1; !group && j < paras_.size() && heads_[j].kind == HeadingKind::kNone;
         ++j) {
      group = TrailingDepartmentGroup(paras_[j].text, 0);
      if (group) last = j;
    }
    if (!group) {
      last = k;
      while (last + 1 < paras_.size() && heads_[last + 1].kind == HeadingKind::kNone &&
             !EndsSentence(paras_[last].text)) {
        ++last;
      }
    }
    std::u32string body;
    for (size_t j = k; j <= last; ++j) {
      const size_t from = j == k ? h.body : 0;
      const size_t to = j == last && group ? group->open : paras_[j].text.size();
      if (!body.empty()) body += U'\n';
      body += std::u32string_view(paras_[j].text).substr(from, to - from);
      CheckParentheses(paras_[j], from, "item " + label);
    }
    std::vector<std::u32string> sentences = SplitSentences(body);
    for (size_t s = 0; s < sentences.size(); ++s) {
      std::string sentence = ToU8(s == 0 ? StripSentenceEnds(sentences[s]) : sentences[s]);
      for (PlanTarget& t : FindTargets(sentence)) item.targets.push_back(std::move(t));
      if (s == 0) {
        item.title = std::move(sentence);
      } else {
        item.measures.push_back(std::move(sentence));
      }
    }
    if (sentences.empty()) Warn(paras_[k].line(), "item " + label, "the item has no text");
    if (group) {
      DepartmentList list = ParseDepartmentList(ToU8(group->inside));
      if (list.lead_first_note) lead_first_ = true;
      item.departments = std::move(list.departments);
      item.lead_department = std::move(list.lead);
      if (item.departments.empty()) {
        Warn(paras_[last].LineAt(group->open), "item " + label,
             fmt::format("the department list “（{}）” names no department", ToU8(group->inside)));
      }
    } else {
      Warn(paras_[k].line(), "item " + label,
           fmt::format("the item “{}” has no department list (a closing “（…负责）”)",
                       Excerpt(ToU32(item.title), 20)));
    }
    doc_.parts.back().items.push_back(std::move(item));
    return last + 1;
  }

  void CheckItemNumber(size_t k, const std::string& number, const std::string& label) {
    const int value = heads_[k].value;
    const int line = paras_[k].line();
    const int expected = last_item_value_ + 1;
    if (auto seen = item_lines_.find(value); seen != item_lines_.end()) {
      Warn(line, "item " + label,
           fmt::format("item （{}） appears twice in {} (first on line {})", number, PartLabel(),
                       seen->second));
    } else if (value != expected) {
      Warn(line, "item " + label,
           fmt::format("item （{}） is out of sequence in {}: expected （{}）", number, PartLabel(),
                       ChineseNumeral(expected)));
    }
    item_lines_.emplace(value, line);
    last_item_value_ = value;
  }

  std::vector<Paragraph> paras_;
  std::vector<Heading> heads_;
  PlanDocument doc_;
  std::vector<std::pair<int, std::string>> warnings_;  // (line, warning)
  bool lead_first_ = false;
  int last_part_value_ = 0;
  int part_line_ = 0;
  std::map<int, int> part_lines_;  // part number → its line
  int last_item_value_ = 0;
  std::map<int, int> item_lines_;  // item number in the current part → its line
};

Result<PlanDocument> Parse(std::string_view utf8, bool lines_are_paragraphs) {
  const std::u32string text = ToU32(utf8);
  if (Trim(text).empty()) return Status::InvalidArgument("the document is empty", "file");
  return Parser(SplitParagraphs(text, lines_are_paragraphs)).Run();
}

}  // namespace

Result<PlanDocument> ParsePlanText(std::string_view utf8) { return Parse(utf8, false); }

Result<PlanDocument> ParsePlanFile(std::string_view bytes) {
  if (LooksLikeZip(bytes)) {
    ZL_ASSIGN_OR_RETURN(std::string text, DocxToText(bytes));
    return Parse(text, true);
  }
  if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
    return Status::InvalidArgument(
        "a Word 97–2003 .doc file cannot be read; save it as .docx or as text", "file");
  }
  if (bytes.starts_with("%PDF")) {
    return Status::InvalidArgument("a PDF file cannot be read; upload the .docx or the text",
                                   "file");
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return Status::InvalidArgument("UTF-16 text cannot be read; save it as UTF-8 or GBK", "file");
  }
  Result<std::string> text = DecodeToUtf8(bytes, DetectEncoding(bytes));
  if (!text.ok()) return Status::InvalidArgument(text.status().message(), "file");
  return Parse(*text, false);
}

std::optional<int> PlanYear(const PlanDocument& document) {
  const std::u32string t = ToU32(NormalizeNfkc(document.title));
  auto digit = [&](size_t i) { return i < t.size() && t[i] >= U'0' && t[i] <= U'9'; };
  for (size_t i = 0; i + 4 < t.size(); ++i) {
    if ((i > 0 && digit(i - 1)) || !digit(i) || !digit(i + 1) || !digit(i + 2) || !digit(i + 3) ||
        t[i + 4] != U'年') {
      continue;
    }
    const int year = std::stoi(ToU8(t.substr(i, 4)));
    if (year >= 1900 && year <= 2099) return year;
  }
  return std::nullopt;
}

}  // namespace zl::plan
