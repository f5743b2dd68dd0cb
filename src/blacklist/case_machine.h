// The due process of a quality blacklist case (the serious-dishonesty list of SAMR Order 44,
// credit-rules.md §4 item 19) as a state machine, with its deadlines in working days.
//
//   proposed ──notify──▶ notified ──object (within the window)──▶ objection_filed
//      │                    │                                          │ answer_objection
//      │                    │ decide_list (window closed)              ▼
//      │                    └──────────────▶ ◀──decide_list── objection_answered
//      │                    awaiting_approval (when the procedure wants one) ──approve──▶ listed
//      │                    or straight to listed ──publish──▶ published
//      │                    published ──request_removal (≥ removal_after_months)──▶
//      removal_requested │                    removal_requested ──grant_removal──▶ removed │
//      removal_requested ──refuse_removal──▶ published (kept) │                    listed |
//      published | removal_requested ──expire (term over)──▶ expired └─dismiss─▶ dismissed (from
//      proposed, notified, objection_filed, objection_answered,
//                  awaiting_approval)
//
// No path reaches `published` without a notice and a closed objection window: decide_list
// needs the window over (or an objection answered), and only a listed case is published.
// Everything here is pure: the caller (blacklist_service.h) stores cases and events and asks
// Transition() whether a step is allowed; the answer names the reason when it is not.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/result.h"
#include "base/workday_calendar.h"

namespace zl::blacklist {

enum class CaseState {
  kProposed,
  kNotified,
  kObjectionFiled,
  kObjectionAnswered,
  kAwaitingApproval,
  kListed,
  kPublished,
  kRemovalRequested,
  kDismissed,
  kRemoved,
  kExpired,
};
// "proposed", "notified", "objection_filed", "objection_answered", "awaiting_approval",
// "listed", "published", "removal_requested", "dismissed", "removed", "expired".
std::string_view CaseStateName(CaseState state);
Result<CaseState> ParseCaseState(std::string_view name);  // InvalidArgument, field "state"
// Listed, published or removal_requested: the enterprise is on the list (the grade veto and
// the joint-punishment measures apply). Only published and removal_requested are public.
bool OnTheList(CaseState state);
bool Public(CaseState state);
// Dismissed, removed or expired: the case takes no more steps.
bool Closed(CaseState state);

enum class CaseAction {
  kNotify,
  kObject,
  kAnswerObjection,
  kDecideList,
  kDismiss,
  kApprove,
  kPublish,
  kRequestRemoval,
  kGrantRemoval,
  kRefuseRemoval,
  kExpire,
};
// "notify", "object", "answer_objection", "decide_list", "dismiss", "approve", "publish",
// "request_removal", "grant_removal", "refuse_removal", "expire".
std::string_view CaseActionName(CaseAction action);
Result<CaseAction> ParseCaseAction(std::string_view name);  // InvalidArgument, field "action"

// Who takes a step. The service maps accounts to parties: a regulator is a city or province
// administrator responsible for the enterprise's region; the approver is a province
// administrator (the level above, Order 44 Art. 22 as of 2021); the enterprise is its own
// account; the system expires cases whose term is over.
enum class Party { kRegulator, kApprover, kEnterprise, kSystem };
std::string_view PartyName(Party party);  // "regulator", "approver", "enterprise", "system"

// The procedure's numbers; items marked [I] in credit-rules.md are configurable here, not
// hard-coded (data/blacklist/procedure.txt, lines "key<TAB>value", '#' comments).
struct Procedure {
  int objection_workdays = 5;          // [I] window for an objection after the notice
  int objection_answer_workdays = 10;  // [I] to answer an objection
  bool approval_required = true;       // [I] Art. 22 (2021); a 2025 draft drops it
  int publish_workdays = 20;           // Art. 14: publish within 20 working days of listing
  int removal_after_months = 12;       // Art. 16: early removal after at least one year
  int removal_accept_workdays = 2;     // Art. 17: accept an application within 2 working days
  int removal_decide_workdays = 15;    // Art. 17: decide within 15 working days of accepting
  int stop_publication_workdays = 3;   // Art. 18: stop publishing within 3 working days
  int term_months = 36;                // Art. 21: removed automatically after 3 years

  // InvalidArgument naming the line and key: unknown key, a value that is not a whole
  // number in range (0–1000; approval_required: "yes" or "no"), a key given twice.
  static Result<Procedure> Parse(std::string_view text, std::string_view source_name);
  // data/blacklist/procedure.txt, compiled in and parsed once.
  static const Procedure& Default();
};

// What the machine needs to know of a case: its state and the days of its steps so far.
struct CaseFacts {
  CaseState state = CaseState::kProposed;
  std::optional<Date> notified_on;           // notify
  std::optional<Date> objection_filed_on;    // object
  std::optional<Date> listed_on;             // entering `listed` (decide_list or approve)
  std::optional<Date> removal_requested_on;  // request_removal
  std::optional<Date> removed_on;            // grant_removal or expire
};

// The deadlines of a case as of its facts; a deadline is set once the step it counts from
// has happened (and stays set after: the console shows whether it was kept).
struct Deadlines {
  std::optional<Date>
      objection_window_ends;                 // last day to object: notified_on + objection_workdays
  std::optional<Date> objection_answer_due;  // objection_filed_on + objection_answer_workdays
  std::optional<Date> publish_due;           // listed_on + publish_workdays
  std::optional<Date> removal_possible_from;  // listed_on + removal_after_months
  std::optional<Date> removal_decision_due;   // removal_requested_on + accept + decide workdays
  std::optional<Date> stop_publication_due;   // removed_on + stop_publication_workdays
  std::optional<Date> expires_on;             // listed_on + term_months
  // Working-day deadlines the calendar cannot place yet (it lacks the next year's notice:
  // add it with data/calendar/YYYY.txt); those deadlines are unset. Names as the fields.
  std::vector<std::string> uncovered;
};
// Never fails for want of a calendar year (see Deadlines::uncovered): a case listed in late
// December still shows its expiry and the rest.
Result<Deadlines> DeadlinesOf(const Procedure& procedure, const WorkdayCalendar& calendar,
                              const CaseFacts& facts);

// The state after `action` taken by `party` on `today`. Refusals, each with a message a user
// understands (naming the current state, what the step needs, and the date when a date
// decides it):
//   PermissionDenied     the party may not take this step ("only the enterprise may object")
//   FailedPrecondition   not from this state ("a proposed case cannot be published: only a
//                        listed case can"), or not yet / no longer ("the objection window
//                        closed on 2026-10-15", "the objection window is open until
//                        2026-10-15", "early removal is possible from 2027-10-08",
//                        "the term runs until 2029-10-08")
// Does not change `facts`; the caller records the step and its day.
Result<CaseState> Transition(const Procedure& procedure, const WorkdayCalendar& calendar,
                             const CaseFacts& facts, CaseAction action, Party party, Date today);

}  // namespace zl::blacklist
