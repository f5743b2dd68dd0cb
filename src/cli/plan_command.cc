// zhiliang plan: the action plan as data (issue #8).
//
//   zhiliang plan parse FILE [--format text|json]
//
// `parse` reads an action-plan document (text in UTF-8 or GBK, or a .docx) and prints its tree:
// parts, items with their measures, departments (the lead marked) and quantitative targets,
// then the warnings about text it could not place. --format json prints exactly what
// `POST /api/v1/plan/parse` answers (plan/plan_json.h). Nothing is stored. Exit status 0 when
// the document was read (even with warnings); 1 for a missing or unreadable file, an empty
// document or one without any part heading; CLI11's own codes for usage errors.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "plan/plan_document.h"
#include "plan/plan_json.h"

namespace zl::cli {

namespace {

struct PlanParseOptions {
  std::string file;
  std::string format = "text";
};

std::string ReadWholeFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw CliFailure(path + ": no such file");
  if (std::filesystem::is_directory(path, ec)) throw CliFailure(path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CliFailure(path + ": cannot read the file");
  std::stringstream bytes;
  bytes << in.rdbuf();  // an empty file leaves `bytes` failed and empty, which is fine
  if (in.bad()) throw CliFailure(path + ": cannot read the file");
  return bytes.str();
}

void PrintOutline(const plan::PlanDocument& doc) {
  std::printf("title: %s\n", doc.title.empty() ? "(none found)" : doc.title.c_str());
  if (std::optional<int> year = plan::PlanYear(doc)) std::printf("year: %d\n", *year);
  for (const plan::PlanPart& part : doc.parts) {
    std::printf("\n%s、%s\n", part.number.c_str(), part.title.c_str());
    for (const plan::PlanItem& item : part.items) {
      std::printf("  （%s）%s\n", item.number.c_str(), item.title.c_str());
      for (size_t i = 0; i < item.measures.size(); ++i) {
        std::printf("      %zu. %s\n", i + 1, item.measures[i].c_str());
      }
      std::string departments;
      for (const std::string& d : item.departments) {
        if (!departments.empty()) departments += ", ";
        departments += d;
        if (item.lead_department == d) departments += " [lead]";
      }
      std::printf("    departments: %s\n", departments.empty() ? "(none)" : departments.c_str());
      for (const plan::PlanTarget& t : item.targets) {
        std::printf("    target: %s = %s %s\n", t.text.c_str(),
                    plan::JsonNumber(t.value).dump().c_str(), t.unit.c_str());
      }
    }
  }
  std::printf("\nwarnings: %zu\n", doc.warnings.size());
  for (const std::string& w : doc.warnings) std::printf("  %s\n", w.c_str());
}

void RunParse(const PlanParseOptions& o) {
  const std::string bytes = ReadWholeFile(o.file);
  Result<plan::PlanDocument> doc = plan::ParsePlanFile(bytes);
  if (!doc.ok()) throw CliFailure(o.file + ": " + doc.status().message());
  if (o.format == "json") {
    const std::string out = plan::PlanDocumentToJson(*doc).dump(
        2, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
    std::printf("%s\n", out.c_str());
  } else {
    PrintOutline(*doc);
  }
}

}  // namespace

void AddPlanCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("plan", "The action plan as data: parse a plan document");
  cmd->require_subcommand(1);

  auto o = std::make_shared<PlanParseOptions>();
  auto* parse = cmd->add_subcommand(
      "parse",
      "Read an action-plan document (.txt in UTF-8 or GBK, or .docx) and print its parts, "
      "items, departments, targets and warnings; stores nothing");
  parse->add_option("FILE", o->file, "The plan document")->required();
  parse->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  parse->callback([o] { RunParse(*o); });
}

}  // namespace zl::cli
