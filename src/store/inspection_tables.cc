// SQL for the inspection tables, the same text on both backends (see inspection_tables.h).
#include "store/inspection_tables.h"

#include <soci/soci.h>

#include <charconv>

#include "store/dialect.h"
#include "store/row_scan.h"

namespace zl::store {

namespace {

struct InspectorColumns {
  InspectorRow row;
  long long id = 0, active = 0;
  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(row.name));
    st.exchange(soci::into(row.region_code));
    st.exchange(soci::into(row.qualifications));
    st.exchange(soci::into(active));
    st.exchange(soci::into(row.created_at));
  }
  InspectorRow Get() {
    row.id = id;
    row.active = active != 0;
    return row;
  }
};
constexpr const char* kInspectorColumns =
    "SELECT id, name, region_code, qualifications, active, created_at FROM inspector";

struct TaskColumns {
  TaskRow row;
  long long id = 0, team_size = 0;
  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(row.name));
    st.exchange(soci::into(row.industries));
    st.exchange(soci::into(row.regions));
    st.exchange(soci::into(row.period_from));
    st.exchange(soci::into(row.period_until));
    st.exchange(soci::into(team_size));
    for (std::string* f :
         {&row.status, &row.created_by, &row.region_code, &row.created_at, &row.published_at}) {
      st.exchange(soci::into(*f));
    }
  }
  TaskRow Get() {
    row.id = id;
    row.team_size = team_size;
    return row;
  }
};
constexpr const char* kTaskColumns =
    "SELECT id, name, industries, regions, period_from, period_until, team_size, status, "
    "created_by, region_code, created_at, published_at FROM inspection_task";

struct TargetColumns {
  TargetRow row;
  long long task_id = 0, record_id = 0;
  void Into(soci::statement& st) {
    st.exchange(soci::into(task_id));
    for (std::string* f : {&row.uscc, &row.region_code, &row.risk_class, &row.hash, &row.team,
                           &row.result, &row.result_note}) {
      st.exchange(soci::into(*f));
    }
    st.exchange(soci::into(record_id));
  }
  TargetRow Get() {
    row.task_id = task_id;
    row.result_record_id = record_id;
    return row;
  }
};
constexpr const char* kTargetColumns =
    "SELECT task_id, uscc, region_code, risk_class, hash, team, result, result_note, "
    "result_record_id FROM inspection_target";

}  // namespace

Result<std::int64_t> InsertInspector(soci::session& sql, const InspectorRow& r) {
  long long active = r.active ? 1 : 0, id = 0;
  sql << "INSERT INTO inspector (name, region_code, qualifications, active, created_at) "
         "VALUES (:n, :r, :q, :a, :at) RETURNING id",
      soci::use(r.name), soci::use(r.region_code), soci::use(r.qualifications), soci::use(active),
      soci::use(r.created_at), soci::into(id);
  return static_cast<std::int64_t>(id);
}

Result<std::optional<InspectorRow>> FindInspector(soci::session& sql, std::int64_t id) {
  InspectorColumns c;
  long long key = id;
  soci::statement st(sql);
  c.Into(st);
  st.exchange(soci::use(key));
  st.alloc();
  st.prepare(std::string(kInspectorColumns) + " WHERE id = :id");
  st.define_and_bind();
  if (!st.execute(true)) return std::optional<InspectorRow>();
  return std::optional<InspectorRow>(c.Get());
}

Result<std::vector<InspectorRow>> ListInspectors(soci::session& sql) {
  InspectorColumns c;
  soci::statement st(sql);
  c.Into(st);
  st.alloc();
  st.prepare(std::string(kInspectorColumns) + " ORDER BY id");
  st.define_and_bind();
  std::vector<InspectorRow> out;
  st.execute(false);
  while (st.fetch()) out.push_back(c.Get());
  return out;
}

Status InsertConflict(soci::session& sql, const ConflictRow& r) {
  long long id = r.inspector_id, n = 0;
  sql << "SELECT COUNT(*) FROM inspector_conflict WHERE inspector_id = :i AND uscc = :u",
      soci::use(id), soci::use(r.uscc), soci::into(n);
  if (n > 0) {
    return Status::AlreadyExists("this conflict of interest is already declared", "uscc");
  }
  sql << "INSERT INTO inspector_conflict (inspector_id, uscc, reason, declared_by, declared_at) "
         "VALUES (:i, :u, :r, :by, :at)",
      soci::use(id), soci::use(r.uscc), soci::use(r.reason), soci::use(r.declared_by),
      soci::use(r.declared_at);
  return Status();
}

Result<std::vector<ConflictRow>> ListConflicts(soci::session& sql) {
  std::vector<ConflictRow> out;
  ConflictRow r;
  long long id = 0;
  soci::statement st = (sql.prepare << "SELECT inspector_id, uscc, reason, declared_by, "
                                       "declared_at FROM inspector_conflict ORDER BY "
                                       "inspector_id, uscc",
                        soci::into(id), soci::into(r.uscc), soci::into(r.reason),
                        soci::into(r.declared_by), soci::into(r.declared_at));
  st.execute();
  while (st.fetch()) {
    r.inspector_id = id;
    out.push_back(r);
  }
  return out;
}

Result<std::vector<PolicyRow>> ReadPolicyRows(soci::session& sql) {
  std::vector<PolicyRow> out;
  PolicyRow r;
  soci::statement st =
      (sql.prepare << "SELECT risk_class, ratio, ratio_min, ratio_max, checks_per_year, "
                      "updated_by, updated_at FROM sampling_policy ORDER BY risk_class",
       soci::into(r.risk_class), soci::into(r.ratio), soci::into(r.ratio_min),
       soci::into(r.ratio_max), soci::into(r.checks_per_year), soci::into(r.updated_by),
       soci::into(r.updated_at));
  st.execute();
  while (st.fetch()) out.push_back(r);
  return out;
}

Status ReplacePolicyRows(soci::session& sql, std::span<const PolicyRow> rows) {
  sql << "DELETE FROM sampling_policy";
  for (const PolicyRow& r : rows) {
    sql << "INSERT INTO sampling_policy (risk_class, ratio, ratio_min, ratio_max, "
           "checks_per_year, updated_by, updated_at) VALUES (:c, :r, :lo, :hi, :f, :by, :at)",
        soci::use(r.risk_class), soci::use(r.ratio), soci::use(r.ratio_min), soci::use(r.ratio_max),
        soci::use(r.checks_per_year), soci::use(r.updated_by), soci::use(r.updated_at);
  }
  return Status();
}

Result<std::int64_t> InsertTask(soci::session& sql, const TaskRow& r) {
  long long team = r.team_size, id = 0;
  sql << "INSERT INTO inspection_task (name, industries, regions, period_from, period_until, "
         "team_size, status, created_by, region_code, created_at, published_at) VALUES (:n, "
         ":i, :r, :f, :u, :t, :s, :by, :rc, :at, :p) RETURNING id",
      soci::use(r.name), soci::use(r.industries), soci::use(r.regions), soci::use(r.period_from),
      soci::use(r.period_until), soci::use(team), soci::use(r.status), soci::use(r.created_by),
      soci::use(r.region_code), soci::use(r.created_at), soci::use(r.published_at), soci::into(id);
  return static_cast<std::int64_t>(id);
}

Result<std::optional<TaskRow>> FindTask(soci::session& sql, std::int64_t id) {
  TaskColumns c;
  long long key = id;
  soci::statement st(sql);
  c.Into(st);
  st.exchange(soci::use(key));
  st.alloc();
  st.prepare(std::string(kTaskColumns) + " WHERE id = :id");
  st.define_and_bind();
  if (!st.execute(true)) return std::optional<TaskRow>();
  return std::optional<TaskRow>(c.Get());
}

Result<std::vector<TaskRow>> ListTasks(soci::session& sql, const std::string& status) {
  TaskColumns c;
  std::string key = status;
  soci::statement st(sql);
  c.Into(st);
  if (!status.empty()) st.exchange(soci::use(key));
  st.alloc();
  st.prepare(std::string(kTaskColumns) + (status.empty() ? "" : " WHERE status = :s") +
             " ORDER BY id DESC");
  st.define_and_bind();
  std::vector<TaskRow> out;
  st.execute(false);
  while (st.fetch()) out.push_back(c.Get());
  return out;
}

Status SetTaskStatus(soci::session& sql, std::int64_t id, const std::string& status,
                     const std::string& published_at) {
  long long key = id;
  sql << "UPDATE inspection_task SET status = :s, published_at = :p WHERE id = :id",
      soci::use(status), soci::use(published_at), soci::use(key);
  return Status();
}

Status InsertDraw(soci::session& sql, const DrawRow& r) {
  long long task = r.task_id, team = r.team_size, pool_size = r.pool_size, ungraded = r.ungraded;
  sql << "INSERT INTO inspection_draw (task_id, seed, algorithm, policy, team_size, pool_size, "
         "pool_digest, per_class, ungraded, pool, inspectors, conflicts, exclusions, unstaffed, "
         "drawn_by, drawn_at) VALUES (:t, :s, :a, :p, :ts, :ps, :d, :pc, :ug, :pool, :ins, "
         ":con, :ex, :un, :by, :at)",
      soci::use(task), soci::use(r.seed), soci::use(r.algorithm), soci::use(r.policy),
      soci::use(team), soci::use(pool_size), soci::use(r.pool_digest), soci::use(r.per_class),
      soci::use(ungraded), soci::use(r.pool), soci::use(r.inspectors), soci::use(r.conflicts),
      soci::use(r.exclusions), soci::use(r.unstaffed), soci::use(r.drawn_by), soci::use(r.drawn_at);
  return Status();
}

Result<std::optional<DrawRow>> FindDraw(soci::session& sql, std::int64_t task_id,
                                        bool with_inputs) {
  DrawRow r;
  long long task = 0, team = 0, pool_size = 0, ungraded = 0, key = task_id;
  soci::statement st(sql);
  st.exchange(soci::into(task));
  st.exchange(soci::into(r.seed));
  st.exchange(soci::into(r.algorithm));
  st.exchange(soci::into(r.policy));
  st.exchange(soci::into(team));
  st.exchange(soci::into(pool_size));
  st.exchange(soci::into(r.pool_digest));
  st.exchange(soci::into(r.per_class));
  st.exchange(soci::into(ungraded));
  st.exchange(soci::into(r.exclusions));
  st.exchange(soci::into(r.unstaffed));
  st.exchange(soci::into(r.drawn_by));
  st.exchange(soci::into(r.drawn_at));
  st.exchange(soci::into(r.inspectors));
  if (with_inputs) {
    st.exchange(soci::into(r.pool));
    st.exchange(soci::into(r.conflicts));
  }
  st.exchange(soci::use(key));
  st.alloc();
  st.prepare(std::string("SELECT task_id, seed, algorithm, policy, team_size, pool_size, "
                         "pool_digest, per_class, ungraded, exclusions, unstaffed, drawn_by, "
                         "drawn_at, inspectors") +
             (with_inputs ? ", pool, conflicts" : "") + " FROM inspection_draw WHERE task_id = :t");
  st.define_and_bind();
  if (!st.execute(true)) return std::optional<DrawRow>();
  r.task_id = task;
  r.team_size = team;
  r.pool_size = pool_size;
  r.ungraded = ungraded;
  return std::optional<DrawRow>(std::move(r));
}

Status WriteTargets(soci::session& sql, std::span<const TargetRow> rows) {
  if (rows.empty()) return Status();
  auto writer = dialect::BulkWriter::Create(sql, dialect::BackendOf(sql), "inspection_target",
                                            {"task_id", "uscc", "region_code", "risk_class", "hash",
                                             "team", "result", "result_note", "result_record_id"});
  std::vector<std::string_view> values(9);
  for (const TargetRow& r : rows) {
    const std::string task = std::to_string(r.task_id), record = std::to_string(r.result_record_id);
    values.assign({task, r.uscc, r.region_code, r.risk_class, r.hash, r.team, r.result,
                   r.result_note, record});
    ZL_RETURN_IF_ERROR(writer->Add(values));
  }
  return writer->Finish();
}

Result<std::vector<TargetRow>> ListTargets(soci::session& sql, std::int64_t task_id,
                                           std::int64_t offset, std::int64_t limit,
                                           bool only_with_result) {
  TargetColumns c;
  long long key = task_id;
  soci::statement st(sql);
  c.Into(st);
  st.exchange(soci::use(key));
  st.alloc();
  std::string text = std::string(kTargetColumns) + " WHERE task_id = :t" +
                     (only_with_result ? " AND result <> ''" : "") + " ORDER BY hash, uscc";
  if (limit >= 0) {
    text += " LIMIT " + std::to_string(limit) + " OFFSET " + std::to_string(offset);
  }
  st.prepare(text);
  st.define_and_bind();
  std::vector<TargetRow> out;
  st.execute(false);
  while (st.fetch()) out.push_back(c.Get());
  return out;
}

Result<TargetCounts> CountTargets(soci::session& sql, std::int64_t task_id) {
  TargetCounts out;
  long long key = task_id, n = 0;
  std::string result;
  soci::statement st = (sql.prepare << "SELECT result, COUNT(*) FROM inspection_target WHERE "
                                       "task_id = :t GROUP BY result",
                        soci::into(result), soci::into(n), soci::use(key));
  st.execute();
  while (st.fetch()) {
    out.total += n;
    if (result == "pass") out.pass = n;
    if (result == "fail") out.fail = n;
  }
  return out;
}

Result<std::optional<TargetRow>> FindTargetRow(soci::session& sql, std::int64_t task_id,
                                               const std::string& uscc) {
  TargetColumns c;
  long long key = task_id;
  std::string u = uscc;
  soci::statement st(sql);
  c.Into(st);
  st.exchange(soci::use(key));
  st.exchange(soci::use(u));
  st.alloc();
  st.prepare(std::string(kTargetColumns) + " WHERE task_id = :t AND uscc = :u");
  st.define_and_bind();
  if (!st.execute(true)) return std::optional<TargetRow>();
  return std::optional<TargetRow>(c.Get());
}

Status SetTargetTeam(soci::session& sql, std::int64_t task_id, const std::string& uscc,
                     const std::string& team) {
  long long key = task_id;
  sql << "UPDATE inspection_target SET team = :team WHERE task_id = :t AND uscc = :u",
      soci::use(team), soci::use(key), soci::use(uscc);
  return Status();
}

Status SetTargetResult(soci::session& sql, std::int64_t task_id, const std::string& uscc,
                       const std::string& result, const std::string& note, std::int64_t record_id) {
  long long key = task_id, record = record_id;
  sql << "UPDATE inspection_target SET result = :r, result_note = :n, result_record_id = :id "
         "WHERE task_id = :t AND uscc = :u",
      soci::use(result), soci::use(note), soci::use(record), soci::use(key), soci::use(uscc);
  return Status();
}

Result<std::unordered_map<std::int64_t, std::int64_t>> OpenLoads(soci::session& sql) {
  std::unordered_map<std::int64_t, std::int64_t> out;
  Status s = ScanRows(sql, "SELECT team FROM inspection_target WHERE result = ''",
                      [&](const ScanRow& row) {
                        std::string_view team = row.Text(0);
                        while (!team.empty()) {
                          size_t comma = team.find(',');
                          std::string_view item = team.substr(0, comma);
                          std::int64_t id = 0;
                          std::from_chars(item.data(), item.data() + item.size(), id);
                          if (id > 0) ++out[id];
                          if (comma == std::string_view::npos) break;
                          team.remove_prefix(comma + 1);
                        }
                        return Status();
                      });
  if (!s.ok()) return s;
  return out;
}

Status InsertRecusal(soci::session& sql, const RecusalRow& r) {
  long long task = r.task_id, seq = r.sequence, recused = r.recused_id,
            replacement = r.replacement_id;
  sql << "INSERT INTO inspection_recusal (task_id, uscc, sequence, recused_id, replacement_id, "
         "reason, actor, at) VALUES (:t, :u, :s, :r, :p, :why, :by, :at)",
      soci::use(task), soci::use(r.uscc), soci::use(seq), soci::use(recused),
      soci::use(replacement), soci::use(r.reason), soci::use(r.actor), soci::use(r.at);
  return Status();
}

Result<std::vector<RecusalRow>> ListRecusals(soci::session& sql, std::int64_t task_id) {
  std::vector<RecusalRow> out;
  RecusalRow r;
  long long key = task_id, task = 0, seq = 0, recused = 0, replacement = 0;
  soci::statement st =
      (sql.prepare << "SELECT task_id, uscc, sequence, recused_id, replacement_id, reason, "
                      "actor, at FROM inspection_recusal WHERE task_id = :t ORDER BY sequence",
       soci::into(task), soci::into(r.uscc), soci::into(seq), soci::into(recused),
       soci::into(replacement), soci::into(r.reason), soci::into(r.actor), soci::into(r.at),
       soci::use(key));
  st.execute();
  while (st.fetch()) {
    r.task_id = task;
    r.sequence = seq;
    r.recused_id = recused;
    r.replacement_id = replacement;
    out.push_back(r);
  }
  return out;
}

std::string JoinIds(std::span<const std::int64_t> ids) {
  std::string out;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(ids[i]);
  }
  return out;
}

Result<std::vector<std::int64_t>> ParseIds(const std::string& text) {
  std::vector<std::int64_t> out;
  std::string_view rest = text;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    if (!item.empty()) {
      std::int64_t id = 0;
      auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), id);
      if (ec != std::errc() || end != item.data() + item.size()) {
        return Status::InvalidArgument("not a list of ids: " + text, "team");
      }
      out.push_back(id);
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace zl::store
