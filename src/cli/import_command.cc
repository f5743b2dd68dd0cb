// zhiliang import enterprises|records FILE: bulk import from CSV (UTF-8 or GBK) or .xlsx.
//
// Prints the report (text, or one JSON object with --format json) listing every rejected
// row. Exit status: 0 when the file was processed, rejected rows or not; 1 when it could not
// be read at all (missing file, wrong header, undecodable text); 2 when --strict refused it.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "auth/audit_log.h"
#include "auth/principal.h"
#include "base/text_encoding.h"
#include "cli/commands.h"
#include "credit/grading_run.h"
#include "credit/importer.h"
#include "sheet/table_reader.h"
#include "store/database.h"

namespace zl::cli {

namespace {

struct ImportOptions {
  std::string kind;
  std::string file;
  std::string db_url = kDefaultDb;
  std::string encoding;
  bool strict = false;
  std::string format = "text";
};

void RunImport(const ImportOptions& o) {
  credit::ImportKind kind = *credit::ParseImportKind(o.kind);  // CLI11 checked the value
  sheet::TableOptions table;
  if (!o.encoding.empty()) {
    Result<TextEncoding> encoding = ParseTextEncoding(o.encoding);
    Check(encoding.status());
    table.encoding = *encoding;
  }
  auto reader = sheet::OpenTableFile(o.file, table);
  if (!reader.ok()) throw CliFailure(o.file + ": " + reader.status().message());
  auto db = store::Database::Open(o.db_url);
  Check(db.status());
  const auth::Principal actor = auth::Principal::Cli(OsUser());
  credit::ImportRequest request{kind, o.file, o.strict, {actor.ActorLabel(), ""}};
  std::int64_t first_record_id = 0;
  Check((*db)->Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(first_record_id, credit::NextRecordId(sql));
    return Status();
  }));
  auto report = credit::ImportTable(
      **db, request, **reader, [&](soci::session& sql, const store::ImportRun& run) {
        auth::AppendAudit(sql, actor,
                          {"import." + run.kind, "import", std::to_string(run.id), "",
                           nlohmann::json{{"file", run.file_name},
                                          {"committed", run.committed},
                                          {"accepted", run.accepted},
                                          {"rejected", run.rejected}}
                               .dump()},
                          "");
        return credit::RegradeImported(sql, run, first_record_id, Date::TodayInBeijing());
      });
  if (!report.ok()) throw CliFailure(o.file + ": " + report.status().message());
  const store::ImportRun& run = report->run;

  // Every stored error, not only the first ones the report carries.
  std::vector<store::ImportError> errors;
  Check((*db)->Read([&](soci::session& sql) {
    errors.clear();
    return store::ScanImportErrors(sql, run.id, -1,
                                   [&](const store::ImportError& e) { errors.push_back(e); });
  }));
  if (o.format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : errors) {
      list.push_back({{"row", e.row}, {"column", e.column}, {"reason", e.reason}});
    }
    nlohmann::json out = {{"accepted", run.accepted},   {"rejected", run.rejected},
                          {"errors", std::move(list)},  {"import_id", run.id},
                          {"committed", run.committed}, {"inserted", run.inserted},
                          {"updated", run.updated},     {"unchanged", run.unchanged}};
    std::printf("%s\n", out.dump().c_str());
  } else {
    for (const auto& e : errors) {
      std::printf("row %lld%s%s: %s\n", static_cast<long long>(e.row), e.column.empty() ? "" : ", ",
                  e.column.c_str(), e.reason.c_str());
    }
    std::printf(
        "%s %s from %s: accepted %lld, rejected %lld (inserted %lld, updated %lld, unchanged "
        "%lld); import %lld\n",
        run.committed ? "imported" : "refused (--strict): nothing written of", run.kind.c_str(),
        o.file.c_str(), static_cast<long long>(run.accepted), static_cast<long long>(run.rejected),
        static_cast<long long>(run.inserted), static_cast<long long>(run.updated),
        static_cast<long long>(run.unchanged), static_cast<long long>(run.id));
    if (report->errors_total > static_cast<std::int64_t>(errors.size())) {
      std::printf("(%lld more errors were not kept)\n",
                  static_cast<long long>(report->errors_total - errors.size()));
    }
  }
  std::fflush(stdout);
  if (!run.committed) throw CliFailure("", 2);
}

}  // namespace

void AddImportCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "import",
      "Import enterprises or credit records from CSV (UTF-8/GBK) or .xlsx; one transaction per "
      "file; re-importing changes nothing");
  auto o = std::make_shared<ImportOptions>();
  cmd->add_option("KIND", o->kind, "What the file holds")
      ->required()
      ->check(CLI::IsMember({"enterprises", "records"}));
  cmd->add_option("FILE", o->file, "The .csv or .xlsx file")->required();
  cmd->add_option("--db", o->db_url, "Database URL (sqlite:PATH or postgresql://...)")
      ->capture_default_str();
  cmd->add_option("--encoding", o->encoding, "CSV text encoding (default: detected)")
      ->check(CLI::IsMember({"utf-8", "utf8", "gbk", "gb18030"}, CLI::ignore_case));
  cmd->add_flag("--strict", o->strict, "Write nothing when any row is rejected (exit 2)");
  cmd->add_option("--format", o->format, "Report format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([o] { RunImport(*o); });
}

}  // namespace zl::cli
