// Parsing a data file compiled into the binary (embedded_file.h) once, for the Default() of
// the tables the product ships (roles, grading rules, sampling policy, blacklist procedure…).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "base/embedded_file.h"
#include "base/result.h"

namespace zl {

// What `parse(file.bytes, file.path)` makes of `file`. A shipped file that does not parse is
// a bug in the build, not a condition to handle: the process stops with a line naming the
// file and the reason.
template <typename T, typename Parse>
T ParseEmbeddedOrDie(const EmbeddedFile& file, Parse parse) {
  Result<T> r = parse(file.bytes, file.path);
  if (!r.ok()) {
    std::fprintf(stderr, "%.*s (compiled in) is invalid: %s\n", static_cast<int>(file.path.size()),
                 file.path.data(), r.status().ToString().c_str());
    std::abort();
  }
  return std::move(r).value();
}

}  // namespace zl
