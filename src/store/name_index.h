// The enterprise-name index: how an enterprise is made findable by any part of its name
// (down to one character, so two-character Chinese words work) and by its filter values, on
// each backend. See domain/name_search.h for the terms.
//
//   SQLite      a contentless FTS5 table enterprise_search (rowid = enterprise.id) with the
//               name's bigrams (phrase queries) and characters, both also prefixed with the
//               region, and filter tokens; the store writes it beside every enterprise
//               insert, update and delete.
//   PostgreSQL  the column enterprise.search_terms (text[]: the same terms) under a GIN
//               index, written with the row.
//
// Filter tokens: "i<industry_code lower-cased>", "s<size>"; the region is folded into the
// name terms ("130200唐山").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/enterprise.h"
#include "store/database_url.h"

namespace soci {
class session;
}

namespace zl::store {

struct NameIndexTerms {
  std::string name_key;  // domain::NameSearchKey(name)
  std::string bigrams;   // space-separated, in order
  std::string unigrams;  // space-separated, distinct
  // The same prefixed with the region code ("130200唐山"): a search within one region is
  // then one lookup, instead of intersecting a common word's long list with the region's.
  std::string region_bigrams;
  std::string region_unigrams;
  std::string facets;  // space-separated filter tokens (industry, size)

  // PostgreSQL's text[] literal of all terms: "{唐山,山钢,…,r130200,ic31,ssmall}". Terms are
  // letters and digits only, so nothing needs quoting.
  std::string PostgresArray() const;
};

NameIndexTerms IndexTermsFor(const domain::Enterprise& e);

// The filter tokens for a search (empty values are left out).
std::vector<std::string> FacetTokens(const std::string& industry_code, const std::string& size);

// The FTS5 columns of enterprise_search after rowid, in order, and the values of `terms` for
// them.
inline constexpr const char* kNameIndexColumns[] = {"bigrams", "rbigrams", "unigrams", "runigrams",
                                                    "facets"};
std::vector<std::string_view> NameIndexValues(const NameIndexTerms& terms);

// SQLite only (no-ops on PostgreSQL, where the terms live in the row): adds or removes the
// document of enterprise `id`. Removal needs the terms it was added with.
void AddToNameIndex(soci::session& sql, std::int64_t id, const NameIndexTerms& terms);
void RemoveFromNameIndex(soci::session& sql, std::int64_t id, const NameIndexTerms& terms);
void ClearNameIndex(soci::session& sql);

// Recomputes the search key and index of every enterprise (migration 0004's code step, and
// a repair tool). One pass, in the caller's transaction.
Status RebuildNameIndex(soci::session& sql);

}  // namespace zl::store
