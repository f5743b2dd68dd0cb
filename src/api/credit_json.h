// The JSON shapes of the credit archive in API responses: records, the credit file, import
// runs and their errors.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "credit/credit_file.h"
#include "credit/importer.h"
#include "store/credit_record_table.h"
#include "store/import_tables.h"

namespace zl::api {

// {"id", "kind", "kind_name_zh", "kind_name_en", "occurred_on", "title", "source_department",
//  "document_no", "polarity", "severity", "published_from", "published_until", "status",
//  "replaces", "replaced_by", "published"} — plus "created_by", "created_at", "import_id"
// in the full view.
nlohmann::json RecordToJson(const store::StoredRecord& record, credit::CreditView view, Date today);

// The enterprise's fields (EnterpriseToJson) with "view", "summary", "grade" (null before the
// first grading run; with "risk_class" only when `show_risk`) and "records".
nlohmann::json CreditFileToJson(const credit::CreditFile& file, Date today, bool show_risk);

// {"id", "kind", "file_name", "format", "actor", "strict", "committed", "accepted",
//  "rejected", "inserted", "updated", "unchanged", "created_at"}
nlohmann::json ImportRunToJson(const store::ImportRun& run);
// {"row", "column", "reason"}
nlohmann::json ImportErrorToJson(const store::ImportError& error);

}  // namespace zl::api
