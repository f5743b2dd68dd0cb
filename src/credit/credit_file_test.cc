// The credit file per view, and adding and revoking records, on both backends.
#include "credit/credit_file.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "credit/record_service.h"
#include "store/enterprise_repository.h"
#include "store/test_database.h"

namespace zl::credit {
namespace {

constexpr const char* kUscc = "91130100MA0C123409";
const Date kToday = Date::FromYmd(2026, 11, 27);

class CreditFileTest : public store::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    domain::Enterprise e;
    e.uscc = kUscc;
    e.name = "石家庄市测试钢铁有限公司";
    e.region_code = "130100";
    e.industry_code = "C31";
    e.founded_on = Date::FromYmd(2016, 3, 1);
    e.legal_representative = "王小明";
    ASSERT_TRUE(store::EnterpriseRepository(db()).InsertMany({&e, 1}).ok());
    published_ = Add(
        {"inspection_pass", "2024-03-01", "抽查合格", "省局", "A-1", "good", "", "2024-03-05", ""});
    complaint_ = Add({"complaint", "2025-06-01", "投诉人11010519491231002X电话13812345678", "市局",
                      "B-1", "bad", "minor", "2025-06-05", "2028-06-05"});
    Add({"penalty", "2020-01-01", "过期处罚", "市局", "C-1", "bad", "general", "2020-01-05",
         "2023-01-05"});                                                          // expired
    Add({"award", "2025-01-01", "内部记录", "省局", "D-1", "good", "", "", ""});  // unpublished
    to_revoke_ = Add(
        {"penalty", "2025-02-01", "错误处罚", "市局", "E-1", "bad", "serious", "2025-02-05", ""});
  }

  std::int64_t Add(const RecordInput& in) {
    std::int64_t id = 0;
    Status s = db().Write([&](soci::session& sql) {
      ZL_ASSIGN_OR_RETURN(store::StoredRecord r, AddRecord(sql, kUscc, in, "tester", kToday));
      id = r.record.id;
      return Status();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return id;
  }

  Result<store::StoredRecord> Revoke(std::int64_t id) {
    Result<store::StoredRecord> out = Status::Internal("not run");
    Status s = db().Write([&](soci::session& sql) {
      out = RevokeRecord(sql, id, {"处罚决定已撤销", "撤字1号", ""}, "tester", kToday);
      return out.status();
    });
    return out;
  }

  CreditFile Read(CreditView view) {
    CreditFile file;
    Status s = db().Read([&](soci::session& sql) {
      ZL_ASSIGN_OR_RETURN(file, ReadCreditFile(sql, kUscc, view, kToday));
      return Status();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return file;
  }

  std::int64_t published_ = 0, complaint_ = 0, to_revoke_ = 0;
};

TEST_P(CreditFileTest, PublicViewShowsPublishedRecordsMasked) {
  ASSERT_TRUE(Revoke(to_revoke_).ok());
  CreditFile file = Read(CreditView::kPublic);
  EXPECT_EQ(file.enterprise.legal_representative, "王某某");
  ASSERT_EQ(file.records.size(), 2u);  // the complaint and the inspection
  EXPECT_EQ(file.records[0].record.id, complaint_);
  EXPECT_EQ(file.records[0].record.title, "投诉人110105********002X电话138****5678");
  EXPECT_EQ(file.summary.good, 1);
  EXPECT_EQ(file.summary.bad, 1);
  ASSERT_TRUE(file.summary.last_inspection.has_value());
  EXPECT_EQ(file.summary.last_inspection->record.id, published_);
}

TEST_P(CreditFileTest, FullViewShowsEverythingWithStatus) {
  auto revocation = Revoke(to_revoke_);
  ASSERT_TRUE(revocation.ok()) << revocation.status().ToString();
  EXPECT_EQ(revocation->record.replaces, to_revoke_);
  CreditFile file = Read(CreditView::kFull);
  EXPECT_EQ(file.enterprise.legal_representative, "王小明");
  ASSERT_EQ(file.records.size(), 6u);
  bool saw_revoked = false;
  for (const auto& r : file.records) {
    if (r.record.id == to_revoke_) {
      EXPECT_EQ(r.status, domain::RecordStatus::kRevoked);
      EXPECT_EQ(r.replaced_by, revocation->record.id);
      saw_revoked = true;
    }
    if (r.record.id == complaint_) {
      EXPECT_NE(r.record.title.find("13812345678"), std::string::npos);
    }
  }
  EXPECT_TRUE(saw_revoked);
  EXPECT_EQ(file.summary.bad, 2);  // the complaint and the expired penalty; not the revoked one
}

TEST_P(CreditFileTest, RevokingTwiceOrARevocationIsRefused) {
  auto first = Revoke(to_revoke_);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(Revoke(to_revoke_).status().code(), Status::Code::kFailedPrecondition);
  EXPECT_EQ(Revoke(first->record.id).status().code(), Status::Code::kFailedPrecondition);
  EXPECT_EQ(Revoke(999999).status().code(), Status::Code::kNotFound);
}

TEST_P(CreditFileTest, AddRecordValidatesLikeAnImportAndRefusesDuplicates) {
  Status s = db().Write([&](soci::session& sql) {
    return AddRecord(sql, kUscc, {"penalty", "2024-01-01", "罚款", "局", "X", "good", "", "", ""},
                     "t", kToday)
        .status();
  });
  EXPECT_EQ(s.field(), "polarity");
  s = db().Write([&](soci::session& sql) {
    return AddRecord(sql, kUscc,
                     {"inspection_pass", "2024-03-01", "抽查合格", "省局", "A-1", "good", "",
                      "2024-03-05", ""},
                     "t", kToday)
        .status();
  });
  EXPECT_EQ(s.code(), Status::Code::kAlreadyExists) << s.ToString();
  s = db().Write([&](soci::session& sql) {
    return AddRecord(sql, "91130682MA0D56782B",
                     {"award", "2024-01-01", "奖", "局", "", "good", "", "", ""}, "t", kToday)
        .status();
  });
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
}

TEST_P(CreditFileTest, CorrectionSupersedesTheRecordAndKeepsItsHistory) {
  store::StoredRecord corrected;
  Status s = db().Write([&](soci::session& sql) {
    ZL_ASSIGN_OR_RETURN(
        corrected, CorrectRecord(sql, to_revoke_,
                                 {"penalty", "2025-02-01", "罚款（更正金额）", "市局", "E-1", "bad",
                                  "general", "2025-02-05", ""},
                                 "tester", kToday));
    return Status();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(corrected.record.replaces, to_revoke_);
  CreditFile full = Read(CreditView::kFull);
  for (const auto& r : full.records) {
    if (r.record.id == to_revoke_) {
      EXPECT_EQ(r.status, domain::RecordStatus::kCorrected);
    }
  }
  CreditFile pub = Read(CreditView::kPublic);
  bool shows_new = false, shows_old = false;
  for (const auto& r : pub.records) {
    shows_new |= r.record.id == corrected.record.id;
    shows_old |= r.record.id == to_revoke_;
  }
  EXPECT_TRUE(shows_new);
  EXPECT_FALSE(shows_old);
  // An unchanged "correction" and a second correction of the old record are refused.
  s = db().Write([&](soci::session& sql) {
    return CorrectRecord(sql, corrected.record.id,
                         {"penalty", "2025-02-01", "罚款（更正金额）", "市局", "E-1", "bad",
                          "general", "2025-02-05", ""},
                         "tester", kToday)
        .status();
  });
  EXPECT_EQ(s.field(), "record");
  EXPECT_EQ(Revoke(to_revoke_).status().code(), Status::Code::kFailedPrecondition);
}

ZL_INSTANTIATE_BACKEND_TESTS(CreditFileTest);

}  // namespace
}  // namespace zl::credit
