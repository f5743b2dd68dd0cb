// JSON for the 双随机 inspection API (inspection_handlers.cc) and `zhiliang draw`. Risk
// classes appear only where the caller may see them (`internal`); the public shapes never
// carry classes, hashes, pools, seeds or loads.
#pragma once

#include <nlohmann/json.hpp>

#include "inspect/inspection_service.h"
#include "store/inspection_tables.h"

namespace zl::api {

nlohmann::json InspectorToJson(const store::InspectorRow& r);
nlohmann::json TaskToJson(const store::TaskRow& t);
// The draw summary; per_class (counts by risk class) only when `internal`.
nlohmann::json DrawSummaryToJson(const inspect::DrawSummary& s, bool internal);
nlohmann::json VerificationToJson(const inspect::Verification& v);
nlohmann::json PolicyToJson(const inspect::SamplingPolicy& p);

}  // namespace zl::api
