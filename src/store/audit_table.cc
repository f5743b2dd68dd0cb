// SQL for the audit log; the same text on both backends.
#include "store/audit_table.h"

#include <soci/soci.h>

#include <vector>

namespace zl::store {

namespace {

constexpr const char* kColumns =
    "seq, at, actor, actor_role, action, object_type, object_id, region_code, summary, "
    "request_id, prev_hash, hash";

struct AuditRow {
  long long seq = 0;
  AuditRecord r;
  void Into(soci::statement& st) {
    st.exchange(soci::into(seq));
    for (std::string* s : {&r.at, &r.actor, &r.actor_role, &r.action, &r.object_type, &r.object_id,
                           &r.region_code, &r.summary, &r.request_id, &r.prev_hash, &r.hash}) {
      st.exchange(soci::into(*s));
    }
  }
  AuditRecord Get() const {
    AuditRecord out = r;
    out.seq = seq;
    return out;
  }
};

std::string WhereClause(const AuditFilter& f, std::vector<std::string>& values) {
  std::string where = " WHERE 1 = 1";
  values.clear();
  values.reserve(6);
  auto add = [&](const std::string& value, const char* condition) {
    if (value.empty()) return;
    values.push_back(value);
    where += condition;
  };
  add(f.actor, " AND actor = :actor");
  if (!f.action.empty() && f.action.back() == '.') {
    values.push_back(f.action);
    where += " AND substr(action, 1, length(:prefix)) = :prefix2";
    values.push_back(f.action);
  } else {
    add(f.action, " AND action = :action");
  }
  add(f.object_type, " AND object_type = :object_type");
  add(f.object_id, " AND object_id = :object_id");
  add(f.from, " AND at >= :from_at");
  // A bare date as the upper bound means the whole day.
  add(f.to.size() == 10 ? f.to + "T99" : f.to, " AND at <= :to_at");
  return where;
}

}  // namespace

AuditHead LockAuditHead(soci::session& sql) {
  sql << "UPDATE audit_head SET seq = seq WHERE id = 1";
  return ReadAuditHead(sql);
}

AuditHead ReadAuditHead(soci::session& sql) {
  AuditHead head;
  long long seq = 0;
  sql << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(seq), soci::into(head.hash);
  head.seq = seq;
  return head;
}

void AppendAuditRecord(soci::session& sql, const AuditRecord& r) {
  long long seq = r.seq;
  sql << "INSERT INTO audit_log (" << kColumns
      << ") VALUES (:seq, :at, :actor, :role, :action, :otype, :oid, :region, :summary, :rid, "
         ":prev, :hash)",
      soci::use(seq), soci::use(r.at), soci::use(r.actor), soci::use(r.actor_role),
      soci::use(r.action), soci::use(r.object_type), soci::use(r.object_id),
      soci::use(r.region_code), soci::use(r.summary), soci::use(r.request_id),
      soci::use(r.prev_hash), soci::use(r.hash);
  sql << "UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1", soci::use(seq),
      soci::use(r.hash);
}

PageOf<AuditRecord> ListAudit(soci::session& sql, const AuditFilter& filter, PageRequest page) {
  PageOf<AuditRecord> out;
  out.page = page.page;
  out.per_page = page.per_page;
  std::vector<std::string> values;
  std::string where = WhereClause(filter, values);
  long long total = 0;
  {
    soci::statement st(sql);
    st.exchange(soci::into(total));
    for (std::string& v : values) st.exchange(soci::use(v));
    st.alloc();
    st.prepare("SELECT COUNT(*) FROM audit_log" + where);
    st.define_and_bind();
    st.execute(true);
  }
  out.total = total;
  long long limit = page.per_page;
  long long offset = static_cast<long long>(page.page - 1) * page.per_page;
  AuditRow row;
  soci::statement st(sql);
  row.Into(st);
  for (std::string& v : values) st.exchange(soci::use(v));
  st.exchange(soci::use(limit));
  st.exchange(soci::use(offset));
  st.alloc();
  st.prepare(std::string("SELECT ") + kColumns + " FROM audit_log" + where +
             " ORDER BY seq DESC LIMIT :limit OFFSET :offset");
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) out.items.push_back(row.Get());
  return out;
}

void ScanAudit(soci::session& sql, const std::function<bool(const AuditRecord&)>& visit) {
  // Pages by seq so that memory stays bounded on both backends (a PostgreSQL result set is
  // otherwise held whole in memory).
  long long after = 0;
  for (;;) {
    AuditRow row;
    long long limit = 5000;
    soci::statement st(sql);
    row.Into(st);
    st.exchange(soci::use(after));
    st.exchange(soci::use(limit));
    st.alloc();
    st.prepare(std::string("SELECT ") + kColumns +
               " FROM audit_log WHERE seq > :after ORDER BY seq LIMIT :limit");
    st.define_and_bind();
    st.execute(false);
    int n = 0;
    while (st.fetch()) {
      ++n;
      after = row.seq;
      if (!visit(row.Get())) return;
    }
    if (n < limit) return;
  }
}

}  // namespace zl::store
