// Names and parsing for EnterpriseSize.
#include "domain/enterprise_size.h"

#include <fmt/format.h>

#include <string>

#include "base/text.h"

namespace zl::domain {

namespace {

struct SizeNames {
  EnterpriseSize size;
  std::string_view zh;
  std::string_view en;
};

constexpr SizeNames kNames[] = {
    {EnterpriseSize::kLarge, "大型", "large"},
    {EnterpriseSize::kMedium, "中型", "medium"},
    {EnterpriseSize::kSmall, "小型", "small"},
    {EnterpriseSize::kMicro, "微型", "micro"},
};

constexpr EnterpriseSize kAll[] = {EnterpriseSize::kLarge, EnterpriseSize::kMedium,
                                   EnterpriseSize::kSmall, EnterpriseSize::kMicro};

const SizeNames& NamesOf(EnterpriseSize size) { return kNames[static_cast<int>(size)]; }

}  // namespace

std::span<const EnterpriseSize> AllEnterpriseSizes() { return kAll; }
std::string_view EnterpriseSizeNameZh(EnterpriseSize size) { return NamesOf(size).zh; }
std::string_view EnterpriseSizeNameEn(EnterpriseSize size) { return NamesOf(size).en; }

Result<EnterpriseSize> ParseEnterpriseSize(std::string_view text) {
  std::string s = TrimSpace(NormalizeNfkc(text));
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::string_view v = s;
  if (v.ends_with("企业")) v.remove_suffix(std::string_view("企业").size());
  for (const SizeNames& n : kNames) {
    if (v == n.en || v == n.zh) return n.size;
  }
  return Status::InvalidArgument(
      fmt::format("'{}' is not an enterprise size (large, medium, small, micro / 大型, 中型, "
                  "小型, 微型)",
                  text),
      "enterprise_size");
}

}  // namespace zl::domain
