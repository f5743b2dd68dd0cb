// The blacklist case machine: state and action names, the procedure file, the deadlines of a
// case and the transition rules with the reasons for a refusal.
#include "blacklist/case_machine.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <span>
#include <string>

#include "base/embedded_data.h"

namespace zl::blacklist {
namespace data {
std::span<const EmbeddedFile> ProcedureFiles();  // data/blacklist/procedure.txt
}  // namespace data

namespace {

using S = CaseState;
using A = CaseAction;

constexpr std::array<std::string_view, 11> kStateNames = {
    "proposed",          "notified", "objection_filed", "objection_answered",
    "awaiting_approval", "listed",   "published",       "removal_requested",
    "dismissed",         "removed",  "expired"};
constexpr std::array<std::string_view, 11> kActionNames = {
    "notify",  "object",          "answer_objection", "decide_list",    "dismiss", "approve",
    "publish", "request_removal", "grant_removal",    "refuse_removal", "expire"};
constexpr std::array<std::string_view, 4> kPartyNames = {"regulator", "approver", "enterprise",
                                                         "system"};

// How the messages speak of a case in each state ("a listed case cannot be approved").
constexpr std::array<std::string_view, 11> kStateDescriptions = {
    "a proposed case",
    "a notified case",
    "a case with an objection pending",
    "a case whose objection was answered",
    "a case awaiting approval",
    "a listed case",
    "a published case",
    "a case with an early-removal request",
    "a dismissed case",
    "a removed case",
    "an expired case"};

// What each action is in the messages: who takes it, "only the X may <doing>", "a ... case
// cannot <undergo>: only <from> can".
struct ActionText {
  Party party;  // dismiss: the regulator, or the approver for a case awaiting approval
  std::string_view doing;
  std::string_view undergo;
  std::string_view from;
};
constexpr std::array<ActionText, 11> kActionTexts = {{
    {Party::kRegulator, "notify the enterprise", "be notified", "a proposed case"},
    {Party::kEnterprise, "object", "be objected to", "a notified case"},
    {Party::kRegulator, "answer an objection", "have an objection answered",
     "a case with an objection pending"},
    {Party::kRegulator, "decide to list", "be decided for listing",
     "a notified case whose objection window has closed, or a case whose objection was "
     "answered"},
    {Party::kRegulator, "dismiss a case", "be dismissed", "a case not yet listed"},
    {Party::kApprover, "approve a listing", "be approved", "a case awaiting approval"},
    {Party::kRegulator, "publish a listing", "be published", "a listed case"},
    {Party::kEnterprise, "request early removal", "have early removal requested",
     "a published case"},
    {Party::kRegulator, "grant early removal", "be granted early removal",
     "a case with an early-removal request"},
    {Party::kRegulator, "refuse early removal", "be refused early removal",
     "a case with an early-removal request"},
    {Party::kSystem, "expire a case (when its term is over)", "expire",
     "a listed or published case, or one with an early-removal request"},
}};

size_t Index(CaseState s) { return static_cast<size_t>(s); }
size_t Index(CaseAction a) { return static_cast<size_t>(a); }

std::string_view ClosedReason(CaseState s) {
  switch (s) {
    case S::kDismissed:
      return "it was dismissed";
    case S::kRemoved:
      return "the enterprise was removed from the list";
    default:
      return "its term is over";
  }
}

// The state `action` leads to from `from`, or nullopt when it does not start there.
std::optional<CaseState> Target(const Procedure& procedure, CaseState from, CaseAction action) {
  switch (action) {
    case A::kNotify:
      if (from == S::kProposed) return S::kNotified;
      break;
    case A::kObject:
      if (from == S::kNotified) return S::kObjectionFiled;
      break;
    case A::kAnswerObjection:
      if (from == S::kObjectionFiled) return S::kObjectionAnswered;
      break;
    case A::kDecideList:
      if (from == S::kNotified || from == S::kObjectionAnswered) {
        return procedure.approval_required ? S::kAwaitingApproval : S::kListed;
      }
      break;
    case A::kDismiss:
      if (from == S::kProposed || from == S::kNotified || from == S::kObjectionFiled ||
          from == S::kObjectionAnswered || from == S::kAwaitingApproval) {
        return S::kDismissed;
      }
      break;
    case A::kApprove:
      if (from == S::kAwaitingApproval) return S::kListed;
      break;
    case A::kPublish:
      if (from == S::kListed) return S::kPublished;
      break;
    case A::kRequestRemoval:
      if (from == S::kPublished) return S::kRemovalRequested;
      break;
    case A::kGrantRemoval:
      if (from == S::kRemovalRequested) return S::kRemoved;
      break;
    case A::kRefuseRemoval:
      if (from == S::kRemovalRequested) return S::kPublished;
      break;
    case A::kExpire:
      if (from == S::kListed || from == S::kPublished || from == S::kRemovalRequested) {
        return S::kExpired;
      }
      break;
  }
  return std::nullopt;
}

// Which party may take the action at all; dismiss is shared between the regulator and the
// approver, and which of them depends on the state (checked later, see CheckDismissParty).
Status CheckParty(CaseAction action, Party party) {
  const ActionText& t = kActionTexts[Index(action)];
  if (action == A::kDismiss) {
    if (party == Party::kRegulator || party == Party::kApprover) return Status::Ok();
    return Status::PermissionDenied(
        "only the regulator (or, for a case awaiting approval, the approver) may dismiss a case");
  }
  if (party == t.party) return Status::Ok();
  return Status::PermissionDenied(fmt::format("only the {} may {}", PartyName(t.party), t.doing));
}

Status CheckDismissParty(CaseState from, Party party) {
  if (from == S::kAwaitingApproval && party != Party::kApprover) {
    return Status::PermissionDenied(
        "the regulator may not dismiss a case awaiting approval: only the approver can");
  }
  if (from != S::kAwaitingApproval && party != Party::kRegulator) {
    return Status::PermissionDenied(fmt::format(
        "only the regulator may dismiss {}: the approver dismisses only a case awaiting approval",
        kStateDescriptions[Index(from)]));
  }
  return Status::Ok();
}

Result<Date> ObjectionWindowEnds(const Procedure& procedure, const WorkdayCalendar& calendar,
                                 const CaseFacts& facts) {
  if (!facts.notified_on) return Status::FailedPrecondition("the case has no notice date");
  return calendar.AddWorkdays(*facts.notified_on, procedure.objection_workdays);
}

Result<Date> ListedOn(const CaseFacts& facts) {
  if (!facts.listed_on) return Status::FailedPrecondition("the case has no listing date");
  return *facts.listed_on;
}

// The date rules, once party and state allow the step.
Status CheckDates(const Procedure& procedure, const WorkdayCalendar& calendar,
                  const CaseFacts& facts, CaseAction action, Date today) {
  switch (action) {
    case A::kObject: {
      ZL_ASSIGN_OR_RETURN(Date ends, ObjectionWindowEnds(procedure, calendar, facts));
      if (today > ends) {
        return Status::FailedPrecondition(fmt::format(
            "the objection window closed on {} ({} working days after the notice of {})",
            ends.ToString(), procedure.objection_workdays, facts.notified_on->ToString()));
      }
      return Status::Ok();
    }
    case A::kDecideList: {
      if (facts.state != S::kNotified) return Status::Ok();  // the objection was answered
      ZL_ASSIGN_OR_RETURN(Date ends, ObjectionWindowEnds(procedure, calendar, facts));
      if (today <= ends) {
        return Status::FailedPrecondition(fmt::format(
            "the objection window is open until {}: a listing can be decided after it closes",
            ends.ToString()));
      }
      return Status::Ok();
    }
    case A::kRequestRemoval: {
      ZL_ASSIGN_OR_RETURN(Date listed, ListedOn(facts));
      const Date from = listed.AddMonths(procedure.removal_after_months);
      if (today < from) {
        return Status::FailedPrecondition(
            fmt::format("early removal is possible from {} ({} months after the listing of {})",
                        from.ToString(), procedure.removal_after_months, listed.ToString()));
      }
      return Status::Ok();
    }
    case A::kExpire: {
      ZL_ASSIGN_OR_RETURN(Date listed, ListedOn(facts));
      const Date ends = listed.AddMonths(procedure.term_months);
      if (today < ends) {
        return Status::FailedPrecondition(
            fmt::format("the term runs until {} ({} months after the listing of {})",
                        ends.ToString(), procedure.term_months, listed.ToString()));
      }
      return Status::Ok();
    }
    default:
      return Status::Ok();
  }
}

// --- Procedure file ---

struct NumberKey {
  std::string_view key;
  int Procedure::*member;
};
constexpr NumberKey kNumberKeys[] = {
    {"objection_workdays", &Procedure::objection_workdays},
    {"objection_answer_workdays", &Procedure::objection_answer_workdays},
    {"publish_workdays", &Procedure::publish_workdays},
    {"removal_after_months", &Procedure::removal_after_months},
    {"removal_accept_workdays", &Procedure::removal_accept_workdays},
    {"removal_decide_workdays", &Procedure::removal_decide_workdays},
    {"stop_publication_workdays", &Procedure::stop_publication_workdays},
    {"term_months", &Procedure::term_months},
};
constexpr std::string_view kApprovalKey = "approval_required";
constexpr size_t kKeyCount = std::size(kNumberKeys) + 1;  // the last slot is kApprovalKey
constexpr int kMaxNumber = 1000;

// Index into kNumberKeys, kKeyCount - 1 for approval_required, or -1.
int KeyIndex(std::string_view key) {
  for (size_t i = 0; i < std::size(kNumberKeys); ++i) {
    if (kNumberKeys[i].key == key) return static_cast<int>(i);
  }
  return key == kApprovalKey ? static_cast<int>(kKeyCount - 1) : -1;
}

bool Blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

}  // namespace

std::string_view CaseStateName(CaseState state) { return kStateNames[Index(state)]; }

Result<CaseState> ParseCaseState(std::string_view name) {
  for (size_t i = 0; i < kStateNames.size(); ++i) {
    if (kStateNames[i] == name) return static_cast<CaseState>(i);
  }
  return Status::InvalidArgument(fmt::format("unknown case state '{}'", name), "state");
}

bool OnTheList(CaseState state) {
  return state == S::kListed || state == S::kPublished || state == S::kRemovalRequested;
}

bool Closed(CaseState state) {
  return state == S::kDismissed || state == S::kRemoved || state == S::kExpired;
}

bool Public(CaseState state) { return state == S::kPublished || state == S::kRemovalRequested; }

std::string_view CaseActionName(CaseAction action) { return kActionNames[Index(action)]; }

Result<CaseAction> ParseCaseAction(std::string_view name) {
  for (size_t i = 0; i < kActionNames.size(); ++i) {
    if (kActionNames[i] == name) return static_cast<CaseAction>(i);
  }
  return Status::InvalidArgument(fmt::format("unknown case action '{}'", name), "action");
}

std::string_view PartyName(Party party) { return kPartyNames[static_cast<size_t>(party)]; }

Result<Procedure> Procedure::Parse(std::string_view text, std::string_view source_name) {
  Procedure procedure;
  std::array<int, kKeyCount> first_line{};  // 0: not seen yet
  int line_no = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Blank(line) || line[line.find_first_not_of(" \t")] == '#') continue;

    auto fail = [&](std::string_view key, std::string message) {
      return Status::InvalidArgument(fmt::format("{}:{}: {}", source_name, line_no, message),
                                     std::string(key));
    };
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      const std::string_view key = line.substr(0, line.find(' '));
      return fail(key, fmt::format("'{}' is not key<TAB>value (separate them with a tab)", line));
    }
    const std::string_view key = line.substr(0, tab);
    std::string_view value = line.substr(tab);
    value.remove_prefix(std::min(value.find_first_not_of('\t'), value.size()));
    const int k = KeyIndex(key);
    if (k < 0) return fail(key, fmt::format("unknown key '{}'", key));
    if (first_line[k] != 0) {
      return fail(key, fmt::format("{} is given twice (first on line {})", key, first_line[k]));
    }
    first_line[k] = line_no;

    if (key == kApprovalKey) {
      if (value != "yes" && value != "no") {
        return fail(key, fmt::format("{} must be yes or no, not '{}'", key, value));
      }
      procedure.approval_required = value == "yes";
      continue;
    }
    int n = -1;
    const char* end = value.data() + value.size();
    auto [ptr, ec] = std::from_chars(value.data(), end, n);
    if (value.empty() || ec != std::errc() || ptr != end || n < 0 || n > kMaxNumber) {
      return fail(key, fmt::format("{} must be a whole number from 0 to {}, not '{}'", key,
                                   kMaxNumber, value));
    }
    procedure.*(kNumberKeys[k].member) = n;
  }
  return procedure;
}

const Procedure& Procedure::Default() {
  static const Procedure* const kDefault =
      new Procedure(ParseEmbeddedOrDie<Procedure>(data::ProcedureFiles()[0], &Procedure::Parse));
  return *kDefault;
}

Result<Deadlines> DeadlinesOf(const Procedure& procedure, const WorkdayCalendar& calendar,
                              const CaseFacts& facts) {
  Deadlines d;
  // `n` working days after `from` into `out`, or noted as uncovered.
  auto workdays = [&](const std::optional<Date>& from, int n, std::optional<Date>& out,
                      const char* name) {
    if (!from) return;
    Result<Date> r = calendar.AddWorkdays(*from, n);
    if (r.ok()) {
      out = *r;
    } else {
      d.uncovered.emplace_back(name);
    }
  };
  workdays(facts.notified_on, procedure.objection_workdays, d.objection_window_ends,
           "objection_window_ends");
  workdays(facts.objection_filed_on, procedure.objection_answer_workdays, d.objection_answer_due,
           "objection_answer_due");
  workdays(facts.listed_on, procedure.publish_workdays, d.publish_due, "publish_due");
  if (facts.listed_on) {
    d.removal_possible_from = facts.listed_on->AddMonths(procedure.removal_after_months);
    d.expires_on = facts.listed_on->AddMonths(procedure.term_months);
  }
  workdays(facts.removal_requested_on,
           procedure.removal_accept_workdays + procedure.removal_decide_workdays,
           d.removal_decision_due, "removal_decision_due");
  workdays(facts.removed_on, procedure.stop_publication_workdays, d.stop_publication_due,
           "stop_publication_due");
  return d;
}

Result<CaseState> Transition(const Procedure& procedure, const WorkdayCalendar& calendar,
                             const CaseFacts& facts, CaseAction action, Party party, Date today) {
  ZL_RETURN_IF_ERROR(CheckParty(action, party));
  const ActionText& t = kActionTexts[Index(action)];
  if (Closed(facts.state)) {
    return Status::FailedPrecondition(fmt::format("the case is closed: {}, so it cannot {}",
                                                  ClosedReason(facts.state), t.undergo));
  }
  const std::optional<CaseState> to = Target(procedure, facts.state, action);
  if (!to) {
    if (action == A::kDecideList && facts.state == S::kObjectionFiled) {
      const std::string filed =
          facts.objection_filed_on ? " filed on " + facts.objection_filed_on->ToString() : "";
      return Status::FailedPrecondition(fmt::format(
          "the objection{} has not been answered: answer it before deciding to list", filed));
    }
    return Status::FailedPrecondition(fmt::format(
        "{} cannot {}: only {} can", kStateDescriptions[Index(facts.state)], t.undergo, t.from));
  }
  if (action == A::kDismiss) ZL_RETURN_IF_ERROR(CheckDismissParty(facts.state, party));
  ZL_RETURN_IF_ERROR(CheckDates(procedure, calendar, facts, action, today));
  return *to;
}

}  // namespace zl::blacklist
