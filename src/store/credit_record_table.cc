// SQL for credit records, the same text on both backends.
#include "store/credit_record_table.h"

#include <soci/soci.h>

#include "base/clock.h"
#include "domain/record_kind.h"

namespace zl::store {

namespace {

constexpr const char* kRecordColumns =
    "r.id, r.uscc, r.kind, r.occurred_on, r.title, r.source_department, r.document_no, "
    "r.polarity, r.severity, r.published_from, r.published_until, r.replaces, r.details, "
    "r.import_id, r.created_by, r.created_at, n.id, n.kind";

// One row of kRecordColumns as read, with the successor (n) joined.
struct RecordRow {
  long long id = 0;
  std::string uscc, kind, occurred_on, title, source_department, document_no, polarity, severity,
      published_from, published_until;
  long long replaces = 0;
  soci::indicator replaces_ind = soci::i_null;
  std::string details;
  long long import_id = 0;  // 0: not imported
  std::string created_by, created_at;
  long long next_id = 0;
  soci::indicator next_ind = soci::i_null;
  std::string next_kind;
  soci::indicator next_kind_ind = soci::i_null;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    for (std::string* f : {&uscc, &kind, &occurred_on, &title, &source_department, &document_no,
                           &polarity, &severity, &published_from, &published_until}) {
      st.exchange(soci::into(*f));
    }
    st.exchange(soci::into(replaces, replaces_ind));
    st.exchange(soci::into(details));
    st.exchange(soci::into(import_id));
    st.exchange(soci::into(created_by));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(next_id, next_ind));
    st.exchange(soci::into(next_kind, next_kind_ind));
  }

  Result<StoredRecord> ToStored() const {
    StoredRecord out;
    domain::CreditRecord& r = out.record;
    r.id = id;
    r.uscc = uscc;
    r.kind = kind;
    ZL_ASSIGN_OR_RETURN(r.occurred_on, Date::Parse(occurred_on));
    r.title = title;
    r.source_department = source_department;
    r.document_no = document_no;
    ZL_ASSIGN_OR_RETURN(r.polarity, domain::ParsePolarity(polarity));
    ZL_ASSIGN_OR_RETURN(r.severity, domain::ParseSeverity(severity));
    if (!published_from.empty()) {
      ZL_ASSIGN_OR_RETURN(r.published_from, Date::Parse(published_from));
    }
    if (!published_until.empty()) {
      ZL_ASSIGN_OR_RETURN(r.published_until, Date::Parse(published_until));
    }
    if (replaces_ind == soci::i_ok) r.replaces = replaces;
    r.details = details;
    if (import_id != 0) out.import_id = import_id;
    out.created_by = created_by;
    out.created_at = created_at;
    if (next_ind == soci::i_ok) {
      out.replaced_by = next_id;
      out.status = next_kind == domain::kRevocationKind ? domain::RecordStatus::kRevoked
                                                        : domain::RecordStatus::kCorrected;
    }
    return out;
  }
};

Result<std::vector<StoredRecord>> Select(soci::session& sql, const std::string& where,
                                         std::string value) {
  std::vector<StoredRecord> out;
  RecordRow row;
  soci::statement st(sql);
  row.Into(st);
  st.exchange(soci::use(value));
  st.alloc();
  st.prepare(std::string("SELECT ") + kRecordColumns +
             " FROM credit_record r LEFT JOIN credit_record n ON n.replaces = r.id WHERE " + where +
             " ORDER BY r.occurred_on DESC, r.id DESC");
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) {
    ZL_ASSIGN_OR_RETURN(StoredRecord r, row.ToStored());
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

Result<std::vector<StoredRecord>> ListRecordsOf(soci::session& sql, const std::string& uscc) {
  return Select(sql, "r.uscc = :uscc", uscc);
}

Result<std::optional<StoredRecord>> FindRecord(soci::session& sql, std::int64_t id) {
  ZL_ASSIGN_OR_RETURN(std::vector<StoredRecord> rows,
                      Select(sql, "r.id = CAST(:id AS BIGINT)", std::to_string(id)));
  if (rows.empty()) return std::optional<StoredRecord>();
  return std::optional<StoredRecord>(std::move(rows.front()));
}

Result<std::int64_t> InsertRecord(soci::session& sql, const domain::CreditRecord& r,
                                  const std::string& created_by) {
  long long key = r.NaturalKey();
  long long replaces = r.replaces.value_or(0);
  soci::indicator replaces_ind = r.replaces ? soci::i_ok : soci::i_null;
  std::string occurred = r.occurred_on.ToString();
  std::string polarity(domain::PolarityName(r.polarity));
  std::string severity(domain::SeverityName(r.severity));
  std::string from = OptionalDateText(r.published_from);
  std::string until = OptionalDateText(r.published_until);
  std::string created_at = NowIsoUtc();
  long long id = 0;
  sql << "INSERT INTO credit_record (uscc, natural_key, kind, occurred_on, title, "
         "source_department, document_no, polarity, severity, published_from, published_until, "
         "replaces, details, created_by, created_at) VALUES (:uscc, :key, :kind, :occurred, "
         ":title, :department, :document, :polarity, :severity, :from, :until, :replaces, "
         ":details, :by, :at) RETURNING id",
      soci::use(r.uscc), soci::use(key), soci::use(r.kind), soci::use(occurred), soci::use(r.title),
      soci::use(r.source_department), soci::use(r.document_no), soci::use(polarity),
      soci::use(severity), soci::use(from), soci::use(until), soci::use(replaces, replaces_ind),
      soci::use(r.details), soci::use(created_by), soci::use(created_at), soci::into(id);
  return static_cast<std::int64_t>(id);
}

RecordInserter::RecordInserter(soci::session& sql, std::string created_by,
                               std::optional<std::int64_t> import_id,
                               dialect::BulkWriter::OnConflict on_conflict)
    : writer_(dialect::BulkWriter::Create(
          sql, dialect::BackendOf(sql), "credit_record",
          {"uscc", "natural_key", "kind", "occurred_on", "title", "source_department",
           "document_no", "polarity", "severity", "published_from", "published_until", "details",
           "import_id", "created_by", "created_at"},
          on_conflict)),
      created_by_(std::move(created_by)),
      import_id_(std::to_string(import_id.value_or(0))),
      created_at_(NowIsoUtc()) {}

Status RecordInserter::Add(const domain::CreditRecord& r, std::int64_t natural_key) {
  if (r.replaces) return Status::Internal("bulk records cannot replace others");
  std::string key = std::to_string(natural_key);
  std::string occurred = r.occurred_on.ToString();
  std::string from = OptionalDateText(r.published_from);
  std::string until = OptionalDateText(r.published_until);
  return writer_->Add({r.uscc, key, r.kind, occurred, r.title, r.source_department, r.document_no,
                       domain::PolarityName(r.polarity), domain::SeverityName(r.severity), from,
                       until, r.details, import_id_, created_by_, created_at_});
}

Status RecordInserter::Finish() { return writer_->Finish(); }

Result<std::int64_t> CountRecords(soci::session& sql) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM credit_record", soci::into(n);
  return static_cast<std::int64_t>(n);
}

}  // namespace zl::store
