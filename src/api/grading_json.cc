// JSON for grading (see grading_json.h).
#include "api/grading_json.h"

#include <nlohmann/json.hpp>

#include "domain/record_kind.h"

namespace zl::api {

namespace {

using nlohmann::json;

json ByGrade(const std::array<std::int64_t, 6>& counts) {
  json out = json::object();
  for (size_t g = 0; g < counts.size(); ++g) {
    out[std::string(domain::GradeName(domain::kAllGrades[g]))] = counts[g];
  }
  return out;
}

double Score(std::int64_t tenths) { return static_cast<double>(tenths) / 10; }
double Round(double x) { return std::round(x * 100) / 100; }

}  // namespace

json GradingRunToJson(const credit::GradingRunResult& run, bool internal) {
  json out = {{"run_id", run.run_id},
              {"graded", run.graded},
              {"changed", run.changed},
              {"by_grade", ByGrade(run.by_grade)},
              {"rules_version", run.rules_version},
              {"as_of", run.as_of.ToString()}};
  if (internal) {
    json risk = json::object();
    for (size_t c = 0; c < run.by_risk_class.size(); ++c) {
      risk[std::string(domain::RiskClassName(domain::kAllRiskClasses[c]))] = run.by_risk_class[c];
    }
    out["by_risk_class"] = std::move(risk);
  }
  return out;
}

json ComparisonToJson(const credit::RuleSetComparison& c) {
  json grades = json::array();
  for (domain::Grade g : domain::kAllGrades) grades.push_back(domain::GradeName(g));
  json table = json::array();
  for (size_t row = 0; row < c.table.size(); ++row) {
    table.push_back({{"from", row < 6 ? json(domain::GradeName(domain::kAllGrades[row])) : json()},
                     {"to", ByGrade(c.table[row])}});
  }
  return {{"current_version", c.current_version.empty() ? json() : json(c.current_version)},
          {"candidate_version", c.candidate_version},
          {"graded", c.graded},
          {"changed", c.changed},
          {"grades", std::move(grades)},
          {"table", std::move(table)}};
}

json GradeToJson(const credit::CurrentGrade& grade, bool internal) {
  json out = {{"grade", grade.row.grade},
              {"score", Score(grade.row.score_tenths)},
              {"graded_on", grade.confirmed_on},
              {"valid_until", grade.valid_until},
              {"rules_version", grade.row.rules_version}};
  if (internal) out["risk_class"] = grade.row.risk_class;
  return out;
}

json ExplanationToJson(const credit::GradeExplanation& ex, bool internal) {
  const credit::RuleSet& rules = *ex.rules;
  const credit::GradeOutcome& o = ex.outcome;
  std::map<std::int64_t, const store::StoredRecord*> records;
  for (const store::StoredRecord& r : ex.records) records[r.record.id] = &r;
  json dimensions = json::array();
  for (size_t d = 0; d < rules.dimensions.size(); ++d) {
    const credit::GradingDimension& dim = rules.dimensions[d];
    json items = json::array();
    for (const credit::Contribution& c : ex.contributions) {
      if (c.dimension != static_cast<int>(d)) continue;
      json item = {{"record_id", c.record_id},
                   {"points", Round(c.points)},
                   {"rule_points", rules.weights[c.weight].points},
                   {"decay_factor", Round(c.factor)}};
      if (auto it = records.find(c.record_id); it != records.end()) {
        const domain::CreditRecord& r = it->second->record;
        const domain::RecordKind* kind = domain::RecordKindRegistry::Default().Find(r.kind);
        item["kind"] = r.kind;
        item["kind_name_zh"] = kind ? kind->name_zh : r.kind;
        item["title"] = r.title;
        item["occurred_on"] = r.occurred_on.ToString();
        item["severity"] = domain::SeverityName(r.severity);
      }
      items.push_back(std::move(item));
    }
    dimensions.push_back({{"code", dim.code},
                          {"name_zh", dim.name_zh},
                          {"name_en", dim.name_en},
                          {"max", dim.max_points},
                          {"base", dim.base_points},
                          {"score", Round(o.dimension_scores[d])},
                          {"records", std::move(items)}});
  }
  json vetoes = json::array();
  for (int v : o.vetoes) {
    const credit::VetoRule& rule = rules.vetoes[v];
    vetoes.push_back({{"code", rule.code},
                      {"cap", domain::GradeName(rule.cap)},
                      {"basis", rule.basis},
                      {"type", rule.type == credit::VetoType::kRecord ? "record" : "missing"},
                      {"kind", rule.kind}});
  }
  json out = {
      {"score", Round(o.score)},
      {"score_grade", domain::GradeName(o.score_grade)},
      {"grade", domain::GradeName(o.grade)},
      {"rules_version", rules.version},
      {"rules_name", rules.name},
      {"graded_on", ex.grade.row.graded_on},
      {"dimensions", std::move(dimensions)},
      {"vetoes", std::move(vetoes)},
      {"audit_cap", o.audit_cap ? json(domain::GradeName(rules.audit->cap_without)) : json()}};
  if (internal) {
    json raises = json::array(), forces = json::array();
    for (int r : o.risk_raises) {
      const credit::RiskRaiseRule& rule = rules.risk_raises[r];
      raises.push_back({{"kind", rule.kind},
                        {"window_months", rule.window_months},
                        {"count", rule.count},
                        {"steps", rule.steps}});
    }
    for (int f : o.risk_forces) {
      const credit::RiskForceRule& rule = rules.risk_forces[f];
      forces.push_back({{"kind", rule.kind},
                        {"window_months", rule.window_months},
                        {"class", domain::RiskClassName(rule.risk_class)}});
    }
    out["risk"] = {
        {"class", domain::RiskClassName(o.risk_class)},
        {"from_grade", domain::RiskClassName(rules.risk_by_grade[static_cast<int>(o.grade)])},
        {"raised_by", std::move(raises)},
        {"forced_by", std::move(forces)}};
  }
  return out;
}

json GradeHistoryToJson(const std::vector<store::GradeRow>& history, bool internal) {
  json out = json::array();
  for (const store::GradeRow& g : history) {
    json item = {{"grade", g.grade},
                 {"score", Score(g.score_tenths)},
                 {"rules_version", g.rules_version},
                 {"graded_on", g.graded_on},
                 {"cause", g.cause},
                 {"actor", g.actor},
                 {"created_at", g.created_at}};
    if (internal) item["risk_class"] = g.risk_class;
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace zl::api
