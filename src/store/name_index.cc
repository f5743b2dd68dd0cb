// The enterprise-name index on both backends (see name_index.h).
#include "store/name_index.h"

#include <soci/soci.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "base/text.h"
#include "domain/name_search.h"
#include "store/dialect.h"

namespace zl::store {

namespace {

std::string Joined(const std::vector<std::string>& parts, char separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

}  // namespace

std::vector<std::string> FacetTokens(const std::string& industry_code, const std::string& size) {
  std::vector<std::string> out;
  if (!industry_code.empty()) out.push_back("i" + AsciiLower(industry_code));
  if (!size.empty()) out.push_back("s" + size);
  return out;
}

NameIndexTerms IndexTermsFor(const domain::Enterprise& e) {
  NameIndexTerms t;
  t.name_key = domain::NameSearchKey(e.name);
  std::vector<std::string> bigrams = domain::KeyBigrams(t.name_key);
  std::vector<std::string> unigrams = domain::KeyUnigrams(t.name_key);
  t.bigrams = Joined(bigrams, ' ');
  t.unigrams = Joined(unigrams, ' ');
  for (std::string& b : bigrams) b.insert(0, e.region_code);
  for (std::string& u : unigrams) u.insert(0, e.region_code);
  t.region_bigrams = Joined(bigrams, ' ');
  t.region_unigrams = Joined(unigrams, ' ');
  t.facets =
      Joined(FacetTokens(e.industry_code, std::string(domain::EnterpriseSizeNameEn(e.size))), ' ');
  return t;
}

std::vector<std::string_view> NameIndexValues(const NameIndexTerms& t) {
  return {t.bigrams, t.region_bigrams, t.unigrams, t.region_unigrams, t.facets};
}

std::vector<NameSuffix> NameSuffixes(std::string_view key) {
  // The key's code points and where each starts.
  std::vector<UChar32> cps;
  std::vector<std::size_t> starts;
  {
    const auto* s = reinterpret_cast<const uint8_t*>(key.data());
    int32_t i = 0;
    const auto n = static_cast<int32_t>(key.size());
    while (i < n) {
      starts.push_back(static_cast<std::size_t>(i));
      UChar32 c;
      U8_NEXT(s, i, n, c);
      cps.push_back(c);
    }
  }
  const std::size_t n = cps.size();
  starts.push_back(key.size());
  std::vector<NameSuffix> out;
  out.reserve(n);
  for (std::size_t p = 0; p < n; ++p) {
    // The longest piece starting at p that also starts at an earlier position: a query that
    // long or shorter occurs earlier, so this row is not its first occurrence.
    std::size_t longest = 0;
    for (std::size_t q = 0; q < p && longest < n - p; ++q) {
      std::size_t l = 0;
      while (p + l < n && cps[q + l] == cps[p + l]) ++l;
      longest = std::max(longest, l);
    }
    const std::size_t end = starts[std::min(n, p + static_cast<std::size_t>(kMaxSuffixChars))];
    out.push_back({key.substr(starts[p], end - starts[p]), static_cast<int>(p),
                   static_cast<int>(longest + 1)});
  }
  return out;
}

std::string IndustryFacet(const std::string& industry_code) { return AsciiLower(industry_code); }

Status WriteNameSuffixes(dialect::BulkWriter& writer, const domain::Enterprise& e,
                         std::string_view name_key) {
  const std::string industry = IndustryFacet(e.industry_code);
  const std::string_view size = domain::EnterpriseSizeNameEn(e.size);
  std::vector<std::string_view> row(std::size(kNameSuffixColumns));
  char pos[12], first[12];
  for (const NameSuffix& s : NameSuffixes(name_key)) {
    const int pos_len = std::snprintf(pos, sizeof pos, "%d", s.pos);
    const int first_len = std::snprintf(first, sizeof first, "%d", s.first_len);
    row = {e.region_code,
           s.suffix,
           e.uscc,
           std::string_view(pos, static_cast<std::size_t>(pos_len)),
           std::string_view(first, static_cast<std::size_t>(first_len)),
           industry,
           size};
    ZL_RETURN_IF_ERROR(writer.Add(row));
  }
  return Status();
}

namespace {

// PostgreSQL's literal of a text[]: every element quoted (a suffix may read "null").
// Suffixes hold letters and digits only, so nothing inside needs escaping.
template <typename T, typename F>
std::string ArrayLiteral(const std::vector<T>& items, F element) {
  std::string out = "{";
  for (const T& item : items) {
    if (out.size() > 1) out += ',';
    out += '"';
    out += element(item);
    out += '"';
  }
  return out + "}";
}

}  // namespace

void AddNameSuffixes(soci::session& sql, const domain::Enterprise& e) {
  if (dialect::BackendOf(sql) != Backend::kPostgres) return;
  const std::string key = domain::NameSearchKey(e.name);
  std::vector<NameSuffix> suffixes = NameSuffixes(key);
  if (suffixes.empty()) return;
  std::string texts =
      ArrayLiteral(suffixes, [](const NameSuffix& s) { return std::string(s.suffix); });
  std::string positions =
      ArrayLiteral(suffixes, [](const NameSuffix& s) { return std::to_string(s.pos); });
  std::string firsts =
      ArrayLiteral(suffixes, [](const NameSuffix& s) { return std::to_string(s.first_len); });
  std::string industry = IndustryFacet(e.industry_code);
  std::string size(domain::EnterpriseSizeNameEn(e.size));
  sql << "INSERT INTO enterprise_name_suffix (region_code, suffix, uscc, pos, first_len, "
         "industry, size) SELECT :region, u.suffix, :uscc, u.pos, u.first_len, :industry, :size "
         "FROM unnest(CAST(:suffixes AS text[]), CAST(:positions AS smallint[]), "
         "CAST(:firsts AS smallint[])) AS u(suffix, pos, first_len)",
      soci::use(e.region_code), soci::use(e.uscc), soci::use(industry), soci::use(size),
      soci::use(texts), soci::use(positions), soci::use(firsts);
}

void RemoveNameSuffixes(soci::session& sql, const domain::Enterprise& e) {
  if (dialect::BackendOf(sql) != Backend::kPostgres) return;
  const std::string key = domain::NameSearchKey(e.name);
  std::vector<NameSuffix> suffixes = NameSuffixes(key);
  if (suffixes.empty()) return;
  std::string texts =
      ArrayLiteral(suffixes, [](const NameSuffix& s) { return std::string(s.suffix); });
  // By the index's key, so that no other row is read.
  sql << "DELETE FROM enterprise_name_suffix WHERE region_code = :region "
         "AND suffix = ANY (CAST(:suffixes AS text[])) AND uscc = :uscc",
      soci::use(e.region_code), soci::use(texts), soci::use(e.uscc);
}

void AddToNameIndex(soci::session& sql, std::int64_t id, const NameIndexTerms& terms) {
  if (dialect::BackendOf(sql) != Backend::kSqlite) return;
  long long rowid = id;
  sql << "INSERT INTO enterprise_search (rowid, bigrams, rbigrams, unigrams, runigrams, facets) "
         "VALUES (:id, :b, :rb, :u, :ru, :f)",
      soci::use(rowid), soci::use(terms.bigrams), soci::use(terms.region_bigrams),
      soci::use(terms.unigrams), soci::use(terms.region_unigrams), soci::use(terms.facets);
}

void RemoveFromNameIndex(soci::session& sql, std::int64_t id, const NameIndexTerms& terms) {
  if (dialect::BackendOf(sql) != Backend::kSqlite) return;
  long long rowid = id;
  sql << "INSERT INTO enterprise_search (enterprise_search, rowid, bigrams, rbigrams, unigrams, "
         "runigrams, facets) VALUES ('delete', :id, :b, :rb, :u, :ru, :f)",
      soci::use(rowid), soci::use(terms.bigrams), soci::use(terms.region_bigrams),
      soci::use(terms.unigrams), soci::use(terms.region_unigrams), soci::use(terms.facets);
}

void ClearNameIndex(soci::session& sql) {
  if (dialect::BackendOf(sql) == Backend::kSqlite) {
    sql << "INSERT INTO enterprise_search (enterprise_search) VALUES ('delete-all')";
  } else {
    sql << "DELETE FROM enterprise_name_suffix";
  }
}

namespace {

enum class Part { kKeysAndIndex, kKeysOnly, kIndexOnly };

Status Rebuild(soci::session& sql, Part what) {
  const Backend backend = dialect::BackendOf(sql);
  if (what != Part::kKeysOnly) ClearNameIndex(sql);
  // Read everything first: SQLite cannot update a table while a statement reads it.
  struct Row {
    std::string uscc;
    domain::Enterprise e;
    long long id = 0;
  };
  std::vector<Row> rows;
  {
    Row r;
    std::string size;
    const char* id_column = backend == Backend::kSqlite ? "id" : "0";
    soci::statement st =
        (sql.prepare << "SELECT " << id_column
                     << ", uscc, name, region_code, industry_code, size FROM enterprise",
         soci::into(r.id), soci::into(r.uscc), soci::into(r.e.name), soci::into(r.e.region_code),
         soci::into(r.e.industry_code), soci::into(size));
    st.execute(false);
    while (st.fetch()) {
      Result<domain::EnterpriseSize> parsed = domain::ParseEnterpriseSize(size);
      if (!parsed.ok()) return parsed.status();
      r.e.size = *parsed;
      r.e.uscc = r.uscc;
      rows.push_back(r);
    }
  }
  std::unique_ptr<dialect::BulkWriter> suffixes;
  if (backend == Backend::kPostgres && what != Part::kKeysOnly) {
    suffixes = dialect::BulkWriter::Create(
        sql, backend, "enterprise_name_suffix",
        std::vector<std::string>(std::begin(kNameSuffixColumns), std::end(kNameSuffixColumns)));
  }
  for (const Row& r : rows) {
    NameIndexTerms terms = IndexTermsFor(r.e);
    if (what != Part::kIndexOnly) {
      if (backend == Backend::kSqlite) {
        sql << "UPDATE enterprise SET name_key = :key WHERE id = :id", soci::use(terms.name_key),
            soci::use(r.id);
      } else {
        sql << "UPDATE enterprise SET name_key = :key WHERE uscc = :uscc",
            soci::use(terms.name_key), soci::use(r.uscc);
      }
    }
    if (what == Part::kKeysOnly) continue;
    if (backend == Backend::kSqlite) {
      AddToNameIndex(sql, r.id, terms);
    } else {
      ZL_RETURN_IF_ERROR(WriteNameSuffixes(*suffixes, r.e, terms.name_key));
    }
  }
  return suffixes ? suffixes->Finish() : Status();
}

}  // namespace

Status RebuildNameIndex(soci::session& sql) { return Rebuild(sql, Part::kKeysAndIndex); }

Status MigrateNameIndex4(soci::session& sql) {
  return Rebuild(
      sql, dialect::BackendOf(sql) == Backend::kSqlite ? Part::kKeysAndIndex : Part::kKeysOnly);
}

Status MigrateNameIndex6(soci::session& sql) {
  if (dialect::BackendOf(sql) != Backend::kPostgres) return Status();
  ZL_RETURN_IF_ERROR(Rebuild(sql, Part::kIndexOnly));
  // After the rows (see the migration file).
  sql << "CREATE INDEX enterprise_name_suffix_key ON enterprise_name_suffix "
         "(region_code, suffix, uscc) INCLUDE (pos, first_len, industry, size)";
  sql << "ANALYZE enterprise_name_suffix";
  return Status();
}

}  // namespace zl::store
