// Serving the product: shared by `zhiliang serve` and `zhiliang demo` (which serves after
// building its data unless --no-serve).
#pragma once

#include <cstdint>
#include <string>

namespace CLI {
class App;
}

namespace zl::store {
class Database;
}

namespace zl::cli {

struct ServeOptions {
  std::string address = "0.0.0.0";
  int port = 8080;         // 0 = any free port, printed on start
  int threads = 4;         // handlers block on the database, so more than the core count
  std::string static_dir;  // empty = look for web/dist
  bool trust_proxy = false;
  // Requests per second per client address for callers without an account (burst: 4 s
  // worth); login attempts have their own, fixed limit.
  double public_rate = 50;
};

// Adds --address, --port, --threads and --static to `command`, bound to `options`.
void AddServeOptions(CLI::App& command, ServeOptions& options);

// Serves `db` until SIGINT or SIGTERM, then shuts down gracefully. Throws CliFailure when
// the port cannot be bound.
void Serve(store::Database& db, const ServeOptions& options);

}  // namespace zl::cli
