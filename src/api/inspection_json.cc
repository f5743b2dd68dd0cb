// JSON for the inspection API (see inspection_json.h).
#include "api/inspection_json.h"

#include "base/text.h"

namespace zl::api {

using nlohmann::json;

json InspectorToJson(const store::InspectorRow& r) {
  return {{"id", r.id},
          {"name", r.name},
          {"region_code", r.region_code},
          {"qualifications", SplitList(r.qualifications)},
          {"active", r.active},
          {"created_at", r.created_at}};
}

json TaskToJson(const store::TaskRow& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"industries", SplitList(t.industries)},
          {"regions", SplitList(t.regions)},
          {"period_from", t.period_from},
          {"period_until", t.period_until},
          {"team_size", t.team_size},
          {"status", t.status},
          {"created_by", t.created_by},
          {"region_code", t.region_code},
          {"created_at", t.created_at},
          {"published_at", t.published_at.empty() ? json() : json(t.published_at)}};
}

json DrawSummaryToJson(const inspect::DrawSummary& s, bool internal) {
  json out = {{"task_id", s.task_id},       {"seed", s.seed},
              {"algorithm", s.algorithm},   {"team_size", s.team_size},
              {"pool_size", s.pool_size},   {"pool_digest", s.pool_digest},
              {"ungraded", s.ungraded},     {"inspectors", s.inspectors},
              {"targets", s.targets},       {"unstaffed", s.unstaffed},
              {"exclusions", s.exclusions}, {"recusals", s.recusals},
              {"drawn_by", s.drawn_by},     {"drawn_at", s.drawn_at}};
  if (internal) {
    json per_class = json::object();
    for (inspect::RiskClass c : inspect::kAllRiskClasses) {
      const inspect::ClassCount& n = s.per_class[inspect::RiskClassIndex(c)];
      per_class[std::string(inspect::RiskClassName(c))] = {{"pool", n.pool}, {"drawn", n.drawn}};
    }
    out["per_class"] = std::move(per_class);
  }
  return out;
}

json VerificationToJson(const inspect::Verification& v) {
  return {{"reproduced", v.reproduced},
          {"digest_matches", v.digest_matches},
          {"targets", v.targets},
          {"recusals", v.recusals},
          {"differences", v.differences}};
}

json PolicyToJson(const inspect::SamplingPolicy& p) {
  json classes = json::array();
  for (inspect::RiskClass c : inspect::kAllRiskClasses) {
    const inspect::ClassPolicy& cp = p.of(c);
    classes.push_back({{"risk_class", std::string(inspect::RiskClassName(c))},
                       {"ratio", cp.ratio},
                       {"ratio_min", cp.ratio_min},
                       {"ratio_max", cp.ratio_max},
                       {"checks_per_year", cp.checks_per_year}});
  }
  return {{"classes", std::move(classes)}, {"default", p == inspect::SamplingPolicy::Default()}};
}

}  // namespace zl::api
