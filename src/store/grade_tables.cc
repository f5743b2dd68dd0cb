// SQL for the grading tables, the same text on both backends (see grade_tables.h).
#include "store/grade_tables.h"

#include <soci/soci.h>

#include <cstdio>
#include <sstream>

#include "store/dialect.h"

namespace zl::store {

namespace {

constexpr std::array<const char*, 6> kGradeNames = {"AAA", "AA", "A", "B", "C", "D"};
constexpr std::array<const char*, 4> kRiskNames = {"A", "B", "C", "D"};

// "AAA=1 AA=0 A=5 B=3 C=0 D=2" <-> counts.
std::string ByGradeText(const std::array<std::int64_t, 6>& counts) {
  std::string out;
  for (size_t i = 0; i < counts.size(); ++i) {
    out += (i ? " " : "") + std::string(kGradeNames[i]) + "=" + std::to_string(counts[i]);
  }
  return out;
}
std::array<std::int64_t, 6> ByGradeCounts(const std::string& text) {
  std::array<std::int64_t, 6> out{};
  std::istringstream in(text);
  std::string item;
  while (in >> item) {
    const size_t eq = item.find('=');
    for (size_t i = 0; i < kGradeNames.size() && eq != std::string::npos; ++i) {
      if (item.compare(0, eq, kGradeNames[i]) == 0) out[i] = std::stoll(item.substr(eq + 1));
    }
  }
  return out;
}

struct RuleSetRow {
  std::string version, name, rules, loaded_by, loaded_at;
  long long active = 0;
  StoredRuleSet ToRuleSet() const {
    return {version, name, rules, loaded_by, loaded_at, active != 0};
  }
};

// The rule set matching `cond`, which may use one parameter :v bound to `value`.
Result<std::optional<StoredRuleSet>> FindRuleSetWhere(soci::session& sql, const std::string& cond,
                                                      const std::string& value) {
  RuleSetRow r;
  std::string v = value;
  soci::statement st =
      (sql.prepare << "SELECT version, name, rules, loaded_by, loaded_at, active FROM "
                      "grading_rule_set WHERE " +
                          cond,
       soci::into(r.version), soci::into(r.name), soci::into(r.rules), soci::into(r.loaded_by),
       soci::into(r.loaded_at), soci::into(r.active), soci::use(v));
  st.execute();
  if (!st.fetch()) return std::optional<StoredRuleSet>();
  return std::optional<StoredRuleSet>(r.ToRuleSet());
}

struct GradeColumns {
  GradeRow row;
  long long score = 0, seq = 0;
  void Into(soci::statement& st) {
    st.exchange(soci::into(row.uscc));
    st.exchange(soci::into(row.grade));
    st.exchange(soci::into(score));
    for (std::string* f :
         {&row.risk_class, &row.rules_version, &row.graded_on, &row.cause, &row.actor}) {
      st.exchange(soci::into(*f));
    }
    st.exchange(soci::into(seq));
    st.exchange(soci::into(row.created_at));
  }
  GradeRow Get() {
    row.score_tenths = score;
    row.seq = seq;
    return row;
  }
};

// The columns of credit_grade and credit_grade_history alike.
constexpr const char* kGradeColumns =
    "uscc, grade, score_tenths, risk_class, rules_version, graded_on, cause, actor, seq, "
    "created_at";

}  // namespace

Status InsertRuleSet(soci::session& sql, const StoredRuleSet& r) {
  ZL_ASSIGN_OR_RETURN(std::optional<StoredRuleSet> existing, FindRuleSet(sql, r.version));
  if (existing) {
    return Status::AlreadyExists("a rule set with version " + r.version +
                                     " is already loaded; give the new rules a new version",
                                 "version");
  }
  long long active = r.active ? 1 : 0;
  sql << "INSERT INTO grading_rule_set (version, name, rules, loaded_by, loaded_at, active) "
         "VALUES (:v, :n, :r, :by, :at, :active)",
      soci::use(r.version), soci::use(r.name), soci::use(r.rules), soci::use(r.loaded_by),
      soci::use(r.loaded_at), soci::use(active);
  return Status();
}

Result<std::optional<StoredRuleSet>> FindRuleSet(soci::session& sql, const std::string& version) {
  return FindRuleSetWhere(sql, "version = :v", version);
}

Result<std::optional<StoredRuleSet>> ActiveRuleSet(soci::session& sql) {
  return FindRuleSetWhere(sql, "active = :v", "1");
}

Result<std::vector<StoredRuleSet>> ListRuleSets(soci::session& sql) {
  std::vector<StoredRuleSet> out;
  RuleSetRow r;
  soci::statement st = (sql.prepare << "SELECT version, name, loaded_by, loaded_at, active FROM "
                                       "grading_rule_set ORDER BY loaded_at DESC, version",
                        soci::into(r.version), soci::into(r.name), soci::into(r.loaded_by),
                        soci::into(r.loaded_at), soci::into(r.active));
  st.execute();
  while (st.fetch()) out.push_back(r.ToRuleSet());
  return out;
}

Status ActivateRuleSet(soci::session& sql, const std::string& version) {
  ZL_ASSIGN_OR_RETURN(std::optional<StoredRuleSet> found, FindRuleSet(sql, version));
  if (!found) return Status::NotFound("no rule set with version " + version);
  sql << "UPDATE grading_rule_set SET active = 0 WHERE active = 1 AND version <> :v",
      soci::use(version);
  sql << "UPDATE grading_rule_set SET active = 1 WHERE version = :v", soci::use(version);
  return Status();
}

Result<std::int64_t> InsertGradingRun(soci::session& sql, const GradingRunRow& run) {
  long long graded = run.graded, changed = run.changed, id = 0;
  const std::string by_grade = ByGradeText(run.by_grade);
  sql << "INSERT INTO grading_run (rules_version, as_of, actor, started_at, finished_at, graded, "
         "changed, by_grade) VALUES (:v, :as_of, :actor, :started, :finished, :graded, :changed, "
         ":by_grade) RETURNING id",
      soci::use(run.rules_version), soci::use(run.as_of), soci::use(run.actor),
      soci::use(run.started_at), soci::use(run.finished_at), soci::use(graded), soci::use(changed),
      soci::use(by_grade), soci::into(id);
  return static_cast<std::int64_t>(id);
}

void FinishGradingRun(soci::session& sql, const GradingRunRow& run) {
  long long graded = run.graded, changed = run.changed, id = run.id;
  const std::string by_grade = ByGradeText(run.by_grade);
  sql << "UPDATE grading_run SET finished_at = :f, graded = :g, changed = :c, by_grade = :b "
         "WHERE id = :id",
      soci::use(run.finished_at), soci::use(graded), soci::use(changed), soci::use(by_grade),
      soci::use(id);
}

Result<std::vector<GradingRunRow>> ListGradingRuns(soci::session& sql, int limit) {
  std::vector<GradingRunRow> out;
  GradingRunRow r;
  long long id = 0, graded = 0, changed = 0;
  std::string by_grade;
  soci::statement st =
      (sql.prepare << "SELECT id, rules_version, as_of, actor, started_at, finished_at, graded, "
                      "changed, by_grade FROM grading_run ORDER BY id DESC LIMIT " +
                          std::to_string(limit),
       soci::into(id), soci::into(r.rules_version), soci::into(r.as_of), soci::into(r.actor),
       soci::into(r.started_at), soci::into(r.finished_at), soci::into(graded), soci::into(changed),
       soci::into(by_grade));
  st.execute();
  while (st.fetch()) {
    r.id = id;
    r.graded = graded;
    r.changed = changed;
    r.by_grade = ByGradeCounts(by_grade);
    out.push_back(r);
  }
  return out;
}

Result<std::optional<GradeRow>> FindGrade(soci::session& sql, const std::string& uscc) {
  GradeColumns c;
  std::string key = uscc;
  soci::statement st(sql);
  c.Into(st);
  st.exchange(soci::use(key));
  st.alloc();
  st.prepare(std::string("SELECT ") + kGradeColumns + " FROM credit_grade WHERE uscc = :u");
  st.define_and_bind();
  if (!st.execute(true)) return std::optional<GradeRow>();
  return std::optional<GradeRow>(c.Get());
}

Result<std::vector<GradeRow>> GradeHistory(soci::session& sql, const std::string& uscc) {
  GradeColumns c;
  std::string current_key = uscc, history_key = uscc;
  soci::statement st(sql);
  c.Into(st);
  st.exchange(soci::use(current_key));
  st.exchange(soci::use(history_key));
  st.alloc();
  st.prepare(std::string("SELECT ") + kGradeColumns + " FROM credit_grade WHERE uscc = :u " +
             "UNION ALL SELECT " + kGradeColumns +
             " FROM credit_grade_history WHERE uscc = :h ORDER BY seq DESC");
  st.define_and_bind();
  std::vector<GradeRow> out;
  st.execute(false);
  while (st.fetch()) out.push_back(c.Get());
  return out;
}

Status SupersedeGrades(soci::session& sql, std::span<const std::string> usccs) {
  if (usccs.empty()) return Status();
  // Two statements per batch of keys; unused placeholders hold "" (no USCC is empty).
  constexpr size_t kBatch = 500;
  std::vector<std::string> keys(kBatch);
  std::string in = " WHERE uscc IN (";
  for (size_t i = 0; i < kBatch; ++i) in += (i ? ", :u" : ":u") + std::to_string(i);
  in += ")";
  auto prepare = [&](soci::statement& st, const std::string& text) {
    for (std::string& k : keys) st.exchange(soci::use(k));
    st.alloc();
    st.prepare(text);
    st.define_and_bind();
  };
  soci::statement keep(sql), remove(sql);
  prepare(keep, std::string("INSERT INTO credit_grade_history (") + kGradeColumns + ") SELECT " +
                    kGradeColumns + " FROM credit_grade" + in);
  prepare(remove, "DELETE FROM credit_grade" + in);
  for (size_t start = 0; start < usccs.size(); start += kBatch) {
    for (size_t i = 0; i < kBatch; ++i) {
      keys[i] = start + i < usccs.size() ? usccs[start + i] : std::string();
    }
    keep.execute(true);
    remove.execute(true);
  }
  return Status();
}

Status WriteGrades(soci::session& sql, const GradeCause& cause, std::span<const NewGrade> rows) {
  if (rows.empty()) return Status();
  auto writer =
      dialect::BulkWriter::Create(sql, dialect::BackendOf(sql), "credit_grade",
                                  {"uscc", "grade", "score_tenths", "risk_class", "rules_version",
                                   "graded_on", "cause", "actor", "seq", "created_at"});
  std::vector<std::string_view> values = {{},
                                          {},
                                          {},
                                          {},
                                          cause.rules_version,
                                          cause.graded_on,
                                          cause.cause,
                                          cause.actor,
                                          {},
                                          cause.created_at};
  char score[24], seq[24];
  for (const NewGrade& r : rows) {
    values[0] = r.uscc;
    values[1] = r.grade;
    values[2] = {score, static_cast<size_t>(std::snprintf(score, sizeof score, "%lld",
                                                          static_cast<long long>(r.score_tenths)))};
    values[3] = r.risk_class;
    values[8] = {seq, static_cast<size_t>(
                          std::snprintf(seq, sizeof seq, "%lld", static_cast<long long>(r.seq)))};
    ZL_RETURN_IF_ERROR(writer->Add(values));
  }
  return writer->Finish();
}

Result<GradeCounts> CountGrades(soci::session& sql) {
  GradeCounts out;
  std::string key;
  long long n = 0;
  soci::statement by_grade =
      (sql.prepare << "SELECT grade, COUNT(*) FROM credit_grade GROUP BY grade", soci::into(key),
       soci::into(n));
  by_grade.execute();
  while (by_grade.fetch()) {
    for (size_t i = 0; i < kGradeNames.size(); ++i) {
      if (key == kGradeNames[i]) out.by_grade[i] = n;
    }
  }
  soci::statement by_risk =
      (sql.prepare << "SELECT risk_class, COUNT(*) FROM credit_grade GROUP BY risk_class",
       soci::into(key), soci::into(n));
  by_risk.execute();
  while (by_risk.fetch()) {
    for (size_t i = 0; i < kRiskNames.size(); ++i) {
      if (key == kRiskNames[i]) out.by_risk_class[i] = n;
    }
  }
  return out;
}

}  // namespace zl::store
