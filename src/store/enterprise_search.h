// Searching the register by any part of an enterprise's name, with filters, best matches
// first. Internal to store/ (EnterpriseRepository::List calls it when a name query is given).
//
// The total is exact up to kCountLimit. Order: the enterprise whose name is the query, then names
// starting with it, then names containing it. When at most kRankAllLimit enterprises match, the
// containing names are ranked shortest first (the query is a bigger part of a shorter name); beyond
// that they come in register order (SQLite: insertion order; PostgreSQL: the table's storage
// order), so that a query matching a large part of the register (唐山 matches every enterprise
// named after the city) still answers from the index in milliseconds.
#pragma once

#include "base/result.h"
#include "store/enterprise_repository.h"

namespace zl::store {

inline constexpr long long kRankAllLimit = 2000;

// Matches are counted up to this many; beyond it the total says "at least kCountLimit"
// (PageOf::total_is_lower_bound), and the pages go on. Counting every match of 有限 or 公司
// in a register of millions would cost more than the search itself.
inline constexpr long long kCountLimit = 10000;

// `filter.name_contains` must have a non-empty search key (domain::NameSearchKey).
Result<PageOf<domain::Enterprise>> SearchEnterprises(soci::session& sql,
                                                     const EnterpriseFilter& filter,
                                                     PageRequest page);

}  // namespace zl::store
