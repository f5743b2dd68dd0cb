// Searching the register by any part of an enterprise's name, with filters, best matches
// first. Internal to store/ (EnterpriseRepository::List calls it when a name query is given).
//
// Order: the enterprise whose name is the query, then names starting with it, then names
// containing it. When at most kRankAllLimit enterprises match, the containing names are
// ranked shortest first (the query is a bigger part of a shorter name); beyond that they come
// in register order, so that a query matching a large part of the register (唐山 matches every
// enterprise named after the city) still answers from the index in milliseconds.
#pragma once

#include "base/result.h"
#include "store/enterprise_repository.h"

namespace zl::store {

inline constexpr long long kRankAllLimit = 2000;

// `filter.name_contains` must have a non-empty search key (domain::NameSearchKey).
Result<PageOf<domain::Enterprise>> SearchEnterprises(soci::session& sql,
                                                     const EnterpriseFilter& filter,
                                                     PageRequest page);

}  // namespace zl::store
