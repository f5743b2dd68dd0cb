// zhiliang blacklist expire: ends the blacklist cases whose term is over (issue #7).
//
//   zhiliang blacklist expire [--db URL] [--as-of YYYY-MM-DD]
//
// Order 44 Art. 21 removes a listing automatically after its term (3 years by default,
// data/blacklist/procedure.txt): each case whose term has ended by the day given (today in
// Beijing by default) moves to `expired`, its credit record is revoked (which regrades the
// enterprise) and the step is audited. Run it daily (cron); running it twice changes nothing.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

#include "auth/audit_log.h"
#include "auth/principal.h"
#include "base/clock.h"
#include "blacklist/blacklist_service.h"
#include "cli/commands.h"
#include "store/database.h"

namespace zl::cli {

namespace {

struct ExpireOptions {
  std::string db_url = kDefaultDb;
  std::string as_of;
};

void RunExpire(const ExpireOptions& o) {
  Date day = Date::TodayInBeijing();
  if (!o.as_of.empty()) {
    Result<Date> d = Date::Parse(o.as_of);
    if (!d.ok()) throw CliFailure("--as-of: not a date (YYYY-MM-DD): " + o.as_of);
    day = *d;
  }
  auto db = store::Database::Open(o.db_url);
  Check(db.status());
  const auth::Principal actor = auth::Principal::Cli(OsUser());
  int expired = 0;
  Check((*db)->Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(expired, blacklist::ExpireDueCases(sql, day, NowIsoUtc()));
    if (expired > 0) {
      auth::AppendAudit(
          sql, actor,
          {"blacklist.expire", "blacklist_case", "", "",
           "{\"as_of\":\"" + day.ToString() + "\",\"expired\":" + std::to_string(expired) + "}"},
          "");
    }
    return Status();
  }));
  std::printf("%d blacklist case(s) expired as of %s\n", expired, day.ToString().c_str());
}

}  // namespace

void AddBlacklistCommand(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("blacklist", "The quality blacklist (严重违法失信名单)");
  cmd->require_subcommand(1);
  auto o = std::make_shared<ExpireOptions>();
  CLI::App* expire =
      cmd->add_subcommand("expire", "End the cases whose term is over (Order 44 Art. 21)");
  expire->add_option("--db", o->db_url, "Database URL (sqlite:PATH or postgresql://...)")
      ->capture_default_str();
  expire->add_option("--as-of", o->as_of, "The day to expire as of (default: today in Beijing)");
  expire->callback([o] { RunExpire(*o); });
}

}  // namespace zl::cli
