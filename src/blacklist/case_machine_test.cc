// Tests for the blacklist case machine: names, every (state, action) pair, parties, the date
// rules, deadlines across Chinese holidays, random walks that must never publish a case
// without due process, and the procedure file.
#include "blacklist/case_machine.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace zl::blacklist {
namespace {

using S = CaseState;
using A = CaseAction;
using Code = Status::Code;

constexpr Party kReg = Party::kRegulator;
constexpr Party kApp = Party::kApprover;
constexpr Party kEnt = Party::kEnterprise;
constexpr Party kSys = Party::kSystem;

constexpr S kAllStates[] = {S::kProposed,          S::kNotified,         S::kObjectionFiled,
                            S::kObjectionAnswered, S::kAwaitingApproval, S::kListed,
                            S::kPublished,         S::kRemovalRequested, S::kDismissed,
                            S::kRemoved,           S::kExpired};
constexpr A kAllActions[] = {A::kNotify,        A::kObject,         A::kAnswerObjection,
                             A::kDecideList,    A::kDismiss,        A::kApprove,
                             A::kPublish,       A::kRequestRemoval, A::kGrantRemoval,
                             A::kRefuseRemoval, A::kExpire};
constexpr Party kAllParties[] = {kReg, kApp, kEnt, kSys};

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d); }
const WorkdayCalendar& Cal() { return WorkdayCalendar::Default(); }
const Procedure& Proc() { return Procedure::Default(); }

Result<CaseState> Step(const CaseFacts& facts, A action, Party party, Date today,
                       const Procedure& procedure = Procedure::Default()) {
  return Transition(procedure, Cal(), facts, action, party, today);
}

bool SameFacts(const CaseFacts& a, const CaseFacts& b) {
  return a.state == b.state && a.notified_on == b.notified_on &&
         a.objection_filed_on == b.objection_filed_on && a.listed_on == b.listed_on &&
         a.removal_requested_on == b.removal_requested_on && a.removed_on == b.removed_on;
}

// ---------------------------------------------------------------------------------------
// 1. Names

TEST(CaseMachineNames, RoundTripAndBadNames) {
  const std::vector<std::string_view> state_names = {
      "proposed",          "notified", "objection_filed", "objection_answered",
      "awaiting_approval", "listed",   "published",       "removal_requested",
      "dismissed",         "removed",  "expired"};
  const std::vector<std::string_view> action_names = {
      "notify",  "object",          "answer_objection", "decide_list",    "dismiss", "approve",
      "publish", "request_removal", "grant_removal",    "refuse_removal", "expire"};
  for (size_t i = 0; i < std::size(kAllStates); ++i) {
    EXPECT_EQ(CaseStateName(kAllStates[i]), state_names[i]);
    Result<CaseState> parsed = ParseCaseState(state_names[i]);
    ASSERT_TRUE(parsed.ok()) << state_names[i];
    EXPECT_EQ(*parsed, kAllStates[i]);
  }
  for (size_t i = 0; i < std::size(kAllActions); ++i) {
    EXPECT_EQ(CaseActionName(kAllActions[i]), action_names[i]);
    Result<CaseAction> parsed = ParseCaseAction(action_names[i]);
    ASSERT_TRUE(parsed.ok()) << action_names[i];
    EXPECT_EQ(*parsed, kAllActions[i]);
  }
  EXPECT_EQ(PartyName(kReg), "regulator");
  EXPECT_EQ(PartyName(kApp), "approver");
  EXPECT_EQ(PartyName(kEnt), "enterprise");
  EXPECT_EQ(PartyName(kSys), "system");

  for (std::string_view bad : {"", "Listed", "listed ", "blacklisted", "notify"}) {
    Result<CaseState> r = ParseCaseState(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
    EXPECT_EQ(r.status().field(), "state");
  }
  for (std::string_view bad : {"", "Notify", "delist", "listed", "decide-list"}) {
    Result<CaseAction> r = ParseCaseAction(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
    EXPECT_EQ(r.status().field(), "action");
  }
}

TEST(CaseMachineNames, OnTheListAndPublic) {
  for (S s : kAllStates) {
    const bool on = s == S::kListed || s == S::kPublished || s == S::kRemovalRequested;
    const bool pub = s == S::kPublished || s == S::kRemovalRequested;
    EXPECT_EQ(OnTheList(s), on) << CaseStateName(s);
    EXPECT_EQ(Public(s), pub) << CaseStateName(s);
  }
}

// ---------------------------------------------------------------------------------------
// 2. Every (state, action) pair with the right party.

// The table's facts: every date set, so that only the state decides. The notice of Monday
// 2024-03-04 gives an objection window to Monday 2024-03-11 (no holiday in March 2024); the
// listing of 2020-03-02 is long past both its removal year and its three-year term.
constexpr Date kTableLate = Date::FromDays(19886);  // 2024-06-12, checked below
enum class Day { kLate, kWindowOpen };

CaseFacts TableFacts(S state) {
  CaseFacts f;
  f.state = state;
  f.notified_on = D(2024, 3, 4);
  f.objection_filed_on = D(2024, 3, 5);
  f.listed_on = D(2020, 3, 2);
  f.removal_requested_on = D(2024, 5, 6);
  return f;
}

struct Want {
  bool ok;
  S to;       // when ok
  Code code;  // when not
};
Want To(S s) { return {true, s, Code::kOk}; }
const Want kFP{false, S::kProposed, Code::kFailedPrecondition};

struct Row {
  S from;
  A action;
  Party party;
  Day day;
  Want want;
};

const std::vector<Row>& Table() {
  static const std::vector<Row> rows = {
      // proposed
      {S::kProposed, A::kNotify, kReg, Day::kLate, To(S::kNotified)},
      {S::kProposed, A::kObject, kEnt, Day::kLate, kFP},
      {S::kProposed, A::kAnswerObjection, kReg, Day::kLate, kFP},
      {S::kProposed, A::kDecideList, kReg, Day::kLate, kFP},
      {S::kProposed, A::kDismiss, kReg, Day::kLate, To(S::kDismissed)},
      {S::kProposed, A::kApprove, kApp, Day::kLate, kFP},
      {S::kProposed, A::kPublish, kReg, Day::kLate, kFP},
      {S::kProposed, A::kRequestRemoval, kEnt, Day::kLate, kFP},
      {S::kProposed, A::kGrantRemoval, kReg, Day::kLate, kFP},
      {S::kProposed, A::kRefuseRemoval, kReg, Day::kLate, kFP},
      {S::kProposed, A::kExpire, kSys, Day::kLate, kFP},
      // notified
      {S::kNotified, A::kNotify, kReg, Day::kLate, kFP},
      {S::kNotified, A::kObject, kEnt, Day::kWindowOpen, To(S::kObjectionFiled)},
      {S::kNotified, A::kAnswerObjection, kReg, Day::kLate, kFP},
      {S::kNotified, A::kDecideList, kReg, Day::kLate, To(S::kAwaitingApproval)},
      {S::kNotified, A::kDismiss, kReg, Day::kLate, To(S::kDismissed)},
      {S::kNotified, A::kApprove, kApp, Day::kLate, kFP},
      {S::kNotified, A::kPublish, kReg, Day::kLate, kFP},
      {S::kNotified, A::kRequestRemoval, kEnt, Day::kLate, kFP},
      {S::kNotified, A::kGrantRemoval, kReg, Day::kLate, kFP},
      {S::kNotified, A::kRefuseRemoval, kReg, Day::kLate, kFP},
      {S::kNotified, A::kExpire, kSys, Day::kLate, kFP},
      // objection_filed
      {S::kObjectionFiled, A::kNotify, kReg, Day::kLate, kFP},
      {S::kObjectionFiled, A::kObject, kEnt, Day::kLate, kFP},
      {S::kObjectionFiled, A::kAnswerObjection, kReg, Day::kLate, To(S::kObjectionAnswered)},
      {S::kObjectionFiled, A::kDecideList, kReg, Day::kLate, kFP},
      {S::kObjectionFiled, A::kDismiss, kReg, Day::kLate, To(S::kDismissed)},
      {S::kObjectionFiled, A::kApprove, kApp, Day::kLate, kFP},
      {S::kObjectionFiled, A::kPublish, kReg, Day::kLate, kFP},
      {S::kObjectionFiled, A::kRequestRemoval, kEnt, Day::kLate, kFP},
      {S::kObjectionFiled, A::kGrantRemoval, kReg, Day::kLate, kFP},
      {S::kObjectionFiled, A::kRefuseRemoval, kReg, Day::kLate, kFP},
      {S::kObjectionFiled, A::kExpire, kSys, Day::kLate, kFP},
      // objection_answered
      {S::kObjectionAnswered, A::kNotify, kReg, Day::kLate, kFP},
      {S::kObjectionAnswered, A::kObject, kEnt, Day::kLate, kFP},
      {S::kObjectionAnswered, A::kAnswerObjection, kReg, Day::kLate, kFP},
      {S::kObjectionAnswered, A::kDecideList, kReg, Day::kLate, To(S::kAwaitingApproval)},
      {S::kObjectionAnswered, A::kDismiss, kReg, Day::kLate, To(S::kDismissed)},
      {S::kObjectionAnswered, A::kApprove, kApp, Day::kLate, kFP},
      {S::kObjectionAnswered, A::kPublish, kReg, Day::kLate, kFP},
      {S::kObjectionAnswered, A::kRequestRemoval, kEnt, Day::kLate, kFP},
      {S::kObjectionAnswered, A::kGrantRemoval, kReg, Day::kLate, kFP},
      {S::kObjectionAnswered, A::kRefuseRemoval, kReg, Day::kLate, kFP},
      {S::kObjectionAnswered, A::kExpire, kSys, Day::kLate, kFP},
      // awaiting_approval
      {S::kAwaitingApproval, A::kNotify, kReg, Day::kLate, kFP},
      {S::kAwaitingApproval, A::kObject, kEnt, Day::kLate, kFP},
      {S::kAwaitingApproval, A::kAnswerObjection, kReg, Day::kLate, kFP},
      {S::kAwaitingApproval, A::kDecideList, kReg, Day::kLate, kFP},
      {S::kAwaitingApproval, A::kDismiss, kApp, Day::kLate, To(S::kDismissed)},
      {S::kAwaitingApproval, A::kApprove, kApp, Day::kLate, To(S::kListed)},
      {S::kAwaitingApproval, A::kPublish, kReg, Day::kLate, kFP},
      {S::kAwaitingApproval, A::kRequestRemoval, kEnt, Day::kLate, kFP},
      {S::kAwaitingApproval, A::kGrantRemoval, kReg, Day::kLate, kFP},
      {S::kAwaitingApproval, A::kRefuseRemoval, kReg, Day::kLate, kFP},
      {S::kAwaitingApproval, A::kExpire, kSys, Day::kLate, kFP},
      // listed
      {S::kListed, A::kNotify, kReg, Day::kLate, kFP},
      {S::kListed, A::kObject, kEnt, Day::kLate, kFP},
      {S::kListed, A::kAnswerObjection, kReg, Day::kLate, kFP},
      {S::kListed, A::kDecideList, kReg, Day::kLate, kFP},
      {S::kListed, A::kDismiss, kReg, Day::kLate, kFP},
      {S::kListed, A::kApprove, kApp, Day::kLate, kFP},
      {S::kListed, A::kPublish, kReg, Day::kLate, To(S::kPublished)},
      {S::kListed, A::kRequestRemoval, kEnt, Day::kLate, kFP},
      {S::kListed, A::kGrantRemoval, kReg, Day::kLate, kFP},
      {S::kListed, A::kRefuseRemoval, kReg, Day::kLate, kFP},
      {S::kListed, A::kExpire, kSys, Day::kLate, To(S::kExpired)},
      // published
      {S::kPublished, A::kNotify, kReg, Day::kLate, kFP},
      {S::kPublished, A::kObject, kEnt, Day::kLate, kFP},
      {S::kPublished, A::kAnswerObjection, kReg, Day::kLate, kFP},
      {S::kPublished, A::kDecideList, kReg, Day::kLate, kFP},
      {S::kPublished, A::kDismiss, kReg, Day::kLate, kFP},
      {S::kPublished, A::kApprove, kApp, Day::kLate, kFP},
      {S::kPublished, A::kPublish, kReg, Day::kLate, kFP},
      {S::kPublished, A::kRequestRemoval, kEnt, Day::kLate, To(S::kRemovalRequested)},
      {S::kPublished, A::kGrantRemoval, kReg, Day::kLate, kFP},
      {S::kPublished, A::kRefuseRemoval, kReg, Day::kLate, kFP},
      {S::kPublished, A::kExpire, kSys, Day::kLate, To(S::kExpired)},
      // removal_requested
      {S::kRemovalRequested, A::kNotify, kReg, Day::kLate, kFP},
      {S::kRemovalRequested, A::kObject, kEnt, Day::kLate, kFP},
      {S::kRemovalRequested, A::kAnswerObjection, kReg, Day::kLate, kFP},
      {S::kRemovalRequested, A::kDecideList, kReg, Day::kLate, kFP},
      {S::kRemovalRequested, A::kDismiss, kReg, Day::kLate, kFP},
      {S::kRemovalRequested, A::kApprove, kApp, Day::kLate, kFP},
      {S::kRemovalRequested, A::kPublish, kReg, Day::kLate, kFP},
      {S::kRemovalRequested, A::kRequestRemoval, kEnt, Day::kLate, kFP},
      {S::kRemovalRequested, A::kGrantRemoval, kReg, Day::kLate, To(S::kRemoved)},
      {S::kRemovalRequested, A::kRefuseRemoval, kReg, Day::kLate, To(S::kPublished)},
      {S::kRemovalRequested, A::kExpire, kSys, Day::kLate, To(S::kExpired)},
      // dismissed: closed
      {S::kDismissed, A::kNotify, kReg, Day::kLate, kFP},
      {S::kDismissed, A::kObject, kEnt, Day::kLate, kFP},
      {S::kDismissed, A::kAnswerObjection, kReg, Day::kLate, kFP},
      {S::kDismissed, A::kDecideList, kReg, Day::kLate, kFP},
      {S::kDismissed, A::kDismiss, kReg, Day::kLate, kFP},
      {S::kDismissed, A::kApprove, kApp, Day::kLate, kFP},
      {S::kDismissed, A::kPublish, kReg, Day::kLate, kFP},
      {S::kDismissed, A::kRequestRemoval, kEnt, Day::kLate, kFP},
      {S::kDismissed, A::kGrantRemoval, kReg, Day::kLate, kFP},
      {S::kDismissed, A::kRefuseRemoval, kReg, Day::kLate, kFP},
      {S::kDismissed, A::kExpire, kSys, Day::kLate, kFP},
      // removed: closed
      {S::kRemoved, A::kNotify, kReg, Day::kLate, kFP},
      {S::kRemoved, A::kObject, kEnt, Day::kLate, kFP},
      {S::kRemoved, A::kAnswerObjection, kReg, Day::kLate, kFP},
      {S::kRemoved, A::kDecideList, kReg, Day::kLate, kFP},
      {S::kRemoved, A::kDismiss, kReg, Day::kLate, kFP},
      {S::kRemoved, A::kApprove, kApp, Day::kLate, kFP},
      {S::kRemoved, A::kPublish, kReg, Day::kLate, kFP},
      {S::kRemoved, A::kRequestRemoval, kEnt, Day::kLate, kFP},
      {S::kRemoved, A::kGrantRemoval, kReg, Day::kLate, kFP},
      {S::kRemoved, A::kRefuseRemoval, kReg, Day::kLate, kFP},
      {S::kRemoved, A::kExpire, kSys, Day::kLate, kFP},
      // expired: closed
      {S::kExpired, A::kNotify, kReg, Day::kLate, kFP},
      {S::kExpired, A::kObject, kEnt, Day::kLate, kFP},
      {S::kExpired, A::kAnswerObjection, kReg, Day::kLate, kFP},
      {S::kExpired, A::kDecideList, kReg, Day::kLate, kFP},
      {S::kExpired, A::kDismiss, kReg, Day::kLate, kFP},
      {S::kExpired, A::kApprove, kApp, Day::kLate, kFP},
      {S::kExpired, A::kPublish, kReg, Day::kLate, kFP},
      {S::kExpired, A::kRequestRemoval, kEnt, Day::kLate, kFP},
      {S::kExpired, A::kGrantRemoval, kReg, Day::kLate, kFP},
      {S::kExpired, A::kRefuseRemoval, kReg, Day::kLate, kFP},
      {S::kExpired, A::kExpire, kSys, Day::kLate, kFP},
  };
  return rows;
}

const Row& TableRow(S from, A action) {
  static const std::map<std::pair<S, A>, const Row*> index = [] {
    std::map<std::pair<S, A>, const Row*> m;
    for (const Row& row : Table()) m[{row.from, row.action}] = &row;
    return m;
  }();
  return *index.at({from, action});
}

TEST(CaseMachineTable, EveryStateAndAction) {
  ASSERT_EQ(kTableLate, D(2024, 6, 12));
  std::set<std::pair<S, A>> seen;
  for (const Row& row : Table()) seen.insert({row.from, row.action});
  ASSERT_EQ(Table().size(), 121u);
  ASSERT_EQ(seen.size(), 121u) << "a (state, action) pair is listed twice";

  for (const Row& row : Table()) {
    const CaseFacts facts = TableFacts(row.from);
    const Date today = row.day == Day::kLate ? kTableLate : *facts.notified_on;
    Result<CaseState> r = Step(facts, row.action, row.party, today);
    const std::string what = std::string(CaseStateName(row.from)) + " --" +
                             std::string(CaseActionName(row.action)) + "--> ";
    if (row.want.ok) {
      ASSERT_TRUE(r.ok()) << what << r.status().ToString();
      EXPECT_EQ(*r, row.want.to) << what << CaseStateName(*r);
    } else {
      ASSERT_FALSE(r.ok()) << what << CaseStateName(*r);
      EXPECT_EQ(r.status().code(), row.want.code) << what << r.status().ToString();
      EXPECT_FALSE(r.status().message().empty()) << what;
      const bool closed =
          row.from == S::kDismissed || row.from == S::kRemoved || row.from == S::kExpired;
      EXPECT_EQ(r.status().message().find("the case is closed") != std::string::npos, closed)
          << what << r.status().message();
    }
  }
}

TEST(CaseMachineTable, MessagesNameTheStateAndTheNeed) {
  const Status s = Step(TableFacts(S::kProposed), A::kPublish, kReg, kTableLate).status();
  EXPECT_EQ(s.message(), "a proposed case cannot be published: only a listed case can");
  const Status closed = Step(TableFacts(S::kDismissed), A::kNotify, kReg, kTableLate).status();
  EXPECT_EQ(closed.message(), "the case is closed: it was dismissed, so it cannot be notified");
  const Status pending =
      Step(TableFacts(S::kObjectionFiled), A::kDecideList, kReg, kTableLate).status();
  EXPECT_EQ(pending.code(), Code::kFailedPrecondition);
  EXPECT_NE(pending.message().find("2024-03-05"), std::string::npos) << pending.message();
}

// ---------------------------------------------------------------------------------------
// 3. Parties: for each action, on a state and day where the right party succeeds, every
// other party is refused with PermissionDenied. The party is checked before the state.

TEST(CaseMachineParty, WrongPartyIsPermissionDenied) {
  struct Case {
    A action;
    S from;
    Day day;
    Party right;
  };
  const Case cases[] = {
      {A::kNotify, S::kProposed, Day::kLate, kReg},
      {A::kObject, S::kNotified, Day::kWindowOpen, kEnt},
      {A::kAnswerObjection, S::kObjectionFiled, Day::kLate, kReg},
      {A::kDecideList, S::kNotified, Day::kLate, kReg},
      {A::kDismiss, S::kProposed, Day::kLate, kReg},
      {A::kDismiss, S::kObjectionAnswered, Day::kLate, kReg},
      {A::kDismiss, S::kAwaitingApproval, Day::kLate, kApp},
      {A::kApprove, S::kAwaitingApproval, Day::kLate, kApp},
      {A::kPublish, S::kListed, Day::kLate, kReg},
      {A::kRequestRemoval, S::kPublished, Day::kLate, kEnt},
      {A::kGrantRemoval, S::kRemovalRequested, Day::kLate, kReg},
      {A::kRefuseRemoval, S::kRemovalRequested, Day::kLate, kReg},
      {A::kExpire, S::kListed, Day::kLate, kSys},
  };
  for (const Case& c : cases) {
    const CaseFacts facts = TableFacts(c.from);
    const Date today = c.day == Day::kLate ? kTableLate : *facts.notified_on;
    for (Party p : kAllParties) {
      Result<CaseState> r = Step(facts, c.action, p, today);
      const std::string what = std::string(CaseActionName(c.action)) + " on " +
                               std::string(CaseStateName(c.from)) + " by " +
                               std::string(PartyName(p));
      if (p == c.right) {
        EXPECT_TRUE(r.ok()) << what << ": " << r.status().ToString();
      } else {
        ASSERT_FALSE(r.ok()) << what;
        EXPECT_EQ(r.status().code(), Code::kPermissionDenied) << what << r.status().ToString();
      }
    }
  }
  // Messages.
  EXPECT_EQ(Step(TableFacts(S::kNotified), A::kObject, kReg, D(2024, 3, 4)).status().message(),
            "only the enterprise may object");
  const Status dismiss =
      Step(TableFacts(S::kAwaitingApproval), A::kDismiss, kReg, kTableLate).status();
  EXPECT_EQ(dismiss.code(), Code::kPermissionDenied);
  EXPECT_NE(dismiss.message().find("the regulator may not dismiss a case awaiting approval"),
            std::string::npos)
      << dismiss.message();
  // The party comes before the state: the enterprise cannot publish, whatever the state.
  for (S s : kAllStates) {
    EXPECT_EQ(Step(TableFacts(s), A::kPublish, kEnt, kTableLate).status().code(),
              Code::kPermissionDenied)
        << CaseStateName(s);
  }
}

// ---------------------------------------------------------------------------------------
// 4. The date rules, at their edges.

TEST(CaseMachineDates, ObjectionWindowEdges) {
  CaseFacts f;
  f.state = S::kNotified;
  f.notified_on = D(2024, 3, 4);  // Monday; 5 working days: Tue 5 … Mon 11 (no holiday)
  EXPECT_EQ(*Step(f, A::kObject, kEnt, D(2024, 3, 4)), S::kObjectionFiled);
  EXPECT_EQ(*Step(f, A::kObject, kEnt, D(2024, 3, 11)), S::kObjectionFiled);  // last day
  Result<CaseState> late = Step(f, A::kObject, kEnt, D(2024, 3, 12));         // next workday
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.status().code(), Code::kFailedPrecondition);
  EXPECT_NE(late.status().message().find("the objection window closed on 2024-03-11"),
            std::string::npos)
      << late.status().message();

  for (Date d : {D(2024, 3, 4), D(2024, 3, 8), D(2024, 3, 11)}) {
    Result<CaseState> early = Step(f, A::kDecideList, kReg, d);
    ASSERT_FALSE(early.ok()) << d;
    EXPECT_EQ(early.status().code(), Code::kFailedPrecondition);
    EXPECT_NE(early.status().message().find("the objection window is open until 2024-03-11"),
              std::string::npos)
        << early.status().message();
  }
  EXPECT_EQ(*Step(f, A::kDecideList, kReg, D(2024, 3, 12)), S::kAwaitingApproval);
}

TEST(CaseMachineDates, RemovalAndExpiryEdges) {
  CaseFacts f;
  f.state = S::kPublished;
  f.listed_on = D(2024, 3, 15);
  Result<CaseState> early = Step(f, A::kRequestRemoval, kEnt, D(2025, 3, 14));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.status().code(), Code::kFailedPrecondition);
  EXPECT_NE(early.status().message().find("early removal is possible from 2025-03-15"),
            std::string::npos)
      << early.status().message();
  EXPECT_EQ(*Step(f, A::kRequestRemoval, kEnt, D(2025, 3, 15)), S::kRemovalRequested);

  for (S s : {S::kListed, S::kPublished, S::kRemovalRequested}) {
    f.state = s;
    Result<CaseState> before = Step(f, A::kExpire, kSys, D(2027, 3, 14));
    ASSERT_FALSE(before.ok()) << CaseStateName(s);
    EXPECT_EQ(before.status().code(), Code::kFailedPrecondition);
    EXPECT_NE(before.status().message().find("the term runs until 2027-03-15"), std::string::npos)
        << before.status().message();
    EXPECT_EQ(*Step(f, A::kExpire, kSys, D(2027, 3, 15)), S::kExpired);
  }

  // A listing on 29 February: a year later is clamped to 28 February.
  f.state = S::kPublished;
  f.listed_on = D(2024, 2, 29);
  EXPECT_FALSE(Step(f, A::kRequestRemoval, kEnt, D(2025, 2, 27)).ok());
  EXPECT_TRUE(Step(f, A::kRequestRemoval, kEnt, D(2025, 2, 28)).ok());
}

TEST(CaseMachineDates, MissingDatesAreRefusedNotCrashes) {
  CaseFacts f;
  f.state = S::kNotified;  // without notified_on
  for (A a : {A::kObject, A::kDecideList}) {
    Result<CaseState> r = Step(f, a, a == A::kObject ? kEnt : kReg, D(2024, 3, 4));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Code::kFailedPrecondition);
    EXPECT_EQ(r.status().message(), "the case has no notice date");
  }
  f.state = S::kPublished;  // without listed_on
  for (A a : {A::kRequestRemoval, A::kExpire}) {
    Result<CaseState> r = Step(f, a, a == A::kExpire ? kSys : kEnt, D(2024, 3, 4));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Code::kFailedPrecondition);
    EXPECT_EQ(r.status().message(), "the case has no listing date");
  }
  // Steps without a date rule do not need one.
  f.state = S::kListed;
  EXPECT_EQ(*Step(f, A::kPublish, kReg, D(2024, 3, 4)), S::kPublished);
}

TEST(CaseMachineDates, OutsideTheCalendarIsRefused) {
  CaseFacts f;
  f.state = S::kNotified;
  f.notified_on = D(2026, 12, 28);  // the window runs into 2027, which the calendar lacks
  Result<CaseState> r = Step(f, A::kObject, kEnt, D(2026, 12, 29));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kFailedPrecondition);
  // The case view still has its other deadlines; the one the calendar cannot place is unset
  // and named.
  f.listed_on = D(2026, 12, 28);
  Result<Deadlines> d = DeadlinesOf(Proc(), Cal(), f);
  ASSERT_TRUE(d.ok());
  EXPECT_FALSE(d->objection_window_ends.has_value());
  EXPECT_FALSE(d->publish_due.has_value());
  EXPECT_EQ(d->uncovered, (std::vector<std::string>{"objection_window_ends", "publish_due"}));
  EXPECT_EQ(d->expires_on, D(2029, 12, 28));
}

// ---------------------------------------------------------------------------------------
// 5. Working days across holidays, counted by hand from data/calendar/2025.txt and 2026.txt.

TEST(CaseMachineDeadlines, NoticeBeforeNationalDay2026) {
  // Notice on Wednesday 2026-09-30. 2026.txt: 10-01…10-07 off (国庆节), Saturday 10-10 a
  // make-up working day. Working days: Thu 10-08 (1), Fri 10-09 (2), Sat 10-10 (3), Mon 10-12
  // (4), Tue 10-13 (5).
  CaseFacts f;
  f.state = S::kNotified;
  f.notified_on = D(2026, 9, 30);
  Result<Deadlines> d = DeadlinesOf(Proc(), Cal(), f);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->objection_window_ends, D(2026, 10, 13));
  EXPECT_EQ(d->objection_answer_due, std::nullopt);
  EXPECT_EQ(d->publish_due, std::nullopt);
  EXPECT_EQ(d->expires_on, std::nullopt);

  EXPECT_TRUE(Step(f, A::kObject, kEnt, D(2026, 10, 5)).ok());  // inside the break
  EXPECT_TRUE(Step(f, A::kObject, kEnt, D(2026, 10, 13)).ok());
  Result<CaseState> late = Step(f, A::kObject, kEnt, D(2026, 10, 14));
  ASSERT_FALSE(late.ok());
  EXPECT_NE(late.status().message().find("closed on 2026-10-13"), std::string::npos)
      << late.status().message();
  EXPECT_FALSE(Step(f, A::kDecideList, kReg, D(2026, 10, 10)).ok());  // the make-up Saturday
  EXPECT_FALSE(Step(f, A::kDecideList, kReg, D(2026, 10, 13)).ok());
  EXPECT_TRUE(Step(f, A::kDecideList, kReg, D(2026, 10, 14)).ok());
}

TEST(CaseMachineDeadlines, NoticeBeforeNationalDay2025) {
  // Notice on Tuesday 2025-09-30. 2025.txt: 10-01…10-08 off, Saturday 10-11 worked.
  // Thu 10-09 (1), Fri 10-10 (2), Sat 10-11 (3), Mon 10-13 (4), Tue 10-14 (5).
  CaseFacts f;
  f.notified_on = D(2025, 9, 30);
  Result<Deadlines> d = DeadlinesOf(Proc(), Cal(), f);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->objection_window_ends, D(2025, 10, 14));
}

TEST(CaseMachineDeadlines, ListedBeforeSpringFestival2026) {
  // Listed on Thursday 2026-02-12. 2026.txt: Saturday 02-14 worked, 02-15…02-23 off (春节),
  // Saturday 02-28 worked. 20 working days: Fri 02-13 (1), Sat 02-14 (2), Tue 02-24 (3) …
  // Fri 02-27 (6), Sat 02-28 (7), Mon 03-02 … Fri 03-06 (8–12), 03-09 … 03-13 (13–17),
  // Mon 03-16 (18), Tue 03-17 (19), Wed 03-18 (20).
  CaseFacts f;
  f.state = S::kListed;
  f.listed_on = D(2026, 2, 12);
  Result<Deadlines> d = DeadlinesOf(Proc(), Cal(), f);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->publish_due, D(2026, 3, 18));
  EXPECT_EQ(d->removal_possible_from, D(2027, 2, 12));
  EXPECT_EQ(d->expires_on, D(2029, 2, 12));
  EXPECT_EQ(d->objection_window_ends, std::nullopt);
}

TEST(CaseMachineDeadlines, ListedBeforeSpringFestival2025) {
  // Listed on Friday 2025-01-24. 2025.txt: Sunday 01-26 worked, 01-28…02-04 off, Saturday
  // 02-08 worked. Sun 01-26 (1), Mon 01-27 (2), Wed 02-05 … Fri 02-07 (3–5), Sat 02-08 (6),
  // 02-10 … 02-14 (7–11), 02-17 … 02-21 (12–16), Mon 02-24 … Thu 02-27 (17–20).
  CaseFacts f;
  f.listed_on = D(2025, 1, 24);
  Result<Deadlines> d = DeadlinesOf(Proc(), Cal(), f);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->publish_due, D(2025, 2, 27));
}

TEST(CaseMachineDeadlines, RemovalAcrossNewYearAndStopAcrossMayDay) {
  // Removal requested on Monday 2025-12-29; 2 + 15 = 17 working days. Tue 12-30 (1), Wed
  // 12-31 (2); 2026.txt: 01-01…01-03 off, Sunday 01-04 worked (3); Mon 01-05 … Fri 01-09
  // (4–8), 01-12 … 01-16 (9–13), Mon 01-19 … Thu 01-22 (14–17).
  // Removed on Thursday 2026-04-30; 3 working days. 2026.txt: 05-01…05-05 off. Wed 05-06 (1),
  // Thu 05-07 (2), Fri 05-08 (3).
  // Objection filed on Friday 2026-06-12; 10 working days. 2026.txt: 06-19 (Fri) off.
  // 06-15 … 06-18 (1–4), 06-22 … 06-26 (5–9), Mon 06-29 (10).
  CaseFacts f;
  f.objection_filed_on = D(2026, 6, 12);
  f.removal_requested_on = D(2025, 12, 29);
  f.removed_on = D(2026, 4, 30);
  Result<Deadlines> d = DeadlinesOf(Proc(), Cal(), f);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->objection_answer_due, D(2026, 6, 29));
  EXPECT_EQ(d->removal_decision_due, D(2026, 1, 22));
  EXPECT_EQ(d->stop_publication_due, D(2026, 5, 8));
  EXPECT_EQ(d->objection_window_ends, std::nullopt);
  EXPECT_EQ(d->publish_due, std::nullopt);
}

// ---------------------------------------------------------------------------------------
// 6. Random walks: a case is never published without a notice and either a closed
// objection window on the day of the decision or an answered objection.

TEST(CaseMachineProperty, RandomWalksNeverPublishWithoutDueProcess) {
  std::mt19937_64 rng(20260930);
  auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Procedure with_approval = Procedure::Default();
  Procedure without_approval = with_approval;
  without_approval.approval_required = false;

  int published = 0;
  int published_after_answer = 0;
  int published_after_window = 0;
  int refused = 0;
  int succeeded = 0;
  for (int walk = 0; walk < 20000; ++walk) {
    const Procedure& p = walk % 2 == 0 ? with_approval : without_approval;
    CaseFacts facts;
    Date today = D(2019, 1, 2).AddDays(uniform(0, 729));
    bool notified = false;
    bool answered = false;
    bool decided = false;
    bool window_closed_at_decision = false;
    bool answered_at_decision = false;
    std::string history;
    const int steps = uniform(1, 12);
    for (int i = 0; i < steps; ++i) {
      // Half the steps are short, so that objections within the window happen too.
      today = today.AddDays(uniform(0, 1) == 0 ? uniform(0, 14) : uniform(0, 400));
      // Three times in four an action the state allows (per the table), else any action;
      // three times in four the party the table expects, else any party. Uniform choices
      // alone would publish a case only a few times in 20,000 walks.
      std::vector<A> usual;
      for (A a : kAllActions) {
        if (TableRow(facts.state, a).want.ok) usual.push_back(a);
      }
      const A action = usual.empty() || uniform(0, 3) == 0
                           ? kAllActions[uniform(0, 10)]
                           : usual[uniform(0, static_cast<int>(usual.size()) - 1)];
      const Party party =
          uniform(0, 3) == 0 ? kAllParties[uniform(0, 3)] : TableRow(facts.state, action).party;
      const CaseFacts before = facts;
      Result<CaseState> r = Transition(p, Cal(), facts, action, party, today);
      ASSERT_TRUE(SameFacts(facts, before));
      const std::string step = std::string(CaseActionName(action)) + "/" +
                               std::string(PartyName(party)) + "@" + today.ToString();
      if (!r.ok()) {
        const Code c = r.status().code();
        ASSERT_TRUE(c == Code::kPermissionDenied || c == Code::kFailedPrecondition)
            << r.status().ToString();
        ++refused;
        history += " (" + step + " refused)";
        continue;  // a refused step records nothing
      }
      ++succeeded;
      history += " " + step;
      const Row& row = TableRow(facts.state, action);
      ASSERT_TRUE(row.want.ok) << history;
      ASSERT_EQ(party, row.party) << history;
      S want = row.want.to;
      if (!p.approval_required && want == S::kAwaitingApproval) want = S::kListed;
      ASSERT_EQ(*r, want) << history;

      // Record the step as the service would.
      switch (action) {
        case A::kNotify:
          facts.notified_on = today;
          notified = true;
          break;
        case A::kObject:
          facts.objection_filed_on = today;
          break;
        case A::kAnswerObjection:
          answered = true;
          break;
        case A::kDecideList: {
          decided = true;
          answered_at_decision = answered;
          window_closed_at_decision = false;
          if (facts.notified_on) {
            Result<Date> ends = Cal().AddWorkdays(*facts.notified_on, p.objection_workdays);
            window_closed_at_decision = ends.ok() && today > *ends;
          }
          break;
        }
        case A::kRequestRemoval:
          facts.removal_requested_on = today;
          break;
        case A::kGrantRemoval:
        case A::kExpire:
          facts.removed_on = today;
          break;
        default:
          break;
      }
      if (*r == S::kListed) facts.listed_on = today;
      facts.state = *r;

      if (*r == S::kPublished) {
        ASSERT_TRUE(notified) << history;
        ASSERT_TRUE(decided) << history;
        ASSERT_TRUE(window_closed_at_decision || answered_at_decision) << history;
        ++published;
        if (answered_at_decision) ++published_after_answer;
        if (window_closed_at_decision) ++published_after_window;
      }
    }
  }
  // The property is not vacuous: both roads to publication are walked often.
  EXPECT_GE(published, 1000);
  EXPECT_GE(published_after_window, 500);
  EXPECT_GE(published_after_answer, 20);
  EXPECT_GT(refused, 10000);
  EXPECT_GT(succeeded, 10000);
  std::printf(
      "walks: %d published (%d after the window, %d after an answer), %d steps "
      "allowed, %d refused\n",
      published, published_after_window, published_after_answer, succeeded, refused);
}

// ---------------------------------------------------------------------------------------
// 7. The procedure file.

TEST(ProcedureTest, DefaultIsTheStructDefaults) {
  const Procedure& d = Procedure::Default();
  const Procedure s;
  EXPECT_EQ(d.objection_workdays, s.objection_workdays);
  EXPECT_EQ(d.objection_answer_workdays, s.objection_answer_workdays);
  EXPECT_EQ(d.approval_required, s.approval_required);
  EXPECT_EQ(d.publish_workdays, s.publish_workdays);
  EXPECT_EQ(d.removal_after_months, s.removal_after_months);
  EXPECT_EQ(d.removal_accept_workdays, s.removal_accept_workdays);
  EXPECT_EQ(d.removal_decide_workdays, s.removal_decide_workdays);
  EXPECT_EQ(d.stop_publication_workdays, s.stop_publication_workdays);
  EXPECT_EQ(d.term_months, s.term_months);
  // … and the numbers of Order 44 as the brief gives them.
  EXPECT_EQ(d.objection_workdays, 5);
  EXPECT_EQ(d.objection_answer_workdays, 10);
  EXPECT_TRUE(d.approval_required);
  EXPECT_EQ(d.publish_workdays, 20);
  EXPECT_EQ(d.removal_after_months, 12);
  EXPECT_EQ(d.removal_accept_workdays, 2);
  EXPECT_EQ(d.removal_decide_workdays, 15);
  EXPECT_EQ(d.stop_publication_workdays, 3);
  EXPECT_EQ(d.term_months, 36);
}

TEST(ProcedureTest, TheFileOnDiskSetsEveryKey) {
  // Tests run from the repository root. The file parses and sets each of the nine keys
  // once (Default() above checks the values).
  std::ifstream in("data/blacklist/procedure.txt");
  ASSERT_TRUE(in) << "run from the repository root";
  std::stringstream text;
  text << in.rdbuf();
  Result<Procedure> p = Procedure::Parse(text.str(), "procedure.txt");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  int lines = 0;
  for (std::string line; std::getline(text, line);) {
    if (!line.empty() && line[0] != '#') ++lines;
  }
  EXPECT_EQ(lines, 9);
}

TEST(ProcedureTest, ParsesKeysCommentsAndBlankLines) {
  Result<Procedure> p = Procedure::Parse(
      "# a comment\n\n  # an indented comment\nterm_months\t60\r\napproval_required\tno\n"
      "objection_workdays\t\t7\n",
      "p.txt");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->term_months, 60);
  EXPECT_FALSE(p->approval_required);
  EXPECT_EQ(p->objection_workdays, 7);
  EXPECT_EQ(p->publish_workdays, 20);  // left out: the default
  EXPECT_EQ(p->removal_decide_workdays, 15);
  EXPECT_TRUE(Procedure::Parse("", "p.txt").ok());
  EXPECT_EQ(Procedure::Parse("publish_workdays\t0\n", "p.txt")->publish_workdays, 0);
  EXPECT_EQ(Procedure::Parse("publish_workdays\t1000\n", "p.txt")->publish_workdays, 1000);
}

TEST(ProcedureTest, ErrorsNameTheLineAndKey) {
  struct Case {
    std::string text;
    std::string where;
    std::string key;
  };
  const Case cases[] = {
      {"objection_workdays\t5\nfoo\t3\n", "p.txt:2:", "foo"},               // unknown key
      {"publish_workdays\tten\n", "p.txt:1:", "publish_workdays"},          // not a number
      {"# c\npublish_workdays\t-1\n", "p.txt:2:", "publish_workdays"},      // negative
      {"term_months\t1001\n", "p.txt:1:", "term_months"},                   // too big
      {"term_months\t3.5\n", "p.txt:1:", "term_months"},                    // not whole
      {"term_months\t36 \n", "p.txt:1:", "term_months"},                    // trailing space
      {"term_months\t\n", "p.txt:1:", "term_months"},                       // no value
      {"term_months\t36\n\nterm_months\t48\n", "p.txt:3:", "term_months"},  // twice
      {"approval_required\ttrue\n", "p.txt:1:", "approval_required"},       // not yes/no
      {"approval_required\tyes\napproval_required\tno\n", "p.txt:2:", "approval_required"},
      {"term_months 36\n", "p.txt:1:", "term_months"},  // spaces, not a tab
  };
  for (const Case& c : cases) {
    Result<Procedure> p = Procedure::Parse(c.text, "p.txt");
    ASSERT_FALSE(p.ok()) << c.text;
    EXPECT_EQ(p.status().code(), Code::kInvalidArgument) << c.text;
    EXPECT_EQ(p.status().message().rfind(c.where, 0), 0u) << p.status().message();
    EXPECT_EQ(p.status().field(), c.key) << c.text;
  }
  Result<Procedure> twice = Procedure::Parse("term_months\t36\nterm_months\t48\n", "p.txt");
  EXPECT_NE(twice.status().message().find("first on line 1"), std::string::npos)
      << twice.status().message();
}

TEST(ProcedureTest, WithoutApprovalDecideListGoesStraightToListed) {
  Result<Procedure> p = Procedure::Parse("approval_required\tno\n", "p.txt");
  ASSERT_TRUE(p.ok());
  for (S from : {S::kNotified, S::kObjectionAnswered}) {
    Result<CaseState> r = Step(TableFacts(from), A::kDecideList, kReg, kTableLate, *p);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(*r, S::kListed);
    // With the default procedure it waits for approval.
    EXPECT_EQ(*Step(TableFacts(from), A::kDecideList, kReg, kTableLate), S::kAwaitingApproval);
  }
}

TEST(ProcedureTest, ConfiguredWindowIsUsed) {
  Procedure p;
  p.objection_workdays = 10;
  CaseFacts f;
  f.state = S::kNotified;
  f.notified_on = D(2024, 3, 4);  // 10 working days: Monday 2024-03-18
  EXPECT_TRUE(Step(f, A::kObject, kEnt, D(2024, 3, 18), p).ok());
  EXPECT_FALSE(Step(f, A::kObject, kEnt, D(2024, 3, 19), p).ok());
  EXPECT_FALSE(Step(f, A::kObject, kEnt, D(2024, 3, 12)).ok());  // the default 5 days
}

}  // namespace
}  // namespace zl::blacklist
