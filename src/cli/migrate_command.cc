// zhiliang migrate: brings a database to the current schema and says what it did.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "auth/audit_log.h"
#include "cli/commands.h"
#include "store/database.h"
#include "store/migrations.h"

namespace zl::cli {

void AddMigrateCommand(CLI::App& app) {
  auto* command = app.add_subcommand("migrate", "Apply pending schema migrations");
  auto db_url = std::make_shared<std::string>(kDefaultDb);
  command->add_option("--db", *db_url, "Database URL: sqlite:PATH or postgresql://...")
      ->capture_default_str();
  command->callback([db_url] {
    store::DatabaseOptions options;
    options.apply_migrations = false;
    auto db = store::Database::Open(*db_url, options);
    Check(db.status());
    auto report = store::ApplyMigrations(**db);
    Check(report.status());
    if (report->applied.empty()) {
      std::printf("%s is up to date at schema version %d\n", (*db)->url().display.c_str(),
                  report->to_version);
    } else {
      for (const std::string& name : report->applied) std::printf("applied %s\n", name.c_str());
      std::string applied;
      for (const std::string& name : report->applied)
        applied += (applied.empty() ? "\"" : ", \"") + name + "\"";
      Check(auth::AppendAudit(**db, auth::Principal::Cli(OsUser()),
                              {"schema.migrate", "schema", std::to_string(report->to_version), "",
                               "{\"applied\": [" + applied + "]}"},
                              ""));
      std::printf("%s: schema version %d -> %d\n", (*db)->url().display.c_str(),
                  report->from_version, report->to_version);
    }
  });
}

}  // namespace zl::cli
