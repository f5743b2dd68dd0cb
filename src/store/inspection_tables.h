// The tables of the 双随机 random inspection draw (migration 0008): inspectors and their
// declared conflicts, the sampling policy, inspection tasks, one draw per task (with the
// pool, inspectors and conflicts it used, as text, so that it can be run again), the drawn
// targets with their teams and results, and recusals. Session-level functions for use inside
// Database::Read/Write; the service that fills them is inspect/inspection_service.h.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/result.h"

namespace soci {
class session;
}

namespace zl::store {

struct InspectorRow {
  std::int64_t id = 0;
  std::string name, region_code;
  std::string qualifications;  // comma-separated GB/T 4754 prefixes ("C13,C14") or "*"
  bool active = true;
  std::string created_at;
};
// Returns the new id.
Result<std::int64_t> InsertInspector(soci::session& sql, const InspectorRow& row);
Result<std::optional<InspectorRow>> FindInspector(soci::session& sql, std::int64_t id);
// Every inspector, by id.
Result<std::vector<InspectorRow>> ListInspectors(soci::session& sql);

struct ConflictRow {
  std::int64_t inspector_id = 0;
  std::string uscc, reason, declared_by, declared_at;
};
// AlreadyExists (field "uscc") when the pair is already declared.
Status InsertConflict(soci::session& sql, const ConflictRow& row);
// Every declared conflict, by (inspector_id, uscc).
Result<std::vector<ConflictRow>> ListConflicts(soci::session& sql);

struct PolicyRow {
  std::string risk_class;
  double ratio = 0, ratio_min = 0, ratio_max = 1, checks_per_year = 0;
  std::string updated_by, updated_at;
};
// The stored rows by class; empty when the built-in default applies.
Result<std::vector<PolicyRow>> ReadPolicyRows(soci::session& sql);
// Replaces all stored rows.
Status ReplacePolicyRows(soci::session& sql, std::span<const PolicyRow> rows);

struct TaskRow {
  std::int64_t id = 0;
  std::string name;
  std::string industries;  // comma-separated prefixes or "*"
  std::string regions;     // comma-separated region codes
  std::string period_from, period_until;
  std::int64_t team_size = 2;
  std::string status = "planned";  // planned | drawn | published
  std::string created_by;
  std::string region_code;  // the creator's scope: a supervision unit, or 130000
  std::string created_at, published_at;
};
Result<std::int64_t> InsertTask(soci::session& sql, const TaskRow& row);
Result<std::optional<TaskRow>> FindTask(soci::session& sql, std::int64_t id);
// Newest first; status "" = any.
Result<std::vector<TaskRow>> ListTasks(soci::session& sql, const std::string& status);
Status SetTaskStatus(soci::session& sql, std::int64_t id, const std::string& status,
                     const std::string& published_at);

struct DrawRow {
  std::int64_t task_id = 0;
  std::string seed, algorithm, policy;
  std::int64_t team_size = 2, pool_size = 0;
  std::string pool_digest;
  std::string per_class;  // "A=pool/drawn B=… C=… D=…"
  std::int64_t ungraded = 0;
  // The inputs as text (only read when asked for): "uscc\tregion\tclass\n" lines,
  // "id\tregion\tinitial_load\n" lines, "inspector_id\tuscc\n" lines.
  std::string pool, inspectors, conflicts;
  std::string exclusions;  // "inspector_id\tuscc\n" lines
  std::string unstaffed;   // "uscc\teligible\treason\n" lines
  std::string drawn_by, drawn_at;
};
Status InsertDraw(soci::session& sql, const DrawRow& row);
// with_inputs: also read pool and conflicts (large); inspectors are always read.
Result<std::optional<DrawRow>> FindDraw(soci::session& sql, std::int64_t task_id, bool with_inputs);

struct TargetRow {
  std::int64_t task_id = 0;
  std::string uscc, region_code, risk_class, hash;
  std::string team;                 // inspector ids, comma-separated, in pick order
  std::string result, result_note;  // result: "" | pass | fail
  std::int64_t result_record_id = 0;
};
// Bulk insert within the caller's transaction.
Status WriteTargets(soci::session& sql, std::span<const TargetRow> rows);
// In staffing order (hash, uscc); limit < 0: all. only_with_result: result <> ''.
Result<std::vector<TargetRow>> ListTargets(soci::session& sql, std::int64_t task_id,
                                           std::int64_t offset, std::int64_t limit,
                                           bool only_with_result = false);
struct TargetCounts {
  std::int64_t total = 0, pass = 0, fail = 0;
};
Result<TargetCounts> CountTargets(soci::session& sql, std::int64_t task_id);
Result<std::optional<TargetRow>> FindTargetRow(soci::session& sql, std::int64_t task_id,
                                               const std::string& uscc);
Status SetTargetTeam(soci::session& sql, std::int64_t task_id, const std::string& uscc,
                     const std::string& team);
Status SetTargetResult(soci::session& sql, std::int64_t task_id, const std::string& uscc,
                       const std::string& result, const std::string& note, std::int64_t record_id);
// Open assignments (targets without a result) per inspector id, over all tasks.
Result<std::unordered_map<std::int64_t, std::int64_t>> OpenLoads(soci::session& sql);

struct RecusalRow {
  std::int64_t task_id = 0;
  std::string uscc;
  std::int64_t sequence = 0, recused_id = 0, replacement_id = 0;
  std::string reason, actor, at;
};
Status InsertRecusal(soci::session& sql, const RecusalRow& row);
// By sequence.
Result<std::vector<RecusalRow>> ListRecusals(soci::session& sql, std::int64_t task_id);

// "12,34" <-> {12, 34}. ParseIds skips empty items and fails on non-numbers.
std::string JoinIds(std::span<const std::int64_t> ids);
Result<std::vector<std::int64_t>> ParseIds(const std::string& text);

}  // namespace zl::store
