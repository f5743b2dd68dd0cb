// An enterprise's credit file as one reader sees it: registration data, a summary, the
// current grade (grading_run.h) and the records, newest first.
//
// The public view (kPublic) holds only records in force (not corrected or revoked, and not
// revocations themselves) whose publication window contains today, with personal
// information masked (domain/masking.h): the legal representative's name, ID and phone
// numbers in record titles. The full view (kFull: regulators of the enterprise's region, the
// enterprise itself) holds every record with its status, unmasked. The summary counts the
// records in force that the view holds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "credit/grading_run.h"
#include "domain/enterprise.h"
#include "store/credit_record_table.h"

namespace soci {
class session;
}

namespace zl::credit {

enum class CreditView { kPublic, kFull };
std::string_view CreditViewName(CreditView view);  // "public" | "full"

struct CreditSummary {
  std::int64_t good = 0, bad = 0, neutral = 0;
  std::optional<store::StoredRecord> last_inspection;  // newest inspection_pass/_fail
  // "serious_dishonesty" while a published listing (严重违法失信名单) is in force, else "none".
  std::string list_status = "none";
};

struct CreditFile {
  domain::Enterprise enterprise;
  CreditView view = CreditView::kPublic;
  CreditSummary summary;
  std::optional<CurrentGrade> grade;  // none before the first grading run
  std::vector<store::StoredRecord> records;
};

// NotFound when no enterprise has this USCC.
Result<CreditFile> ReadCreditFile(soci::session& sql, const std::string& uscc, CreditView view,
                                  Date today);
// The same for an enterprise already read (callers that looked it up to choose the view).
Result<CreditFile> ReadCreditFile(soci::session& sql, domain::Enterprise enterprise,
                                  CreditView view, Date today);

// Whether `record` is shown to the public on `today`.
bool PubliclyVisible(const store::StoredRecord& record, Date today);

}  // namespace zl::credit
