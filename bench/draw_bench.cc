// The 双随机 random draw at provincial scale (issue #6: 2,000,000 enterprises and 5,000
// inspectors in under a second): RunDraw end to end, its pool digest alone, and one recusal.
// Run: ninja -C build/h-draw draw_bench && build/h-draw/bench/draw_bench
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <random>

#include "inspect/pool_digest.h"
#include "inspect/random_draw.h"
#include "inspect/recusal.h"

namespace {

using zl::inspect::DrawInput;
using zl::inspect::RiskClass;

// Hebei's 13 supervision units: the 11 cities, 辛集 and 定州 (data/regions/hebei.tsv).
constexpr const char* kUnits[] = {"130100", "130200", "130300", "130400", "130500",
                                  "130600", "130700", "130800", "130900", "131000",
                                  "131100", "130181", "130682"};
constexpr char kUsccAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// A county of a unit: the unit itself for 辛集 and 定州, else xxxx01..xxxx20.
std::string CountyOf(const std::string& unit, std::mt19937_64& rng) {
  if (unit[4] != '0') return unit;
  return unit.substr(0, 4) + fmt::format("{:02d}", 1 + static_cast<int>(rng() % 20));
}

const DrawInput& Input() {
  static const DrawInput* const kInput = [] {
    auto* in = new DrawInput;
    std::mt19937_64 rng(20240601);
    in->seed = std::string(64, 'a');
    in->pool.reserve(2'000'000);
    for (int i = 0; i < 2'000'000; ++i) {
      const std::string region = CountyOf(kUnits[rng() % 13], rng);
      std::string uscc = "91" + region;
      for (int k = 0; k < 10; ++k) uscc += kUsccAlphabet[rng() % 31];
      const int r = static_cast<int>(rng() % 10);  // A 30%, B 40%, C 20%, D 10%
      const RiskClass c = r < 3   ? RiskClass::kA
                          : r < 7 ? RiskClass::kB
                          : r < 9 ? RiskClass::kC
                                  : RiskClass::kD;
      in->pool.push_back(zl::inspect::PoolEntry::Make(uscc, region, c).value());
    }
    for (int i = 0; i < 5000; ++i) {  // 10% provincial, 20% county, the rest unit-level
      const int kind = static_cast<int>(rng() % 10);
      const std::string unit = kUnits[rng() % 13];
      const std::string region = kind == 0 ? "130000" : kind < 3 ? CountyOf(unit, rng) : unit;
      in->inspectors.push_back({1000 + i, region, static_cast<int64_t>(rng() % 4)});
    }
    for (int i = 0; i < 20000; ++i) {
      in->conflicts.push_back({1000 + static_cast<int64_t>(rng() % 5000),
                               std::string(zl::inspect::View(in->pool[rng() % 2'000'000].uscc))});
    }
    return in;
  }();
  return *kInput;
}

void BM_RunDraw(benchmark::State& state) {
  const DrawInput& in = Input();
  size_t targets = 0, unstaffed = 0;
  for (auto _ : state) {
    auto r = zl::inspect::RunDraw(in);
    if (!r.ok()) state.SkipWithError(r.status().ToString().c_str());
    targets = r->targets.size();
    unstaffed = r->unstaffed.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["targets"] = static_cast<double>(targets);
  state.counters["unstaffed"] = static_cast<double>(unstaffed);
}
BENCHMARK(BM_RunDraw)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_PoolDigest(benchmark::State& state) {
  const DrawInput& in = Input();
  for (auto _ : state) benchmark::DoNotOptimize(zl::inspect::PoolDigest(in.pool));
}
BENCHMARK(BM_PoolDigest)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_Recusal(benchmark::State& state) {
  const DrawInput& in = Input();
  const zl::inspect::DrawResult drawn = zl::inspect::RunDraw(in).value();
  const zl::inspect::DrawnTarget& t = drawn.targets[drawn.targets.size() / 2];
  for (auto _ : state) {
    state.PauseTiming();
    zl::inspect::DrawResult copy = drawn;
    state.ResumeTiming();
    benchmark::DoNotOptimize(zl::inspect::ApplyRecusal(
        in, {std::string(zl::inspect::View(t.uscc)), t.team[0], 1}, &copy));
  }
}
BENCHMARK(BM_Recusal)->Unit(benchmark::kMicrosecond)->Iterations(20);

}  // namespace
