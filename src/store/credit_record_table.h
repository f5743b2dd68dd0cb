// The credit_record table: reading an enterprise's records with what became of each, and
// appending records one at a time (API) or in bulk (imports, demo). Records are never
// updated or deleted here; a correction or revocation is a new record naming the old one in
// `replaces`. Session-level functions for use inside Database::Read/Write.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/credit_record.h"
#include "store/dialect.h"

namespace soci {
class session;
}

namespace zl::store {

struct StoredRecord {
  domain::CreditRecord record;
  domain::RecordStatus status = domain::RecordStatus::kActive;
  std::optional<std::int64_t> replaced_by;  // the correcting or revoking record
  std::optional<std::int64_t> import_id;    // the import that wrote it, if any
  std::string created_by;
  std::string created_at;
};

// Every record of one enterprise, newest occurrence first (ties: newest id first).
Result<std::vector<StoredRecord>> ListRecordsOf(soci::session& sql, const std::string& uscc);

// nullopt when no record has this id.
Result<std::optional<StoredRecord>> FindRecord(soci::session& sql, std::int64_t id);

// Appends one record and returns its id. AlreadyExists when the enterprise already has a
// record with the same natural key, or when `replaces` already has a successor.
Result<std::int64_t> InsertRecord(soci::session& sql, const domain::CreditRecord& record,
                                  const std::string& created_by);

// Appends many records through the bulk path within the caller's transaction. With kSkip,
// a record whose natural key the enterprise already has is skipped (re-imports).
class RecordInserter {
 public:
  RecordInserter(soci::session& sql, std::string created_by, std::optional<std::int64_t> import_id,
                 dialect::BulkWriter::OnConflict on_conflict);
  Status Add(const domain::CreditRecord& record) { return Add(record, record.NaturalKey()); }
  // With the record's NaturalKey() already computed.
  Status Add(const domain::CreditRecord& record, std::int64_t natural_key);
  Status Finish();
  // Records written (skipped ones not counted); final after Finish.
  std::int64_t inserted() const { return writer_->inserted(); }

 private:
  std::unique_ptr<dialect::BulkWriter> writer_;
  std::string created_by_;
  std::string import_id_;
  std::string created_at_;
};

// Number of records in the archive.
Result<std::int64_t> CountRecords(soci::session& sql);

}  // namespace zl::store
