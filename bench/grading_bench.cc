// grading_bench: the time and memory of grading a whole archive, next to the time the same
// database takes to simply read the records grading reads (issue #6's targets: under 10 s for
// 2,000,000 enterprises / 20,000,000 records on SQLite, and at most twice the read time).
//
//   grading_bench --db URL [--as-of YYYY-MM-DD]
//
// Steps, each timed: (1) read every record's grading columns once (the baseline, same query
// and row access as the grader; then also split over two sessions, for comparison), (2) a
// first grading run from no stored grades (every grade written), (3) a second run (nothing
// changed, nothing written), (4) one enterprise regraded after a record change. Stored grades
// are removed before (2) and kept afterwards. Peak RSS is the process's maximum; the run's
// phases are logged at debug level. Results go to docs/PERFORMANCE.md.
#include <soci/soci.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "credit/grading_run.h"
#include "store/database.h"
#include "store/row_scan.h"

namespace {

using Clock = std::chrono::steady_clock;

void Die(const zl::Status& s) {
  if (s.ok()) return;
  std::fprintf(stderr, "grading_bench: %s\n", s.ToString().c_str());
  std::exit(1);
}

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

long PeakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  std::string url;
  zl::Date as_of = zl::Date::TodayInBeijing();
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--db") url = argv[i + 1];
    if (flag == "--as-of") as_of = *zl::Date::Parse(argv[i + 1]);
  }
  if (url.empty()) {
    std::fprintf(stderr, "usage: grading_bench --db URL [--as-of YYYY-MM-DD]\n");
    return 2;
  }
  spdlog::set_level(spdlog::level::debug);  // the run's phases
  auto db = zl::store::Database::Open(url);
  Die(db.status());

  // The records whose id is in [from, to), read through one session; counts what it saw.
  auto read = [&](long long from, long long to, long long& records, long long& length) {
    return (*db)->Read([&](soci::session& sql) {
      records = length = 0;
      return zl::store::ScanRows(
          sql,
          "SELECT uscc, id, kind, occurred_on, polarity, severity FROM credit_record WHERE id >= " +
              std::to_string(from) + " AND id < " + std::to_string(to),
          [&](const zl::store::ScanRow& r) {
            ++records;
            length +=
                static_cast<long long>(r.Text(0).size() + r.Text(2).size() + r.Text(3).size() +
                                       r.Text(4).size() + r.Text(5).size()) +
                r.Integer(1) % 2;
            return zl::Status();
          });
    });
  };
  long long max_id = 0;
  Die((*db)->Read([&](soci::session& sql) {
    sql << "SELECT COALESCE(MAX(id), 0) FROM credit_record", soci::into(max_id);
    return zl::Status();
  }));
  long long records = 0, length = 0;
  auto t = Clock::now();
  Die(read(0, max_id + 1, records, length));
  const double read_s = Seconds(t);
  std::printf("read records once     %8.2f s  (%lld records, %lld bytes of text)\n", read_s,
              records, length);
  // The same read split in two halves on two sessions at once, as a run reads (not the
  // target's baseline: "simply read those records once" is the one sequential read above).
  long long first = 0, second = 0, ignored = 0;
  zl::Status other;
  t = Clock::now();
  std::thread half([&] { other = read(max_id / 2, max_id + 1, second, ignored); });
  Die(read(0, max_id / 2, first, ignored));
  half.join();
  Die(other);
  std::printf("  the same on two sessions %5.2f s  (%lld records)\n", Seconds(t), first + second);

  Die((*db)->Write([&](soci::session& sql) {
    sql << "DELETE FROM credit_grade_history";
    sql << "DELETE FROM credit_grade";
    return zl::Status();
  }));
  const zl::credit::RuleSet& rules = zl::credit::RuleSet::Default();
  for (int run = 1; run <= 2; ++run) {
    zl::credit::GradingRunResult result;
    t = Clock::now();
    Die((*db)->Write(
        [&](soci::session& sql) {
          ZL_ASSIGN_OR_RETURN(result,
                              zl::credit::RunGrading(sql, rules, as_of, "bench", db->get()));
          return zl::Status();
        },
        zl::store::Database::Retry::kIfConnectionLost,
        zl::store::Database::ForeignKeys::kCheckedByWork));
    const double s = Seconds(t);
    std::printf(
        "grading run %d         %8.2f s  (%lld graded, %lld written; %.2fx the read; "
        "peak RSS %ld MiB)\n",
        run, s, static_cast<long long>(result.graded), static_cast<long long>(result.changed),
        s / read_s, PeakRssMiB());
    if (run == 1) {
      std::printf("  by grade:");
      for (size_t g = 0; g < 6; ++g) {
        std::printf(" %s %lld", zl::domain::GradeName(zl::domain::kAllGrades[g]).data(),
                    static_cast<long long>(result.by_grade[g]));
      }
      std::printf("\n  by risk class:");
      for (size_t c = 0; c < 4; ++c) {
        std::printf(" %s %lld", zl::domain::RiskClassName(zl::domain::kAllRiskClasses[c]).data(),
                    static_cast<long long>(result.by_risk_class[c]));
      }
      std::printf("\n");
    }
  }

  std::string uscc;
  Die((*db)->Read([&](soci::session& sql) {
    sql << "SELECT uscc FROM credit_grade ORDER BY uscc LIMIT 1", soci::into(uscc);
    return zl::Status();
  }));
  t = Clock::now();
  Die((*db)->Write([&](soci::session& sql) {
    const std::string one[] = {uscc};
    return zl::credit::Regrade(sql, one, "bench", "bench", as_of.AddDays(400));
  }));
  std::printf("regrade one enterprise %7.2f ms\n", Seconds(t) * 1000);
  return 0;
}
