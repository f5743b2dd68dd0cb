// zhiliang audit verify: walks the audit log's hash chain and reports the first broken link.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

#include "auth/audit_log.h"
#include "cli/commands.h"
#include "store/database.h"

namespace zl::cli {

void AddAuditCommand(CLI::App& app) {
  auto* audit = app.add_subcommand("audit", "The tamper-evident audit log");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand(
      "verify", "Check every entry's hash and link; exit 0 only when the chain is intact");
  auto db_url = std::make_shared<std::string>(kDefaultDb);
  verify->add_option("--db", *db_url, "Database URL: sqlite:PATH or postgresql://...")
      ->capture_default_str();
  verify->callback([db_url] {
    auto db = store::Database::Open(*db_url);
    Check(db.status());
    auto result = auth::VerifyAudit(**db);
    Check(result.status());
    if (!result->status.ok()) {
      throw CliFailure("audit chain broken after " + std::to_string(result->checked) +
                       " good entries: " + result->status.message());
    }
    std::printf("audit chain intact: %lld entries checked\n",
                static_cast<long long>(result->checked));
  });
}

}  // namespace zl::cli
