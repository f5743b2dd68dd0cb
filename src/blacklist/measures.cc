// The joint-punishment measure catalogue (see measures.h).
#include "blacklist/measures.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/embedded_data.h"
#include "domain/tsv.h"

namespace zl::blacklist {
namespace data {
std::span<const EmbeddedFile> MeasureFiles();  // data/blacklist/measures.tsv
}  // namespace data

namespace {
constexpr std::string_view kHeader = "code\tactivity\tdefault\tname_zh\tname_en\tbasis";
}  // namespace

Result<MeasureCatalogue> MeasureCatalogue::Parse(std::string_view text,
                                                 std::string_view source_name) {
  ZL_ASSIGN_OR_RETURN(std::vector<domain::TsvRow> rows,
                      domain::ParseTsv(text, kHeader, source_name));
  MeasureCatalogue out;
  for (const domain::TsvRow& row : rows) {
    const auto& f = row.fields;
    auto fail = [&](std::string_view why) {
      return Status::InvalidArgument(fmt::format("{}:{}: {}", source_name, row.line, why));
    };
    if (f[0].empty() || f[1].empty()) return fail("code and activity are required");
    if (f[2] != "yes" && f[2] != "no") return fail("default must be yes or no");
    if (out.Find(f[0]) != nullptr) return fail(fmt::format("measure {} is listed twice", f[0]));
    out.measures_.push_back({std::string(f[0]), std::string(f[1]), f[2] == "yes", std::string(f[3]),
                             std::string(f[4]), std::string(f[5])});
  }
  return out;
}

const MeasureCatalogue& MeasureCatalogue::Default() {
  static const MeasureCatalogue* const kDefault = new MeasureCatalogue(
      ParseEmbeddedOrDie<MeasureCatalogue>(data::MeasureFiles()[0], &MeasureCatalogue::Parse));
  return *kDefault;
}

const Measure* MeasureCatalogue::Find(std::string_view code) const {
  for (const Measure& m : measures_) {
    if (m.code == code) return &m;
  }
  return nullptr;
}

std::vector<std::string> MeasureCatalogue::DefaultCodes() const {
  std::vector<std::string> out;
  for (const Measure& m : measures_) {
    if (m.by_default) out.push_back(m.code);
  }
  return out;
}

Result<std::vector<std::string>> MeasureCatalogue::Choose(
    const std::vector<std::string>& codes) const {
  if (codes.empty()) return DefaultCodes();
  std::vector<std::string> out;
  for (const std::string& code : codes) {
    if (Find(code) == nullptr) {
      return Status::InvalidArgument("unknown measure '" + code + "'", "measures");
    }
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
  }
  return out;
}

bool MeasureCatalogue::KnowsActivity(std::string_view activity) const {
  return std::any_of(measures_.begin(), measures_.end(),
                     [&](const Measure& m) { return m.activity == activity; });
}

}  // namespace zl::blacklist
