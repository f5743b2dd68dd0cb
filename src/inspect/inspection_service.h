// Inspection tasks and their 双随机 draws, stored (issue #6). This is where the loop of the
// design closes: records → grades → risk classes (credit_grade) → the draw → inspection
// results → credit records (credit::AddRecord, which regrades the enterprise).
//
//   task      a regulator names an industry scope (GB/T 4754 prefixes such as "C", "C31", or
//             "*"), regions, a period and a team size (≥ 2);
//   draw      the pool is every enterprise of those industries whose supervision region is
//             one of the task's regions or lies within one (coverage.h's rule: 130000 covers
//             Hebei, a unit its counties; 辛集 and 定州 are units of their own), with its risk
//             class from credit_grade. An enterprise without a grade is drawn as class B and
//             counted as "ungraded" in the stored draw. The inspectors are the active ones
//             qualified for the task (a qualification prefix and a task industry, one a
//             prefix of the other, or '*' on either side) whose region overlaps a task region;
//             each starts with its open assignments (targets without a result, all tasks) as
//             its load. Seed, policy snapshot, pool, inspectors, conflicts, exclusions and
//             the targets are stored in one transaction, so the draw can be re-run (verify);
//   recusal   re-runs the stored draw, replays the recorded recusals and applies one more
//             (recusal.h); the new team and the recusal are stored;
//   result    pass or fail for one target, written as a credit record (inspection_pass,
//             good; inspection_fail, bad, severity general unless given), published from the
//             day it is recorded (一公开);
//   publish   the task, its target count and its results become public (never the risk
//             classes, hashes, pool or loads).
//
// Every function runs inside the caller's Database::Read/Write (the writes in one
// transaction with the caller's audit entry).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "inspect/random_draw.h"
#include "inspect/sampling_policy.h"
#include "store/inspection_tables.h"

namespace soci {
class session;
}

namespace zl::inspect {

// ---- inspectors ----

struct InspectorInput {
  std::string name;
  std::string region_code;                  // 130000 or a Hebei region code
  std::vector<std::string> qualifications;  // industry prefixes or "*"; at least one
};
// `scope`: "" for a province-wide caller, else the caller's supervision unit, which must
// cover the inspector's region (InvalidArgument "region_code"). InvalidArgument naming the
// field for a missing name, an unknown region, an unknown prefix ("qualifications").
Result<store::InspectorRow> AddInspector(soci::session& sql, const InspectorInput& input,
                                         const std::string& scope, const std::string& now);
// NotFound for an unknown inspector or enterprise; AlreadyExists when already declared;
// InvalidArgument "reason" when empty.
Result<store::ConflictRow> DeclareConflict(soci::session& sql, std::int64_t inspector_id,
                                           const std::string& uscc, const std::string& reason,
                                           const std::string& actor, const std::string& now);

// Whether a qualification list ("C13,C14" or "*") qualifies for a task's industries.
bool Qualified(const std::string& qualifications, const std::vector<std::string>& industries);

// ---- sampling policy ----

// The stored policy, or SamplingPolicy::Default() when none is stored.
Result<SamplingPolicy> CurrentPolicy(soci::session& sql);
// Validates (InvalidArgument "B.ratio" …) and stores it.
Status SavePolicy(soci::session& sql, const SamplingPolicy& policy, const std::string& actor,
                  const std::string& now);

// ---- tasks ----

struct TaskInput {
  std::string name;
  std::vector<std::string> industries;  // prefixes or "*"
  std::vector<std::string> regions;
  std::string period_from, period_until;  // ISO dates
  int team_size = 2;
};
// `scope`: "" for province-wide callers (the task's region_code is then 130000), else the
// caller's supervision unit, which must cover every region. InvalidArgument naming the field
// ("name", "industries", "regions", "period_from", "period_until", "team_size").
Result<store::TaskRow> CreateTask(soci::session& sql, const TaskInput& input,
                                  const std::string& scope, const std::string& actor,
                                  const std::string& now);

// ---- draws ----

struct DrawSummary {
  std::int64_t task_id = 0;
  std::string seed, algorithm, pool_digest, drawn_by, drawn_at;
  std::int64_t team_size = 2, pool_size = 0, ungraded = 0, inspectors = 0;
  std::array<ClassCount, 4> per_class{};
  std::int64_t targets = 0, unstaffed = 0, exclusions = 0, recusals = 0;
};
// Where a draw spent its time (for the bench), in seconds.
struct DrawTimings {
  double pool_read = 0, inspectors_read = 0, run = 0;
  double write = 0;          // all writes, of which:
  double write_targets = 0;  // the targets (the rest: the draw row with its texts)
};
// NotFound for an unknown task; FailedPrecondition when it is already drawn; InvalidArgument
// "seed" for a malformed seed. `seed` nullopt: a fresh one (NewDrawSeed).
Result<DrawSummary> DrawTask(soci::session& sql, std::int64_t task_id,
                             const std::optional<std::string>& seed, const std::string& actor,
                             const std::string& now, DrawTimings* timings = nullptr);
// nullopt when the task has not been drawn.
Result<std::optional<DrawSummary>> FindDrawSummary(soci::session& sql, std::int64_t task_id);

struct Verification {
  bool reproduced = false;               // everything below matched
  bool digest_matches = false;           // the stored pool gives the stored digest
  std::int64_t targets = 0;              // targets compared
  std::int64_t recusals = 0;             // recusals replayed
  std::vector<std::string> differences;  // the first few, for people
};
// Re-runs the stored draw from its stored inputs, replays its recusals and compares the
// result with the stored targets and teams. NotFound when the task has no draw.
Result<Verification> VerifyDraw(soci::session& sql, std::int64_t task_id);

// NotFound (task, draw or target); FailedPrecondition when the inspector is not on the
// team, no replacement is left, or the task is published with a result for the target;
// InvalidArgument "reason" when empty.
Result<RecusalRecord> Recuse(soci::session& sql, std::int64_t task_id, const std::string& uscc,
                             std::int64_t inspector_id, const std::string& reason,
                             const std::string& actor, const std::string& now);

struct ResultInput {
  std::string uscc;
  std::string result;    // pass | fail
  std::string severity;  // fail only: minor | general | serious (default general)
  std::string note;
};
// NotFound (task, target); FailedPrecondition when the task is not drawn yet or the target
// already has a result; InvalidArgument "result" / "severity" / "note". Returns the target
// as stored, with the id of the credit record written.
Result<store::TargetRow> RecordResult(soci::session& sql, std::int64_t task_id,
                                      const ResultInput& input, const std::string& actor,
                                      Date today);

// FailedPrecondition unless the task is drawn.
Status PublishTask(soci::session& sql, std::int64_t task_id, const std::string& now);

}  // namespace zl::inspect
