// The blacklist as stored cases (issue #7): opening a case, taking the steps of its due
// process (case_machine.h decides what is allowed; this records it), the public list, an
// enterprise's restrictions, and the sweep that expires cases whose term is over.
//
// Publishing a case writes a dishonesty_list credit record for the enterprise (document
// "黑名单案件 N", visible until the term ends), which caps its grade through the grading rules'
// veto and regrades it at once; removal or expiry revokes that record (and regrades again).
// Every step is an event with party, actor, day, time, reason and documents; the API also
// writes each step to the audit log.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "base/workday_calendar.h"
#include "blacklist/case_machine.h"
#include "blacklist/entry_rules.h"
#include "blacklist/measures.h"
#include "store/blacklist_tables.h"

namespace soci {
class session;
}

namespace zl::blacklist {

struct CaseInput {
  std::string uscc;
  std::string reason;  // why: the violation and the penalty it rests on
  std::string basis;  // the legal basis, e.g. "《市场监督管理严重违法失信名单管理办法》第七条"
  std::string authority;                   // the deciding authority
  std::string rule_code = {};              // the entry rule that proposed it; "" by hand
  std::vector<std::string> measures = {};  // joint-punishment measure codes; empty = defaults
};
// Opens a case in `proposed`. InvalidArgument naming the field (reason, basis, authority,
// measures); NotFound for an unknown enterprise; AlreadyExists when the enterprise already
// has a case that is not closed (dismissed, removed or expired).
Result<store::CaseRow> OpenCase(soci::session& sql, const CaseInput& input,
                                const std::string& actor, Date today, const std::string& now);

struct Document {
  std::string name, content;
};
struct Step {
  CaseAction action = CaseAction::kNotify;
  Party party = Party::kRegulator;
  std::string reason;  // required
  std::vector<Document> documents;
};
// Takes one step of case `id`'s process on `today`: NotFound for an unknown case,
// InvalidArgument for a missing reason or a bad document (field "documents"; a request for
// early removal needs the commitment letter), and Transition()'s refusals. Nothing is
// written when it fails.
Result<store::CaseRow> TakeStep(soci::session& sql, std::int64_t id, const Step& step,
                                const std::string& actor, Date today, const std::string& now,
                                const Procedure& procedure = Procedure::Default(),
                                const WorkdayCalendar& calendar = WorkdayCalendar::Default());

// The machine's view of a stored case.
CaseFacts FactsOf(const store::CaseRow& row);
// The deadlines of a stored case under the shipped procedure and calendar.
Result<Deadlines> CaseDeadlines(const store::CaseRow& row);
// The measure codes a stored case carries.
std::vector<std::string> MeasuresOf(const store::CaseRow& row);

// A case with its history and deadlines, as the console and the enterprise see it.
struct CaseFile {
  store::CaseRow c;
  std::vector<store::CaseEventRow> events;
  std::vector<store::CaseDocumentRow> documents;
  Deadlines deadlines;
  std::optional<Date> next_due;  // the deadline that matters in the current state, if any
};
Result<std::optional<CaseFile>> ReadCaseFile(
    soci::session& sql, std::int64_t id, const Procedure& procedure = Procedure::Default(),
    const WorkdayCalendar& calendar = WorkdayCalendar::Default());
// The deadline that matters in the case's current state (objection window, answer,
// approval-free publication, removal decision, expiry), if any.
std::optional<Date> NextDue(const store::CaseRow& row, const Deadlines& deadlines);

// Proposes a case for every enterprise (of `region_code`, "" = all) whose credit records in
// force meet an entry rule (entry_rules.h) on `today` and that has no open case, unless a
// case under the same rule was already opened since the newest record that meets it (a
// dismissed proposal is not made again for the same facts). The reason names the rule and
// the records; the basis its article; the authority the department of the newest penalty.
// Returns the new cases.
Result<std::vector<store::CaseRow>> ProposeCases(soci::session& sql, const std::string& region_code,
                                                 Date today, const std::string& actor,
                                                 const std::string& now,
                                                 const EntryRules& rules = EntryRules::Default());

// Takes dishonesty_list credit records in force that no case points to (written before the
// blacklist was kept here, or imported from another system: credit-rules.md §4 item 20's
// legacy listings) onto the list: each becomes a published case (listed on the record's
// date, with its title as the reason and its department as the authority) with one event
// "adopt" saying where it came from. Enterprises with an open case are left alone. Run
// ExpireDueCases afterwards to end the ones whose term is already over. Returns how many.
Result<int> AdoptListingRecords(soci::session& sql, Date today, const std::string& actor,
                                const std::string& now);

// Expires every case whose term is over on `today` (party system); returns how many.
Result<int> ExpireDueCases(soci::session& sql, Date today, const std::string& now,
                           const Procedure& procedure = Procedure::Default(),
                           const WorkdayCalendar& calendar = WorkdayCalendar::Default());

// The states shown on the public list: published, and published with a removal request.
const std::vector<std::string>& PublicStates();

// What the enterprise's listing means for `activity` ("bid", "honour", …): the measures of
// its cases on the list that restrict it. Empty when it may.
struct Restriction {
  std::int64_t case_id = 0;
  const Measure* measure = nullptr;
};
Result<std::vector<Restriction>> RestrictionsOf(soci::session& sql, const std::string& uscc,
                                                const std::string& activity);

}  // namespace zl::blacklist
