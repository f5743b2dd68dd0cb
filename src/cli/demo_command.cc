// zhiliang demo: builds a database of synthetic Hebei enterprises and their credit records,
// then (unless --no-serve) serves it.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>

#include "auth/accounts.h"
#include "auth/audit_log.h"
#include "base/clock.h"
#include "blacklist/blacklist_service.h"
#include "cli/commands.h"
#include "cli/serve.h"
#include "credit/grading_run.h"
#include "demo/demo_generator.h"
#include "demo/record_generator.h"
#include "inspect/demo_inspectors.h"
#include "plan/demo_plan.h"
#include "store/credit_record_table.h"
#include "store/database.h"
#include "store/dialect.h"
#include "store/enterprise_repository.h"

namespace zl::cli {

namespace {

// Demo accounts, one per role, all with the same password. For demonstrations only: the
// password is printed and documented, so never use `demo` on a database that matters.
constexpr const char* kDemoPassword = "Zhiliang-demo-2014";

void EnsureDemoAccounts(store::Database& db, const std::string& enterprise_uscc) {
  struct Account {
    const char* name;
    const char* role;
    const char* region;
    std::string uscc;
    const char* what;
  };
  const Account accounts[] = {
      {"admin", "province_admin", "", "", "province administrator (全省)"},
      {"tangshan", "city_admin", "130200", "", "city administrator, 唐山市"},
      {"inspector", "inspector", "130200", "", "inspector, 唐山市"},
      {"auditor", "auditor", "", "", "auditor"},
      {"qiye", "enterprise", "", enterprise_uscc, "enterprise account"},
  };
  auth::Principal operator_ = auth::Principal::Cli("demo");
  std::printf("demo accounts (DEMO ONLY, password %s):\n", kDemoPassword);
  for (const Account& a : accounts) {
    if (a.uscc.empty() && std::string(a.role) == "enterprise") continue;
    auto added =
        auth::AddUser(db, operator_, {a.name, a.role, a.region, a.uscc, kDemoPassword}, "");
    if (!added.ok() && added.status().code() != Status::Code::kAlreadyExists) {
      Check(added.status());
    }
    std::printf("  %-10s %s%s%s\n", a.name, a.what, a.uscc.empty() ? "" : " ", a.uscc.c_str());
  }
}

struct DemoCommandOptions {
  std::string db_url = kDefaultDb;
  int enterprises = 20000;
  int records_per_enterprise = 10;
  std::uint64_t seed = 2014;
  bool no_serve = false;
  bool reset = false;
  ServeOptions serve;
};

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Writes the credit records of the enterprises the generator made with the same seed, in one
// transaction through the bulk path, regenerating the enterprises one at a time so that
// memory stays bounded. Returns the number of records written.
std::int64_t WriteDemoRecords(store::Database& db, const DemoCommandOptions& o) {
  demo::EnterpriseGenerator enterprises({.enterprises = o.enterprises, .seed = o.seed});
  demo::RecordGenerator records(
      {.records_per_enterprise = o.records_per_enterprise, .seed = o.seed});
  std::int64_t written = 0;
  Check(db.Write(
      [&](soci::session& sql) {
        store::RecordInserter inserter(sql, "demo", std::nullopt,
                                       store::dialect::BulkWriter::OnConflict::kFail);
        while (std::optional<domain::Enterprise> e = enterprises.Next()) {
          for (const domain::CreditRecord& r : records.Generate(*e)) {
            ZL_RETURN_IF_ERROR(inserter.Add(r));
          }
        }
        ZL_RETURN_IF_ERROR(inserter.Finish());
        written = inserter.inserted();
        return Status();
      },
      store::Database::Retry::kNever));  // the generators cannot be rewound
  return written;
}

void RunDemo(const DemoCommandOptions& o) {
  auto db = store::Database::Open(o.db_url);
  Check(db.status());
  store::EnterpriseRepository repo(**db);
  auto existing = repo.Count();
  Check(existing.status());
  if (*existing > 0 && !o.reset) {
    throw CliFailure((*db)->url().display + " already holds " + std::to_string(*existing) +
                     " enterprises; use --reset to replace them with demo data, or another --db");
  }
  auto start = std::chrono::steady_clock::now();
  if (o.reset) {
    // The inspection tables refer to enterprises: clear them first (demo data only).
    Check((*db)->Write([](soci::session& sql) {
      ZL_RETURN_IF_ERROR(plan::ClearPlanData(sql));
      return inspect::ClearInspectionData(sql);
    }));
    Check(repo.DeleteAll());
  }
  demo::EnterpriseGenerator generator({.enterprises = o.enterprises, .seed = o.seed});
  std::string first_uscc;
  Check(repo.InsertAll([&] {
    auto e = generator.Next();
    if (e && first_uscc.empty()) first_uscc = e->uscc;
    return e;
  }));
  std::printf("demo: wrote %d enterprises (seed %llu) to %s in %.2f s\n", o.enterprises,
              static_cast<unsigned long long>(o.seed), (*db)->url().display.c_str(),
              SecondsSince(start));
  std::fflush(stdout);
  std::int64_t records = 0;
  if (o.records_per_enterprise > 0 && o.enterprises > 0) {
    auto records_start = std::chrono::steady_clock::now();
    records = WriteDemoRecords(**db, o);
    std::printf("demo: wrote %lld credit records (about %d per enterprise) in %.2f s\n",
                static_cast<long long>(records), o.records_per_enterprise,
                SecondsSince(records_start));
  }
  if (o.enterprises > 0) {
    auto grading_start = std::chrono::steady_clock::now();
    credit::GradingRunResult graded;
    Check((*db)->Write(
        [&](soci::session& sql) {
          ZL_ASSIGN_OR_RETURN(
              graded, credit::RunGrading(sql, credit::RuleSet::Default(), Date::TodayInBeijing(),
                                         "cli:demo", db->get()));
          return Status();
        },
        // A run checks its own references (grading_run.h).
        store::Database::Retry::kIfConnectionLost, store::Database::ForeignKeys::kCheckedByWork));
    std::printf("demo: graded %lld enterprises under %s in %.2f s\n",
                static_cast<long long>(graded.graded), graded.rules_version.c_str(),
                SecondsSince(grading_start));
    // Inspectors for the 双随机 draw (30 per supervision unit, 20 provincial, a few
    // declared conflicts); replaced on --reset.
    auto inspectors_start = std::chrono::steady_clock::now();
    inspect::DemoInspectorCounts made;
    Check((*db)->Write([&](soci::session& sql) {
      ZL_ASSIGN_OR_RETURN(made, inspect::AddDemoInspectors(sql, o.seed, NowIsoUtc()));
      return Status();
    }));
    std::printf("demo: added %lld inspectors and %lld declared conflicts in %.2f s\n",
                static_cast<long long>(made.inspectors), static_cast<long long>(made.conflicts),
                SecondsSince(inspectors_start));
    // The blacklist: the generated dishonesty_list records become published cases (those
    // past their term expire at once), and records meeting an entry rule are proposed.
    auto blacklist_start = std::chrono::steady_clock::now();
    int adopted = 0, expired = 0;
    std::size_t proposed = 0;
    Check((*db)->Write([&](soci::session& sql) {
      const Date today = Date::TodayInBeijing();
      ZL_ASSIGN_OR_RETURN(adopted,
                          blacklist::AdoptListingRecords(sql, today, "cli:demo", NowIsoUtc()));
      ZL_ASSIGN_OR_RETURN(expired, blacklist::ExpireDueCases(sql, today, NowIsoUtc()));
      ZL_ASSIGN_OR_RETURN(std::vector<store::CaseRow> made,
                          blacklist::ProposeCases(sql, "", today, "cli:demo", NowIsoUtc()));
      proposed = made.size();
      return Status();
    }));
    std::printf(
        "demo: blacklist: %d listings taken on (%d of them past their term), %zu cases "
        "proposed in %.2f s\n",
        adopted, expired, proposed, SecondsSince(blacklist_start));
  }
  // The action plan: the seed document assigned to the units, reported on and assessed.
  auto plan_start = std::chrono::steady_clock::now();
  auto plan = plan::AddDemoPlan(**db, o.seed, Date::TodayInBeijing());
  Check(plan.status());
  std::printf(
      "demo: action plan: %d items, %d tasks, %d reports, %d tasks closed; %d assessed for %d "
      "in %.2f s\n",
      plan->items, plan->tasks, plan->reports, plan->closed, plan->assessed_units,
      plan->assessed_year, SecondsSince(plan_start));
  Check(auth::AppendAudit(**db, auth::Principal::Cli("demo"),
                          {"demo.load", "enterprise", "", "",
                           "{\"enterprises\": " + std::to_string(o.enterprises) +
                               ", \"records\": " + std::to_string(records) +
                               ", \"seed\": " + std::to_string(o.seed) + "}"},
                          ""));
  EnsureDemoAccounts(**db, first_uscc);
  std::fflush(stdout);
  if (!o.no_serve) Serve(**db, o.serve);
}

}  // namespace

void AddDemoCommand(CLI::App& app) {
  auto* command =
      app.add_subcommand("demo",
                         "Build a database of synthetic Hebei enterprises and their credit "
                         "records, then serve it");
  auto o = std::make_shared<DemoCommandOptions>();
  command->add_option("--db", o->db_url, "Database URL: sqlite:PATH or postgresql://...")
      ->capture_default_str();
  command->add_option("--enterprises", o->enterprises, "How many enterprises to generate")
      ->check(CLI::Range(0, 50000000))
      ->capture_default_str();
  command
      ->add_option("--records-per-enterprise", o->records_per_enterprise,
                   "Average number of credit records per enterprise (0: none)")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  command->add_option("--seed", o->seed, "Random seed; the same seed gives the same data")
      ->capture_default_str();
  command->add_flag("--no-serve", o->no_serve, "Build the database and exit");
  command->add_flag("--reset", o->reset,
                    "Delete the enterprises, their records and the import history already in the "
                    "database first");
  AddServeOptions(*command, o->serve);
  command->callback([o] { RunDemo(*o); });
}

}  // namespace zl::cli
