// Grading runs, comparisons, regrades and explanations (see grading_run.h).
#include "credit/grading_run.h"

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "base/clock.h"
#include "domain/record_kind.h"
#include "store/database.h"
#include "store/enterprise_repository.h"
#include "store/row_scan.h"

namespace zl::credit {

namespace {

using domain::Grade;
using domain::RiskClass;

constexpr size_t kUsccLength = 18;
constexpr size_t kWriteChunk = 20000;

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Date from "YYYY-MM-DD" without the checks of Date::Parse (the archive only holds dates it
// checked on the way in); nullopt for anything else.
std::optional<Date> FastDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (!Date::IsValidYmd(y, m, d)) return std::nullopt;
  return Date::FromYmd(y, m, d);
}

domain::Polarity FastPolarity(std::string_view s) {
  if (s == "good") return domain::Polarity::kGood;
  if (s == "bad") return domain::Polarity::kBad;
  return domain::Polarity::kNeutral;
}

domain::Severity FastSeverity(std::string_view s) {
  if (s == "minor") return domain::Severity::kMinor;
  if (s == "general") return domain::Severity::kGeneral;
  if (s == "serious") return domain::Severity::kSerious;
  return domain::Severity::kNone;
}

// The register held in memory for a run: USCCs side by side in USCC order (so that positions
// sort like USCCs, the order the grade tables are keyed by), a flat open-addressing table
// from USCC to position, industries interned, and per enterprise its tally and its stored
// grade (if any).
class RegisterPass {
 public:
  struct Stored {
    std::int8_t grade = -1;  // -1: no grade stored
    std::int8_t risk = 0;
    bool same_rules = false;
    std::int64_t score_tenths = 0;
    std::int64_t seq = 0;  // of the stored grade
  };

  explicit RegisterPass(const Grader& grader) : grader_(grader) {}

  // Reads the register, every record and the stored grades through `sql`; with `alongside`
  // (see RunGrading), the stored grades and part of the records through a second session,
  // on another thread, while `sql` reads the other records.
  Status Load(soci::session& sql, store::Database* alongside = nullptr) {
    const auto started = std::chrono::steady_clock::now();
    ZL_RETURN_IF_ERROR(store::ScanRows(sql, "SELECT uscc, industry_code FROM enterprise",
                                       [&](const store::ScanRow& r) {
                                         std::string_view uscc = r.Text(0);
                                         if (uscc.size() != kUsccLength)
                                           return Status::Internal("malformed USCC in register");
                                         usccs_.append(uscc);
                                         industry_.push_back(Intern(r.Text(1)));
                                         return Status();
                                       }));
    SortRegister();
    const size_t n = industry_.size();
    tallies_.assign(n, grader_.NewTally());
    stored_.assign(n, Stored{});
    BuildIndex();
    ZL_RETURN_IF_ERROR(LoadReplaced(sql));
    const double register_s = SecondsSince(started);
    if (alongside != nullptr && alongside->CanReadAlongsideWrite()) {
      ZL_RETURN_IF_ERROR(ReadOnTwoSessions(sql, *alongside));
    } else {
      ZL_RETURN_IF_ERROR(FoldRecords(sql, "", tallies_));
      ZL_RETURN_IF_ERROR(LoadStored(sql, last_));
    }
    spdlog::debug("grading pass: register {:.2f} s, records and stored grades {:.2f} s", register_s,
                  SecondsSince(started) - register_s);
    return Status();
  }

  size_t size() const { return industry_.size(); }
  std::string_view Uscc(size_t i) const { return {usccs_.data() + i * kUsccLength, kUsccLength}; }
  Verdict Decide(size_t i) const { return grader_.Decide(tallies_[i], industries_[industry_[i]]); }
  const Stored& stored(size_t i) const { return stored_[i]; }
  // The position of `uscc` in the register, or -1.
  long Position(std::string_view uscc) { return Find(uscc, last_); }

 private:
  // Puts the register in USCC order unless it is already (enterprises stored in USCC order).
  void SortRegister() {
    const size_t n = industry_.size();
    bool sorted = true;
    for (size_t i = 1; i < n && sorted; ++i) sorted = Uscc(i - 1) < Uscc(i);
    if (sorted) return;
    // Compared as three big-endian integers rather than by memcmp: 2,000,000 USCCs sort in a
    // fraction of the time.
    struct Key {
      std::uint64_t high, middle;
      std::uint16_t low;
      std::uint32_t position;
    };
    auto big_endian = [](const char* p, size_t bytes) {
      std::uint64_t v = 0;
      for (size_t b = 0; b < bytes; ++b) v = v << 8 | static_cast<unsigned char>(p[b]);
      return v;
    };
    std::vector<Key> keys(n);
    for (size_t i = 0; i < n; ++i) {
      const char* u = usccs_.data() + i * kUsccLength;
      keys[i] = {big_endian(u, 8), big_endian(u + 8, 8),
                 static_cast<std::uint16_t>(big_endian(u + 16, 2)), static_cast<std::uint32_t>(i)};
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
      if (a.high != b.high) return a.high < b.high;
      if (a.middle != b.middle) return a.middle < b.middle;
      return a.low < b.low;
    });
    std::string usccs(usccs_.size(), '\0');
    std::vector<std::uint16_t> industry(n);
    for (size_t i = 0; i < n; ++i) {
      std::memcpy(usccs.data() + i * kUsccLength, usccs_.data() + keys[i].position * kUsccLength,
                  kUsccLength);
      industry[i] = industry_[keys[i].position];
    }
    usccs_ = std::move(usccs);
    industry_ = std::move(industry);
  }

  std::uint16_t Intern(std::string_view industry) {
    for (size_t i = 0; i < industries_.size(); ++i) {
      if (industries_[i] == industry) return static_cast<std::uint16_t>(i);
    }
    industries_.emplace_back(industry);
    return static_cast<std::uint16_t>(industries_.size() - 1);
  }

  static std::uint64_t Hash(std::string_view s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return h ^ (h >> 29);
  }

  void BuildIndex() {
    size_t capacity = 16;
    while (capacity < size() * 2) capacity *= 2;
    mask_ = capacity - 1;
    slots_.assign(capacity, 0);
    for (size_t i = 0; i < size(); ++i) {
      size_t s = Hash(Uscc(i)) & mask_;
      while (slots_[s] != 0) s = (s + 1) & mask_;
      slots_[s] = static_cast<std::uint32_t>(i + 1);
    }
  }

  // Position of `uscc`, or -1. Records of one enterprise tend to be stored together, so the
  // last answer (`last`, one per reading thread) is tried first.
  long Find(std::string_view uscc, long& last) const {
    if (last >= 0 && Uscc(static_cast<size_t>(last)) == uscc) return last;
    if (uscc.size() != kUsccLength) return -1;
    for (size_t s = Hash(uscc) & mask_; slots_[s] != 0; s = (s + 1) & mask_) {
      if (Uscc(slots_[s] - 1) == uscc) return last = static_cast<long>(slots_[s] - 1);
    }
    return -1;
  }

  Status LoadReplaced(soci::session& sql) {
    return store::ScanRows(sql, "SELECT replaces FROM credit_record WHERE replaces IS NOT NULL",
                           [&](const store::ScanRow& r) {
                             replaced_.insert(r.Integer(0));
                             return Status();
                           });
  }

  // Folds the records `where` selects into `tallies`. Reads only what the pass built before.
  Status FoldRecords(soci::session& sql, const std::string& where,
                     std::vector<GradeTally>& tallies) const {
    long last = -1;
    return store::ScanRows(
        sql, "SELECT uscc, id, kind, occurred_on, polarity, severity FROM credit_record" + where,
        [&](const store::ScanRow& r) {
          const int kind = grader_.KindIndex(r.Text(2));
          if (kind < 0) return Status();
          const std::int64_t id = r.Integer(1);
          if (!replaced_.empty() && replaced_.contains(id)) return Status();
          const long at = Find(r.Text(0), last);
          std::optional<Date> day = FastDate(r.Text(3));
          if (at < 0 || !day) return Status();
          grader_.Add(tallies[static_cast<size_t>(at)],
                      {id, kind, FastPolarity(r.Text(4)), FastSeverity(r.Text(5)), *day});
          return Status();
        });
  }

  // The records split by id: the first part folded through `sql`; the stored grades, then
  // the other records, read through a second session of `db` on another thread, into tallies
  // of their own merged afterwards (exact: grader.h). Reading a stored grade costs about as
  // much as reading a record, so the first part is that much bigger when grades are stored.
  Status ReadOnTwoSessions(soci::session& sql, store::Database& db) {
    long long low = 0, high = 0;
    soci::indicator low_ind = soci::i_ok, high_ind = soci::i_ok;
    // Two statements: SQLite answers MIN or MAX alone from the end of the B-tree, both
    // together by reading the whole table.
    sql << "SELECT MIN(id) FROM credit_record", soci::into(low, low_ind);
    sql << "SELECT MAX(id) FROM credit_record", soci::into(high, high_ind);
    if (low_ind != soci::i_ok || high_ind != soci::i_ok) return LoadStored(sql, last_);
    int graded = 0;
    sql << "SELECT COUNT(*) FROM (SELECT 1 FROM credit_grade LIMIT 1)", soci::into(graded);
    const double records = static_cast<double>(high - low + 1);
    const double grades = graded > 0 ? static_cast<double>(size()) : 0;
    const long long split = low + static_cast<long long>(std::min(records, (records + grades) / 2));
    std::vector<GradeTally> later(size(), grader_.NewTally());
    Status later_status;
    std::thread reader([&] {
      later_status = db.Read([&](soci::session& other) {
        for (GradeTally& t : later) t = grader_.NewTally();  // Read may run `work` twice
        long last = -1;
        ZL_RETURN_IF_ERROR(LoadStored(other, last));
        return FoldRecords(other, " WHERE id >= " + std::to_string(split), later);
      });
    });
    Status status;
    try {
      status = FoldRecords(sql, " WHERE id < " + std::to_string(split), tallies_);
    } catch (...) {
      reader.join();
      throw;
    }
    reader.join();
    ZL_RETURN_IF_ERROR(status);
    ZL_RETURN_IF_ERROR(later_status);
    for (size_t i = 0; i < later.size(); ++i) Grader::Merge(tallies_[i], later[i]);
    return Status();
  }

  // Reads the stored grades into stored_ (`last`: Find's hint for this thread).
  Status LoadStored(soci::session& sql, long& last) {
    const std::string& version = grader_.rules().version;
    return store::ScanRows(
        sql, "SELECT uscc, grade, score_tenths, risk_class, rules_version, seq FROM credit_grade",
        [&](const store::ScanRow& r) {
          const long at = Find(r.Text(0), last);
          if (at < 0) return Status();
          Result<Grade> grade = domain::ParseGrade(r.Text(1));
          Result<RiskClass> risk = domain::ParseRiskClass(r.Text(3));
          if (!grade.ok() || !risk.ok()) return Status();  // rewritten below
          Stored& s = stored_[static_cast<size_t>(at)];
          s.grade = static_cast<std::int8_t>(*grade);
          s.risk = static_cast<std::int8_t>(*risk);
          s.score_tenths = r.Integer(2);
          s.same_rules = r.Text(4) == version;
          s.seq = r.Integer(5);
          return Status();
        });
  }

  const Grader& grader_;
  std::string usccs_;  // kUsccLength bytes each
  std::vector<std::uint16_t> industry_;
  std::vector<std::string> industries_;
  std::vector<GradeTally> tallies_;
  std::vector<Stored> stored_;
  std::vector<std::uint32_t> slots_;  // position + 1; 0 = empty
  size_t mask_ = 0;
  long last_ = -1;
  std::unordered_set<std::int64_t> replaced_;
};

bool Changed(const RegisterPass::Stored& s, const Verdict& v) {
  return s.grade < 0 || !s.same_rules || s.grade != static_cast<int>(v.grade) ||
         s.risk != static_cast<int>(v.risk_class) || s.score_tenths != v.score_tenths;
}

// An enterprise of the pass whose grade changes.
struct Change {
  std::uint32_t position;
  Verdict verdict;
};

store::NewGrade ToNewGrade(std::string_view uscc, const Verdict& v, std::int64_t seq) {
  return {uscc, domain::GradeName(v.grade), v.score_tenths, domain::RiskClassName(v.risk_class),
          seq};
}

// Stores `rules` unless stored already; refuses a stored version with different text.
Status StoreRuleSet(soci::session& sql, const RuleSet& rules, const std::string& actor) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::StoredRuleSet> stored,
                      store::FindRuleSet(sql, rules.version));
  if (stored) {
    if (stored->rules != rules.text) {
      return Status::AlreadyExists("rule set version " + rules.version +
                                       " is already loaded with different rules; give the new "
                                       "rules a new version",
                                   "version");
    }
    return Status();
  }
  return store::InsertRuleSet(sql, {rules.version, rules.name, rules.text, actor, NowIsoUtc()});
}

// Folds an enterprise's records in force (read one by one) into a tally.
GradeTally TallyOf(const Grader& grader, const std::vector<store::StoredRecord>& records,
                   std::vector<Contribution>* explain) {
  GradeTally tally = grader.NewTally();
  for (const store::StoredRecord& s : records) {
    if (s.status != domain::RecordStatus::kActive) continue;
    const domain::CreditRecord& r = s.record;
    grader.Add(tally, {r.id, grader.KindIndex(r.kind), r.polarity, r.severity, r.occurred_on},
               explain);
  }
  return tally;
}

// The stored rule set `version`, parsed.
Result<RuleSet> StoredRules(soci::session& sql, const std::string& version) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::StoredRuleSet> stored, store::FindRuleSet(sql, version));
  if (!stored) return Status::Internal("rule set " + version + " is missing");
  return RuleSet::Parse(stored->rules, "rule set " + version);
}

// A rule set's grade_valid_months, remembered per version: a stored version never changes,
// and the credit file asks for it on every read.
Result<int> GradeValidMonths(soci::session& sql, const std::string& version) {
  static std::mutex mutex;
  static std::map<std::string, int> known;
  {
    std::lock_guard lock(mutex);
    if (auto it = known.find(version); it != known.end()) return it->second;
  }
  ZL_ASSIGN_OR_RETURN(RuleSet rules, StoredRules(sql, version));
  std::lock_guard lock(mutex);
  known[version] = rules.grade_valid_months;
  return rules.grade_valid_months;
}

// Writes these changed grades (in position order, which is USCC order), a chunk at a time.
Status WriteChanged(soci::session& sql, const RegisterPass& pass, std::span<const Change> changes,
                    const store::GradeCause& cause) {
  std::vector<store::NewGrade> rows;
  std::vector<std::string> replaced;
  for (size_t at = 0; at < changes.size();) {
    rows.clear();
    replaced.clear();
    for (; at < changes.size() && rows.size() < kWriteChunk; ++at) {
      const Change& c = changes[at];
      const RegisterPass::Stored& stored = pass.stored(c.position);
      rows.push_back(ToNewGrade(pass.Uscc(c.position), c.verdict, stored.seq + 1));
      if (stored.grade >= 0) replaced.emplace_back(rows.back().uscc);
    }
    ZL_RETURN_IF_ERROR(store::SupersedeGrades(sql, replaced));
    ZL_RETURN_IF_ERROR(store::WriteGrades(sql, cause, rows));
  }
  return Status();
}

}  // namespace

Result<GradingRunResult> RunGrading(soci::session& sql, const RuleSet& rules, Date as_of,
                                    const std::string& actor, store::Database* alongside) {
  const std::string started_at = NowIsoUtc();
  ZL_RETURN_IF_ERROR(StoreRuleSet(sql, rules, actor));
  Grader grader(rules, as_of);
  RegisterPass pass(grader);
  ZL_RETURN_IF_ERROR(pass.Load(sql, alongside));
  const auto verdicts_started = std::chrono::steady_clock::now();

  GradingRunResult result;
  result.rules_version = rules.version;
  result.as_of = as_of;
  store::GradingRunRow run;
  run.rules_version = rules.version;
  run.as_of = as_of.ToString();
  run.actor = actor;
  run.started_at = started_at;
  // The run's id names it as the cause in the history; the row is completed at the end.
  ZL_ASSIGN_OR_RETURN(result.run_id, store::InsertGradingRun(sql, run));
  const store::GradeCause cause{rules.version, as_of.ToString(),
                                "grading run " + std::to_string(result.run_id), actor, NowIsoUtc()};
  std::vector<Change> changed;
  for (std::uint32_t i = 0; i < pass.size(); ++i) {
    const Verdict v = pass.Decide(i);
    ++result.graded;
    ++result.by_grade[static_cast<int>(v.grade)];
    ++result.by_risk_class[static_cast<int>(v.risk_class)];
    if (Changed(pass.stored(i), v)) changed.push_back({i, v});
  }
  result.changed = static_cast<std::int64_t>(changed.size());
  const double verdicts_s = SecondsSince(verdicts_started);
  ZL_RETURN_IF_ERROR(WriteChanged(sql, pass, changed, cause));
  spdlog::debug("grading run {}: verdicts {:.2f} s, {} written in {:.2f} s", result.run_id,
                verdicts_s, result.changed, SecondsSince(verdicts_started) - verdicts_s);
  ZL_RETURN_IF_ERROR(store::ActivateRuleSet(sql, rules.version));
  run.id = result.run_id;
  run.finished_at = NowIsoUtc();
  run.graded = result.graded;
  run.changed = result.changed;
  run.by_grade = result.by_grade;
  store::FinishGradingRun(sql, run);
  return result;
}

Result<RuleSetComparison> CompareRuleSets(soci::session& sql, const RuleSet& candidate,
                                          Date as_of) {
  RuleSetComparison out;
  out.candidate_version = candidate.version;
  ZL_ASSIGN_OR_RETURN(std::optional<store::StoredRuleSet> active, store::ActiveRuleSet(sql));
  if (active) out.current_version = active->version;
  Grader grader(candidate, as_of);
  RegisterPass pass(grader);
  ZL_RETURN_IF_ERROR(pass.Load(sql));
  for (size_t i = 0; i < pass.size(); ++i) {
    const Verdict v = pass.Decide(i);
    const int row = pass.stored(i).grade < 0 ? 6 : pass.stored(i).grade;
    ++out.table[row][static_cast<int>(v.grade)];
    ++out.graded;
    if (row != static_cast<int>(v.grade)) ++out.changed;
  }
  return out;
}

Result<std::optional<RuleSet>> LoadActiveRules(soci::session& sql) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::StoredRuleSet> active, store::ActiveRuleSet(sql));
  if (!active) return std::optional<RuleSet>();
  ZL_ASSIGN_OR_RETURN(RuleSet rules, RuleSet::Parse(active->rules, "rule set " + active->version));
  return std::optional<RuleSet>(std::move(rules));
}

Status Regrade(soci::session& sql, std::span<const std::string> usccs, const std::string& cause,
               const std::string& actor, Date as_of) {
  ZL_ASSIGN_OR_RETURN(std::optional<RuleSet> rules, LoadActiveRules(sql));
  if (!rules || usccs.empty()) return Status();
  Grader grader(*rules, as_of);
  std::vector<std::string> sorted(usccs.begin(), usccs.end());
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::vector<store::NewGrade> changed;
  std::vector<std::string> replaced;
  for (const std::string& uscc : sorted) {
    ZL_ASSIGN_OR_RETURN(std::optional<domain::Enterprise> e, store::FindEnterprise(sql, uscc));
    if (!e) continue;
    ZL_ASSIGN_OR_RETURN(std::vector<store::StoredRecord> records, store::ListRecordsOf(sql, uscc));
    const Verdict v = grader.Decide(TallyOf(grader, records, nullptr), e->industry_code);
    ZL_ASSIGN_OR_RETURN(std::optional<store::GradeRow> old, store::FindGrade(sql, uscc));
    store::NewGrade row = ToNewGrade(uscc, v, old ? old->seq + 1 : 1);
    if (old && old->grade == row.grade && old->score_tenths == row.score_tenths &&
        old->risk_class == row.risk_class && old->rules_version == rules->version) {
      continue;
    }
    if (old) replaced.push_back(uscc);
    changed.push_back(row);
  }
  ZL_RETURN_IF_ERROR(store::SupersedeGrades(sql, replaced));
  return store::WriteGrades(sql, {rules->version, as_of.ToString(), cause, actor, NowIsoUtc()},
                            changed);
}

Status RegradeRecordsFrom(soci::session& sql, std::int64_t first_record_id,
                          const std::string& cause, const std::string& actor, Date as_of,
                          size_t one_by_one_limit) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::StoredRuleSet> active, store::ActiveRuleSet(sql));
  if (!active) return Status();
  std::vector<std::string> usccs;
  ZL_RETURN_IF_ERROR(store::ScanRows(
      sql, "SELECT DISTINCT uscc FROM credit_record WHERE id >= " + std::to_string(first_record_id),
      [&](const store::ScanRow& r) {
        usccs.emplace_back(r.Text(0));
        return Status();
      }));
  // Reading one enterprise's records costs about 80 µs; a pass, under 1 µs per record.
  if (usccs.size() <= one_by_one_limit) return Regrade(sql, usccs, cause, actor, as_of);
  ZL_ASSIGN_OR_RETURN(RuleSet rules, RuleSet::Parse(active->rules, "rule set " + active->version));
  Grader grader(rules, as_of);
  RegisterPass pass(grader);
  ZL_RETURN_IF_ERROR(pass.Load(sql));
  std::vector<std::uint32_t> positions;
  for (const std::string& uscc : usccs) {
    const long at = pass.Position(uscc);
    if (at >= 0) positions.push_back(static_cast<std::uint32_t>(at));
  }
  std::sort(positions.begin(), positions.end());
  std::vector<Change> changed;
  for (std::uint32_t i : positions) {
    const Verdict v = pass.Decide(i);
    if (Changed(pass.stored(i), v)) changed.push_back({i, v});
  }
  return WriteChanged(sql, pass, changed,
                      {rules.version, as_of.ToString(), cause, actor, NowIsoUtc()});
}

Status RegradeImported(soci::session& sql, const store::ImportRun& run,
                       std::int64_t first_record_id, Date as_of) {
  if (run.kind != "records" || !run.committed || run.inserted == 0) return Status();
  return RegradeRecordsFrom(sql, first_record_id, "import " + std::to_string(run.id), run.actor,
                            as_of);
}

Result<std::int64_t> NextRecordId(soci::session& sql) {
  long long max_id = 0;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT MAX(id) FROM credit_record", soci::into(max_id, ind);
  return static_cast<std::int64_t>(ind == soci::i_ok ? max_id + 1 : 1);
}

Result<std::optional<CurrentGrade>> ReadCurrentGrade(soci::session& sql, const std::string& uscc) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::GradeRow> row, store::FindGrade(sql, uscc));
  if (!row) return std::optional<CurrentGrade>();
  CurrentGrade out;
  out.row = std::move(*row);
  std::string confirmed;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT MAX(as_of) FROM grading_run WHERE rules_version = :v",
      soci::use(out.row.rules_version), soci::into(confirmed, ind);
  out.confirmed_on =
      ind == soci::i_ok && confirmed > out.row.graded_on ? confirmed : out.row.graded_on;
  ZL_ASSIGN_OR_RETURN(int months, GradeValidMonths(sql, out.row.rules_version));
  ZL_ASSIGN_OR_RETURN(Date confirmed_on, Date::Parse(out.confirmed_on));
  out.valid_until = confirmed_on.AddMonths(months).ToString();
  return std::optional<CurrentGrade>(std::move(out));
}

Result<std::optional<GradeExplanation>> ExplainGrade(soci::session& sql, const std::string& uscc) {
  ZL_ASSIGN_OR_RETURN(std::optional<CurrentGrade> grade, ReadCurrentGrade(sql, uscc));
  if (!grade) return std::optional<GradeExplanation>();
  ZL_ASSIGN_OR_RETURN(RuleSet rules, StoredRules(sql, grade->row.rules_version));
  ZL_ASSIGN_OR_RETURN(Date graded_on, Date::Parse(grade->row.graded_on));
  ZL_ASSIGN_OR_RETURN(std::optional<domain::Enterprise> e, store::FindEnterprise(sql, uscc));
  if (!e) return Status::NotFound("no enterprise with USCC " + uscc);

  GradeExplanation out;
  out.grade = std::move(*grade);
  out.rules = std::make_shared<const RuleSet>(std::move(rules));
  ZL_ASSIGN_OR_RETURN(out.records, store::ListRecordsOf(sql, uscc));
  Grader grader(*out.rules, graded_on);
  out.outcome = grader.Finish(TallyOf(grader, out.records, &out.contributions), e->industry_code);
  return std::optional<GradeExplanation>(std::move(out));
}

}  // namespace zl::credit
