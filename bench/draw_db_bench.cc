// draw_db_bench: the 双随机 draw from the DATABASE at provincial scale (issue #6: 2,000,000
// enterprises and 5,000 inspectors), with the time split the way DrawTask spends it:
//
//   pool read        enterprise LEFT JOIN credit_grade over the task's industries, filtered
//                    by region, sorted by USCC (inspect/inspection_service.cc)
//   inspectors read  open loads (targets without a result), inspectors, conflicts
//   RunDraw          selection, staffing and pool digest (the pure draw, random_draw.h)
//   writes           the draw row (pool, inspectors and conflicts as text) and the targets
//   commit           the transaction's COMMIT
//
// and then one verify (a re-run from the stored inputs) and one recusal. Use a COPY of a big
// database: it adds 5,000 demo inspectors when there are none, and each run adds a task.
//
//   draw_db_bench --db sqlite:/work/bigdata/draw.db [--runs 3] [--keep]
//
// Without --keep the bench's tasks are deleted at the end, so runs do not pile up open loads.
#include <soci/soci.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/clock.h"
#include "inspect/demo_inspectors.h"
#include "inspect/inspection_service.h"
#include "store/database.h"

namespace {

using Clock = std::chrono::steady_clock;

void Die(const zl::Status& s) {
  if (s.ok()) return;
  std::fprintf(stderr, "draw_db_bench: %s\n", s.ToString().c_str());
  std::exit(1);
}

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string url;
  int runs = 3;
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) {
      url = argv[++i];
    } else if (a == "--runs" && i + 1 < argc) {
      runs = std::atoi(argv[++i]);
    } else if (a == "--keep") {
      keep = true;
    } else {
      std::fprintf(stderr, "usage: draw_db_bench --db URL [--runs N] [--keep]\n");
      return 2;
    }
  }
  if (url.empty()) {
    std::fprintf(stderr, "usage: draw_db_bench --db URL [--runs N] [--keep]\n");
    return 2;
  }
  auto db = zl::store::Database::Open(url);
  Die(db.status());
  zl::store::Database& d = **db;

  long long inspectors = 0, enterprises = 0, graded = 0;
  Die(d.Read([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM inspector", soci::into(inspectors);
    sql << "SELECT COUNT(*) FROM enterprise", soci::into(enterprises);
    sql << "SELECT COUNT(*) FROM credit_grade", soci::into(graded);
    return zl::Status();
  }));
  if (inspectors == 0) {
    auto start = Clock::now();
    Die(d.Write([&](soci::session& sql) {
      // 13 units × 370 + 190 provincial = 5,000 inspectors; 500 declared conflicts.
      return zl::inspect::AddDemoInspectors(sql, 2014, zl::NowIsoUtc(), 370, 190, 500).status();
    }));
    std::printf("added 5000 demo inspectors in %.2f s\n", Seconds(start));
    inspectors = 5000;
  }
  std::printf("database: %lld enterprises, %lld graded, %lld inspectors\n", enterprises, graded,
              inspectors);
  std::printf("%4s %9s %9s %10s %8s %8s %8s %9s %8s %9s\n", "run", "pool", "targets", "pool read",
              "insp.", "RunDraw", "writes", "(targets)", "commit", "total");

  std::vector<std::int64_t> tasks;
  for (int r = 1; r <= runs; ++r) {
    zl::inspect::DrawTimings t;
    zl::inspect::DrawSummary s;
    auto start = Clock::now();
    Clock::time_point work_done;
    Die(d.Write([&](soci::session& sql) {
      zl::inspect::TaskInput in{"bench", {"*"}, {"130000"}, "2026-12-01", "2026-12-31", 2};
      ZL_ASSIGN_OR_RETURN(zl::store::TaskRow task,
                          zl::inspect::CreateTask(sql, in, "", "bench", zl::NowIsoUtc()));
      tasks.push_back(task.id);
      const std::string seed = std::string(63, '0') + std::to_string(r % 10);
      ZL_ASSIGN_OR_RETURN(s,
                          zl::inspect::DrawTask(sql, task.id, seed, "bench", zl::NowIsoUtc(), &t));
      work_done = Clock::now();
      return zl::Status();
    }));
    const double total = Seconds(start);
    const double commit = std::chrono::duration<double>(Clock::now() - work_done).count();
    std::printf("%4d %9lld %9lld %9.3fs %7.3fs %7.3fs %7.3fs %8.3fs %7.3fs %8.3fs\n", r,
                static_cast<long long>(s.pool_size), static_cast<long long>(s.targets), t.pool_read,
                t.inspectors_read, t.run, t.write, t.write_targets, commit, total);
    if (r == runs) {
      std::printf("per class (pool/drawn):");
      for (const auto& c : s.per_class) {
        std::printf(" %lld/%lld", static_cast<long long>(c.pool), static_cast<long long>(c.drawn));
      }
      std::printf("; unstaffed %lld, exclusions %lld\n", static_cast<long long>(s.unstaffed),
                  static_cast<long long>(s.exclusions));
    }
  }

  const std::int64_t last = tasks.back();
  auto start = Clock::now();
  zl::inspect::Verification v;
  Die(d.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(v, zl::inspect::VerifyDraw(sql, last));
    return zl::Status();
  }));
  std::printf("verify: %s in %.3f s (%lld targets)\n",
              v.reproduced ? "reproduced" : "NOT reproduced", Seconds(start),
              static_cast<long long>(v.targets));
  start = Clock::now();
  Die(d.Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(auto targets, zl::store::ListTargets(sql, last, 0, 1));
    ZL_ASSIGN_OR_RETURN(auto team, zl::store::ParseIds(targets.at(0).team));
    return zl::inspect::Recuse(sql, last, targets[0].uscc, team.at(0), "bench", "bench",
                               zl::NowIsoUtc())
        .status();
  }));
  std::printf("recusal: %.3f s\n", Seconds(start));

  if (!keep) {
    Die(d.Write([&](soci::session& sql) {
      for (std::int64_t id : tasks) {
        long long key = id;
        for (const char* table : {"inspection_recusal", "inspection_target"}) {
          sql << std::string("DELETE FROM ") + table + " WHERE task_id = :t", soci::use(key);
        }
        sql << "DELETE FROM inspection_draw WHERE task_id = :t", soci::use(key);
        sql << "DELETE FROM inspection_task WHERE id = :t", soci::use(key);
      }
      return zl::Status();
    }));
  }
  return v.reproduced ? 0 : 1;
}
