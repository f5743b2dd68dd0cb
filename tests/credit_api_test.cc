// The credit archive through the real server on both backends: imports over HTTP with their
// error reports, the credit file's public and full views (no masked field ever in clear in a
// public response), record revocation, search and exports.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "auth_test_server.h"
#include "sheet/table_reader.h"
#include "sheet/table_writer.h"

namespace zl::testing {
namespace {

using nlohmann::json;

constexpr const char* kRecordHeader =
    "uscc,kind,occurred_on,title,source_department,document_no,polarity,severity,published_from,"
    "published_until\n";
// GB 11643's own example ID number, and a mobile number: never to appear in public output.
constexpr const char* kIdNumber = "11010519491231002X";
constexpr const char* kPhone = "13812345678";
constexpr const char* kLegalRepresentative = "王小明";

class CreditApiTest : public AuthServerTest {
 protected:
  // Reads every row of a downloaded CSV or xlsx file.
  std::vector<std::vector<std::string>> Rows(std::string bytes) {
    std::vector<std::vector<std::string>> rows;
    auto reader = sheet::OpenTable(std::move(bytes));
    EXPECT_TRUE(reader.ok()) << reader.status().ToString();
    if (!reader.ok()) return rows;
    std::vector<std::string> cells;
    while ((*reader)->Next(cells).value_or(false)) rows.push_back(cells);
    return rows;
  }

  // Gives the Tangshan enterprise a legal representative and a published complaint that
  // names a person's ID and phone number; returns the complaint's id.
  std::int64_t AddPersonalData(const Caller& admin) {
    auto patched = Send(admin, "PATCH", "/api/v1/enterprises/" + tangshan_uscc_,
                        json{{"legal_representative", kLegalRepresentative}}.dump());
    EXPECT_EQ(patched.status, 200) << patched.body;
    auto added = Send(admin, "POST", "/api/v1/enterprises/" + tangshan_uscc_ + "/records",
                      json{{"kind", "complaint"},
                           {"occurred_on", "2025-06-01"},
                           {"title", std::string("投诉人身份证") + kIdNumber + "，电话" + kPhone},
                           {"source_department", "唐山市市场监督管理局"},
                           {"document_no", "唐市监投〔2025〕1号"},
                           {"polarity", "bad"},
                           {"severity", "minor"},
                           {"published_from", "2025-06-05"}}
                          .dump());
    EXPECT_EQ(added.status, 201) << added.body;
    return added.status == 201 ? added.Json()["id"].get<std::int64_t>() : 0;
  }
};

TEST_P(CreditApiTest, ImportOverHttpReportsRowsAndServesTheErrorReport) {
  Caller city = LogIn("tangshan");
  std::string csv =
      std::string(kRecordHeader) + tangshan_uscc_ +
      ",inspection_pass,2024-03-01,抽查合格,唐山市市场监督管理局,A-1,good,,2024-03-05,\n" +
      shijiazhuang_uscc_ + ",award,2024-03-01,质量奖,省政府,B-1,good,,,\n" +
      "914403001922038217,penalty,2024-03-02,罚款,局,C-1,bad,general,,\n";
  auto reply = Send(city, "POST", "/api/v1/imports/records?file_name=r.csv", csv, "text/csv");
  ASSERT_EQ(reply.status, 200) << reply.body;
  json report = reply.Json();
  EXPECT_EQ(report["accepted"], 1);
  EXPECT_EQ(report["rejected"], 2);
  EXPECT_EQ(report["committed"], true);
  ASSERT_EQ(report["errors"].size(), 2u);
  EXPECT_EQ(report["errors"][0]["row"], 3);  // the Shijiazhuang enterprise: not this city's
  EXPECT_NE(report["errors"][0]["reason"].get<std::string>().find("outside your region"),
            std::string::npos);
  EXPECT_EQ(report["errors"][1]["column"], "uscc");
  const std::string id = std::to_string(report["id"].get<std::int64_t>());

  for (const char* format : {"csv", "xlsx"}) {
    auto file = Send(city, "GET", "/api/v1/imports/" + id + "/errors?format=" + format);
    ASSERT_EQ(file.status, 200) << file.body;
    EXPECT_NE(file.Header("content-disposition").find("import-" + id + "-errors"),
              std::string::npos);
    auto rows = Rows(file.body);
    ASSERT_EQ(rows.size(), 3u) << format;
    EXPECT_EQ(rows[0], (std::vector<std::string>{"row", "column", "reason"}));
    EXPECT_EQ(rows[2][0], "4");
  }
  // Another city's administrator cannot read this import; the province can.
  EXPECT_EQ(Send(LogIn("shijiazhuang"), "GET", "/api/v1/imports/" + id).status, 403);
  auto listed = Send(LogIn("admin"), "GET", "/api/v1/imports");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.Json()["total"], 1);

  // The same file again changes nothing.
  auto again = Send(city, "POST", "/api/v1/imports/records", csv, "text/csv");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.Json()["inserted"], 0);
  EXPECT_EQ(again.Json()["unchanged"], 1);
}

TEST_P(CreditApiTest, XlsxFilesImportLikeCsv) {
  auto writer = sheet::TableWriter::Create(sheet::TableFormat::kXlsx, "records");
  ASSERT_TRUE(
      writer
          ->AddRow({"uscc", "kind", "occurred_on", "title", "source_department", "document_no",
                    "polarity", "severity", "published_from", "published_until"})
          .ok());
  ASSERT_TRUE(writer
                  ->AddRow({tangshan_uscc_, "award", "2024-05-01", "河北省政府质量奖",
                            "河北省人民政府", "冀政字〔2024〕5号", "good", "", "2024-05-10", ""})
                  .ok());
  ASSERT_TRUE(writer->AddRow({tangshan_uscc_, "award", "not a date", "x", "y", "", "good"}).ok());
  auto bytes = writer->Finish();
  ASSERT_TRUE(bytes.ok());
  auto reply = Send(LogIn("admin"), "POST", "/api/v1/imports/records?file_name=r.xlsx", *bytes,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Json()["format"], "xlsx");
  EXPECT_EQ(reply.Json()["accepted"], 1);
  EXPECT_EQ(reply.Json()["errors"][0]["row"], 3);
  EXPECT_EQ(reply.Json()["errors"][0]["column"], "occurred_on");
  auto file = Send({}, "GET", "/api/v1/enterprises/" + tangshan_uscc_).Json();
  ASSERT_EQ(file["records"].size(), 1u);
  EXPECT_EQ(file["records"][0]["title"], "河北省政府质量奖");
}

TEST_P(CreditApiTest, UploadsLargerThanTheUsualBodyLimitAreAccepted) {
  std::string csv = kRecordHeader;
  for (int i = 0; csv.size() < (3u << 20); ++i) {
    csv += tangshan_uscc_ + ",inspection_pass,2024-03-01,抽查合格第" + std::to_string(i) +
           "批次产品抽样检验结果公告,唐山市市场监督管理局,A-" + std::to_string(i) + ",good,,,\n";
  }
  auto reply = Send(LogIn("admin"), "POST", "/api/v1/imports/records?strict=true", csv, "text/csv");
  ASSERT_EQ(reply.status, 200) << reply.body.substr(0, 300);
  EXPECT_EQ(reply.Json()["rejected"], 0);
  EXPECT_GT(reply.Json()["accepted"].get<int>(), 20000);
  // Elsewhere the 1 MiB limit still holds.
  auto big = Send(LogIn("admin"), "POST", "/api/v1/users", csv);
  EXPECT_EQ(big.status, 413);
}

TEST_P(CreditApiTest, BadUploadsAreProblemsNamingTheField) {
  Caller admin = LogIn("admin");
  auto wrong_header = Send(admin, "POST", "/api/v1/imports/records", "uscc,name\n", "text/csv");
  EXPECT_EQ(wrong_header.status, 400);
  EXPECT_EQ(wrong_header.Json()["field"], "file");
  auto empty = Send(admin, "POST", "/api/v1/imports/enterprises", "");
  EXPECT_EQ(empty.status, 400);
  auto encoding = Send(admin, "POST", "/api/v1/imports/records?encoding=latin1", "x", "text/csv");
  EXPECT_EQ(encoding.Json()["field"], "encoding");
  auto strict = Send(admin, "POST", "/api/v1/imports/records?strict=maybe", "x", "text/csv");
  EXPECT_EQ(strict.Json()["field"], "strict");
}

TEST_P(CreditApiTest, PublicResponsesNeverShowMaskedFieldsInClear) {
  Caller admin = LogIn("admin");
  AddPersonalData(admin);
  auto in_clear = [](const std::string& body) {
    return body.find(kIdNumber) != std::string::npos || body.find(kPhone) != std::string::npos ||
           body.find(kLegalRepresentative) != std::string::npos;
  };
  std::vector<std::string> public_targets = {
      "/api/v1/enterprises/" + tangshan_uscc_,
      "/api/v1/enterprises/" + tangshan_uscc_ + "/report?format=csv",
      "/api/v1/enterprises/" + tangshan_uscc_ + "/report?format=xlsx",
      "/api/v1/enterprises?per_page=200",
      "/api/v1/enterprises/export?format=csv",
      "/api/v1/enterprises/export?format=xlsx",
  };
  for (const Caller& reader : {Caller{}, LogIn("shijiazhuang")}) {  // public; another city
    for (const std::string& target : public_targets) {
      auto reply = Send(reader, "GET", target);
      ASSERT_EQ(reply.status, 200) << target << ": " << reply.body;
      std::string text = reply.body;
      if (target.find("xlsx") != std::string::npos) {
        text.clear();
        for (const auto& row : Rows(reply.body)) {
          for (const auto& cell : row) text += cell + "\n";
        }
      }
      EXPECT_FALSE(in_clear(text)) << target;
    }
  }
  auto file = Send({}, "GET", "/api/v1/enterprises/" + tangshan_uscc_).Json();
  EXPECT_EQ(file["view"], "public");
  EXPECT_EQ(file["legal_representative"], "王某某");
  ASSERT_EQ(file["records"].size(), 1u);
  EXPECT_EQ(file["records"][0]["title"], "投诉人身份证110105********002X，电话138****5678");
  // Regulators of the region and the enterprise itself see the stored values.
  for (const char* who : {"admin", "tangshan", "qiye"}) {
    auto full = Send(LogIn(who), "GET", "/api/v1/enterprises/" + tangshan_uscc_);
    EXPECT_EQ(full.Json()["view"], "full") << who;
    EXPECT_TRUE(in_clear(full.body)) << who;
  }
}

TEST_P(CreditApiTest, RevokedRecordLeavesThePublicFileButNotTheHistory) {
  Caller city = LogIn("tangshan");
  std::int64_t complaint = AddPersonalData(LogIn("admin"));
  auto foreign = Send(LogIn("shijiazhuang"), "POST",
                      "/api/v1/records/" + std::to_string(complaint) + "/revoke",
                      json{{"reason", "x"}}.dump());
  EXPECT_EQ(foreign.status, 403);
  auto no_reason =
      Send(city, "POST", "/api/v1/records/" + std::to_string(complaint) + "/revoke", "{}");
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(no_reason.Json()["field"], "reason");
  auto revoked = Send(city, "POST", "/api/v1/records/" + std::to_string(complaint) + "/revoke",
                      json{{"reason", "投诉经复核不属实"}}.dump());
  ASSERT_EQ(revoked.status, 201) << revoked.body;
  EXPECT_EQ(revoked.Json()["replaces"], complaint);
  auto twice = Send(city, "POST", "/api/v1/records/" + std::to_string(complaint) + "/revoke",
                    json{{"reason", "again"}}.dump());
  EXPECT_EQ(twice.status, 409);

  auto public_file = Send({}, "GET", "/api/v1/enterprises/" + tangshan_uscc_).Json();
  EXPECT_TRUE(public_file["records"].empty());
  EXPECT_EQ(public_file["summary"]["bad"], 0);
  auto full = Send(city, "GET", "/api/v1/enterprises/" + tangshan_uscc_).Json();
  ASSERT_EQ(full["records"].size(), 2u);  // the revocation and the revoked complaint
  for (const json& r : full["records"]) {
    if (r["id"] == complaint) {
      EXPECT_EQ(r["status"], "revoked");
    }
  }
  auto audit = Send(LogIn("admin"), "GET", "/api/v1/audit?action=record.revoke");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("record.revoke"), std::string::npos);
}

TEST_P(CreditApiTest, CorrectionOverHttpAndSearchByCreditCode) {
  Caller city = LogIn("tangshan");
  std::int64_t complaint = AddPersonalData(LogIn("admin"));
  auto corrected = Send(city, "POST", "/api/v1/records/" + std::to_string(complaint) + "/correct",
                        json{{"kind", "complaint"},
                             {"occurred_on", "2025-06-02"},
                             {"title", "投诉经核实（更正日期）"},
                             {"source_department", "唐山市市场监督管理局"},
                             {"polarity", "bad"},
                             {"severity", "minor"},
                             {"published_from", "2025-06-05"}}
                            .dump());
  ASSERT_EQ(corrected.status, 201) << corrected.body;
  EXPECT_EQ(corrected.Json()["replaces"], complaint);
  auto full = Send(city, "GET", "/api/v1/enterprises/" + tangshan_uscc_).Json();
  for (const json& r : full["records"]) {
    if (r["id"] == complaint) {
      EXPECT_EQ(r["status"], "corrected");
    }
  }
  auto bad = Send(city, "POST", "/api/v1/records/" + std::to_string(complaint) + "/correct", "{}");
  EXPECT_EQ(bad.status, 409);  // already corrected

  auto found = Send({}, "GET", "/api/v1/enterprises?q=" + tangshan_uscc_).Json();
  ASSERT_EQ(found["total"], 1);
  EXPECT_EQ(found["items"][0]["uscc"], tangshan_uscc_);
}

TEST_P(CreditApiTest, TwoCharacterSearchAndExportAgree) {
  auto page = Send({}, "GET", "/api/v1/enterprises?q=有限&per_page=200").Json();
  ASSERT_GT(page["total"].get<int>(), 0);
  for (const json& e : page["items"]) {
    EXPECT_NE(e["name"].get<std::string>().find("有限"), std::string::npos) << e["name"];
  }
  auto file = Send({}, "GET", "/api/v1/enterprises/export?q=有限&format=csv");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body.substr(0, 3), "\xEF\xBB\xBF");  // a BOM, for Excel
  auto rows = Rows(file.body);
  EXPECT_EQ(static_cast<int>(rows.size()) - 1, page["total"].get<int>());
  EXPECT_EQ(Send({}, "GET", "/api/v1/enterprises/export?format=pdf").Json()["field"], "format");
}

ZL_INSTANTIATE_BACKEND_TESTS(CreditApiTest);

}  // namespace
}  // namespace zl::testing
