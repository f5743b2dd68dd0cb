// The same store operations on both backends: bulk insert of enterprises, point lookup by
// USCC, and name search. PostgreSQL cases need ZL_TEST_POSTGRES_URL (run under
// scripts/with-postgres, as scripts/bench does); without it they report an error and skip.
#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include "demo/demo_generator.h"
#include "store/enterprise_repository.h"
#include "store/test_database.h"

namespace zl::store {
namespace {

constexpr int kRows = 100000;

// One database per backend, filled once with kRows demo enterprises.
struct Filled {
  std::unique_ptr<TestDatabase> database;
  std::vector<std::string> usccs;
};

Filled& FilledDatabase(Backend backend) {
  static std::unique_ptr<Filled> cache[2];
  auto& slot = cache[static_cast<int>(backend)];
  if (!slot) {
    slot = std::make_unique<Filled>();
    slot->database = std::make_unique<TestDatabase>(backend);
    demo::EnterpriseGenerator gen({.enterprises = kRows, .seed = 11});
    EnterpriseRepository repo(slot->database->db());
    Status s = repo.InsertAll([&] {
      auto e = gen.Next();
      if (e) slot->usccs.push_back(e->uscc);
      return e;
    });
    if (!s.ok()) std::abort();
  }
  return *slot;
}

bool Available(benchmark::State& state, Backend backend) {
  if (backend == Backend::kPostgres && !PostgresTestServerConfigured()) {
    state.SkipWithError("ZL_TEST_POSTGRES_URL not set");
    return false;
  }
  return true;
}

void BM_BulkInsert(benchmark::State& state, Backend backend) {
  if (!Available(state, backend)) return;
  TestDatabase database(backend);
  EnterpriseRepository repo(database.db());
  const int rows = static_cast<int>(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    if (!repo.DeleteAll().ok()) std::abort();
    demo::EnterpriseGenerator gen({.enterprises = rows, .seed = 3});
    std::vector<domain::Enterprise> batch;
    while (auto e = gen.Next()) batch.push_back(std::move(*e));
    state.ResumeTiming();
    Status s = repo.InsertMany(batch);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations() * rows);
}
BENCHMARK_CAPTURE(BM_BulkInsert, sqlite, Backend::kSqlite)
    ->Arg(50000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_BulkInsert, postgresql, Backend::kPostgres)
    ->Arg(50000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_PointLookup(benchmark::State& state, Backend backend) {
  if (!Available(state, backend)) return;
  Filled& filled = FilledDatabase(backend);
  EnterpriseRepository repo(filled.database->db());
  std::size_t i = 0;
  for (auto _ : state) {
    auto e = repo.FindByUscc(filled.usccs[(i++ * 7919) % filled.usccs.size()]);
    if (!e.ok()) state.SkipWithError(e.status().ToString().c_str());
    benchmark::DoNotOptimize(e);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_PointLookup, sqlite, Backend::kSqlite)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_PointLookup, postgresql, Backend::kPostgres)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

void BM_NameSearch(benchmark::State& state, Backend backend, std::string query) {
  if (!Available(state, backend)) return;
  Filled& filled = FilledDatabase(backend);
  EnterpriseRepository repo(filled.database->db());
  for (auto _ : state) {
    auto page = repo.List({.name_contains = query}, {});
    if (!page.ok()) state.SkipWithError(page.status().ToString().c_str());
    benchmark::DoNotOptimize(page);
  }
}
BENCHMARK_CAPTURE(BM_NameSearch, sqlite_2chars, Backend::kSqlite, "钢铁")
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NameSearch, sqlite_4chars, Backend::kSqlite, "鑫达钢铁")
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NameSearch, postgresql_2chars, Backend::kPostgres, "钢铁")
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_NameSearch, postgresql_4chars, Backend::kPostgres, "鑫达钢铁")
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace zl::store
