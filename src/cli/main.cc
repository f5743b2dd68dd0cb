// The zhiliang command: every subcommand of the server and its tools (see README.md).
#include <pwd.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "cli/commands.h"

namespace zl::cli {

std::string OsUser() {
  if (const passwd* pw = getpwuid(getuid())) return pw->pw_name;
  const char* user = std::getenv("USER");
  return user ? user : "";
}

void Check(const Status& status) {
  if (!status.ok()) {
    std::string message =
        status.field().empty() ? status.message() : status.field() + ": " + status.message();
    throw CliFailure(message, 1);
  }
}

}  // namespace zl::cli

int main(int argc, char** argv) {
  spdlog::set_default_logger(spdlog::stderr_color_mt("zhiliang"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");

  CLI::App app{"Zhiliang (质量): Hebei quality governance platform", "zhiliang"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Show help for every subcommand");
  zl::cli::AddServeCommand(app);
  zl::cli::AddMigrateCommand(app);
  zl::cli::AddDemoCommand(app);
  zl::cli::AddUsccCommand(app);
  zl::cli::AddUserCommand(app);
  zl::cli::AddAuditCommand(app);
  zl::cli::AddImportCommand(app);
  zl::cli::AddGradeCommand(app);
  zl::cli::AddDrawCommand(app);
  zl::cli::AddWorkdaysCommand(app);
  zl::cli::AddBlacklistCommand(app);
  zl::cli::AddPlanCommand(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const zl::cli::CliFailure& e) {
    if (e.what()[0] != '\0') std::fprintf(stderr, "zhiliang: %s\n", e.what());
    return e.exit_code;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zhiliang: unexpected error: %s\n", e.what());
    return 1;
  }
  return 0;
}
