// Imports on both backends: mixed good and bad rows, GBK text, idempotent re-import,
// strict refusal, regional scope, and a failure half way that leaves nothing behind.
#include "credit/importer.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "sheet/table_reader.h"
#include "store/credit_record_table.h"
#include "store/enterprise_repository.h"
#include "store/test_database.h"

namespace zl::credit {
namespace {

constexpr const char* kEnterpriseHeader =
    "uscc,name,region_code,industry,size,founded_on,legal_representative,address\n";
constexpr const char* kRecordHeader =
    "uscc,kind,occurred_on,title,source_department,document_no,polarity,severity,published_from,"
    "published_until\n";

// Two synthetic, valid Hebei codes (credit-rules.md §1.1 item 6).
constexpr const char* kShijiazhuang = "91130100MA0C123409";
constexpr const char* kDingzhou = "91130682MA0D56782B";

class ImporterTest : public store::BackendTest {
 protected:
  Result<ImportReport> Import(ImportKind kind, std::string text, bool strict = false,
                              std::string region = "") {
    auto reader = sheet::OpenTable(std::move(text));
    if (!reader.ok()) return reader.status();
    ImportRequest request{kind, "test.csv", strict, {"tester", std::move(region)}};
    return ImportTable(db(), request, **reader, nullptr);
  }

  void ImportTwoEnterprises() {
    auto report =
        Import(ImportKind::kEnterprises,
               std::string(kEnterpriseHeader) + kShijiazhuang +
                   ",石家庄市测试钢铁有限公司,130100,C31,中型,2016-03-01,王小明,长安区\n" +
                   kDingzhou + ",定州市测试食品有限公司,130682,C14,small,2017-05-02,,\n");
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    ASSERT_EQ(report->run.accepted, 2) << (report->errors.empty() ? "" : report->errors[0].reason);
  }

  std::int64_t RecordCount() {
    std::int64_t n = 0;
    EXPECT_TRUE(db().Read([&](soci::session& sql) {
                      ZL_ASSIGN_OR_RETURN(n, store::CountRecords(sql));
                      return Status();
                    })
                    .ok());
    return n;
  }

  std::string MixedRecords() {
    return std::string(kRecordHeader) + kShijiazhuang +
           ",inspection_pass,2024-03-01,抽查合格,河北省市场监督管理局,A-1,good,,2024-03-10,\n" +
           "914403001922038217,penalty,2024-03-02,罚款,局,B-1,bad,general,,\n" +  // check char
           kDingzhou + ",award,2024/03/03,质量奖,省政府,C-1,good,,,\n" +          // date
           "\n" +                                                                 // empty line
           kDingzhou + ",award,2024-03-03,质量奖,省政府,C-1,good,,,,extra\n" +    // too many
           kDingzhou + ",penalty,2024-04-01,罚款,定州市市场监督管理局,D-1,bad,minor,,\n" +
           kDingzhou + ",penalty,2024-04-01,罚款,定州市市场监督管理局,D-1,bad,minor,,\n" +  // dup
           "91110000802100433B,award,2024-03-03,质量奖,省政府,E-1,good,,,\n";  // not in register
  }
};

TEST_P(ImporterTest, MixedFileKeepsGoodRowsAndReportsEveryBadOne) {
  ImportTwoEnterprises();
  auto report = Import(ImportKind::kRecords, MixedRecords());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->run.committed);
  EXPECT_EQ(report->run.accepted, 2);
  EXPECT_EQ(report->run.rejected, 6);
  EXPECT_EQ(report->run.inserted, 2);
  std::vector<std::pair<std::int64_t, std::string>> got;
  for (const auto& e : report->errors) got.emplace_back(e.row, e.column);
  std::vector<std::pair<std::int64_t, std::string>> want = {
      {3, "uscc"}, {4, "occurred_on"}, {5, ""}, {6, ""}, {8, ""}, {9, "uscc"}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(RecordCount(), 2);
}

TEST_P(ImporterTest, ReimportChangesNothing) {
  ImportTwoEnterprises();
  ASSERT_TRUE(Import(ImportKind::kRecords, MixedRecords()).ok());
  auto again = Import(ImportKind::kRecords, MixedRecords());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->run.accepted, 2);
  EXPECT_EQ(again->run.inserted, 0);
  EXPECT_EQ(again->run.unchanged, 2);
  EXPECT_EQ(RecordCount(), 2);
  // Enterprises too: the same rows are unchanged, a changed address is an update.
  auto same =
      Import(ImportKind::kEnterprises,
             std::string(kEnterpriseHeader) + kShijiazhuang +
                 ",石家庄市测试钢铁有限公司,130100,C31,中型,2016-03-01,王小明,长安区\n" +
                 kDingzhou + ",定州市测试食品有限公司,130682,C14,small,2017-05-02,,新地址\n");
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->run.unchanged, 1);
  EXPECT_EQ(same->run.updated, 1);
}

TEST_P(ImporterTest, StrictImportWritesNothingButKeepsTheReport) {
  ImportTwoEnterprises();
  auto report = Import(ImportKind::kRecords, MixedRecords(), /*strict=*/true);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_FALSE(report->run.committed);
  EXPECT_EQ(report->run.rejected, 6);
  EXPECT_EQ(report->run.inserted, 0);
  EXPECT_GT(report->run.id, 0);
  EXPECT_EQ(RecordCount(), 0);
  std::int64_t stored = 0;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    return store::ScanImportErrors(sql, report->run.id, -1,
                                                   [&](const store::ImportError&) { ++stored; });
                  })
                  .ok());
  EXPECT_EQ(stored, 6);
}

TEST_P(ImporterTest, RegionalImporterOnlyReachesItsRegion) {
  ImportTwoEnterprises();
  auto report = Import(ImportKind::kRecords, MixedRecords(), false, "130100");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->run.accepted, 1);  // the Shijiazhuang row; the Dingzhou penalty is refused
  bool named = false;
  for (const auto& e : report->errors)
    named |= e.reason.find("outside your region") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST_P(ImporterTest, GbkFileIsDecoded) {
  ImportTwoEnterprises();
  // "抽查合格" and "质监局" in GBK.
  std::string text = std::string(kRecordHeader) + kShijiazhuang +
                     ",inspection_pass,2024-03-01,\xb3\xe9\xb2\xe9\xba\xcf\xb8\xf1,"
                     "\xd6\xca\xbc\xe0\xbe\xd6,X-1,good,,,\n";
  auto report = Import(ImportKind::kRecords, text);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->run.accepted, 1);
  std::vector<store::StoredRecord> records;
  ASSERT_TRUE(db().Read([&](soci::session& sql) {
                    ZL_ASSIGN_OR_RETURN(records, store::ListRecordsOf(sql, kShijiazhuang));
                    return Status();
                  })
                  .ok());
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].record.title, "抽查合格");
  EXPECT_EQ(records[0].record.source_department, "质监局");
}

TEST_P(ImporterTest, MalformedFileHalfWayLeavesTheDatabaseAsItWas) {
  ImportTwoEnterprises();
  std::string text = std::string(kRecordHeader);
  for (int i = 0; i < 1200; ++i) {  // more than one chunk is written before the bad line
    text += std::string(kShijiazhuang) + ",inspection_pass,2024-03-01,抽查合格 " +
            std::to_string(i) + ",局,,good,,,\n";
  }
  text += std::string(kShijiazhuang) + ",inspection_pass,2024-03-01,\"unterminated,局,,good,,,\n";
  auto report = Import(ImportKind::kRecords, text);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(RecordCount(), 0);
}

// Record imports leave the enterprise and polarity checks to the importer (SQLite: foreign
// keys off for the import's transaction); afterwards the database checks them again, also
// after an import that failed half way.
TEST_P(ImporterTest, DatabaseChecksRecordsAgainAfterAnImport) {
  ImportTwoEnterprises();
  ASSERT_TRUE(Import(ImportKind::kRecords, MixedRecords()).ok());
  std::string bad = std::string(kRecordHeader) + kShijiazhuang +
                    ",inspection_pass,2024-03-01,\"unterminated,局,,good,,,\n";
  ASSERT_FALSE(Import(ImportKind::kRecords, bad).ok());
  auto insert = [&](const std::string& uscc, const std::string& polarity,
                    const std::string& severity, const std::string& key) {
    return db().Write([&](soci::session& sql) {
      sql << "INSERT INTO credit_record (uscc, natural_key, kind, occurred_on, title, "
             "source_department, polarity, severity, created_by, created_at) VALUES (:u, "
             "CAST(:k AS BIGINT), 'award', '2024-01-01', 't', 'd', :p, :s, 'test', 'now')",
          soci::use(uscc), soci::use(key), soci::use(polarity), soci::use(severity);
      return Status();
    });
  };
  for (int i = 0; i < 4; ++i) {  // whichever pooled session comes next
    EXPECT_FALSE(insert("91110000802100433B", "good", "none", std::to_string(10 + i)).ok())
        << "enterprise not in the register";
  }
  EXPECT_FALSE(insert(kShijiazhuang, "evil", "none", "20").ok());
  EXPECT_FALSE(insert(kShijiazhuang, "bad", "fatal", "21").ok());
  EXPECT_TRUE(insert(kShijiazhuang, "bad", "serious", "22").ok());
  EXPECT_EQ(RecordCount(), 3);
}

TEST_P(ImporterTest, WrongHeaderIsRefusedBeforeAnythingIsWritten) {
  auto report = Import(ImportKind::kRecords, std::string(kEnterpriseHeader));
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().field(), "file");
  auto empty = Import(ImportKind::kRecords, "");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().field(), "file");
}

ZL_INSTANTIATE_BACKEND_TESTS(ImporterTest);

}  // namespace
}  // namespace zl::credit
