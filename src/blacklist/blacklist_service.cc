// Blacklist cases as stored (see blacklist_service.h).
#include "blacklist/blacklist_service.h"

#include <soci/soci.h>

#include <algorithm>

#include "auth/crypto.h"
#include "base/text.h"
#include "credit/record_service.h"
#include "store/enterprise_repository.h"

namespace zl::blacklist {

namespace {

constexpr size_t kMaxTextBytes = 4000;             // reason, basis, authority
constexpr size_t kMaxDocumentBytes = 1024 * 1024;  // one attached document
constexpr size_t kMaxDocuments = 10;

Status RequireText(const std::string& value, const char* field) {
  if (TrimSpace(value).empty()) return Status::InvalidArgument("is required", field);
  if (value.size() > kMaxTextBytes) {
    return Status::InvalidArgument("is longer than " + std::to_string(kMaxTextBytes) + " bytes",
                                   field);
  }
  return Status();
}

std::optional<Date> DateOf(const std::string& text) {
  if (text.empty()) return std::nullopt;
  Result<Date> d = Date::Parse(text);
  return d.ok() ? std::optional<Date>(*d) : std::nullopt;
}

// The public dishonesty_list record of a case published on `today`.
Result<std::int64_t> WriteListingRecord(soci::session& sql, const store::CaseRow& c,
                                        const Deadlines& deadlines, const std::string& actor,
                                        Date today) {
  credit::RecordInput in;
  in.kind = "dishonesty_list";
  in.occurred_on = c.listed_on;
  in.title = "列入严重违法失信名单（黑名单案件 " + std::to_string(c.id) + "）";
  in.source_department = c.authority;
  in.document_no = "黑名单案件 " + std::to_string(c.id);
  in.polarity = "bad";
  in.severity = "serious";
  in.published_from = today.ToString();
  in.published_until = OptionalDateText(deadlines.expires_on);
  ZL_ASSIGN_OR_RETURN(store::StoredRecord r, credit::AddRecord(sql, c.uscc, in, actor, today));
  return r.record.id;
}

}  // namespace

CaseFacts FactsOf(const store::CaseRow& row) {
  CaseFacts f;
  Result<CaseState> state = ParseCaseState(row.state);
  f.state = state.ok() ? *state : CaseState::kProposed;
  f.notified_on = DateOf(row.notified_on);
  f.objection_filed_on = DateOf(row.objection_filed_on);
  f.listed_on = DateOf(row.listed_on);
  f.removal_requested_on = DateOf(row.removal_requested_on);
  f.removed_on = DateOf(row.removed_on);
  return f;
}

Result<Deadlines> CaseDeadlines(const store::CaseRow& row) {
  return DeadlinesOf(Procedure::Default(), WorkdayCalendar::Default(), FactsOf(row));
}

std::vector<std::string> MeasuresOf(const store::CaseRow& row) { return SplitList(row.measures); }

Result<store::CaseRow> OpenCase(soci::session& sql, const CaseInput& in, const std::string& actor,
                                Date today, const std::string& now) {
  ZL_RETURN_IF_ERROR(RequireText(in.reason, "reason"));
  ZL_RETURN_IF_ERROR(RequireText(in.basis, "basis"));
  ZL_RETURN_IF_ERROR(RequireText(in.authority, "authority"));
  ZL_ASSIGN_OR_RETURN(std::vector<std::string> measures,
                      MeasureCatalogue::Default().Choose(in.measures));
  ZL_ASSIGN_OR_RETURN(std::optional<domain::Enterprise> e, store::FindEnterprise(sql, in.uscc));
  if (!e) return Status::NotFound("no enterprise with USCC " + in.uscc);
  ZL_ASSIGN_OR_RETURN(std::vector<store::CaseRow> existing,
                      store::ListCases(sql, {.uscc = in.uscc}));
  for (const store::CaseRow& c : existing) {
    if (!Closed(FactsOf(c).state)) {
      return Status::AlreadyExists(
          "the enterprise already has open case " + std::to_string(c.id) + " (" + c.state + ")",
          "uscc");
    }
  }
  store::CaseRow row;
  row.uscc = in.uscc;
  row.region_code = e->region_code;
  row.state = std::string(CaseStateName(CaseState::kProposed));
  row.rule_code = in.rule_code;
  row.reason = in.reason;
  row.basis = in.basis;
  row.authority = in.authority;
  row.measures = JoinList(measures);
  row.created_by = actor;
  row.created_at = row.updated_at = now;
  ZL_ASSIGN_OR_RETURN(row.id, store::InsertCase(sql, row));
  ZL_RETURN_IF_ERROR(store::InsertCaseEvent(sql,
                                            {row.id, 0, "open", "", row.state, "regulator", actor,
                                             today.ToString(), now, in.reason},
                                            {})
                         .status());
  return row;
}

Result<store::CaseRow> TakeStep(soci::session& sql, std::int64_t id, const Step& step,
                                const std::string& actor, Date today, const std::string& now,
                                const Procedure& procedure, const WorkdayCalendar& calendar) {
  ZL_RETURN_IF_ERROR(RequireText(step.reason, "reason"));
  if (step.documents.size() > kMaxDocuments) {
    return Status::InvalidArgument("at most " + std::to_string(kMaxDocuments) + " per step",
                                   "documents");
  }
  for (const Document& d : step.documents) {
    if (TrimSpace(d.name).empty() || d.content.empty()) {
      return Status::InvalidArgument("each document needs a name and content", "documents");
    }
    if (d.content.size() > kMaxDocumentBytes) {
      return Status::InvalidArgument("a document is larger than 1 MiB", "documents");
    }
  }
  if (step.action == CaseAction::kRequestRemoval && step.documents.empty()) {
    return Status::InvalidArgument(
        "a request for early removal needs the commitment letter (守信承诺书) attached",
        "documents");
  }
  ZL_ASSIGN_OR_RETURN(std::optional<store::CaseRow> found, store::FindCase(sql, id));
  if (!found) return Status::NotFound("no blacklist case " + std::to_string(id));
  store::CaseRow c = std::move(*found);
  ZL_ASSIGN_OR_RETURN(std::vector<store::CaseEventRow> events, store::ListCaseEvents(sql, id));
  if (!events.empty() && events.back().on_day > today.ToString()) {
    return Status::FailedPrecondition("the case's last step was on " + events.back().on_day +
                                      "; a step cannot be dated before it");
  }
  const CaseFacts facts = FactsOf(c);
  ZL_ASSIGN_OR_RETURN(CaseState next,
                      Transition(procedure, calendar, facts, step.action, step.party, today));
  const std::string from = c.state;
  const std::string day = today.ToString();
  switch (step.action) {
    case CaseAction::kNotify:
      c.notified_on = day;
      break;
    case CaseAction::kObject:
      c.objection_filed_on = day;
      break;
    case CaseAction::kRequestRemoval:
      c.removal_requested_on = day;
      break;
    case CaseAction::kGrantRemoval:
    case CaseAction::kExpire:
      c.removed_on = day;
      break;
    case CaseAction::kPublish:
      c.published_on = day;
      break;
    default:
      break;
  }
  if (next == CaseState::kListed) c.listed_on = day;
  c.state = std::string(CaseStateName(next));
  c.updated_at = now;
  if (next == CaseState::kPublished && c.record_id == 0) {
    ZL_ASSIGN_OR_RETURN(Deadlines deadlines, DeadlinesOf(procedure, calendar, FactsOf(c)));
    ZL_ASSIGN_OR_RETURN(c.record_id, WriteListingRecord(sql, c, deadlines, actor, today));
  }
  if ((next == CaseState::kRemoved || next == CaseState::kExpired) && c.record_id != 0) {
    credit::Revocation revocation;
    revocation.reason = next == CaseState::kRemoved ? "移出严重违法失信名单：" + step.reason
                                                    : "严重违法失信名单期满移出";
    revocation.document_no = "黑名单案件 " + std::to_string(c.id);
    ZL_RETURN_IF_ERROR(credit::RevokeRecord(sql, c.record_id, revocation, actor, today).status());
  }
  ZL_RETURN_IF_ERROR(store::UpdateCase(sql, c));
  std::vector<store::CaseDocumentRow> documents;
  for (const Document& d : step.documents) {
    documents.push_back({c.id, 0, 0, d.name, d.content, auth::Sha256Hex(d.content)});
  }
  ZL_RETURN_IF_ERROR(
      store::InsertCaseEvent(sql,
                             {c.id, 0, std::string(CaseActionName(step.action)), from, c.state,
                              std::string(PartyName(step.party)), actor, day, now, step.reason},
                             documents)
          .status());
  return c;
}

std::optional<Date> NextDue(const store::CaseRow& row, const Deadlines& d) {
  switch (FactsOf(row).state) {
    case CaseState::kNotified:
      return d.objection_window_ends;
    case CaseState::kObjectionFiled:
      return d.objection_answer_due;
    case CaseState::kListed:
      return d.publish_due;
    case CaseState::kRemovalRequested:
      return d.removal_decision_due;
    case CaseState::kPublished:
      return d.expires_on;
    default:
      return std::nullopt;
  }
}

Result<std::optional<CaseFile>> ReadCaseFile(soci::session& sql, std::int64_t id,
                                             const Procedure& procedure,
                                             const WorkdayCalendar& calendar) {
  ZL_ASSIGN_OR_RETURN(std::optional<store::CaseRow> c, store::FindCase(sql, id));
  if (!c) return std::optional<CaseFile>();
  CaseFile out;
  out.c = std::move(*c);
  ZL_ASSIGN_OR_RETURN(out.events, store::ListCaseEvents(sql, id));
  ZL_ASSIGN_OR_RETURN(out.documents, store::ListCaseDocuments(sql, id));
  ZL_ASSIGN_OR_RETURN(out.deadlines, DeadlinesOf(procedure, calendar, FactsOf(out.c)));
  out.next_due = NextDue(out.c, out.deadlines);
  return std::optional<CaseFile>(std::move(out));
}

Result<int> ExpireDueCases(soci::session& sql, Date today, const std::string& now,
                           const Procedure& procedure, const WorkdayCalendar& calendar) {
  const std::vector<std::string> states = {
      std::string(CaseStateName(CaseState::kListed)),
      std::string(CaseStateName(CaseState::kPublished)),
      std::string(CaseStateName(CaseState::kRemovalRequested))};
  ZL_ASSIGN_OR_RETURN(std::vector<store::CaseRow> cases, store::ListCases(sql, {.states = states}));
  int expired = 0;
  for (const store::CaseRow& c : cases) {
    ZL_ASSIGN_OR_RETURN(Deadlines d, DeadlinesOf(procedure, calendar, FactsOf(c)));
    if (!d.expires_on || today < *d.expires_on) continue;
    ZL_RETURN_IF_ERROR(
        TakeStep(sql, c.id,
                 {CaseAction::kExpire, Party::kSystem, "期满自动移出（令44号第二十一条）", {}},
                 "system", today, now, procedure, calendar)
            .status());
    ++expired;
  }
  return expired;
}

Result<std::vector<store::CaseRow>> ProposeCases(soci::session& sql, const std::string& region_code,
                                                 Date today, const std::string& actor,
                                                 const std::string& now, const EntryRules& rules) {
  std::vector<store::CaseRow> proposed;
  if (rules.all().empty()) return proposed;
  std::string kinds;
  int longest = 0;
  for (const EntryRule& rule : rules.all()) {
    longest = std::max(longest, rule.window_months);
    for (const EntryCondition& c : rule.requires_all) {
      kinds += (kinds.empty() ? "'" : ", '") + c.kind + "'";  // known kind codes (parsed)
    }
  }
  // Records in force (neither corrected nor revoked) of the rules' kinds within the longest
  // window, by enterprise.
  struct Row {
    std::string uscc, kind, severity, occurred_on, department, document_no;
  };
  std::vector<Row> rows;
  Row r;
  std::string from = today.AddMonths(-longest).ToString(), region = region_code;
  soci::statement st =
      (sql.prepare << "SELECT c.uscc, c.kind, c.severity, c.occurred_on, c.source_department, "
                      "c.document_no FROM credit_record c JOIN enterprise e ON e.uscc = c.uscc "
                      "WHERE c.kind IN (" +
                          kinds +
                          ") AND c.occurred_on >= :from AND (:region = '' OR e.region_code = "
                          ":region2) AND NOT EXISTS (SELECT 1 FROM credit_record x WHERE "
                          "x.replaces = c.id) ORDER BY c.uscc, c.occurred_on",
       soci::into(r.uscc), soci::into(r.kind), soci::into(r.severity), soci::into(r.occurred_on),
       soci::into(r.department), soci::into(r.document_no), soci::use(from), soci::use(region),
       soci::use(region));
  st.execute();
  while (st.fetch()) rows.push_back(r);

  for (size_t begin = 0; begin < rows.size();) {
    size_t end = begin;
    while (end < rows.size() && rows[end].uscc == rows[begin].uscc) ++end;
    const std::string uscc = rows[begin].uscc;
    std::vector<RuleRecord> records;
    for (size_t i = begin; i < end; ++i) {
      Result<Date> d = Date::Parse(rows[i].occurred_on);
      if (d.ok()) records.push_back({rows[i].kind, rows[i].severity, *d});
    }
    for (const EntryRule& rule : rules.all()) {
      if (!Meets(rule, records, today)) continue;
      ZL_ASSIGN_OR_RETURN(std::vector<store::CaseRow> cases, store::ListCases(sql, {.uscc = uscc}));
      bool skip = false;
      const std::string newest = rows[end - 1].occurred_on;
      for (const store::CaseRow& c : cases) {
        skip = skip || !Closed(FactsOf(c).state) ||
               (c.rule_code == rule.code && c.created_at.substr(0, 10) >= newest);
      }
      if (skip) continue;
      std::string evidence, authority;
      for (size_t i = begin; i < end; ++i) {
        evidence +=
            (evidence.empty() ? "" : "；") + rows[i].occurred_on + " " + rows[i].document_no;
        if (rows[i].kind == "penalty") authority = rows[i].department;
      }
      CaseInput in;
      in.uscc = uscc;
      in.rule_code = rule.code;
      in.reason = rule.title_zh + "（依据记录：" + evidence + "）";
      if (in.reason.size() > 3900) in.reason = rule.title_zh;
      in.basis = "《市场监督管理严重违法失信名单管理办法》" + rule.article;
      in.authority = authority.empty() ? rows[end - 1].department : authority;
      ZL_ASSIGN_OR_RETURN(store::CaseRow c, OpenCase(sql, in, actor, today, now));
      proposed.push_back(std::move(c));
      break;  // one open case per enterprise
    }
    begin = end;
  }
  return proposed;
}

Result<int> AdoptListingRecords(soci::session& sql, Date today, const std::string& actor,
                                const std::string& now) {
  struct Listing {
    long long id = 0;
    std::string uscc, occurred_on, title, department, published_from;
  };
  std::vector<Listing> found;
  Listing l;
  soci::indicator published_ind = soci::i_ok;
  soci::statement st =
      (sql.prepare << "SELECT c.id, c.uscc, c.occurred_on, c.title, c.source_department, "
                      "c.published_from FROM credit_record c WHERE c.kind = 'dishonesty_list' "
                      "AND NOT EXISTS (SELECT 1 FROM credit_record x WHERE x.replaces = c.id) "
                      "AND NOT EXISTS (SELECT 1 FROM blacklist_case b WHERE b.record_id = c.id) "
                      "ORDER BY c.uscc, c.occurred_on",
       soci::into(l.id), soci::into(l.uscc), soci::into(l.occurred_on), soci::into(l.title),
       soci::into(l.department), soci::into(l.published_from, published_ind));
  st.execute();
  while (st.fetch()) {
    if (published_ind != soci::i_ok) l.published_from.clear();
    found.push_back(l);
  }
  int adopted = 0;
  for (const Listing& r : found) {
    ZL_ASSIGN_OR_RETURN(std::vector<store::CaseRow> cases, store::ListCases(sql, {.uscc = r.uscc}));
    if (std::any_of(cases.begin(), cases.end(),
                    [](const store::CaseRow& c) { return !Closed(FactsOf(c).state); })) {
      continue;
    }
    ZL_ASSIGN_OR_RETURN(std::optional<domain::Enterprise> e, store::FindEnterprise(sql, r.uscc));
    if (!e) continue;
    store::CaseRow c;
    c.uscc = r.uscc;
    c.region_code = e->region_code;
    c.state = std::string(CaseStateName(CaseState::kPublished));
    c.rule_code = "adopted";
    c.reason = r.title;
    c.basis = "《市场监督管理严重违法失信名单管理办法》（迁移的历史失信记录）";
    c.authority = r.department;
    c.measures = JoinList(MeasureCatalogue::Default().DefaultCodes());
    c.listed_on = r.occurred_on;
    c.published_on = r.published_from.empty() ? r.occurred_on : r.published_from;
    c.record_id = r.id;
    c.created_by = actor;
    c.created_at = c.updated_at = now;
    ZL_ASSIGN_OR_RETURN(c.id, store::InsertCase(sql, c));
    ZL_RETURN_IF_ERROR(store::InsertCaseEvent(
                           sql,
                           {c.id, 0, "adopt", "", c.state, "system", actor, today.ToString(), now,
                            "迁移信用记录 " + std::to_string(r.id) + " 为已公示的黑名单案件"},
                           {})
                           .status());
    ++adopted;
  }
  return adopted;
}

const std::vector<std::string>& PublicStates() {
  static const std::vector<std::string> states = {
      std::string(CaseStateName(CaseState::kPublished)),
      std::string(CaseStateName(CaseState::kRemovalRequested))};
  return states;
}

Result<std::vector<Restriction>> RestrictionsOf(soci::session& sql, const std::string& uscc,
                                                const std::string& activity) {
  ZL_ASSIGN_OR_RETURN(std::vector<store::CaseRow> cases, store::ListCases(sql, {.uscc = uscc}));
  std::vector<Restriction> out;
  const MeasureCatalogue& catalogue = MeasureCatalogue::Default();
  for (const store::CaseRow& c : cases) {
    if (!OnTheList(FactsOf(c).state)) continue;
    for (const std::string& code : SplitList(c.measures)) {
      const Measure* m = catalogue.Find(code);
      if (m != nullptr && m->activity == activity) out.push_back({c.id, m});
    }
  }
  return out;
}

}  // namespace zl::blacklist
