// Writing single credit records outside imports: a regulator adds a record, corrects one or
// revokes one. All append (records are never changed): a correction is a new record whose
// `replaces` names the corrected one; a revocation is a record of kind "revocation" whose
// `replaces` names the revoked record. Each grades the enterprise again at once under the
// active rule set (grading_run.h). Call inside Database::Write, together with the audit entry.
#pragma once

#include <string>

#include "base/date.h"
#include "base/result.h"
#include "store/credit_record_table.h"

namespace soci {
class session;
}

namespace zl::credit {

// The fields of a new record as a person gives them, named as in the import file.
struct RecordInput {
  std::string kind, occurred_on, title, source_department, document_no, polarity, severity,
      published_from, published_until;
};

// Validates `input` exactly as an import row (InvalidArgument naming the field), requires the
// enterprise to exist (NotFound) and appends the record. AlreadyExists when the enterprise
// has a record with the same kind, date, document number and title.
Result<store::StoredRecord> AddRecord(soci::session& sql, const std::string& uscc,
                                      const RecordInput& input, const std::string& actor,
                                      Date today);

// Replaces record `id` by a corrected one (validated as AddRecord; the enterprise stays the
// same): the old record shows as corrected, the new one names it in `replaces`. NotFound,
// FailedPrecondition and AlreadyExists as for RevokeRecord and AddRecord.
Result<store::StoredRecord> CorrectRecord(soci::session& sql, std::int64_t id,
                                          const RecordInput& input, const std::string& actor,
                                          Date today);

struct Revocation {
  std::string reason;             // required
  std::string document_no;        // the revoking decision, optional
  std::string source_department;  // default: the revoked record's department
};

// NotFound for an unknown id; FailedPrecondition when the record is already corrected or
// revoked, or is itself a revocation. Returns the revocation record.
Result<store::StoredRecord> RevokeRecord(soci::session& sql, std::int64_t id,
                                         const Revocation& revocation, const std::string& actor,
                                         Date today);

}  // namespace zl::credit
