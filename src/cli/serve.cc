// zhiliang serve: wires the database, the API routes and the static UI into the HTTP server.
#include "cli/serve.h"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "api/app.h"
#include "base/clock.h"
#include "blacklist/blacklist_service.h"
#include "cli/commands.h"
#include "cli/periodic_job.h"
#include "http/server.h"
#include "store/database.h"

namespace zl::cli {

namespace {

// web/dist in the working directory, else next to the source tree the binary was built
// from (build/release/src/cli/zhiliang -> web/dist), else none.
std::string FindStaticDir(const std::string& requested) {
  namespace fs = std::filesystem;
  if (!requested.empty()) {
    if (!fs::is_directory(requested)) {
      throw CliFailure("--static: " + requested + " is not a directory");
    }
    return requested;
  }
  std::error_code ec;
  if (fs::is_regular_file("web/dist/index.html", ec)) return "web/dist";
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  for (fs::path dir = exe.parent_path(); !ec && dir.has_relative_path(); dir = dir.parent_path()) {
    if (fs::is_regular_file(dir / "web/dist/index.html", ec)) return (dir / "web/dist").string();
  }
  return {};
}

void RunServe(const std::string& db_url, const ServeOptions& options) {
  auto db = store::Database::Open(db_url);
  Check(db.status());
  Serve(**db, options);
}

}  // namespace

void AddServeOptions(CLI::App& command, ServeOptions& options) {
  command.add_option("--address", options.address, "Address to listen on")->capture_default_str();
  command.add_option("--port", options.port, "TCP port; 0 picks a free one and prints it")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  command.add_option("--threads", options.threads, "Worker threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  command.add_flag("--trust-proxy", options.trust_proxy,
                   "Behind a reverse proxy: take client addresses from X-Forwarded-For and "
                   "mark cookies Secure when X-Forwarded-Proto is https");
  command
      .add_option("--public-rate", options.public_rate,
                  "Anonymous requests per second per client address (burst: 4 seconds' worth)")
      ->check(CLI::Range(1.0, 1e7))
      ->capture_default_str();
  command.add_option("--static", options.static_dir,
                     "Folder with the built web UI (default: web/dist when present)");
}

void Serve(store::Database& db, const ServeOptions& options) {
  api::ApiOptions api_options;
  api_options.trust_proxy = options.trust_proxy;
  api_options.public_rate = {options.public_rate, std::max(4 * options.public_rate, 200.0)};
  api::AppContext context(db, api_options);
  http::Router router;
  api::RegisterRoutes(router, context);

  http::ServerOptions server_options;
  api::ConfigureServer(server_options);
  server_options.address = options.address;
  server_options.port = static_cast<std::uint16_t>(options.port);
  server_options.threads = options.threads;
  server_options.static_root = FindStaticDir(options.static_dir);
  if (server_options.static_root.empty()) {
    spdlog::warn("no web/dist found: serving the API only (build the UI with make web)");
  }

  // Listings whose term is over end by themselves (Order 44 Art. 21): checked at start and
  // hourly, as `zhiliang blacklist expire` does.
  PeriodicJob expire_listings(std::chrono::hours(1), [&db] {
    int expired = 0;
    Status s = db.Write([&](soci::session& sql) {
      ZL_ASSIGN_OR_RETURN(expired,
                          blacklist::ExpireDueCases(sql, Date::TodayInBeijing(), NowIsoUtc()));
      return Status();
    });
    if (!s.ok()) spdlog::warn("blacklist expiry: {}", s.ToString());
    if (expired > 0) spdlog::info("blacklist: {} listing(s) expired", expired);
  });

  http::Server server(server_options, std::move(router));
  Result<std::uint16_t> port = server.Start();
  Check(port.status());
  std::printf("zhiliang: serving %s on http://%s:%u/ (API at /api/v1/)\n", db.url().display.c_str(),
              options.address.c_str(), static_cast<unsigned>(*port));
  std::printf("listening on port %u\n", static_cast<unsigned>(*port));
  std::fflush(stdout);
  server.RunUntilSignal();
  spdlog::info("zhiliang: stopped");
}

void AddServeCommand(CLI::App& app) {
  auto* command = app.add_subcommand("serve", "Serve the web UI and the HTTP API");
  auto db_url = std::make_shared<std::string>(kDefaultDb);
  auto options = std::make_shared<ServeOptions>();
  command->add_option("--db", *db_url, "Database URL: sqlite:PATH or postgresql://...")
      ->capture_default_str();
  AddServeOptions(*command, *options);
  command->callback([db_url, options] { RunServe(*db_url, *options); });
}

}  // namespace zl::cli
