// zhiliang blacklist expire|propose: the blacklist's daily jobs (issue #7).
//
//   zhiliang blacklist expire [--db URL] [--as-of YYYY-MM-DD]
//   zhiliang blacklist propose [--db URL] [--as-of YYYY-MM-DD]
//
// `propose` opens a `proposed` case for every enterprise whose credit records meet an entry
// rule (data/blacklist/entry_rules.tsv) and that has no open case; regulators take it on.
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

struct JobOptions {
  std::string db_url = kDefaultDb;
  std::string as_of;
};

// --as-of, or today in Beijing.
Date AsOf(const JobOptions& o) {
  if (o.as_of.empty()) return Date::TodayInBeijing();
  Result<Date> d = Date::Parse(o.as_of);
  if (!d.ok()) throw CliFailure("--as-of: not a date (YYYY-MM-DD): " + o.as_of);
  return *d;
}

void RunExpire(const JobOptions& o) {
  const Date day = AsOf(o);
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

void RunPropose(const JobOptions& o) {
  const Date day = AsOf(o);
  auto db = store::Database::Open(o.db_url);
  Check(db.status());
  const auth::Principal actor = auth::Principal::Cli(OsUser());
  std::vector<store::CaseRow> made;
  Check((*db)->Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(made,
                        blacklist::ProposeCases(sql, "", day, actor.ActorLabel(), NowIsoUtc()));
    auth::AppendAudit(
        sql, actor,
        {"blacklist.propose", "blacklist_case", "", "",
         "{\"as_of\":\"" + day.ToString() + "\",\"proposed\":" + std::to_string(made.size()) + "}"},
        "");
    return Status();
  }));
  std::printf("%zu blacklist case(s) proposed as of %s\n", made.size(), day.ToString().c_str());
  for (const store::CaseRow& c : made) {
    std::printf("  case %lld  %s  %s\n", static_cast<long long>(c.id), c.uscc.c_str(),
                c.rule_code.c_str());
  }
}

}  // namespace

void AddBlacklistCommand(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("blacklist", "The quality blacklist (严重违法失信名单)");
  cmd->require_subcommand(1);
  auto o = std::make_shared<JobOptions>();
  CLI::App* expire =
      cmd->add_subcommand("expire", "End the cases whose term is over (Order 44 Art. 21)");
  expire->add_option("--db", o->db_url, "Database URL (sqlite:PATH or postgresql://...)")
      ->capture_default_str();
  expire->add_option("--as-of", o->as_of, "The day to expire as of (default: today in Beijing)");
  expire->callback([o] { RunExpire(*o); });
  auto p = std::make_shared<JobOptions>();
  CLI::App* propose = cmd->add_subcommand(
      "propose", "Propose cases where credit records meet an entry rule (data/blacklist)");
  propose->add_option("--db", p->db_url, "Database URL (sqlite:PATH or postgresql://...)")
      ->capture_default_str();
  propose->add_option("--as-of", p->as_of, "The day to judge as of (default: today in Beijing)");
  propose->callback([p] { RunPropose(*p); });
}

}  // namespace zl::cli
