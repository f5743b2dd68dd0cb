// Finding numbers with units, and the phrase that says what they count, for plan_targets.h.
#include "plan/plan_targets.h"

#include <algorithm>
#include <optional>
#include <span>

#include "plan/chinese_number.h"
#include "plan/plan_text.h"

namespace zl::plan {
namespace {

// Words that end the phrase before a number: a verb ("达到", "培育", "选择"), a function word
// ("等", "的", "和"), so that "力争达到省级20家" gives "省级20家".
constexpr std::u32string_view kStopsBefore[] = {
    U"争创", U"培育", U"培训", U"培养", U"选择", U"选树", U"遴选", U"完成", U"新增", U"新建",
    U"建成", U"建设", U"建立", U"设立", U"创建", U"打造", U"认定", U"评定", U"命名", U"开展",
    U"实现", U"超过", U"力争", U"累计", U"共计", U"总计", U"合计", U"扶持", U"帮扶", U"支持",
    U"发展", U"组织", U"评选", U"确定", U"推出", U"推荐", U"增加", U"提高", U"提升", U"覆盖",
    U"检查", U"抽查", U"抽检", U"监测", U"引进", U"指导", U"授予", U"表彰", U"奖励", U"制定",
    U"修订", U"发布", U"落实", U"争取", U"其中", U"安排", U"投入", U"筹集", U"拨付", U"推动",
    U"推进", U"通过", U"带动", U"帮助", U"改造", U"淘汰", U"整治", U"查处", U"办结", U"受理",
    U"等",   U"的",   U"和",   U"及",   U"与",   U"或",   U"对",   U"在",   U"将",   U"把",
    U"从",   U"向",   U"于",   U"为",   U"到",   U"达",   U"共",   U"约",   U"近",   U"各",
    U"每",
};

// Words that end the phrase after a unit: "千家民营企业开展…" gives "千家民营企业".
constexpr std::u32string_view kStopsAfter[] = {
    U"开展", U"进行", U"实施", U"参加", U"参与", U"达到", U"完成", U"建立",
    U"建设", U"推进", U"推动", U"落实", U"和",   U"及",   U"与",   U"或",
    U"的",   U"等",   U"在",   U"并",   U"中",   U"为",   U"对",   U"以",
    U"通过", U"获得", U"成为", U"列入", U"纳入", U"进入", U"实现", U"达标",
};

// Said right after the unit and kept in the phrase.
constexpr std::u32string_view kApproximations[] = {U"以上", U"以下", U"以内", U"左右"};

// A unit character that begins another word is no unit: "20处理" is not 20 处.
constexpr std::u32string_view kNotUnits[] = {
    U"支持", U"支撑", U"支付", U"处理", U"处置", U"处罚", U"人员", U"人民", U"人才",
    U"人口", U"名牌", U"名优", U"名称", U"名录", U"名单", U"台账", U"种植", U"种养",
    U"起草", U"起步", U"批发", U"批准", U"次年", U"次日", U"条例", U"条件", U"户籍",
    U"天然", U"元素", U"元旦", U"场所", U"家庭", U"家电", U"家具", U"家居", U"米面",
};

// Idioms with numerals that count nothing.
constexpr std::u32string_view kIdioms[] = {U"千家万户", U"百家争鸣", U"三番五次", U"千军万马",
                                           U"成千上万", U"千方百计", U"万无一失", U"一家一户",
                                           U"千千万万", U"百花齐放"};

constexpr size_t kMaxBefore = 12;   // characters of the phrase before the number
constexpr size_t kMaxAfter = 8;     // characters of the phrase after the unit
constexpr size_t kMaxClause = 16;   // the fallback: the clause before the number
constexpr double kMaxValue = 1e15;  // a longer run of digits is a code, not a count

bool StartsWithAny(std::u32string_view text, std::span<const std::u32string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::u32string_view w) { return text.starts_with(w); });
}

bool IsArabicDigit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }

bool IsAsciiAlnum(char32_t c) {
  return IsArabicDigit(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
         (c >= U'ａ' && c <= U'ｚ') || (c >= U'Ａ' && c <= U'Ｚ') || c == U'.' || c == U'_';
}

// The unit at text[pos], longest first, or "".
std::u32string_view UnitAt(std::u32string_view text, size_t pos) {
  if (pos >= text.size()) return {};
  const std::u32string_view rest = text.substr(pos);
  for (std::u32string_view unit : TargetUnits()) {
    if (!rest.starts_with(unit)) continue;
    if (StartsWithAny(rest, kNotUnits)) return {};
    return unit;
  }
  return {};
}

// Where the phrase before the number starts.
size_t PhraseStart(std::u32string_view text, const std::vector<bool>& mask, size_t number) {
  size_t b = number;
  while (b > 0 && number - b < kMaxBefore) {
    const char32_t c = text[b - 1];
    if (IsPhraseBreak(c) || mask[b - 1] || IsArabicDigit(c)) break;
    const std::u32string_view before = text.substr(0, b);
    if (std::any_of(std::begin(kStopsBefore), std::end(kStopsBefore),
                    [&](std::u32string_view w) { return before.ends_with(w); })) {
      break;
    }
    // "2014年企业100家": the year is not part of what is counted.
    if (c == U'年' && b >= 2 && (IsArabicDigit(text[b - 2]) || IsChineseNumeralChar(text[b - 2]))) {
      break;
    }
    --b;
  }
  return b;
}

// Where the phrase after the unit ends.
size_t PhraseEnd(std::u32string_view text, const std::vector<bool>& mask, size_t unit_end) {
  size_t e = unit_end;
  while (e < text.size() && e - unit_end < kMaxAfter) {
    const char32_t c = text[e];
    if (IsPhraseBreak(c) || mask[e] || IsArabicDigit(c)) break;
    if (StartsWithAny(text.substr(e), kStopsAfter)) break;
    ++e;
  }
  return e;
}

// The clause before the number, for a number with nothing said around it ("合格率提高到95%").
size_t ClauseStart(std::u32string_view text, const std::vector<bool>& mask, size_t number) {
  size_t b = number;
  while (b > 0 && number - b < kMaxClause && !IsPhraseBreak(text[b - 1]) && !mask[b - 1]) --b;
  return b;
}

// Skips the run of digits or numerals starting at `i`.
size_t RunEnd(std::u32string_view text, size_t i) {
  const bool digits = IsArabicDigit(text[i]);
  while (i < text.size() &&
         (digits ? IsAsciiAlnum(text[i]) || text[i] == U',' : IsChineseNumeralChar(text[i]))) {
    ++i;
  }
  return i;
}

}  // namespace

const std::vector<std::u32string_view>& TargetUnits() {
  static const std::vector<std::u32string_view> units = [] {
    std::vector<std::u32string_view> u = {
        U"个百分点", U"平方公里", U"百分点", U"平方米", U"人次", U"家次", U"批次", U"户次", U"万元",
        U"亿元",     U"公里",     U"千米",   U"千克",   U"公斤", U"千瓦", U"兆瓦", U"公顷", U"小时",
        U"分钟",     U"大类",     U"家",     U"个",     U"名",   U"项",   U"人",   U"次",   U"所",
        U"座",       U"台",       U"套",     U"批",     U"类",   U"种",   U"件",   U"户",   U"处",
        U"条",       U"起",       U"场",     U"支",     U"款",   U"位",   U"元",   U"吨",   U"亩",
        U"米",       U"天",       U"倍",     U"%",      U"％",   U"‰",
    };
    std::stable_sort(u.begin(), u.end(), [](auto a, auto b) { return a.size() > b.size(); });
    return u;
  }();
  return units;
}

std::vector<PlanTarget> FindTargets(std::string_view sentence) {
  const std::u32string text = ToU32(sentence);
  std::vector<bool> mask = QuotedMask(text);
  for (std::u32string_view idiom : kIdioms) {
    for (size_t at = text.find(idiom); at != std::u32string::npos; at = text.find(idiom, at + 1)) {
      std::fill(mask.begin() + at, mask.begin() + at + idiom.size(), true);
    }
  }
  std::vector<PlanTarget> targets;
  size_t i = 0;
  while (i < text.size()) {
    if (mask[i] || !(IsArabicDigit(text[i]) || IsChineseNumeralChar(text[i]))) {
      ++i;
      continue;
    }
    // "百分之三十" is 30 %.
    const bool percent_words = std::u32string_view(text).substr(i).starts_with(U"百分之");
    const size_t number_at = percent_words ? i + 3 : i;
    std::optional<NumberMatch> number = MatchNumber(text, number_at);
    const size_t run_end = RunEnd(text, number_at < text.size() ? number_at : i);
    const char32_t before = i > 0 ? text[i - 1] : U' ';
    // Not a count: no number, glued to letters ("ISO9001"), an ordinal, a rate, a bare 一.
    if (!number || !(number->value <= kMaxValue) || IsAsciiAlnum(before) || before == U'第' ||
        before == U'每' ||
        (number->chinese && number->length == 1 && number->value == 1 && !percent_words)) {
      i = std::max(run_end, i + 1);
      continue;
    }
    size_t end = number_at + number->length;
    std::u32string_view unit;
    if (percent_words) {
      unit = U"%";
    } else {
      // A unit that begins with the multiplier wins: "100万元" is 100 万元, not 1000000 元.
      if (number->multiplier > 1) {
        unit = UnitAt(text, end - 1);
        if (!unit.empty()) {
          number->value /= number->multiplier;
          --end;
        }
      }
      size_t unit_at = end;
      if (unit.empty() && unit_at < text.size() &&
          (text[unit_at] == U'多' || text[unit_at] == U'余')) {
        ++unit_at;  // "100多家", "100余家"
      }
      if (unit.empty()) unit = UnitAt(text, unit_at);
      if (unit.empty() || mask[unit_at]) {
        i = std::max(run_end, i + 1);
        continue;
      }
      end = unit_at;
    }
    size_t unit_end = percent_words ? end : end + unit.size();
    for (std::u32string_view approx : kApproximations) {
      if (std::u32string_view(text).substr(unit_end).starts_with(approx)) {
        unit_end += approx.size();
        break;
      }
    }
    size_t start = PhraseStart(text, mask, i);
    size_t stop = unit_end;
    if (start == i) stop = PhraseEnd(text, mask, unit_end);
    if (start == i && stop == unit_end) start = ClauseStart(text, mask, i);

    PlanTarget t;
    t.text = ToU8(std::u32string_view(text).substr(start, stop - start));
    t.value = number->value;
    t.unit = unit == U"％" ? "%" : ToU8(unit);
    targets.push_back(std::move(t));
    i = unit_end;
  }
  return targets;
}

}  // namespace zl::plan
