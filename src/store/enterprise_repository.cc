// EnterpriseRepository: SQL for the enterprise register, the same text on both backends.
#include "store/enterprise_repository.h"

#include <soci/soci.h>

#include <chrono>

#include "base/clock.h"
#include "domain/name_search.h"
#include "store/database.h"
#include "store/dialect.h"
#include "store/enterprise_columns.h"
#include "store/enterprise_search.h"
#include "store/name_index.h"

namespace zl::store {

namespace {

// Builds the WHERE clause of a register listing without a name query; the bound values live
// in `values`, which must outlive the statement (SOCI binds by reference).
std::string WhereClause(const EnterpriseFilter& filter, std::vector<std::string>& values) {
  std::string where = " WHERE 1 = 1";
  values.clear();
  values.reserve(4);
  if (!filter.uscc.empty()) {
    values.push_back(filter.uscc);
    where += " AND e.uscc = :uscc";
  }
  if (!filter.region_code.empty()) {
    values.push_back(filter.region_code);
    where += " AND e.region_code = :region";
  }
  if (!filter.industry_code.empty()) {
    values.push_back(filter.industry_code);
    where += " AND e.industry_code = :industry";
  }
  if (!filter.size.empty()) {
    values.push_back(filter.size);
    where += " AND e.size = :size";
  }
  return where;
}

// The bulk path: the register row and its name index entries (SQLite: the document with the
// same id; PostgreSQL: the rows of enterprise_name_suffix).
class BulkEnterpriseInserter final : public EnterpriseInserter {
 public:
  explicit BulkEnterpriseInserter(soci::session& sql)
      : backend_(dialect::BackendOf(sql)), created_at_(NowIsoUtc()) {
    std::vector<std::string> columns = {
        "uscc",          "name",      "name_key",   "region_code",
        "industry_code", "size",      "founded_on", "legal_representative",
        "address",       "created_at"};
    if (backend_ == Backend::kSqlite) {
      long long max_id = 0;
      soci::indicator ind = soci::i_ok;
      sql << "SELECT MAX(id) FROM enterprise", soci::into(max_id, ind);
      next_id_ = (ind == soci::i_ok ? max_id : 0) + 1;
      columns.insert(columns.begin(), "id");
      std::vector<std::string> index_columns = {"rowid"};
      for (const char* c : kNameIndexColumns) index_columns.emplace_back(c);
      index_ = dialect::BulkWriter::Create(sql, backend_, "enterprise_search", index_columns);
    } else {
      index_ = dialect::BulkWriter::Create(
          sql, backend_, "enterprise_name_suffix",
          std::vector<std::string>(std::begin(kNameSuffixColumns), std::end(kNameSuffixColumns)));
    }
    rows_ = dialect::BulkWriter::Create(sql, backend_, "enterprise", std::move(columns));
  }

  Status Add(const domain::Enterprise& e) override {
    std::string founded_on = e.founded_on.ToString();
    std::string_view size = domain::EnterpriseSizeNameEn(e.size);
    if (backend_ == Backend::kPostgres) {
      std::string name_key = domain::NameSearchKey(e.name);
      ZL_RETURN_IF_ERROR(rows_->Add({e.uscc, e.name, name_key, e.region_code, e.industry_code, size,
                                     founded_on, e.legal_representative, e.address, created_at_}));
      return WriteNameSuffixes(*index_, e, name_key);
    }
    NameIndexTerms terms = IndexTermsFor(e);
    std::string id = std::to_string(next_id_++);
    ZL_RETURN_IF_ERROR(
        rows_->Add({id, e.uscc, e.name, terms.name_key, e.region_code, e.industry_code, size,
                    founded_on, e.legal_representative, e.address, created_at_}));
    std::vector<std::string_view> values = NameIndexValues(terms);
    values.insert(values.begin(), id);
    return index_->Add(values);
  }

  Status Finish() override {
    ZL_RETURN_IF_ERROR(rows_->Finish());
    return index_->Finish();
  }

 private:
  Backend backend_;
  std::string created_at_;
  long long next_id_ = 1;
  std::unique_ptr<dialect::BulkWriter> rows_;
  std::unique_ptr<dialect::BulkWriter> index_;
};

}  // namespace

Result<std::unique_ptr<EnterpriseInserter>> EnterpriseInserter::Create(soci::session& sql) {
  return std::unique_ptr<EnterpriseInserter>(new BulkEnterpriseInserter(sql));
}

Status EnterpriseRepository::InsertMany(std::span<const domain::Enterprise> rows) {
  std::size_t i = 0;
  return InsertAll([&]() -> std::optional<domain::Enterprise> {
    if (i == rows.size()) return std::nullopt;
    return rows[i++];
  });
}

Status EnterpriseRepository::DeleteAll() {
  return db_.Write([](soci::session& sql) {
    sql << "DELETE FROM import_error";
    sql << "DELETE FROM import_run";
    sql << "DELETE FROM blacklist_document";
    sql << "DELETE FROM blacklist_event";
    sql << "DELETE FROM blacklist_case";
    sql << "DELETE FROM credit_grade_history";
    sql << "DELETE FROM credit_grade";
    sql << "DELETE FROM credit_record";
    sql << "DELETE FROM enterprise";
    ClearNameIndex(sql);
    return Status();
  });
}

Status EnterpriseRepository::InsertAll(const Source& next) {
  return db_.Write(
      [&](soci::session& sql) {
        ZL_ASSIGN_OR_RETURN(std::unique_ptr<EnterpriseInserter> inserter,
                            EnterpriseInserter::Create(sql));
        while (std::optional<domain::Enterprise> row = next()) {
          ZL_RETURN_IF_ERROR(inserter->Add(*row));
        }
        return inserter->Finish();
      },
      Database::Retry::kNever);  // `next` cannot be rewound
}

Result<std::optional<domain::Enterprise>> FindEnterprise(soci::session& sql,
                                                         const std::string& uscc) {
  EnterpriseColumns c;
  std::string key = uscc;
  soci::statement st(sql);
  c.Into(st);
  st.exchange(soci::use(key));
  st.alloc();
  st.prepare(std::string("SELECT ") + kEnterpriseColumns +
             " FROM enterprise e WHERE e.uscc = :uscc");
  st.define_and_bind();
  if (!st.execute(true)) return std::optional<domain::Enterprise>();
  ZL_ASSIGN_OR_RETURN(domain::Enterprise e, c.ToEnterprise());
  return std::optional<domain::Enterprise>(std::move(e));
}

struct EnterpriseLookup::Statement {
  explicit Statement(soci::session& sql) : st(sql), keys(kBatch) {
    std::string list;
    for (std::size_t i = 0; i < kBatch; ++i) list += (i ? ", :u" : ":u") + std::to_string(i);
    columns.Into(st);
    for (std::string& k : keys) st.exchange(soci::use(k));
    st.alloc();
    st.prepare(std::string("SELECT ") + kEnterpriseColumns +
               " FROM enterprise e WHERE e.uscc IN (" + list + ")");
    st.define_and_bind();
  }
  soci::statement st;
  std::vector<std::string> keys;  // bound by reference; "" matches nothing
  EnterpriseColumns columns;
};

EnterpriseLookup::EnterpriseLookup(soci::session& sql) : sql_(sql) {}
EnterpriseLookup::~EnterpriseLookup() = default;

Result<std::vector<domain::Enterprise>> EnterpriseLookup::Find(
    std::span<const std::string_view> usccs) {
  if (!statement_) statement_ = std::make_unique<Statement>(sql_);
  std::vector<domain::Enterprise> out;
  for (std::size_t start = 0; start < usccs.size(); start += kBatch) {
    const std::size_t n = std::min(kBatch, usccs.size() - start);
    for (std::size_t i = 0; i < kBatch; ++i) {
      statement_->keys[i].assign(i < n ? usccs[start + i] : std::string_view());
    }
    statement_->st.execute(false);
    while (statement_->st.fetch()) {
      ZL_ASSIGN_OR_RETURN(domain::Enterprise e, statement_->columns.ToEnterprise());
      out.push_back(std::move(e));
    }
  }
  return out;
}

void UpdateEnterprise(soci::session& sql, const domain::Enterprise& before,
                      const domain::Enterprise& after) {
  NameIndexTerms old_terms = IndexTermsFor(before);
  NameIndexTerms terms = IndexTermsFor(after);
  std::string size(domain::EnterpriseSizeNameEn(after.size));
  std::string founded = after.founded_on.ToString();
  sql << "UPDATE enterprise SET name = :name, name_key = :key, region_code = :region, "
         "industry_code = :industry, size = :size, founded_on = :founded, "
         "legal_representative = :legal, address = :address WHERE uscc = :uscc",
      soci::use(after.name), soci::use(terms.name_key), soci::use(after.region_code),
      soci::use(after.industry_code), soci::use(size), soci::use(founded),
      soci::use(after.legal_representative), soci::use(after.address), soci::use(after.uscc);
  const bool reindex = old_terms.name_key != terms.name_key || old_terms.facets != terms.facets ||
                       before.region_code != after.region_code;
  if (!reindex) return;
  if (dialect::BackendOf(sql) == Backend::kSqlite) {
    long long id = 0;
    sql << "SELECT id FROM enterprise WHERE uscc = :uscc", soci::into(id), soci::use(after.uscc);
    RemoveFromNameIndex(sql, id, old_terms);
    AddToNameIndex(sql, id, terms);
  } else {
    RemoveNameSuffixes(sql, before);
    AddNameSuffixes(sql, after);
  }
}

Result<domain::Enterprise> EnterpriseRepository::FindByUscc(const std::string& uscc) {
  std::optional<domain::Enterprise> found;
  ZL_RETURN_IF_ERROR(db_.Read([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(found, FindEnterprise(sql, uscc));
    return Status();
  }));
  if (!found) return Status::NotFound("no enterprise with USCC " + uscc);
  return std::move(*found);
}

Result<PageOf<domain::Enterprise>> EnterpriseRepository::List(const EnterpriseFilter& filter,
                                                              PageRequest page) {
  if (page.page < 1) return Status::InvalidArgument("must be 1 or more", "page");
  if (page.per_page < 1 || page.per_page > PageRequest::kMaxPerPage) {
    return Status::InvalidArgument("must be between 1 and 200", "per_page");
  }
  return Page(filter, page);
}

Result<PageOf<domain::Enterprise>> EnterpriseRepository::ListFirst(const EnterpriseFilter& filter,
                                                                   int max_rows) {
  if (max_rows < 1) return Status::InvalidArgument("must be 1 or more", "max_rows");
  return Page(filter, {.page = 1, .per_page = max_rows});
}

Result<PageOf<domain::Enterprise>> EnterpriseRepository::Page(const EnterpriseFilter& filter,
                                                              PageRequest page) {
  PageOf<domain::Enterprise> out;
  out.page = page.page;
  out.per_page = page.per_page;
  if (filter.uscc.empty() && !domain::NameSearchKey(filter.name_contains).empty()) {
    ZL_RETURN_IF_ERROR(db_.Read([&](soci::session& sql) {
      ZL_ASSIGN_OR_RETURN(out, SearchEnterprises(sql, filter, page));
      return Status();
    }));
    return out;
  }
  std::vector<std::string> values;
  std::string where = WhereClause(filter, values);
  ZL_RETURN_IF_ERROR(db_.Read([&](soci::session& sql) {
    out.items.clear();  // the work may run twice (see Database)
    long long total = 0;
    {
      soci::statement st(sql);
      st.exchange(soci::into(total));
      for (std::string& v : values) st.exchange(soci::use(v));
      st.alloc();
      st.prepare("SELECT COUNT(*) FROM enterprise e" + where);
      st.define_and_bind();
      st.execute(true);
    }
    out.total = total;
    long long limit = page.per_page;
    long long offset = static_cast<long long>(page.page - 1) * page.per_page;
    EnterpriseColumns c;
    soci::statement st(sql);
    c.Into(st);
    for (std::string& v : values) st.exchange(soci::use(v));
    st.exchange(soci::use(limit));
    st.exchange(soci::use(offset));
    st.alloc();
    st.prepare(std::string("SELECT ") + kEnterpriseColumns + " FROM enterprise e" + where +
               " ORDER BY e.name, e.uscc LIMIT :limit OFFSET :offset");
    st.define_and_bind();
    st.execute(false);
    while (st.fetch()) {
      ZL_ASSIGN_OR_RETURN(domain::Enterprise e, c.ToEnterprise());
      out.items.push_back(std::move(e));
    }
    return Status();
  }));
  return out;
}

Result<std::int64_t> EnterpriseRepository::Count() {
  long long n = 0;
  ZL_RETURN_IF_ERROR(db_.Read([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM enterprise", soci::into(n);
    return Status();
  }));
  return static_cast<std::int64_t>(n);
}

Result<std::vector<Tally>> EnterpriseRepository::CountBy(Dimension dimension) {
  const char* column = dimension == Dimension::kRegion     ? "region_code"
                       : dimension == Dimension::kIndustry ? "industry_code"
                                                           : "size";
  std::vector<Tally> out;
  ZL_RETURN_IF_ERROR(db_.Read([&](soci::session& sql) {
    out.clear();  // the work may run twice (see Database)
    std::string key;
    long long count = 0;
    soci::statement st = (sql.prepare << "SELECT " << column << ", COUNT(*) AS n FROM enterprise"
                                      << " GROUP BY " << column << " ORDER BY n DESC, " << column,
                          soci::into(key), soci::into(count));
    st.execute(false);
    while (st.fetch()) out.push_back({key, count});
    return Status();
  }));
  return out;
}

}  // namespace zl::store
