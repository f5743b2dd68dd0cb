// Scoring and ranking the cities, and the tables of the score sheet (see assessment.h).
#include "plan/assessment.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace zl::plan {
namespace {

// Grades and ties compare totals rounded to 0.01; this absorbs the binary noise of sums.
constexpr double kEpsilon = 1e-6;

double Round2(double x) { return std::round(x * 100) / 100; }

// "12", "2.5", "0.25": points and thresholds as people write them.
std::string Compact(double x) {
  std::string s = fmt::format("{:.2f}", Round2(x));
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

// "10.67": a score, always with two decimals as score sheets print them.
std::string Fixed2(double x) { return fmt::format("{:.2f}", Round2(x) + 0.0); }

ScoreLine LineOf(const Indicator& ind) {
  ScoreLine line;
  line.code = ind.code;
  line.points = ind.points;
  return line;
}

ScoreLine ScoreRate(const Indicator& ind, const CityInputs& in) {
  ScoreLine line = LineOf(ind);
  auto it = in.figures.find(ind.code);
  if (it == in.figures.end()) {
    line.missing = true;
    line.basis = "未填报，按0分计";
    return line;
  }
  const double rate = it->second;
  double score = 0;
  if (rate >= ind.full_at) {
    score = ind.points;
  } else if (rate > ind.zero_at) {
    score = ind.points * (rate - ind.zero_at) / (ind.full_at - ind.zero_at);
  }
  line.score = Round2(score);
  line.basis = fmt::format("{}%（≥{}%满分，≤{}%不得分）", Compact(rate), Compact(ind.full_at),
                           Compact(ind.zero_at));
  return line;
}

ScoreLine ScoreFigure(const Indicator& ind, const CityInputs& in) {
  ScoreLine line = LineOf(ind);
  auto it = in.figures.find(ind.code);
  if (it == in.figures.end()) {
    line.missing = true;
    line.basis = "未评定，按0分计";
    return line;
  }
  // The service refuses a figure above the points; a table changed after the figures were
  // entered could still leave one, so the engine never gives more than the indicator holds.
  const double given = it->second;
  line.score = Round2(std::clamp(given, 0.0, ind.points));
  line.basis = given > ind.points || given < 0
                   ? fmt::format("考核部门评定{}分（超出分值范围，按{}分计）", Compact(given),
                                 Compact(line.score))
                   : fmt::format("考核部门评定{}分", Compact(given));
  return line;
}

ScoreLine ScoreTasks(const Indicator& ind, const CityInputs& in) {
  ScoreLine line = LineOf(ind);
  if (in.tasks_due <= 0) {
    // Nothing fell due: the city cannot have failed any task, so it keeps the points (an
    // indicator that cannot be failed should not pull the total down; see docs/PLAN.md).
    line.score = ind.points;
    line.basis = "无到期任务，按满分计";
    return line;
  }
  const double credit = in.tasks_on_time + ind.late_factor * in.tasks_late;
  line.score = Round2(std::clamp(ind.points * credit / in.tasks_due, 0.0, ind.points));
  const int open = std::max(0, in.tasks_due - in.tasks_on_time - in.tasks_late);
  line.basis =
      fmt::format("到期任务{}项：按期办结{}项，逾期办结{}项（按{}计），未办结{}项", in.tasks_due,
                  in.tasks_on_time, in.tasks_late, Compact(ind.late_factor), open);
  return line;
}

ScoreLine ScoreTargets(const Indicator& ind, const CityInputs& in) {
  ScoreLine line = LineOf(ind);
  if (in.targeted_tasks <= 0) {
    line.score = ind.points;
    line.basis = "无量化目标任务，按满分计";
    return line;
  }
  const double achievement = std::clamp(in.target_achievement, 0.0, 1.0);
  line.score = Round2(ind.points * achievement);
  line.basis = fmt::format("量化目标任务{}项，平均完成程度{}%", in.targeted_tasks,
                           Compact(achievement * 100));
  return line;
}

ScoreLine ScoreVeto(const Indicator& ind, const CityInputs& in) {
  ScoreLine line = LineOf(ind);
  auto it = in.figures.find(ind.code);
  if (it == in.figures.end()) {
    line.missing = true;
    line.basis = "未填报，按未发生计";
  } else if (it->second >= 0.5) {
    line.vetoed = true;
    line.basis = "发生，考核等级定为D级";
  } else {
    line.basis = "未发生";
  }
  return line;
}

ScoreLine ScoreLineFor(const Indicator& ind, const CityInputs& in) {
  switch (ind.source) {
    case IndicatorSource::kRate:
      return ScoreRate(ind, in);
    case IndicatorSource::kFigure:
      return ScoreFigure(ind, in);
    case IndicatorSource::kTasks:
      return ScoreTasks(ind, in);
    case IndicatorSource::kTargets:
      return ScoreTargets(ind, in);
    case IndicatorSource::kVeto:
      return ScoreVeto(ind, in);
  }
  return ScoreFigure(ind, in);
}

bool SameTotal(double a, double b) { return std::abs(a - b) < 0.005; }

}  // namespace

char GradeFor(double total, bool vetoed) {
  if (vetoed) return 'D';
  if (total + kEpsilon >= 90) return 'A';
  if (total + kEpsilon >= 80) return 'B';
  if (total + kEpsilon >= 60) return 'C';
  return 'D';
}

std::vector<CityScore> ScoreCities(const IndicatorSystem& system,
                                   std::span<const CityInputs> cities) {
  std::vector<CityScore> out;
  out.reserve(cities.size());
  for (const CityInputs& in : cities) {
    CityScore city;
    city.region_code = in.region_code;
    double total = 0;
    for (const Indicator& ind : system.indicators) {
      ScoreLine line = ScoreLineFor(ind, in);
      total += line.score;
      city.vetoed = city.vetoed || line.vetoed;
      city.lines.push_back(std::move(line));
    }
    city.total = Round2(total) + 0.0;  // + 0.0 turns a -0 into 0
    city.grade = GradeFor(city.total, city.vetoed);
    out.push_back(std::move(city));
  }
  // Vetoed cities after all others; then by total, best first; ties by region code.
  std::sort(out.begin(), out.end(), [](const CityScore& a, const CityScore& b) {
    if (a.vetoed != b.vetoed) return !a.vetoed;
    if (!SameTotal(a.total, b.total)) return a.total > b.total;
    return a.region_code < b.region_code;
  });
  for (size_t i = 0; i < out.size(); ++i) {
    const bool tied =
        i > 0 && out[i].vetoed == out[i - 1].vetoed && SameTotal(out[i].total, out[i - 1].total);
    out[i].rank = tied ? out[i - 1].rank : static_cast<int>(i) + 1;
  }
  return out;
}

std::vector<std::vector<std::string>> ScoreSheetRows(const IndicatorSystem& system,
                                                     const CityScore& score,
                                                     std::string_view city_name) {
  std::vector<std::vector<std::string>> rows;
  const std::string year = system.year > 0 ? fmt::format("{}年度", system.year) : "";
  rows.push_back({fmt::format("{}{}质量工作考核评分细则", city_name, year)});
  rows.push_back({"一级指标", "二级指标", "考核要点", "评分方法", "评分依据", "牵头考核部门",
                  "分值", "得分", "得分说明"});
  for (const ScoreLine& line : score.lines) {
    const Indicator* ind = FindIndicator(system, line.code);
    if (ind == nullptr) continue;
    const bool veto = ind->source == IndicatorSource::kVeto;
    rows.push_back({ind->level1, ind->level2, ind->name, ind->method, ind->evidence,
                    ind->lead_department, veto ? "否决项" : Compact(ind->points),
                    veto ? (line.vetoed ? "否决" : "—") : Fixed2(line.score), line.basis});
  }
  std::string note = fmt::format("等级{}，排名第{}", score.grade, score.rank);
  if (score.vetoed) note += "（否决项成立，等级定为D级）";
  double points = 0;
  for (const Indicator& ind : system.indicators) points += ind.points;
  rows.push_back({"合计", "", "", "", "", "", Compact(points), Fixed2(score.total), note});
  return rows;
}

std::vector<std::vector<std::string>> RankingRows(std::span<const CityScore> scores,
                                                  std::map<std::string, std::string> names) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"排名", "地区", "总分", "等级", "否决项"});
  for (const CityScore& city : scores) {
    auto name = names.find(city.region_code);
    std::string vetoes;
    for (const ScoreLine& line : city.lines) {
      if (line.vetoed) vetoes += (vetoes.empty() ? "" : "、") + line.code;
    }
    rows.push_back({std::to_string(city.rank),
                    name != names.end() ? name->second : city.region_code, Fixed2(city.total),
                    std::string(1, city.grade), vetoes.empty() ? "否" : "是（" + vetoes + "）"});
  }
  return rows;
}

}  // namespace zl::plan
