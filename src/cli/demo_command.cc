// zhiliang demo: builds a database of synthetic Hebei enterprises, then (unless --no-serve)
// serves it.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "cli/serve.h"
#include "demo/demo_generator.h"
#include "store/database.h"
#include "store/enterprise_repository.h"

namespace zl::cli {

namespace {

struct DemoCommandOptions {
  std::string db_url = kDefaultDb;
  int enterprises = 20000;
  std::uint64_t seed = 2014;
  bool no_serve = false;
  bool reset = false;
  ServeOptions serve;
};

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
  if (o.reset) Check(repo.DeleteAll());
  demo::EnterpriseGenerator generator({.enterprises = o.enterprises, .seed = o.seed});
  Check(repo.InsertAll([&] { return generator.Next(); }));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("demo: wrote %d enterprises (seed %llu) to %s in %.2f s\n", o.enterprises,
              static_cast<unsigned long long>(o.seed), (*db)->url().display.c_str(), seconds);
  std::fflush(stdout);
  if (!o.no_serve) Serve(**db, o.serve);
}

}  // namespace

void AddDemoCommand(CLI::App& app) {
  auto* command =
      app.add_subcommand("demo", "Build a database of synthetic Hebei enterprises, then serve it");
  auto o = std::make_shared<DemoCommandOptions>();
  command->add_option("--db", o->db_url, "Database URL: sqlite:PATH or postgresql://...")
      ->capture_default_str();
  command->add_option("--enterprises", o->enterprises, "How many enterprises to generate")
      ->check(CLI::Range(0, 50000000))
      ->capture_default_str();
  command->add_option("--seed", o->seed, "Random seed; the same seed gives the same data")
      ->capture_default_str();
  command->add_flag("--no-serve", o->no_serve, "Build the database and exit");
  command->add_flag("--reset", o->reset, "Delete the enterprises already in the database first");
  AddServeOptions(*command, o->serve);
  command->callback([o] { RunDemo(*o); });
}

}  // namespace zl::cli
