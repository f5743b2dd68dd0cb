// EnterpriseRepository: SQL for the enterprise register, the same text on both backends.
#include "store/enterprise_repository.h"

#include <soci/soci.h>

#include <chrono>

#include "base/clock.h"
#include "store/database.h"
#include "store/dialect.h"

namespace zl::store {

namespace {

constexpr const char* kColumns =
    "uscc, name, region_code, industry_code, size, founded_on, address";

// Column values as read from a row, turned into an Enterprise.
struct EnterpriseColumns {
  std::string uscc, name, region_code, industry_code, size, founded_on, address;

  Result<domain::Enterprise> ToEnterprise() const {
    domain::Enterprise e;
    e.uscc = uscc;
    e.name = name;
    e.region_code = region_code;
    e.industry_code = industry_code;
    ZL_ASSIGN_OR_RETURN(e.size, domain::ParseEnterpriseSize(size));
    ZL_ASSIGN_OR_RETURN(e.founded_on, Date::Parse(founded_on));
    e.address = address;
    return e;
  }
};

// Builds the WHERE clause for a filter; the bound values live in `values`, which must
// outlive the statement (SOCI binds by reference).
std::string WhereClause(Backend backend, const EnterpriseFilter& filter,
                        std::vector<std::string>& values) {
  std::string where = " WHERE 1 = 1";
  values.clear();
  values.reserve(4);
  if (!filter.region_code.empty()) {
    values.push_back(filter.region_code);
    where += " AND region_code = :region";
  }
  if (!filter.industry_code.empty()) {
    values.push_back(filter.industry_code);
    where += " AND industry_code = :industry";
  }
  if (!filter.size.empty()) {
    values.push_back(filter.size);
    where += " AND size = :size";
  }
  if (!filter.name_contains.empty()) {
    values.emplace_back();
    where += " AND " + dialect::ContainsCondition(backend, "name", "enterprise_name_fts",
                                                  filter.name_contains, values.back());
  }
  return where;
}

}  // namespace

Status EnterpriseRepository::InsertMany(std::span<const domain::Enterprise> rows) {
  std::size_t i = 0;
  return InsertAll([&]() -> std::optional<domain::Enterprise> {
    if (i == rows.size()) return std::nullopt;
    return rows[i++];
  });
}

Status EnterpriseRepository::DeleteAll() {
  return db_.Write([](soci::session& sql) {
    sql << "DELETE FROM enterprise";
    return Status();
  });
}

Status EnterpriseRepository::InsertAll(const Source& next) {
  Backend backend = db_.backend();
  return db_.Write(
      [&](soci::session& sql) {
        std::string created_at = NowIsoUtc();
        auto writer = dialect::BulkWriter::Create(sql, backend, "enterprise",
                                                  {"uscc", "name", "region_code", "industry_code",
                                                   "size", "founded_on", "address", "created_at"});
        while (std::optional<domain::Enterprise> row = next()) {
          const domain::Enterprise& e = *row;
          std::string founded_on = e.founded_on.ToString();
          ZL_RETURN_IF_ERROR(writer->Add({e.uscc, e.name, e.region_code, e.industry_code,
                                          domain::EnterpriseSizeNameEn(e.size), founded_on,
                                          e.address, created_at}));
        }
        return writer->Finish();
      },
      Database::Retry::kNever);  // `next` cannot be rewound
}

Result<std::optional<domain::Enterprise>> FindEnterprise(soci::session& sql,
                                                         const std::string& uscc) {
  EnterpriseColumns c;
  sql << "SELECT " << kColumns << " FROM enterprise WHERE uscc = :uscc", soci::into(c.uscc),
      soci::into(c.name), soci::into(c.region_code), soci::into(c.industry_code),
      soci::into(c.size), soci::into(c.founded_on), soci::into(c.address), soci::use(uscc);
  if (!sql.got_data()) return std::optional<domain::Enterprise>();
  ZL_ASSIGN_OR_RETURN(domain::Enterprise e, c.ToEnterprise());
  return std::optional<domain::Enterprise>(std::move(e));
}

void UpdateEnterprise(soci::session& sql, const domain::Enterprise& e) {
  std::string size(domain::EnterpriseSizeNameEn(e.size));
  std::string founded = e.founded_on.ToString();
  sql << "UPDATE enterprise SET name = :name, region_code = :region, industry_code = :industry, "
         "size = :size, founded_on = :founded, address = :address WHERE uscc = :uscc",
      soci::use(e.name), soci::use(e.region_code), soci::use(e.industry_code), soci::use(size),
      soci::use(founded), soci::use(e.address), soci::use(e.uscc);
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
  PageOf<domain::Enterprise> out;
  out.page = page.page;
  out.per_page = page.per_page;
  std::vector<std::string> values;
  std::string where = WhereClause(db_.backend(), filter, values);
  ZL_RETURN_IF_ERROR(db_.Read([&](soci::session& sql) {
    out.items.clear();  // the work may run twice (see Database)
    long long total = 0;
    {
      soci::statement st(sql);
      st.exchange(soci::into(total));
      for (std::string& v : values) st.exchange(soci::use(v));
      st.alloc();
      st.prepare("SELECT COUNT(*) FROM enterprise" + where);
      st.define_and_bind();
      st.execute(true);
    }
    out.total = total;
    long long limit = page.per_page;
    long long offset = static_cast<long long>(page.page - 1) * page.per_page;
    EnterpriseColumns c;
    soci::statement st(sql);
    for (std::string* f :
         {&c.uscc, &c.name, &c.region_code, &c.industry_code, &c.size, &c.founded_on, &c.address}) {
      st.exchange(soci::into(*f));
    }
    for (std::string& v : values) st.exchange(soci::use(v));
    st.exchange(soci::use(limit));
    st.exchange(soci::use(offset));
    st.alloc();
    st.prepare(std::string("SELECT ") + kColumns + " FROM enterprise" + where +
               " ORDER BY name, uscc LIMIT :limit OFFSET :offset");
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
