// The blacklist tables (migration 0010): cases, the events of their due process and the
// documents attached to events. Session-level functions for use inside Database::Read/Write;
// the rules of the process are blacklist/case_machine.h and the service that applies them
// blacklist/blacklist_service.h.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.h"

namespace soci {
class session;
}

namespace zl::store {

struct CaseRow {
  std::int64_t id = 0;
  std::string uscc, region_code, state;
  std::string rule_code;  // the entry rule that proposed it; "" when opened by hand
  std::string reason, basis, authority;
  std::string measures;  // comma-separated joint-punishment measure codes
  // The day of each step ("" until it happens).
  std::string notified_on, objection_filed_on, listed_on, published_on, removal_requested_on,
      removed_on;
  std::int64_t record_id = 0;  // the dishonesty_list credit record while published
  std::string created_by, created_at, updated_at;
};

// Returns the new id.
Result<std::int64_t> InsertCase(soci::session& sql, const CaseRow& row);
Result<std::optional<CaseRow>> FindCase(soci::session& sql, std::int64_t id);
// Writes every field but id, uscc, created_by and created_at.
Status UpdateCase(soci::session& sql, const CaseRow& row);

struct CaseFilter {
  std::string region_code = {};          // "" = every region
  std::string uscc = {};                 // "" = every enterprise
  std::vector<std::string> states = {};  // empty = every state
};
// Newest first.
Result<std::vector<CaseRow>> ListCases(soci::session& sql, const CaseFilter& filter);

struct CaseEventRow {
  std::int64_t case_id = 0, seq = 0;
  std::string action, from_state, to_state, party, actor, on_day, at, reason;
};
struct CaseDocumentRow {
  std::int64_t case_id = 0, event_seq = 0, position = 0;
  std::string name, content, sha256;
};
// The event's seq is one more than the case's last; returns it. The documents get it too.
Result<std::int64_t> InsertCaseEvent(soci::session& sql, CaseEventRow event,
                                     std::span<const CaseDocumentRow> documents);
// In order.
Result<std::vector<CaseEventRow>> ListCaseEvents(soci::session& sql, std::int64_t case_id);
Result<std::vector<CaseDocumentRow>> ListCaseDocuments(soci::session& sql, std::int64_t case_id);

// A public list entry: a case in a public state and the enterprise's name.
struct PublicListing {
  CaseRow c;
  std::string name;
};
// The cases in `states` whose enterprise's name contains `q` or whose USCC starts with it
// ("" = all), newest listing first, a page at a time, with the total count.
Result<std::pair<std::int64_t, std::vector<PublicListing>>> ListPublicCases(
    soci::session& sql, std::span<const std::string> states, const std::string& q,
    std::int64_t offset, std::int64_t limit);

}  // namespace zl::store
