// The blacklist tables (see blacklist_tables.h).
#include "store/blacklist_tables.h"

#include <soci/soci.h>

namespace zl::store {

namespace {

constexpr const char* kCaseColumns =
    "id, uscc, region_code, state, rule_code, reason, basis, authority, measures, notified_on, "
    "objection_filed_on, listed_on, published_on, removal_requested_on, removed_on, record_id, "
    "created_by, created_at, updated_at";

// Binds a CaseRow's columns (kCaseColumns order) as the statement's results.
struct CaseColumns {
  CaseRow row;
  long long id = 0, record_id = 0;
  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    for (std::string* f :
         {&row.uscc, &row.region_code, &row.state, &row.rule_code, &row.reason, &row.basis,
          &row.authority, &row.measures, &row.notified_on, &row.objection_filed_on, &row.listed_on,
          &row.published_on, &row.removal_requested_on, &row.removed_on}) {
      st.exchange(soci::into(*f));
    }
    st.exchange(soci::into(record_id));
    for (std::string* f : {&row.created_by, &row.created_at, &row.updated_at}) {
      st.exchange(soci::into(*f));
    }
  }
  CaseRow Get() {
    row.id = id;
    row.record_id = record_id;
    return row;
  }
};

// Runs `text` (kCaseColumns first) with `params` bound in order, collecting the cases.
// `extra` receives further result columns after the case's.
std::vector<CaseRow> FetchCases(soci::session& sql, const std::string& text,
                                std::vector<std::string> params,
                                std::vector<std::string>* extra = nullptr) {
  CaseColumns c;
  std::string name;
  soci::statement st(sql);
  c.Into(st);
  if (extra != nullptr) st.exchange(soci::into(name));
  for (std::string& p : params) st.exchange(soci::use(p));
  st.alloc();
  st.prepare(text);
  st.define_and_bind();
  std::vector<CaseRow> out;
  st.execute(false);
  while (st.fetch()) {
    out.push_back(c.Get());
    if (extra != nullptr) extra->push_back(name);
  }
  return out;
}

// `q` for a LIKE pattern with '\' as the escape character.
std::string LikeEscaped(const std::string& q) {
  std::string out;
  for (char ch : q) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

// " AND state IN (:s0, :s1, …)" for the states, appended to `params`.
std::string StatesClause(std::span<const std::string> states, std::vector<std::string>& params) {
  if (states.empty()) return "";
  std::string clause = " AND state IN (";
  for (size_t i = 0; i < states.size(); ++i) {
    clause += (i ? ", :s" : ":s") + std::to_string(i);
    params.push_back(states[i]);
  }
  return clause + ")";
}

}  // namespace

Result<std::int64_t> InsertCase(soci::session& sql, const CaseRow& r) {
  long long id = 0, record_id = r.record_id;
  sql << "INSERT INTO blacklist_case (uscc, region_code, state, rule_code, reason, basis, "
         "authority, measures, notified_on, objection_filed_on, listed_on, published_on, "
         "removal_requested_on, removed_on, record_id, created_by, created_at, updated_at) "
         "VALUES (:u, :rc, :s, :rule, :reason, :basis, :auth, :m, :n, :o, :l, :p, :rr, :rm, :rid, "
         ":by, :at, :up) RETURNING id",
      soci::use(r.uscc), soci::use(r.region_code), soci::use(r.state), soci::use(r.rule_code),
      soci::use(r.reason), soci::use(r.basis), soci::use(r.authority), soci::use(r.measures),
      soci::use(r.notified_on), soci::use(r.objection_filed_on), soci::use(r.listed_on),
      soci::use(r.published_on), soci::use(r.removal_requested_on), soci::use(r.removed_on),
      soci::use(record_id), soci::use(r.created_by), soci::use(r.created_at),
      soci::use(r.updated_at), soci::into(id);
  return static_cast<std::int64_t>(id);
}

Result<std::optional<CaseRow>> FindCase(soci::session& sql, std::int64_t id) {
  std::vector<CaseRow> rows =
      FetchCases(sql,
                 std::string("SELECT ") + kCaseColumns +
                     " FROM blacklist_case WHERE id = " + std::to_string(id),
                 {});
  if (rows.empty()) return std::optional<CaseRow>();
  return std::optional<CaseRow>(std::move(rows.front()));
}

Status UpdateCase(soci::session& sql, const CaseRow& r) {
  long long id = r.id, record_id = r.record_id;
  sql << "UPDATE blacklist_case SET region_code = :rc, state = :s, rule_code = :rule, "
         "reason = :reason, basis = :basis, authority = :auth, measures = :m, notified_on = :n, "
         "objection_filed_on = :o, listed_on = :l, published_on = :p, "
         "removal_requested_on = :rr, removed_on = :rm, record_id = :rid, updated_at = :up "
         "WHERE id = :id",
      soci::use(r.region_code), soci::use(r.state), soci::use(r.rule_code), soci::use(r.reason),
      soci::use(r.basis), soci::use(r.authority), soci::use(r.measures), soci::use(r.notified_on),
      soci::use(r.objection_filed_on), soci::use(r.listed_on), soci::use(r.published_on),
      soci::use(r.removal_requested_on), soci::use(r.removed_on), soci::use(record_id),
      soci::use(r.updated_at), soci::use(id);
  return Status();
}

Result<std::vector<CaseRow>> ListCases(soci::session& sql, const CaseFilter& filter) {
  std::vector<std::string> params;
  std::string text = std::string("SELECT ") + kCaseColumns + " FROM blacklist_case WHERE 1 = 1";
  if (!filter.region_code.empty()) {
    text += " AND region_code = :r";
    params.push_back(filter.region_code);
  }
  if (!filter.uscc.empty()) {
    text += " AND uscc = :u";
    params.push_back(filter.uscc);
  }
  text += StatesClause(filter.states, params) + " ORDER BY id DESC";
  return FetchCases(sql, text, std::move(params));
}

Result<std::int64_t> InsertCaseEvent(soci::session& sql, CaseEventRow e,
                                     std::span<const CaseDocumentRow> documents) {
  long long case_id = e.case_id, seq = 0;
  sql << "SELECT COALESCE(MAX(seq), 0) + 1 FROM blacklist_event WHERE case_id = :c",
      soci::use(case_id), soci::into(seq);
  sql << "INSERT INTO blacklist_event (case_id, seq, action, from_state, to_state, party, actor, "
         "on_day, at, reason) VALUES (:c, :seq, :a, :f, :t, :p, :actor, :d, :at, :r)",
      soci::use(case_id), soci::use(seq), soci::use(e.action), soci::use(e.from_state),
      soci::use(e.to_state), soci::use(e.party), soci::use(e.actor), soci::use(e.on_day),
      soci::use(e.at), soci::use(e.reason);
  long long position = 0;
  for (const CaseDocumentRow& d : documents) {
    ++position;
    sql << "INSERT INTO blacklist_document (case_id, event_seq, position, name, content, sha256) "
           "VALUES (:c, :seq, :pos, :n, :content, :sha)",
        soci::use(case_id), soci::use(seq), soci::use(position), soci::use(d.name),
        soci::use(d.content), soci::use(d.sha256);
  }
  return static_cast<std::int64_t>(seq);
}

Result<std::vector<CaseEventRow>> ListCaseEvents(soci::session& sql, std::int64_t case_id) {
  CaseEventRow e;
  long long key = case_id, seq = 0;
  soci::statement st =
      (sql.prepare << "SELECT seq, action, from_state, to_state, party, actor, "
                      "on_day, at, reason FROM blacklist_event WHERE case_id = "
                      ":c ORDER BY seq",
       soci::into(seq), soci::into(e.action), soci::into(e.from_state), soci::into(e.to_state),
       soci::into(e.party), soci::into(e.actor), soci::into(e.on_day), soci::into(e.at),
       soci::into(e.reason), soci::use(key));
  st.execute();
  std::vector<CaseEventRow> out;
  while (st.fetch()) {
    e.case_id = case_id;
    e.seq = seq;
    out.push_back(e);
  }
  return out;
}

Result<std::vector<CaseDocumentRow>> ListCaseDocuments(soci::session& sql, std::int64_t case_id) {
  CaseDocumentRow d;
  long long key = case_id, seq = 0, position = 0;
  soci::statement st =
      (sql.prepare << "SELECT event_seq, position, name, content, sha256 FROM blacklist_document "
                      "WHERE case_id = :c ORDER BY event_seq, position",
       soci::into(seq), soci::into(position), soci::into(d.name), soci::into(d.content),
       soci::into(d.sha256), soci::use(key));
  st.execute();
  std::vector<CaseDocumentRow> out;
  while (st.fetch()) {
    d.case_id = case_id;
    d.event_seq = seq;
    d.position = position;
    out.push_back(d);
  }
  return out;
}

Result<std::pair<std::int64_t, std::vector<PublicListing>>> ListPublicCases(
    soci::session& sql, std::span<const std::string> states, const std::string& q,
    std::int64_t offset, std::int64_t limit) {
  std::vector<std::string> params;
  std::string where = " FROM blacklist_case c JOIN enterprise e ON e.uscc = c.uscc WHERE 1 = 1" +
                      StatesClause(states, params);
  if (!q.empty()) {
    where += " AND (e.name LIKE :q ESCAPE '\\' OR c.uscc LIKE :q2 ESCAPE '\\')";
    params.push_back("%" + LikeEscaped(q) + "%");
    params.push_back(LikeEscaped(q) + "%");
  }
  long long total = 0;
  {
    std::vector<std::string> count_params = params;
    soci::statement st(sql);
    st.exchange(soci::into(total));
    for (std::string& p : count_params) st.exchange(soci::use(p));
    st.alloc();
    st.prepare("SELECT COUNT(*)" + where);
    st.define_and_bind();
    st.execute(true);
  }
  std::string columns;
  for (std::string_view c : {"id", "uscc", "region_code", "state", "rule_code", "reason", "basis",
                             "authority", "measures", "notified_on", "objection_filed_on",
                             "listed_on", "published_on", "removal_requested_on", "removed_on",
                             "record_id", "created_by", "created_at", "updated_at"}) {
    columns += (columns.empty() ? "c." : ", c.") + std::string(c);
  }
  std::vector<std::string> names;
  std::vector<CaseRow> rows = FetchCases(
      sql,
      "SELECT " + columns + ", e.name" + where + " ORDER BY c.listed_on DESC, c.id DESC LIMIT " +
          std::to_string(limit) + " OFFSET " + std::to_string(offset),
      std::move(params), &names);
  std::vector<PublicListing> out;
  for (size_t i = 0; i < rows.size(); ++i) out.push_back({std::move(rows[i]), names[i]});
  return std::make_pair(static_cast<std::int64_t>(total), std::move(out));
}

}  // namespace zl::store
