// Stored blacklist cases on both backends: the steps a service records (days, events,
// documents), the listing's credit record, refusals that write nothing, and the expiry sweep
// at the end of the term. The whole process over HTTP is tests/blacklist_api_test.cc.
#include "blacklist/blacklist_service.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "credit/record_service.h"
#include "store/credit_record_table.h"
#include "store/enterprise_repository.h"
#include "store/test_database.h"

namespace zl::blacklist {
namespace {

constexpr const char* kUscc = "91130100MA0C123409";

class BlacklistServiceTest : public store::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    domain::Enterprise e;
    e.uscc = kUscc;
    e.name = "测试钢铁有限公司";
    e.region_code = "130100";
    e.industry_code = "C31";
    e.founded_on = Date::FromYmd(2015, 1, 1);
    ASSERT_TRUE(store::EnterpriseRepository(db()).InsertMany(std::vector{e}).ok());
  }

  Result<store::CaseRow> Step(std::int64_t id, CaseAction action, Party party, Date on,
                              std::vector<Document> documents = {}) {
    Result<store::CaseRow> out = Status::Internal("not run");
    Status s = db().Write([&](soci::session& sql) {
      out = TakeStep(sql, id, {action, party, "理由", documents}, "tester", on, "now");
      return out.status();
    });
    if (!s.ok()) return s;
    return out;
  }

  std::int64_t Open() {
    std::int64_t id = 0;
    EXPECT_TRUE(db().Write([&](soci::session& sql) {
                      ZL_ASSIGN_OR_RETURN(store::CaseRow c,
                                          OpenCase(sql, {kUscc, "理由", "第七条", "石家庄市局"},
                                                   "tester", Date::FromYmd(2023, 3, 1), "now"));
                      id = c.id;
                      return Status();
                    })
                    .ok());
    return id;
  }
};

TEST_P(BlacklistServiceTest, PublishWritesTheRecordAndExpiryRevokesIt) {
  const std::int64_t id = Open();
  ASSERT_TRUE(Step(id, CaseAction::kNotify, Party::kRegulator, Date::FromYmd(2023, 3, 1),
                   {{"告知书", "内容"}})
                  .ok());
  // Refused steps write nothing: no event, no change of state.
  EXPECT_EQ(
      Step(id, CaseAction::kPublish, Party::kRegulator, Date::FromYmd(2023, 3, 2)).status().code(),
      Status::Code::kFailedPrecondition);
  ASSERT_TRUE(
      Step(id, CaseAction::kDecideList, Party::kRegulator, Date::FromYmd(2023, 3, 20)).ok());
  ASSERT_TRUE(Step(id, CaseAction::kApprove, Party::kApprover, Date::FromYmd(2023, 3, 21)).ok());
  Result<store::CaseRow> published =
      Step(id, CaseAction::kPublish, Party::kRegulator, Date::FromYmd(2023, 3, 24));
  ASSERT_TRUE(published.ok()) << published.status().ToString();
  EXPECT_NE(published->record_id, 0);

  // Two days before the term ends nothing expires; on its last day the sweep expires it and
  // revokes the listing's record.
  int expired = -1;
  ASSERT_TRUE(db().Write([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(expired,
                                        ExpireDueCases(sql, Date::FromYmd(2026, 3, 19), "now"));
                    return Status();
                  })
                  .ok());
  EXPECT_EQ(expired, 0);
  ASSERT_TRUE(db().Write([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(expired,
                                        ExpireDueCases(sql, Date::FromYmd(2026, 3, 21), "now"));
                    return Status();
                  })
                  .ok());
  EXPECT_EQ(expired, 1);
  std::optional<CaseFile> file;
  std::vector<store::StoredRecord> records;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(file, ReadCaseFile(sql, id));
                    ZL_ASSIGN_OR_RETURN(records, store::ListRecordsOf(sql, kUscc));
                    return Status();
                  })
                  .ok());
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->c.state, "expired");
  EXPECT_EQ(file->c.removed_on, "2026-03-21");
  ASSERT_EQ(file->events.size(), 6u);  // open, notify, decide, approve, publish, expire
  EXPECT_EQ(file->events.back().party, "system");
  ASSERT_EQ(file->documents.size(), 1u);
  EXPECT_EQ(file->documents[0].event_seq, 2);
  EXPECT_EQ(file->documents[0].sha256.size(), 64u);
  bool revoked = false;
  for (const store::StoredRecord& r : records) {
    if (r.record.id == published->record_id) {
      revoked = r.status != domain::RecordStatus::kActive;
    }
  }
  EXPECT_TRUE(revoked);
}

TEST_P(BlacklistServiceTest, RecordsMeetingAnEntryRuleProposeOneCase) {
  auto add = [&](const char* kind, const char* severity, const char* on, const char* doc) {
    ASSERT_TRUE(db().Write([&](soci::session& sql) {
                      return credit::AddRecord(sql, kUscc,
                                               {kind, on, "记录", "石家庄市市场监督管理局", doc,
                                                "bad", severity, "", ""},
                                               "tester", Date::FromYmd(2026, 11, 27))
                          .status();
                    })
                    .ok());
  };
  auto propose = [&](Date today) {
    std::vector<store::CaseRow> made;
    EXPECT_TRUE(db().Write([&](soci::session& sql) {
                      ZL_ASSIGN_OR_RETURN(made, ProposeCases(sql, "", today, "system",
                                                             today.ToString() + "T08:00:00Z"));
                      return Status();
                    })
                    .ok());
    return made;
  };
  add("inspection_fail", "serious", "2026-03-01", "抽-1");
  add("penalty", "serious", "2026-06-01", "罚-1");
  EXPECT_TRUE(propose(Date::FromYmd(2026, 8, 1)).empty());  // the re-check is missing
  add("inspection_fail", "serious", "2026-05-10", "抽-2");
  std::vector<store::CaseRow> made = propose(Date::FromYmd(2026, 8, 1));
  ASSERT_EQ(made.size(), 1u);
  EXPECT_EQ(made[0].rule_code, "art7_spot_check");
  EXPECT_EQ(made[0].state, "proposed");
  EXPECT_EQ(made[0].basis, "《市场监督管理严重违法失信名单管理办法》第七条");
  EXPECT_EQ(made[0].authority, "石家庄市市场监督管理局");
  EXPECT_NE(made[0].reason.find("罚-1"), std::string::npos);
  // Open: not proposed twice. Dismissed: not again for the same facts.
  EXPECT_TRUE(propose(Date::FromYmd(2026, 8, 2)).empty());
  ASSERT_TRUE(
      Step(made[0].id, CaseAction::kDismiss, Party::kRegulator, Date::FromYmd(2026, 8, 3)).ok());
  EXPECT_TRUE(propose(Date::FromYmd(2026, 8, 4)).empty());
  // A new heavier penalty after the dismissal is a new fact: proposed again.
  add("penalty", "serious", "2026-10-01", "罚-2");
  made = propose(Date::FromYmd(2026, 11, 27));
  ASSERT_EQ(made.size(), 1u);
  EXPECT_NE(made[0].reason.find("罚-2"), std::string::npos);
}

TEST_P(BlacklistServiceTest, LegacyListingRecordsAreTakenOnOnce) {
  std::int64_t record_id = 0;
  ASSERT_TRUE(db().Write([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(
                        store::StoredRecord r,
                        credit::AddRecord(sql, kUscc,
                                          {"dishonesty_list", "2025-06-01", "列入质量黑名单",
                                           "河北省质量技术监督局", "冀质监〔2025〕1号", "bad",
                                           "serious", "2025-06-05", ""},
                                          "import", Date::FromYmd(2026, 11, 27)));
                    record_id = r.record.id;
                    return Status();
                  })
                  .ok());
  auto adopt = [&] {
    int n = -1;
    EXPECT_TRUE(db().Write([&](soci::session& sql) {
                      ZL_ASSIGN_OR_RETURN(n, AdoptListingRecords(sql, Date::FromYmd(2026, 11, 27),
                                                                 "system", "now"));
                      return Status();
                    })
                    .ok());
    return n;
  };
  EXPECT_EQ(adopt(), 1);
  EXPECT_EQ(adopt(), 0);  // the record now has its case
  std::vector<store::PublicListing> listed;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(auto page,
                                        store::ListPublicCases(sql, PublicStates(), "", 0, 10));
                    listed = std::move(page.second);
                    return Status();
                  })
                  .ok());
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].c.record_id, record_id);
  EXPECT_EQ(listed[0].c.listed_on, "2025-06-01");
  EXPECT_EQ(listed[0].c.published_on, "2025-06-05");
  EXPECT_EQ(listed[0].c.authority, "河北省质量技术监督局");
  EXPECT_EQ(listed[0].name, "测试钢铁有限公司");
}

ZL_INSTANTIATE_BACKEND_TESTS(BlacklistServiceTest);

}  // namespace
}  // namespace zl::blacklist
