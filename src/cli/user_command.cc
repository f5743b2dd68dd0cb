// zhiliang user add: creates an account from the command line (the first administrator,
// scripted set-ups). The password is read from standard input, never from the arguments.
#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "auth/accounts.h"
#include "cli/commands.h"
#include "store/database.h"

namespace zl::cli {

namespace {

struct UserAddOptions {
  std::string db_url = kDefaultDb;
  auth::NewUser user;
  bool password_stdin = false;
};

// One line from standard input; when it is a terminal, without echo and with a prompt.
std::string ReadPassword() {
  bool tty = isatty(STDIN_FILENO);
  termios saved{};
  if (tty) {
    std::fprintf(stderr, "Password: ");
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::fprintf(stderr, "\n");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

void RunUserAdd(UserAddOptions o) {
  if (!o.password_stdin) {
    throw CliFailure("--password-stdin is required: the password is read from standard input");
  }
  o.user.password = ReadPassword();
  auto db = store::Database::Open(o.db_url);
  Check(db.status());
  auto added = auth::AddUser(**db, auth::Principal::Cli(OsUser()), o.user, "");
  Check(added.status());
  std::printf("added %s (%s%s%s)\n", added->name.c_str(), added->role.c_str(),
              added->region_code.empty() ? "" : ", region ", added->region_code.c_str());
}

}  // namespace

void AddUserCommand(CLI::App& app) {
  auto* user = app.add_subcommand("user", "Accounts");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", "Create an account; the password comes from stdin");
  auto o = std::make_shared<UserAddOptions>();
  add->add_option("--db", o->db_url, "Database URL: sqlite:PATH or postgresql://...")
      ->capture_default_str();
  add->add_option("--name", o->user.name, "Login name (a-z, 0-9, _ - .)")->required();
  add->add_option("--role", o->user.role,
                  "enterprise, inspector, city_admin, province_admin or auditor")
      ->required();
  add->add_option("--region", o->user.region_code,
                  "Region code for city_admin and inspector (a city, 130682 定州, 130181 辛集)");
  add->add_option("--uscc", o->user.uscc, "The enterprise of an enterprise account");
  add->add_flag("--password-stdin", o->password_stdin, "Read the password from standard input");
  add->callback([o] { RunUserAdd(*o); });
}

}  // namespace zl::cli
