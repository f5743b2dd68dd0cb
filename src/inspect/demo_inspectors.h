// Demo inspectors for `zhiliang demo` and the tests: 30 per supervision unit (the 11 cities,
// 辛集 and 定州) and 20 provincial ones (130000), with qualifications spread over the
// industries of data/industries.tsv (one to three division codes, a section such as "C", or
// '*'), names made from common surnames and given-name characters, and a handful of declared
// conflicts with enterprises of their region. The same seed gives the same inspectors.
#pragma once

#include <cstdint>
#include <string>

#include "base/result.h"

namespace soci {
class session;
}

namespace zl::inspect {

struct DemoInspectorCounts {
  std::int64_t inspectors = 0, conflicts = 0;
};

// Inserts the inspectors and conflicts inside the caller's transaction (conflicts only with
// enterprises already stored).
Result<DemoInspectorCounts> AddDemoInspectors(soci::session& sql, std::uint64_t seed,
                                              const std::string& now, int per_unit = 30,
                                              int provincial = 20, int conflicts = 12);

// Deletes every inspector, conflict, task, draw, target and recusal (`zhiliang demo --reset`,
// before the enterprises they refer to are deleted).
Status ClearInspectionData(soci::session& sql);

}  // namespace zl::inspect
