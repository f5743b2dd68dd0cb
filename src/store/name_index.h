// The enterprise-name index: how an enterprise is made findable by any part of its name
// (down to one character, so two-character Chinese words work) and by its filter values, on
// each backend. See domain/name_search.h for the terms.
//
//   SQLite      a contentless FTS5 table enterprise_search (rowid = enterprise.id) with the
//               name's bigrams (phrase queries), its characters, and filter tokens; the store
//               writes it beside every enterprise insert, update and delete.
//   PostgreSQL  the column enterprise.search_terms (text[]: bigrams, characters, filter
//               tokens) under a GIN index, written with the row.
//
// Filter tokens: "r<region_code>", "i<industry_code lower-cased>", "s<size>".
#pragma once

#include <cstdint>
#include <string>
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
  std::string facets;    // space-separated filter tokens

  // PostgreSQL's text[] literal of all terms: "{唐山,山钢,…,r130200,ic31,ssmall}". Terms are
  // letters and digits only, so nothing needs quoting.
  std::string PostgresArray() const;
};

NameIndexTerms IndexTermsFor(const domain::Enterprise& e);

// The filter tokens for a search (empty values are left out).
std::vector<std::string> FacetTokens(const std::string& region_code,
                                     const std::string& industry_code, const std::string& size);

// SQLite only (no-ops on PostgreSQL, where the terms live in the row): adds or removes the
// document of enterprise `id`. Removal needs the terms it was added with.
void AddToNameIndex(soci::session& sql, std::int64_t id, const NameIndexTerms& terms);
void RemoveFromNameIndex(soci::session& sql, std::int64_t id, const NameIndexTerms& terms);
void ClearNameIndex(soci::session& sql);

// Recomputes the search key and index of every enterprise (migration 0004's code step, and
// a repair tool). One pass, in the caller's transaction.
Status RebuildNameIndex(soci::session& sql);

}  // namespace zl::store
