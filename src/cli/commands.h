// The zhiliang subcommands. Each Add*Command registers its options on the CLI11 app and
// sets the callback that runs it; a callback that fails throws CliFailure, which main()
// turns into "zhiliang: <message>" on stderr and a non-zero exit.
#pragma once

#include <stdexcept>
#include <string>

#include "base/status.h"

namespace CLI {
class App;
}

namespace zl::cli {

// A failure to report to the user; `exit_code` is the process status.
struct CliFailure : std::runtime_error {
  CliFailure(const std::string& message, int exit_code = 1)
      : std::runtime_error(message), exit_code(exit_code) {}
  int exit_code;
};

// Throws CliFailure with the status's message when it is not OK.
void Check(const Status& status);

// The operating-system user running the command (for the audit log's "cli:<user>").
std::string OsUser();

// The default --db URL: sqlite:zhiliang.db in the working directory.
inline constexpr const char* kDefaultDb = "sqlite:zhiliang.db";

void AddServeCommand(CLI::App& app);
void AddMigrateCommand(CLI::App& app);
void AddDemoCommand(CLI::App& app);
void AddUsccCommand(CLI::App& app);
void AddUserCommand(CLI::App& app);
void AddAuditCommand(CLI::App& app);
void AddImportCommand(CLI::App& app);
void AddGradeCommand(CLI::App& app);
void AddDrawCommand(CLI::App& app);
void AddBlacklistCommand(CLI::App& app);
void AddWorkdaysCommand(CLI::App& app);
void AddPlanCommand(CLI::App& app);

}  // namespace zl::cli
