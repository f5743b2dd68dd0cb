// Google Benchmark for USCC validation (run on every imported row and API request) and for
// building valid codes (the demo data generator).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "domain/uscc.h"

namespace {

using zl::domain::Uscc;

const std::vector<std::string> kValid = {"914403001922038216", "91330100799655058B",
                                         "9144030071526726XG", "91130100MA0C123409",
                                         "92130181MA0E9K2L82", "93131100MA0F3N4PXA"};
const std::vector<std::string> kInvalid = {"914403001922038217", "91110108717809965C",
                                           "91130100IA0C123409", "91130100MA0C12340",
                                           "94130100MA0C123409", "9113A100MA0C123409"};

void BM_CheckValid(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(Uscc::Check(kValid[i++ % kValid.size()]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CheckValid);

void BM_CheckInvalid(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(Uscc::Check(kInvalid[i++ % kInvalid.size()]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CheckInvalid);

void BM_CheckFullWidth(benchmark::State& state) {  // the ICU NFKC path
  const std::string input = "９１１３０１００ＭＡ０Ｃ１２３４０９";
  for (auto _ : state) benchmark::DoNotOptimize(Uscc::Check(input));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CheckFullWidth);

// Builds "91" + a region + "MA" + 6 random alphabet characters + both check characters,
// the way the demo generator does.
void BM_GenerateCode(benchmark::State& state) {
  std::uint64_t x = 88172645463325252ULL;  // xorshift64
  const char* regions[] = {"130100", "130200", "130682", "130181", "131100"};
  std::string code(18, '0');
  for (auto _ : state) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    code.replace(0, 2, "91");
    code.replace(2, 6, regions[x % 5]);
    code.replace(8, 2, "MA");
    std::uint64_t r = x;
    for (int i = 10; i < 16; ++i, r /= 31) code[i] = Uscc::kAlphabet[r % 31];
    code[16] = Uscc::ComputeOrgCodeCheck(std::string_view(code).substr(8, 8));
    code[17] = Uscc::ComputeCheckCharacter(std::string_view(code).substr(0, 17));
    benchmark::DoNotOptimize(code.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GenerateCode);

}  // namespace
