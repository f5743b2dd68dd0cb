// The action plan of `zhiliang demo`: the seed document (data/plan/, a copy of the Hebei 2014
// plan) imported, its items assigned to the supervision units with deadlines around today,
// progress and completion reports (some tasks closed, some late, some overdue, some never
// reported), the assessors' figures and the assessment of the plan's year — so that the
// console's plan, supervision and assessment pages have something to show.
#pragma once

#include <cstdint>

#include "base/date.h"
#include "base/result.h"

namespace soci {
class session;
}
namespace zl::store {
class Database;
}

namespace zl::plan {

struct DemoPlanCounts {
  int items = 0, tasks = 0, reports = 0, closed = 0;
  int assessed_year = 0, assessed_units = 0;
};

// Adds the demo plan; the same seed gives the same tasks. Fails as the services it calls do.
Result<DemoPlanCounts> AddDemoPlan(store::Database& db, std::uint64_t seed, Date today);

// Deletes every plan, task, report and assessment (demo --reset only).
Status ClearPlanData(soci::session& sql);

}  // namespace zl::plan
