// Name search over the register on both backends (see enterprise_search.h, name_index.h).
#include "store/enterprise_search.h"

#include <soci/soci.h>

#include <algorithm>
#include <set>

#include "domain/name_search.h"
#include "store/dialect.h"
#include "store/enterprise_columns.h"
#include "store/name_index.h"

namespace zl::store {

namespace {

// U+10FFFF: appended to a key, an upper bound of every string starting with the key in
// code-point (byte) order, which both backends use for name_key.
constexpr std::string_view kMaxCodePoint = "\xF4\x8F\xBF\xBF";

// SQL text with its bound values, each placeholder used once. SOCI binds by position, so the
// placeholders must appear in the text in the order Param was called: build the text one
// appended piece at a time, never with two Param calls in one expression (C++ leaves the
// order of evaluation of `a + b` unspecified, and GCC goes right to left).
class Query {
 public:
  std::string Param(std::string value) {
    values_.push_back(std::move(value));
    return ":p" + std::to_string(values_.size());
  }
  std::vector<std::string>& values() { return values_; }

 private:
  std::vector<std::string> values_;
};

long long Count(soci::session& sql, const std::string& text, Query& q) {
  long long n = 0;
  soci::statement st(sql);
  st.exchange(soci::into(n));
  for (std::string& v : q.values()) st.exchange(soci::use(v));
  st.alloc();
  st.prepare(text);
  st.define_and_bind();
  st.execute(true);
  return n;
}

Status Fetch(soci::session& sql, const std::string& text, Query& q,
             std::vector<domain::Enterprise>& out) {
  EnterpriseColumns c;
  soci::statement st(sql);
  c.Into(st);
  for (std::string& v : q.values()) st.exchange(soci::use(v));
  st.alloc();
  st.prepare(text);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) {
    ZL_ASSIGN_OR_RETURN(domain::Enterprise e, c.ToEnterprise());
    out.push_back(std::move(e));
  }
  return Status();
}

std::string Limit(long long limit, long long offset) {
  return " LIMIT " + std::to_string(limit) + " OFFSET " + std::to_string(offset);
}

// What the name query and the filters look for, and how each backend's index is asked.
struct Search {
  Backend backend;
  std::string key;
  std::vector<std::string> chars;
  std::vector<std::string> facets;
  const EnterpriseFilter* filter;

  // The name terms to look up: the character or the bigrams, prefixed with the region when
  // the search is limited to one (see name_index.h).
  std::vector<std::string> NameTerms() const {
    std::vector<std::string> terms =
        chars.size() == 1 ? std::vector<std::string>{key} : domain::KeyBigrams(key);
    for (std::string& t : terms) t.insert(0, filter->region_code);
    return terms;
  }

  // SQLite: the FTS5 query. Terms are letters and digits, so quoting cannot break out.
  std::string FtsQuery() const {
    std::string m = filter->region_code.empty() ? "" : "r";
    m += chars.size() == 1 ? "unigrams : \"" : "bigrams : \"";
    std::vector<std::string> terms = NameTerms();
    for (std::size_t i = 0; i < terms.size(); ++i) m += (i ? " " : "") + terms[i];
    m += "\"";
    for (const std::string& f : facets) m += " AND facets : " + f;
    return m;
  }

  // PostgreSQL: the rows of enterprise_name_suffix "s" where a match's first occurrence of
  // the key starts (one per matching enterprise; see name_index.h), as a stream of
  // (region_code, suffix, uscc, pos) in index order, which a LIMIT stops early. Within a region
  // that is one range scan; without, one per region, region by region (the regions are
  // found by skipping through the same index: a dozen lookups). `more` adds conditions on s.
  std::string SuffixStream(Query& q, const std::string& more) const {
    std::string text;
    std::string scan;
    if (filter->region_code.empty()) {
      text =
          "WITH RECURSIVE r(code) AS (SELECT MIN(region_code) FROM enterprise_name_suffix "
          "UNION ALL SELECT (SELECT MIN(x.region_code) FROM enterprise_name_suffix x "
          "WHERE x.region_code > r.code) FROM r WHERE r.code IS NOT NULL) "
          "SELECT r.code AS region_code, s.suffix, s.uscc, s.pos FROM r CROSS JOIN LATERAL ("
          "SELECT s.suffix, s.uscc, s.pos FROM enterprise_name_suffix s "
          "WHERE s.region_code = r.code";
    } else {
      text =
          "SELECT s.region_code, s.suffix, s.uscc, s.pos FROM enterprise_name_suffix s "
          "WHERE s.region_code = ";
      text += q.Param(filter->region_code);
    }
    const bool cut = chars.size() > static_cast<std::size_t>(kMaxSuffixChars);
    std::string indexed = key;
    if (cut) {
      indexed.clear();
      for (int i = 0; i < kMaxSuffixChars; ++i) indexed += chars[static_cast<std::size_t>(i)];
    }
    text += " AND s.suffix >= ";
    text += q.Param(indexed);
    text += " AND s.suffix < ";
    text += q.Param(indexed + std::string(kMaxCodePoint));
    text += " AND s.first_len <= " + std::to_string(chars.size());
    if (!filter->industry_code.empty()) {
      text += " AND s.industry = ";
      text += q.Param(IndustryFacet(filter->industry_code));
    }
    if (!filter->size.empty()) {
      text += " AND s.size = ";
      text += q.Param(filter->size);
    }
    if (cut) {  // the index holds the first kMaxSuffixChars characters: check the name
      text +=
          " AND EXISTS (SELECT 1 FROM enterprise v WHERE v.uscc = s.uscc AND "
          "strpos(v.name_key, ";
      text += q.Param(key);
      text += ") = s.pos + 1)";
    }
    text += more;
    text += " ORDER BY s.suffix, s.uscc";
    if (filter->region_code.empty()) text += " OFFSET 0) s";
    return text;
  }

  // A condition on "e" selecting the matches.
  std::string Matches(Query& q) const {
    if (backend == Backend::kSqlite) {
      std::string cond =
          "e.id IN (SELECT rowid FROM enterprise_search WHERE enterprise_search MATCH ";
      cond += q.Param(FtsQuery());
      return cond + ")";
    }
    std::string cond = "e.uscc IN (SELECT m.uscc FROM (";
    cond += SuffixStream(q, "");
    return cond + ") m)";
  }

  std::string StartsWith(Query& q) const {
    std::string cond = "e.name_key >= ";
    cond += q.Param(key);
    cond += " AND e.name_key < ";
    cond += q.Param(key + std::string(kMaxCodePoint));
    return cond;
  }

  // The filters as column conditions, for the prefix tier, which walks the name_key index.
  // Written as expressions (`x || ''`) so that no planner prefers the filter column's own
  // index and then sorts a whole region's enterprises to find the first few names.
  std::string ColumnFilters(Query& q, bool region = true) const {
    std::string out;
    if (region && !filter->region_code.empty()) {
      out += " AND (e.region_code || '') = ";
      out += q.Param(filter->region_code);
    }
    if (!filter->industry_code.empty()) {
      out += " AND (e.industry_code || '') = ";
      out += q.Param(filter->industry_code);
    }
    if (!filter->size.empty()) {
      out += " AND (e.size || '') = ";
      out += q.Param(filter->size);
    }
    return out;
  }

  // The number of matches, counting no further than `cap` + 1.
  long long CountMatches(soci::session& sql, long long cap) const {
    Query q;
    const std::string limit = " LIMIT " + std::to_string(cap + 1) + ") t";
    if (backend == Backend::kSqlite) {
      std::string m = q.Param(FtsQuery());
      return Count(sql,
                   "SELECT COUNT(*) FROM (SELECT rowid FROM enterprise_search WHERE "
                   "enterprise_search MATCH " +
                       m + limit,
                   q);
    }
    std::string stream = SuffixStream(q, "");
    return Count(sql, "SELECT COUNT(*) FROM (" + stream + limit, q);
  }
};

}  // namespace

Result<PageOf<domain::Enterprise>> SearchEnterprises(soci::session& sql,
                                                     const EnterpriseFilter& filter,
                                                     PageRequest page) {
  Search s{dialect::BackendOf(sql), domain::NameSearchKey(filter.name_contains), {}, {}, &filter};
  s.chars = domain::KeyCharacters(s.key);
  s.facets = FacetTokens(filter.industry_code, filter.size);
  PageOf<domain::Enterprise> out;
  out.page = page.page;
  out.per_page = page.per_page;
  out.total = s.CountMatches(sql, kCountLimit);
  if (out.total > kCountLimit) {
    out.total = kCountLimit;
    out.total_is_lower_bound = true;
  }
  const long long limit = page.per_page;
  const long long offset = static_cast<long long>(page.page - 1) * page.per_page;
  if (out.total == 0 || (offset >= out.total && !out.total_is_lower_bound)) return out;

  const std::string columns = std::string("SELECT ") + kEnterpriseColumns;
  if (out.total <= kRankAllLimit) {
    Query q;
    std::string text;
    if (s.backend == Backend::kSqlite) {
      text = columns + " FROM enterprise e WHERE ";
      text += s.Matches(q);
    } else {
      // The order's first two keys (exact name, starting with the key, or containing it;
      // the name's length) follow from the index rows alone: only the matches up to the
      // page's last such pair are read from the register. (A suffix cut at kMaxSuffixChars
      // does not give the length: those rows are always read.)
      const std::string max_chars = std::to_string(kMaxSuffixChars);
      text = "WITH m AS MATERIALIZED (SELECT t.uscc, CASE WHEN t.pos = 0 AND t.suffix = ";
      text += q.Param(s.key);
      text +=
          " THEN 0 WHEN t.pos = 0 THEN 1 ELSE 2 END AS r, t.pos + length(t.suffix) AS k, "
          "length(t.suffix) >= " +
          max_chars + " AS cut FROM (";
      text += s.SuffixStream(q, "");
      text += ") t) " + columns +
              " FROM m JOIN enterprise e ON e.uscc = m.uscc WHERE m.cut OR COALESCE((m.r, m.k) "
              "<= (SELECT b.r, b.k FROM m b WHERE NOT b.cut ORDER BY b.r, b.k OFFSET " +
              std::to_string(offset + limit - 1) + " LIMIT 1), true)";
    }
    text += " ORDER BY CASE WHEN e.name_key = ";
    text += q.Param(s.key);
    text += " THEN 0 WHEN ";
    text += s.StartsWith(q);
    text += " THEN 1 ELSE 2 END, length(e.name_key), e.name_key, e.uscc";
    text += Limit(limit, offset);
    ZL_RETURN_IF_ERROR(Fetch(sql, text, q, out.items));
    return out;
  }

  // Many matches: names starting with the query from the name_key index (the exact name sorts
  // first there), then the rest in register order.
  // On PostgreSQL within a region, the index on (region_code, name_key) gives that order
  // without reading the other regions' names starting with the key (石家 within 唐山).
  const bool by_region = s.backend == Backend::kPostgres && !filter.region_code.empty();
  auto prefix_where = [&](Query& q) {
    std::string where;
    if (by_region) {
      where = "e.region_code = ";
      where += q.Param(filter.region_code);
      where += " AND ";
    }
    where += s.StartsWith(q);
    where += s.ColumnFilters(q, /*region=*/!by_region);
    return where;
  };
  {
    Query q;
    std::string text = columns + " FROM enterprise e WHERE ";
    text += prefix_where(q);
    text += " ORDER BY e.name_key, e.uscc" + Limit(limit, offset);
    ZL_RETURN_IF_ERROR(Fetch(sql, text, q, out.items));
  }
  const long long got = static_cast<long long>(out.items.size());
  if (got == limit) return out;
  long long starting = offset + got;
  if (got == 0 && offset > 0) {
    Query q;
    std::string where = prefix_where(q);
    starting = Count(sql, "SELECT COUNT(*) FROM enterprise e WHERE " + where, q);
  }
  Query q;
  std::string text;
  if (s.backend == Backend::kSqlite) {
    text = columns +
           " FROM enterprise_search s JOIN enterprise e ON e.id = s.rowid"
           " WHERE enterprise_search MATCH ";
    text += q.Param(s.FtsQuery());
    text += " AND NOT (";
    text += s.StartsWith(q);
    text += ") ORDER BY s.rowid";
    text += Limit(limit - got, std::max(0LL, offset - starting));
  } else {
    // In the suffix index's order (region, then the name from the match on, then USCC),
    // read from the index until the page is full. A first occurrence at position 0 is a name
    // starting with the key, which the first part listed.
    text = columns + " FROM (";
    text += s.SuffixStream(q, " AND s.pos > 0");
    text += Limit(limit - got, std::max(0LL, offset - starting));
    text += ") m JOIN enterprise e ON e.uscc = m.uscc ORDER BY m.region_code, m.suffix, m.uscc";
  }
  ZL_RETURN_IF_ERROR(Fetch(sql, text, q, out.items));
  return out;
}

}  // namespace zl::store
