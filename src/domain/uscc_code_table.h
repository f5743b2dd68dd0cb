// The GB 32100 table of registration authorities (USCC position 1) and the organisation
// categories each may issue (position 2), as given in shared/domain/credit-rules.md §1.1
// item 5. Names are only those the table gives; unnamed categories have an empty name.
#pragma once

#include <span>
#include <string_view>

namespace zl::domain {

struct UsccCategory {
  char code;
  std::string_view name_zh;  // e.g. "企业"; empty when the table gives no name
};

struct UsccAuthority {
  char code;
  std::string_view name_zh;  // e.g. "工商"
  std::string_view name_en;  // e.g. "industry and commerce (now market regulation)"
  std::span<const UsccCategory> categories;

  std::string_view allowed_categories;  // "1, 2 or 3", for error messages

  const UsccCategory* FindCategory(char c) const;
};

// The authority for `code`, or nullptr when GB 32100 assigns none.
const UsccAuthority* FindUsccAuthority(char code);
std::span<const UsccAuthority> UsccAuthorities();

}  // namespace zl::domain
