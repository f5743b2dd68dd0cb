// The demo dataset: deterministic synthetic Hebei enterprises for `zhiliang demo`.
//
// Every enterprise has a USCC that passes GB 32100 (both check characters) whose positions
// 3-8 are the real GB/T 2260 code of its supervision unit, a plausible Chinese name
// (city + trade name + industry word + legal form), an industry, a size, a founding date and
// a legal representative (a common surname and given name). Enterprises founded before the
// USCC reform (October 2015) get a code built on an old-style numeric organisation code;
// later ones the "MA" form. The same seed always gives the same data, on any machine.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "domain/enterprise.h"

namespace zl::demo {

struct DemoOptions {
  int enterprises = 20000;
  std::uint64_t seed = 2014;  // the year of the action plan
};

// Yields the enterprises one at a time, so that memory stays bounded for any count.
class EnterpriseGenerator {
 public:
  explicit EnterpriseGenerator(DemoOptions options);
  ~EnterpriseGenerator();

  // The next enterprise, or nullopt after options.enterprises of them.
  std::optional<domain::Enterprise> Next();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace zl::demo
