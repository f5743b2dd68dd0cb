// The blacklist through the real server on both backends: one case driven from proposal to
// early removal over HTTP by the city administrator, the province administrator (approval)
// and the enterprise itself, checking at each step the public list, the credit file, the
// grade, the restrictions and the audit trail; refusals name the reason.
//
// Steps a regulator took on paper are recorded with their day ("on"), which lets the case be
// listed more than a year ago so that today's early-removal request is allowed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "auth_test_server.h"

namespace zl::testing {
namespace {

using nlohmann::json;

using BlacklistApiTest = AuthServerTest;

json StepBody(const std::string& action, const std::string& reason, const std::string& on = "",
              json documents = json::array()) {
  json b = {{"action", action}, {"reason", reason}, {"documents", std::move(documents)}};
  if (!on.empty()) b["on"] = on;
  return b;
}

TEST_P(BlacklistApiTest, OneCaseFromProposalToEarlyRemoval) {
  Caller admin = LogIn("admin"), city = LogIn("tangshan"), own = LogIn("qiye");
  ASSERT_EQ(Send(admin, "POST", "/api/v1/grading/runs", "{}").status, 201);
  const std::string file = "/api/v1/enterprises/" + tangshan_uscc_;
  auto public_list = [&] { return Send({}, "GET", "/api/v1/blacklist").Json(); };
  auto grade = [&] { return Send({}, "GET", file).Json()["grade"]["grade"].get<std::string>(); };
  auto may_bid = [&] {
    return Send({}, "GET", file + "/restrictions?activity=bid").Json()["allowed"].get<bool>();
  };
  ASSERT_NE(grade(), "D");
  EXPECT_TRUE(may_bid());

  // Opened by hand, with reasons and basis; a second open case for the same enterprise is
  // refused, and another city's administrator cannot open one here.
  const json open = {{"uscc", tangshan_uscc_},
                     {"reason", "省级监督抽查不合格，复检仍不合格，并被处以较重行政处罚"},
                     {"basis", "《市场监督管理严重违法失信名单管理办法》第七条"},
                     {"authority", "唐山市市场监督管理局"},
                     {"on", "2025-08-25"}};
  auto opened = Send(city, "POST", "/api/v1/blacklist/cases", open.dump());
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string id = std::to_string(opened.Json()["id"].get<std::int64_t>());
  const std::string steps = "/api/v1/blacklist/cases/" + id + "/steps";
  EXPECT_EQ(opened.Json()["state"], "proposed");
  EXPECT_EQ(opened.Json()["measures"].size(), 5u);  // the catalogue's defaults
  EXPECT_EQ(Send(city, "POST", "/api/v1/blacklist/cases", open.dump()).status, 409);
  EXPECT_EQ(Send(LogIn("shijiazhuang"), "POST", "/api/v1/blacklist/cases", open.dump()).status,
            403);
  EXPECT_EQ(Send(LogIn("shijiazhuang"), "GET", "/api/v1/blacklist/cases/" + id).status, 403);
  json bad = json(open);
  bad["basis"] = " ";
  auto refused = Send(city, "POST", "/api/v1/blacklist/cases", bad.dump());
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.Json()["field"], "basis");

  // Publishing before notice is refused with the reason.
  auto early = Send(city, "POST", steps, StepBody("publish", "先公示").dump());
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_NE(early.Json()["detail"].get<std::string>().find("proposed"), std::string::npos);

  // Prior notice with reasons, basis and the right to object (a document with its digest).
  auto notified =
      Send(city, "POST", steps,
           StepBody("notify", "告知拟列入的事实、理由、依据及陈述申辩权利", "2025-09-01",
                    json::array({{{"name", "列入严重违法失信名单告知书"},
                                  {"content", "当事人享有陈述、申辩的权利……"}}}))
               .dump());
  ASSERT_EQ(notified.status, 201) << notified.body;
  EXPECT_EQ(notified.Json()["state"], "notified");
  EXPECT_EQ(notified.Json()["deadlines"]["objection_window_ends"], "2025-09-08");
  // The window closed long ago: the enterprise's objection today is refused.
  auto objection = Send(own, "POST", steps, StepBody("object", "我们有异议").dump());
  EXPECT_EQ(objection.status, 409) << objection.body;
  EXPECT_NE(objection.Json()["detail"].get<std::string>().find("2025-09-08"), std::string::npos);
  // A step cannot be dated before the last one.
  EXPECT_EQ(Send(city, "POST", steps, StepBody("decide_list", "x", "2025-08-01").dump()).status,
            409);

  auto decided =
      Send(city, "POST", steps, StepBody("decide_list", "异议期满，决定列入", "2025-09-15").dump());
  ASSERT_EQ(decided.status, 201) << decided.body;
  EXPECT_EQ(decided.Json()["state"], "awaiting_approval");
  EXPECT_EQ(Send(city, "POST", steps, StepBody("approve", "x", "2025-09-16").dump()).status, 403);
  auto approved = Send(admin, "POST", steps, StepBody("approve", "同意列入", "2025-09-16").dump());
  ASSERT_EQ(approved.status, 201) << approved.body;
  EXPECT_EQ(approved.Json()["state"], "listed");
  EXPECT_EQ(approved.Json()["listed_on"], "2025-09-16");
  EXPECT_EQ(approved.Json()["deadlines"]["expires_on"], "2028-09-16");
  // Listed: the measures apply; not yet public, not yet on the credit file.
  EXPECT_FALSE(may_bid());
  EXPECT_EQ(public_list()["total"], 0);
  EXPECT_NE(grade(), "D");

  auto published = Send(city, "POST", steps,
                        StepBody("publish", "在国家企业信用信息公示系统公示", "2025-09-20").dump());
  ASSERT_EQ(published.status, 201) << published.body;
  json list = public_list();
  ASSERT_EQ(list["total"], 1) << list.dump();
  const json entry = list["items"][0];
  EXPECT_EQ(entry["uscc"], tangshan_uscc_);
  EXPECT_EQ(entry["basis"], open["basis"]);
  EXPECT_EQ(entry["authority"], "唐山市市场监督管理局");
  EXPECT_EQ(entry["listed_on"], "2025-09-16");
  EXPECT_EQ(entry["expires_on"], "2028-09-16");
  EXPECT_FALSE(entry["name"].get<std::string>().empty());
  EXPECT_EQ(Send({}, "GET", "/api/v1/blacklist?q=" + tangshan_uscc_.substr(0, 10)).Json()["total"],
            1);
  EXPECT_EQ(Send({}, "GET", "/api/v1/blacklist?q=ZZZ").Json()["total"], 0);
  auto exported = Send({}, "GET", "/api/v1/blacklist/export");
  EXPECT_EQ(exported.status, 200);
  EXPECT_NE(exported.body.find(tangshan_uscc_), std::string::npos);
  // The credit file carries the listing, and the grade is capped at D.
  EXPECT_EQ(grade(), "D");
  json credit = Send({}, "GET", file).Json();
  EXPECT_EQ(credit["summary"]["list_status"], "serious_dishonesty");
  bool listed_record = false;
  for (const json& r : credit["records"]) listed_record |= r["kind"] == "dishonesty_list";
  EXPECT_TRUE(listed_record) << credit.dump();

  // Early removal: needs the commitment letter; the enterprise asks, the city grants.
  auto without = Send(own, "POST", steps, StepBody("request_removal", "申请提前移出").dump());
  EXPECT_EQ(without.status, 400);
  EXPECT_EQ(without.Json()["field"], "documents");
  auto requested = Send(
      own, "POST", steps,
      StepBody("request_removal", "已履行处罚，消除危害，申请提前移出", "",
               json::array({{{"name", "守信承诺书"}, {"content", "本企业承诺依法诚信经营……"}}}))
          .dump());
  ASSERT_EQ(requested.status, 201) << requested.body;
  EXPECT_EQ(requested.Json()["state"], "removal_requested");
  EXPECT_EQ(public_list()["total"], 1);  // still public while the request is decided
  EXPECT_EQ(Send(own, "POST", steps, StepBody("grant_removal", "x").dump()).status, 403);
  auto removed = Send(city, "POST", steps, StepBody("grant_removal", "符合提前移出条件").dump());
  ASSERT_EQ(removed.status, 201) << removed.body;
  EXPECT_EQ(removed.Json()["state"], "removed");
  EXPECT_EQ(public_list()["total"], 0);
  EXPECT_NE(grade(), "D");
  EXPECT_TRUE(may_bid());
  EXPECT_EQ(Send({}, "GET", file).Json()["summary"]["list_status"], "none");
  // Closed: nothing more.
  EXPECT_EQ(Send(city, "POST", steps, StepBody("publish", "x").dump()).status, 409);

  // The history: every step with party, day, reason and documents (digest), visible to the
  // enterprise; and each step in the audit log.
  json history = Send(own, "GET", "/api/v1/blacklist/cases/" + id).Json();
  ASSERT_EQ(history["events"].size(), 7u) << history.dump();  // open … grant_removal
  EXPECT_EQ(history["events"][1]["action"], "notify");
  EXPECT_EQ(history["events"][1]["documents"][0]["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(history["events"][5]["party"], "enterprise");
  json audit = Send(admin, "GET", "/api/v1/audit?action=blacklist.publish").Json();
  ASSERT_EQ(audit["items"].size(), 1u) << audit.dump();
  EXPECT_EQ(
      Send(admin, "GET", "/api/v1/audit?action=blacklist.grant_removal").Json()["items"].size(),
      1u);
}

TEST_P(BlacklistApiTest, WorklistRestrictionsAndBadInput) {
  Caller city = LogIn("tangshan");
  const json open = {{"uscc", tangshan_uscc_},
                     {"reason", "伪造CCC标志"},
                     {"basis", "令44号第七条"},
                     {"authority", "唐山市市场监督管理局"},
                     {"measures", json::array({"bidding", "honours"})},
                     {"on", "2026-11-02"}};
  auto opened = Send(city, "POST", "/api/v1/blacklist/cases", open.dump());
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(opened.Json()["measures"].size(), 2u);
  const std::string steps = "/api/v1/blacklist/cases/" +
                            std::to_string(opened.Json()["id"].get<std::int64_t>()) + "/steps";
  // Notified on Monday 2026-11-02 (recorded on paper): the window is open until Monday
  // 2026-11-09, so a decision dated 2026-11-03 is refused; the deadline has passed, so the
  // case is on the worklist as overdue (and as due soon, which includes overdue). Fixed
  // days, so that the test does not depend on today's place in the holiday calendar.
  ASSERT_EQ(Send(city, "POST", steps, StepBody("notify", "告知", "2026-11-02").dump()).status, 201);
  auto early = Send(city, "POST", steps, StepBody("decide_list", "决定", "2026-11-03").dump());
  EXPECT_EQ(early.status, 409);
  EXPECT_NE(early.Json()["detail"].get<std::string>().find("open until 2026-11-09"),
            std::string::npos)
      << early.body;
  json overdue = Send(city, "GET", "/api/v1/blacklist/cases?due=overdue").Json();
  ASSERT_EQ(overdue["items"].size(), 1u) << overdue.dump();
  EXPECT_EQ(overdue["items"][0]["state"], "notified");
  EXPECT_EQ(overdue["items"][0]["next_due"], "2026-11-09");
  EXPECT_TRUE(overdue["items"][0]["overdue"].get<bool>());
  EXPECT_EQ(Send(city, "GET", "/api/v1/blacklist/cases?due=near").Json()["items"].size(), 1u);
  EXPECT_EQ(Send(city, "GET", "/api/v1/blacklist/cases?state=published").Json()["items"].size(),
            0u);
  EXPECT_EQ(Send(LogIn("admin"), "GET", "/api/v1/blacklist/cases").Json()["items"].size(), 1u);

  // Bad input names the field.
  auto unknown = Send(city, "POST", steps, StepBody("sing", "x").dump());
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.Json()["field"], "action");
  auto no_reason = Send(city, "POST", steps, StepBody("dismiss", "").dump());
  EXPECT_EQ(no_reason.Json()["field"], "reason");
  auto future = Send(city, "POST", steps, StepBody("dismiss", "x", "2099-01-01").dump());
  EXPECT_EQ(future.Json()["field"], "on");
  json bad_measure = open;
  bad_measure["uscc"] = shijiazhuang_uscc_;
  bad_measure["measures"] = json::array({"flogging"});
  auto m = Send(LogIn("admin"), "POST", "/api/v1/blacklist/cases", bad_measure.dump());
  EXPECT_EQ(m.status, 400);
  EXPECT_EQ(m.Json()["field"], "measures");
  auto activity = Send({}, "GET", "/api/v1/enterprises/" + tangshan_uscc_ + "/restrictions");
  EXPECT_EQ(activity.status, 400);
  EXPECT_EQ(activity.Json()["field"], "activity");
  EXPECT_EQ(Send({}, "GET", "/api/v1/blacklist/measures").Json()["items"].size(), 7u);
  // The public never reaches cases.
  EXPECT_EQ(Send({}, "GET", "/api/v1/blacklist/cases").status, 401);

  // Dismissed: the case closes and a new one may be opened.
  ASSERT_EQ(Send(city, "POST", steps, StepBody("dismiss", "证据不足").dump()).status, 201);
  EXPECT_EQ(Send(city, "POST", "/api/v1/blacklist/cases", open.dump()).status, 201);
}

TEST_P(BlacklistApiTest, RecordsMeetingAnEntryRuleAreProposedInTheirRegion) {
  Caller city = LogIn("tangshan");
  int n = 0;
  for (const auto& [kind, on] :
       std::vector<std::pair<std::string, std::string>>{{"inspection_fail", "2026-03-01"},
                                                        {"inspection_fail", "2026-05-10"},
                                                        {"penalty", "2026-06-01"}}) {
    auto added = Send(city, "POST", "/api/v1/enterprises/" + tangshan_uscc_ + "/records",
                      json{{"kind", kind},
                           {"occurred_on", on},
                           {"title", "省级监督抽查"},
                           {"source_department", "唐山市市场监督管理局"},
                           {"document_no", "唐市监〔2026〕" + std::to_string(++n) + "号"},
                           {"polarity", "bad"},
                           {"severity", "serious"}}
                          .dump());
    ASSERT_EQ(added.status, 201) << added.body;
  }
  auto elsewhere = Send(LogIn("shijiazhuang"), "POST", "/api/v1/blacklist/proposals", "{}");
  ASSERT_EQ(elsewhere.status, 201) << elsewhere.body;
  EXPECT_EQ(elsewhere.Json()["proposed"], 0);  // not their region
  auto proposed = Send(city, "POST", "/api/v1/blacklist/proposals", "{}");
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  ASSERT_EQ(proposed.Json()["proposed"], 1);
  const json c = proposed.Json()["items"][0];
  EXPECT_EQ(c["uscc"], tangshan_uscc_);
  EXPECT_EQ(c["rule_code"], "art7_spot_check");
  EXPECT_EQ(c["state"], "proposed");
  EXPECT_EQ(Send(city, "POST", "/api/v1/blacklist/proposals", "{}").Json()["proposed"], 0);
  EXPECT_EQ(Send({}, "GET", "/api/v1/blacklist/rules").Json()["items"][0]["article"], "第七条");
}

ZL_INSTANTIATE_BACKEND_TESTS(BlacklistApiTest);

}  // namespace
}  // namespace zl::testing
