// zhiliang uscc check CODE...: validates Unified Social Credit Codes (GB 32100) and says why
// each invalid one fails. Exit status 0 only when every code is valid.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "cli/commands.h"
#include "domain/uscc.h"

namespace zl::cli {

namespace {

struct UsccCheckOptions {
  std::vector<std::string> codes;
  std::string format = "text";
  bool lenient_org_check = false;
};

void RunCheck(const UsccCheckOptions& o) {
  domain::UsccPolicy policy;
  policy.org_code_check_is_error = !o.lenient_org_check;
  bool all_valid = true;
  nlohmann::json out = nlohmann::json::array();
  for (const std::string& code : o.codes) {
    domain::UsccVerdict v = domain::Uscc::Check(code, policy);
    all_valid = all_valid && v.valid;
    if (o.format == "json") {
      nlohmann::json item = {{"code", code}, {"valid", v.valid}, {"reason", v.reason}};
      if (!v.warning.empty()) item["warning"] = v.warning;
      out.push_back(std::move(item));
    } else if (v.valid) {
      std::printf("%s\tvalid%s%s\n", code.c_str(),
                  v.warning.empty() ? "" : "\twarning: ", v.warning.c_str());
    } else {
      std::printf("%s\tinvalid\t%s\n", code.c_str(), v.reason.c_str());
    }
  }
  if (o.format == "json") std::printf("%s\n", out.dump(2).c_str());
  std::fflush(stdout);
  if (!all_valid) throw CliFailure("", 1);  // verdicts already printed
}

}  // namespace

void AddUsccCommand(CLI::App& app) {
  auto* uscc = app.add_subcommand("uscc", "Unified Social Credit Code tools");
  uscc->require_subcommand(1);
  auto* check = uscc->add_subcommand(
      "check", "Validate codes (GB 32100 check characters); exit 0 only if all are valid");
  auto o = std::make_shared<UsccCheckOptions>();
  check->add_option("CODE", o->codes, "Codes to check")->required();
  check->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  check->add_flag("--lenient-org-check", o->lenient_org_check,
                  "Treat a wrong position-17 (GB 11714) check character as a warning");
  check->callback([o] { RunCheck(*o); });
}

}  // namespace zl::cli
