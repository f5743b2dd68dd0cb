// zhiliang grade: grades every enterprise under a rule set (issue #6).
//
//   zhiliang grade [--db URL] [--rules FILE] [--format text|json] [--compare] [--as-of DATE]
//
// Without --rules it uses the active rule set, or the built-in default before the first run.
// A new --rules file is stored and becomes the active rule set; with --compare it is only
// compared with the current grades (a table of current grade × new grade) and nothing is
// written. Exit status 0 on success, 1 when the rules or the database could not be used.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "api/grading_json.h"
#include "auth/audit_log.h"
#include "auth/principal.h"
#include "cli/commands.h"
#include "credit/grading_run.h"
#include "store/database.h"

namespace zl::cli {

namespace {

struct GradeOptions {
  std::string db_url = kDefaultDb;
  std::string rules_file;
  std::string format = "text";
  std::string as_of;
  bool compare = false;
};

credit::RuleSet ReadRules(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CliFailure(path + ": cannot read the rules file");
  std::stringstream text;
  text << in.rdbuf();
  Result<credit::RuleSet> rules = credit::RuleSet::Parse(text.str(), path);
  if (!rules.ok()) throw CliFailure(rules.status().message());
  return std::move(*rules);
}

void PrintComparison(const credit::RuleSetComparison& c) {
  std::printf("rules %s compared with %s: %lld of %lld enterprises change grade\n",
              c.candidate_version.c_str(),
              c.current_version.empty() ? "(no grades yet)" : c.current_version.c_str(),
              static_cast<long long>(c.changed), static_cast<long long>(c.graded));
  std::printf("%-8s", "from\\to");
  for (domain::Grade g : domain::kAllGrades) std::printf("%9s", domain::GradeName(g).data());
  std::printf("\n");
  for (size_t row = 0; row < c.table.size(); ++row) {
    std::printf("%-8s", row < 6 ? domain::GradeName(domain::kAllGrades[row]).data() : "none");
    for (std::int64_t n : c.table[row]) std::printf("%9lld", static_cast<long long>(n));
    std::printf("\n");
  }
}

void RunGrade(const GradeOptions& o) {
  Date as_of = Date::TodayInBeijing();
  if (!o.as_of.empty()) {
    Result<Date> d = Date::Parse(o.as_of);
    if (!d.ok()) throw CliFailure("--as-of: " + d.status().message());
    as_of = *d;
  }
  std::optional<credit::RuleSet> rules;
  if (!o.rules_file.empty()) rules = ReadRules(o.rules_file);
  if (o.compare && !rules) throw CliFailure("--compare needs --rules FILE (the candidate rules)");
  auto db = store::Database::Open(o.db_url);
  Check(db.status());

  if (o.compare) {
    Result<credit::RuleSetComparison> c = Status::Internal("not run");
    Check((*db)->Read([&](soci::session& sql) {
      c = credit::CompareRuleSets(sql, *rules, as_of);
      return c.status();
    }));
    if (o.format == "json") {
      std::printf("%s\n", api::ComparisonToJson(*c).dump().c_str());
    } else {
      PrintComparison(*c);
    }
    return;
  }

  const auth::Principal actor = auth::Principal::Cli(OsUser());
  Result<credit::GradingRunResult> run = Status::Internal("not run");
  Check((*db)->Write(
      [&](soci::session& sql) {
        std::optional<credit::RuleSet> chosen = rules;
        if (!chosen) {
          ZL_ASSIGN_OR_RETURN(chosen, credit::LoadActiveRules(sql));
          if (!chosen) chosen = credit::RuleSet::Default();
        }
        run = credit::RunGrading(sql, *chosen, as_of, actor.ActorLabel(), db->get());
        if (!run.ok()) return run.status();
        auth::AppendAudit(sql, actor,
                          {"grading.run", "grading_run", std::to_string(run->run_id), "",
                           api::GradingRunToJson(*run, true).dump()},
                          "");
        return Status();
      },
      // A run checks its own references (grading_run.h).
      store::Database::Retry::kIfConnectionLost, store::Database::ForeignKeys::kCheckedByWork));
  if (o.format == "json") {
    std::printf("%s\n", api::GradingRunToJson(*run, true).dump().c_str());
    return;
  }
  std::printf("graded %lld enterprises under %s as of %s (run %lld): %lld changed\n",
              static_cast<long long>(run->graded), run->rules_version.c_str(),
              run->as_of.ToString().c_str(), static_cast<long long>(run->run_id),
              static_cast<long long>(run->changed));
  for (size_t g = 0; g < 6; ++g) {
    std::printf("  %-4s %lld\n", domain::GradeName(domain::kAllGrades[g]).data(),
                static_cast<long long>(run->by_grade[g]));
  }
}

}  // namespace

void AddGradeCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "grade", "Grade every enterprise's quality credit (AAA-D) and risk class under a rule set");
  auto o = std::make_shared<GradeOptions>();
  cmd->add_option("--db", o->db_url, "Database URL (sqlite:PATH or postgresql://...)")
      ->capture_default_str();
  cmd->add_option("--rules", o->rules_file,
                  "Rule-set file (format of data/credit/grading_rules.txt); stored and made "
                  "active. Default: the active rule set, or the built-in one");
  cmd->add_flag("--compare", o->compare,
                "Only compare --rules with the current grades; write nothing");
  cmd->add_option("--as-of", o->as_of, "Grading day YYYY-MM-DD (default: today in Beijing)");
  cmd->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([o] { RunGrade(*o); });
}

}  // namespace zl::cli
