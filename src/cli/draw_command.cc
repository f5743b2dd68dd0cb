// zhiliang draw: the 双随机 random inspection draw of a task (issue #6), and its re-run.
//
//   zhiliang draw TASK_ID [--db URL] [--seed HEX] [--format text|json]
//   zhiliang draw verify TASK_ID [--db URL] [--format text|json]
//
// `draw` draws a planned task (with a fresh seed unless --seed is given) and stores the draw;
// `verify` runs a stored draw again from its stored seed, policy, pool, inspectors and
// conflicts, replays its recusals and compares the result with the stored targets and teams.
// Exit status 0 on success (verify: reproduced), 1 otherwise.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

#include "api/inspection_json.h"
#include "auth/audit_log.h"
#include "auth/principal.h"
#include "base/clock.h"
#include "cli/commands.h"
#include "inspect/inspection_service.h"
#include "store/database.h"

namespace zl::cli {

namespace {

struct DrawOptions {
  std::string db_url = kDefaultDb;
  std::int64_t task_id = 0;
  std::string seed;
  std::string format = "text";
};

void RunDraw(const DrawOptions& o) {
  if (o.task_id <= 0) throw CliFailure("draw: give the TASK_ID (a positive number)");
  auto db = store::Database::Open(o.db_url);
  Check(db.status());
  const auth::Principal actor = auth::Principal::Cli(OsUser());
  inspect::DrawSummary s;
  Check((*db)->Write([&](soci::session& sql) {
    std::optional<std::string> seed;
    if (!o.seed.empty()) seed = o.seed;
    ZL_ASSIGN_OR_RETURN(s,
                        inspect::DrawTask(sql, o.task_id, seed, actor.ActorLabel(), NowIsoUtc()));
    ZL_ASSIGN_OR_RETURN(std::optional<store::TaskRow> task, store::FindTask(sql, o.task_id));
    auth::AppendAudit(sql, actor,
                      {"inspection.draw", "inspection_task", std::to_string(o.task_id),
                       task ? task->region_code : "", api::DrawSummaryToJson(s, true).dump()},
                      "");
    return Status();
  }));
  if (o.format == "json") {
    std::printf("%s\n", api::DrawSummaryToJson(s, true).dump().c_str());
    return;
  }
  std::printf("task %lld drawn with seed %s (%s)\n", static_cast<long long>(s.task_id),
              s.seed.c_str(), s.algorithm.c_str());
  std::printf("pool %lld enterprises (%lld ungraded, drawn as class B), digest %s\n",
              static_cast<long long>(s.pool_size), static_cast<long long>(s.ungraded),
              s.pool_digest.c_str());
  std::printf("%lld inspectors; %lld targets, %lld unstaffed, %lld exclusions by conflicts\n",
              static_cast<long long>(s.inspectors), static_cast<long long>(s.targets),
              static_cast<long long>(s.unstaffed), static_cast<long long>(s.exclusions));
  for (inspect::RiskClass c : inspect::kAllRiskClasses) {
    const inspect::ClassCount& n = s.per_class[inspect::RiskClassIndex(c)];
    std::printf("  class %s: %lld of %lld\n", inspect::RiskClassName(c).data(),
                static_cast<long long>(n.drawn), static_cast<long long>(n.pool));
  }
}

void RunVerify(const DrawOptions& o) {
  if (o.task_id <= 0) throw CliFailure("draw verify: give the TASK_ID (a positive number)");
  auto db = store::Database::Open(o.db_url);
  Check(db.status());
  inspect::Verification v;
  Check((*db)->Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(v, inspect::VerifyDraw(sql, o.task_id));
    return Status();
  }));
  if (o.format == "json") {
    std::printf("%s\n", api::VerificationToJson(v).dump().c_str());
  } else {
    std::printf("task %lld: %s (%lld targets, %lld recusals replayed, pool digest %s)\n",
                static_cast<long long>(o.task_id), v.reproduced ? "reproduced" : "NOT reproduced",
                static_cast<long long>(v.targets), static_cast<long long>(v.recusals),
                v.digest_matches ? "matches" : "DIFFERS");
    for (const std::string& d : v.differences) std::printf("  %s\n", d.c_str());
  }
  if (!v.reproduced)
    throw CliFailure("the stored draw of task " + std::to_string(o.task_id) +
                     " does not reproduce");
}

}  // namespace

void AddDrawCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "draw", "Draw an inspection task's targets and teams (双随机), or re-run a stored draw");
  auto o = std::make_shared<DrawOptions>();
  cmd->add_option("TASK_ID", o->task_id, "The inspection task");
  cmd->add_option("--db", o->db_url, "Database URL (sqlite:PATH or postgresql://...)")
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed: 32-128 lower-case hex digits (default: a fresh one)");
  cmd->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  auto v = std::make_shared<DrawOptions>();
  auto* verify = cmd->add_subcommand(
      "verify", "Re-run a stored draw from its recorded inputs; exit 1 unless it reproduces");
  verify->add_option("TASK_ID", v->task_id, "The inspection task")->required();
  verify->add_option("--db", v->db_url, "Database URL (sqlite:PATH or postgresql://...)")
      ->capture_default_str();
  verify->add_option("--format", v->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  verify->callback([v] { RunVerify(*v); });
  cmd->callback([o, verify] {
    if (verify->parsed()) return;
    RunDraw(*o);
  });
}

}  // namespace zl::cli
