// The enterprise-name index: how an enterprise is made findable by any part of its name
// (down to one character, so two-character Chinese words work) and by its filter values, on
// each backend. See domain/name_search.h for the terms.
//
//   SQLite      a contentless FTS5 table enterprise_search (rowid = enterprise.id) with the
//               name's bigrams (phrase queries) and characters, both also prefixed with the
//               region, and filter tokens; the store writes it beside every enterprise
//               insert, update and delete.
//   PostgreSQL  the table enterprise_name_suffix (migration 0006): one row per character
//               position of the name key, holding the key from there to its end (the
//               suffix), under a B-tree on (region_code, suffix, uscc) that also carries the
//               filter values. A query Q matches the suffixes in [Q, Q + U+10FFFF): one range
//               scan that yields matches in index order and can stop at the page or the
//               count limit, where a GIN index must first build the bitmap of a whole common
//               term. Each row also holds `first_len`, the shortest length from which the
//               suffix's start does not occur earlier in the key: a query of L characters
//               counts only the rows with first_len <= L (its first occurrence), so every
//               enterprise matches once, and `pos`, the position (0: the name starts there).
//               The store writes the rows beside every enterprise insert and update.
//
// Filter tokens (SQLite): "i<industry_code lower-cased>", "s<size>"; the region is folded
// into the name terms ("130200唐山"). PostgreSQL holds the same values in columns.
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
namespace zl::store::dialect {
class BulkWriter;
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
};

NameIndexTerms IndexTermsFor(const domain::Enterprise& e);

// PostgreSQL: the rows of enterprise_name_suffix for one name key (see above).
struct NameSuffix {
  std::string_view suffix;  // into the key; at most kMaxSuffixChars characters
  int pos = 0;              // in characters
  int first_len = 1;        // in characters
};
// Suffixes are cut to this many characters (a B-tree entry must fit in a third of a page);
// imported names have at most 200. A longer query is checked against the name itself.
// (500 characters of at most 4 bytes leave room for the other columns of an entry.)
inline constexpr int kMaxSuffixChars = 500;
std::vector<NameSuffix> NameSuffixes(std::string_view name_key);

// PostgreSQL: the industry value as enterprise_name_suffix holds it and a search compares it
// (lower-cased, as the SQLite facet token).
std::string IndustryFacet(const std::string& industry_code);

// The columns of enterprise_name_suffix, in the order WriteNameSuffixes gives the values, and
// the bulk path: adds the rows of `e`, whose search key is `name_key`, to `writer`.
inline constexpr const char* kNameSuffixColumns[] = {"region_code", "suffix",   "uscc", "pos",
                                                     "first_len",   "industry", "size"};
Status WriteNameSuffixes(dialect::BulkWriter& writer, const domain::Enterprise& e,
                         std::string_view name_key);

// The filter tokens for a search (empty values are left out).
std::vector<std::string> FacetTokens(const std::string& industry_code, const std::string& size);

// The FTS5 columns of enterprise_search after rowid, in order, and the values of `terms` for
// them.
inline constexpr const char* kNameIndexColumns[] = {"bigrams", "rbigrams", "unigrams", "runigrams",
                                                    "facets"};
std::vector<std::string_view> NameIndexValues(const NameIndexTerms& terms);

// SQLite only (no-ops on PostgreSQL): adds or removes the document of enterprise `id`.
// Removal needs the terms it was added with.
void AddToNameIndex(soci::session& sql, std::int64_t id, const NameIndexTerms& terms);
void RemoveFromNameIndex(soci::session& sql, std::int64_t id, const NameIndexTerms& terms);

// PostgreSQL only (no-ops on SQLite): adds or removes the suffix rows of enterprise `e`.
// Removal needs the enterprise as it was indexed.
void AddNameSuffixes(soci::session& sql, const domain::Enterprise& e);
void RemoveNameSuffixes(soci::session& sql, const domain::Enterprise& e);

// Empties the name index (both backends).
void ClearNameIndex(soci::session& sql);

// Recomputes the search key and index of every enterprise (a repair tool). One pass, in the
// caller's transaction.
Status RebuildNameIndex(soci::session& sql);

// Migration code steps. 0004: SQLite, the search key and the FTS5 index of every
// enterprise; PostgreSQL, the search key (0004's search_terms column goes away in 0006).
// 0006: PostgreSQL, the suffix rows of every enterprise; nothing on SQLite.
Status MigrateNameIndex4(soci::session& sql);
Status MigrateNameIndex6(soci::session& sql);

}  // namespace zl::store
