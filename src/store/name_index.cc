// The enterprise-name index on both backends (see name_index.h).
#include "store/name_index.h"

#include <soci/soci.h>

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

std::string NameIndexTerms::PostgresArray() const {
  std::string out = "{";
  for (const std::string* part :
       {&bigrams, &region_bigrams, &unigrams, &region_unigrams, &facets}) {
    if (part->empty()) continue;
    if (out.size() > 1) out += ',';
    for (char c : *part) out += c == ' ' ? ',' : c;
  }
  out += '}';
  return out;
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
  if (dialect::BackendOf(sql) != Backend::kSqlite) return;
  sql << "INSERT INTO enterprise_search (enterprise_search) VALUES ('delete-all')";
}

Status RebuildNameIndex(soci::session& sql) {
  const Backend backend = dialect::BackendOf(sql);
  ClearNameIndex(sql);
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
      rows.push_back(r);
    }
  }
  for (const Row& r : rows) {
    NameIndexTerms terms = IndexTermsFor(r.e);
    if (backend == Backend::kSqlite) {
      sql << "UPDATE enterprise SET name_key = :key WHERE id = :id", soci::use(terms.name_key),
          soci::use(r.id);
      AddToNameIndex(sql, r.id, terms);
    } else {
      std::string array = terms.PostgresArray();
      sql << "UPDATE enterprise SET name_key = :key, search_terms = CAST(:terms AS text[]) "
             "WHERE uscc = :uscc",
          soci::use(terms.name_key), soci::use(array), soci::use(r.uscc);
    }
  }
  return Status();
}

}  // namespace zl::store
