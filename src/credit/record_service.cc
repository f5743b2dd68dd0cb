// Adding and revoking single records (see record_service.h).
#include "credit/record_service.h"

#include "base/text.h"
#include "credit/grading_run.h"
#include "credit/import_rows.h"
#include "domain/record_kind.h"
#include "store/enterprise_repository.h"

namespace zl::credit {

namespace {

// Appends the record and grades its enterprise again at once (grading_run.h), naming the
// record as the cause: "record 12 added", "record 13 revokes record 12".
Result<store::StoredRecord> Append(soci::session& sql, const domain::CreditRecord& record,
                                   const std::string& actor, Date today) {
  ZL_ASSIGN_OR_RETURN(std::int64_t id, store::InsertRecord(sql, record, actor));
  ZL_ASSIGN_OR_RETURN(std::optional<store::StoredRecord> stored, store::FindRecord(sql, id));
  if (!stored) return Status::Internal("the record just written is missing");
  std::string cause = "record " + std::to_string(id);
  if (!record.replaces) {
    cause += " added";
  } else {
    cause += record.kind == domain::kRevocationKind ? " revokes record " : " corrects record ";
    cause += std::to_string(*record.replaces);
  }
  const std::string uscc[] = {record.uscc};
  ZL_RETURN_IF_ERROR(Regrade(sql, uscc, cause, actor, today));
  return std::move(*stored);
}

// The record `in` describes, validated as an import row.
Result<domain::CreditRecord> ParseInput(const std::string& uscc, const RecordInput& in,
                                        Date today) {
  std::vector<store::ImportError> errors;
  std::vector<std::string> cells = {
      uscc,           in.kind,     in.occurred_on, in.title,          in.source_department,
      in.document_no, in.polarity, in.severity,    in.published_from, in.published_until};
  std::optional<domain::CreditRecord> record = ParseRecordRow(cells, 0, today, errors);
  if (!record) {
    const store::ImportError& e = errors.front();
    return Status::InvalidArgument(e.reason, e.column.empty() ? "record" : e.column);
  }
  return std::move(*record);
}

// The record `id` if it may be superseded: it exists, is in force and is not a revocation.
Result<store::StoredRecord> Supersedable(soci::session& sql, std::int64_t id) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::StoredRecord> target, store::FindRecord(sql, id));
  if (!target) return Status::NotFound("no credit record with id " + std::to_string(id));
  if (target->record.kind == domain::kRevocationKind) {
    return Status::FailedPrecondition("a revocation cannot be revoked or corrected");
  }
  if (target->status != domain::RecordStatus::kActive) {
    return Status::FailedPrecondition("record " + std::to_string(id) + " is already " +
                                      std::string(domain::RecordStatusName(target->status)));
  }
  return std::move(*target);
}

}  // namespace

Result<store::StoredRecord> AddRecord(soci::session& sql, const std::string& uscc,
                                      const RecordInput& in, const std::string& actor, Date today) {
  ZL_ASSIGN_OR_RETURN(domain::CreditRecord record, ParseInput(uscc, in, today));
  ZL_ASSIGN_OR_RETURN(std::optional<domain::Enterprise> enterprise,
                      store::FindEnterprise(sql, record.uscc));
  if (!enterprise) return Status::NotFound("no enterprise with USCC " + record.uscc);
  return Append(sql, record, actor, today);
}

Result<store::StoredRecord> CorrectRecord(soci::session& sql, std::int64_t id,
                                          const RecordInput& in, const std::string& actor,
                                          Date today) {
  ZL_ASSIGN_OR_RETURN(store::StoredRecord target, Supersedable(sql, id));
  ZL_ASSIGN_OR_RETURN(domain::CreditRecord record, ParseInput(target.record.uscc, in, today));
  if (record.NaturalKey() == target.record.NaturalKey()) {
    return Status::InvalidArgument(
        "a correction must change the kind, date, document number or title", "record");
  }
  record.replaces = id;
  return Append(sql, record, actor, today);
}

Result<store::StoredRecord> RevokeRecord(soci::session& sql, std::int64_t id,
                                         const Revocation& revocation, const std::string& actor,
                                         Date today) {
  std::string reason = TrimSpace(revocation.reason);
  if (reason.empty()) return Status::InvalidArgument("is required", "reason");
  if (CountCodePoints(reason) > 400) {
    return Status::InvalidArgument("is longer than 400 characters", "reason");
  }
  ZL_ASSIGN_OR_RETURN(store::StoredRecord target, Supersedable(sql, id));
  domain::CreditRecord r;
  r.uscc = target.record.uscc;
  r.kind = std::string(domain::kRevocationKind);
  r.occurred_on = today;
  r.title = "撤销：" + reason;
  std::string department = TrimSpace(revocation.source_department);
  r.source_department = department.empty() ? target.record.source_department : department;
  r.document_no = TrimSpace(revocation.document_no);
  r.polarity = domain::Polarity::kNeutral;
  r.severity = domain::Severity::kNone;
  r.replaces = id;
  return Append(sql, r, actor, today);
}

}  // namespace zl::credit
