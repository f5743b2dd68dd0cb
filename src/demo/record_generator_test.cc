#include "demo/record_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "demo/demo_generator.h"
#include "domain/masking.h"
#include "domain/record_kind.h"

namespace zl::demo {
namespace {

using domain::CreditRecord;
using domain::Polarity;
using domain::Severity;

const Date kLastDay = Date::FromYmd(2026, 10, 31);

std::vector<domain::Enterprise> Enterprises(int n, std::uint64_t seed) {
  EnterpriseGenerator gen({.enterprises = n, .seed = seed});
  std::vector<domain::Enterprise> out;
  while (auto e = gen.Next()) out.push_back(std::move(*e));
  return out;
}

// The span is only valid until the next call, so keep copies.
std::vector<CreditRecord> RecordsOf(RecordGenerator& gen, const domain::Enterprise& e) {
  auto records = gen.Generate(e);
  return {records.begin(), records.end()};
}

// Every record of `n` enterprises, with the index of its enterprise.
std::vector<std::pair<int, CreditRecord>> AllRecords(int n, std::uint64_t seed, int average = 10) {
  RecordGenerator gen({.records_per_enterprise = average, .seed = seed});
  std::vector<std::pair<int, CreditRecord>> out;
  auto enterprises = Enterprises(n, seed);
  for (int i = 0; i < n; ++i) {
    for (const CreditRecord& r : gen.Generate(enterprises[i])) out.emplace_back(i, r);
  }
  return out;
}

bool SameRecord(const CreditRecord& a, const CreditRecord& b) {
  return a.uscc == b.uscc && a.kind == b.kind && a.occurred_on == b.occurred_on &&
         a.title == b.title && a.source_department == b.source_department &&
         a.document_no == b.document_no && a.polarity == b.polarity && a.severity == b.severity &&
         a.published_from == b.published_from && a.published_until == b.published_until &&
         a.details == b.details && !a.replaces && !b.replaces;
}

TEST(RecordGenerator, SameSeedSameRecordsWhateverTheOrderOfEnterprises) {
  auto enterprises = Enterprises(300, 42);
  RecordGenerator forward({.seed = 42}), backward({.seed = 42}), other({.seed = 43});
  std::vector<std::vector<CreditRecord>> a(enterprises.size()), b(enterprises.size());
  for (std::size_t i = 0; i < enterprises.size(); ++i) a[i] = RecordsOf(forward, enterprises[i]);
  for (std::size_t i = enterprises.size(); i-- > 0;) b[i] = RecordsOf(backward, enterprises[i]);
  int same_as_other = 0;
  for (std::size_t i = 0; i < enterprises.size(); ++i) {
    ASSERT_EQ(a[i].size(), b[i].size()) << enterprises[i].uscc;
    for (std::size_t k = 0; k < a[i].size(); ++k) {
      EXPECT_TRUE(SameRecord(a[i][k], b[i][k])) << a[i][k].title << " / " << b[i][k].title;
      EXPECT_EQ(a[i][k].uscc, enterprises[i].uscc);
    }
    auto c = RecordsOf(other, enterprises[i]);
    same_as_other += c.size() == a[i].size() && !c.empty() && SameRecord(c[0], a[i][0]);
  }
  EXPECT_LT(same_as_other, 5);
}

TEST(RecordGenerator, KindsPolaritiesAndSeveritiesFollowTheRegistry) {
  const auto& registry = domain::RecordKindRegistry::Default();
  std::map<std::string, int> kinds;
  std::set<Severity> severities;
  for (const auto& [i, r] : AllRecords(2000, 7)) {
    const domain::RecordKind* kind = registry.Find(r.kind);
    ASSERT_NE(kind, nullptr) << r.kind;
    EXPECT_TRUE(kind->importable) << r.kind;
    EXPECT_TRUE(kind->Allows(r.polarity)) << r.kind << " " << domain::PolarityName(r.polarity);
    EXPECT_EQ(r.severity != Severity::kNone, r.polarity == Polarity::kBad) << r.title;
    EXPECT_FALSE(r.title.empty());
    EXPECT_FALSE(r.source_department.empty());
    EXPECT_FALSE(r.document_no.empty());
    EXPECT_EQ(r.id, 0);
    if (r.kind == "inspection_fail") {
      EXPECT_EQ(r.title.rfind("监督抽查不合格：", 0), 0u) << r.title;
    }
    ++kinds[r.kind];
    severities.insert(r.severity);
  }
  for (const domain::RecordKind& kind : registry.all()) {
    if (kind.importable) {
      EXPECT_GT(kinds[kind.code], 0) << kind.code << " never generated";
    }
  }
  EXPECT_EQ(kinds.count(std::string(domain::kRevocationKind)), 0u);
  EXPECT_EQ(severities.size(), 4u);  // none, minor, general, serious
  // Mostly good news: passed spot checks lead, accidents are the rarest.
  auto most = std::max_element(kinds.begin(), kinds.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; });
  EXPECT_EQ(most->first, "inspection_pass");
  EXPECT_LT(kinds["accident"], kinds["award"] + kinds["famous_brand"]);
}

TEST(RecordGenerator, NaturalKeysAndDocumentNumbersAreDistinctWithinAnEnterprise) {
  // A high average makes collisions likely if uniqueness were left to chance.
  RecordGenerator gen({.records_per_enterprise = 200, .seed = 11});
  for (const auto& e : Enterprises(100, 11)) {
    std::set<std::int64_t> keys;
    std::set<std::string> documents;
    auto records = gen.Generate(e);
    for (const CreditRecord& r : records) {
      EXPECT_TRUE(keys.insert(r.NaturalKey()).second) << e.uscc << " " << r.title;
      EXPECT_TRUE(documents.insert(r.document_no).second) << e.uscc << " " << r.document_no;
    }
  }
}

TEST(RecordGenerator, DatesAndPublicationWindowsLieWithinTheBounds) {
  auto enterprises = Enterprises(2000, 3);
  int records = 0, unpublished = 0;
  for (const auto& [i, r] : AllRecords(2000, 3)) {
    ++records;
    EXPECT_GE(r.occurred_on, enterprises[i].founded_on) << r.title;
    EXPECT_LE(r.occurred_on, kLastDay) << r.title;
    if (!r.published_from) {
      ++unpublished;
      EXPECT_FALSE(r.published_until);
      continue;
    }
    EXPECT_GT(*r.published_from, r.occurred_on);
    EXPECT_LE(*r.published_from, r.occurred_on.AddDays(30));
    if (r.polarity != Polarity::kBad) {
      EXPECT_FALSE(r.published_until) << r.kind << " " << r.title;
      continue;
    }
    ASSERT_TRUE(r.published_until) << r.kind << " " << r.title;
    int days = r.published_until->days_since_epoch - r.published_from->days_since_epoch;
    if (r.kind == "penalty" && r.severity == Severity::kMinor) {
      EXPECT_GE(days, 89);
      EXPECT_LE(days, 92);
    } else {
      EXPECT_GE(days, 3 * 365);
      EXPECT_LE(days, 3 * 365 + 1);
    }
  }
  double share = static_cast<double>(unpublished) / records;
  EXPECT_GT(share, 0.03);
  EXPECT_LT(share, 0.07);
}

TEST(RecordGenerator, AverageCountFollowsTheOption) {
  auto enterprises = Enterprises(2000, 5);
  for (int average : {10, 3, 1}) {
    RecordGenerator gen({.records_per_enterprise = average, .seed = 5});
    std::size_t total = 0, most = 0, none = 0;
    for (const auto& e : enterprises) {
      std::size_t n = gen.Generate(e).size();
      total += n;
      most = std::max(most, n);
      none += n == 0;
    }
    double mean = static_cast<double>(total) / enterprises.size();
    EXPECT_NEAR(mean, average, 0.05 * average + 0.1) << "average " << average;
    EXPECT_EQ(most, static_cast<std::size_t>(2 * average)) << "the count varies up to 2x";
    EXPECT_GT(none, 0u) << "some enterprises have no records";
  }
  RecordGenerator off({.records_per_enterprise = 0, .seed = 5});
  for (const auto& e : enterprises) EXPECT_TRUE(off.Generate(e).empty());
}

TEST(RecordGenerator, NothingForAnEnterpriseFoundedAfterTheLastDay) {
  domain::Enterprise e = Enterprises(1, 9)[0];
  RecordGenerator gen({.seed = 9, .last_day = Date::FromYmd(2020, 1, 1)});
  e.founded_on = Date::FromYmd(2020, 1, 2);
  EXPECT_TRUE(gen.Generate(e).empty());
  e.founded_on = Date::FromYmd(2019, 12, 31);
  for (const CreditRecord& r : gen.Generate(e)) {
    EXPECT_GE(r.occurred_on, e.founded_on);
    EXPECT_LE(r.occurred_on, Date::FromYmd(2020, 1, 1));
  }
}

TEST(RecordGenerator, SomeComplaintsQuoteAValidResidentIdNumberThatMaskingHides) {
  int complaints = 0, with_id = 0;
  for (const auto& [i, r] : AllRecords(20000, 2014)) {
    if (r.kind != "complaint") continue;
    ++complaints;
    const std::string marker = "身份证号码";
    std::size_t at = r.title.find(marker);
    if (at == std::string::npos) continue;
    std::string id = r.title.substr(at + marker.size(), 18);
    EXPECT_TRUE(domain::IsResidentIdNumber(id)) << r.title;
    std::string masked = domain::MaskPersonalInfo(r.title);
    EXPECT_EQ(masked.find(id), std::string::npos) << masked;
    EXPECT_NE(masked.find("****"), std::string::npos) << masked;
    ++with_id;
  }
  EXPECT_GT(complaints, 5000);
  EXPECT_GE(with_id, 10);
  EXPECT_LT(with_id, complaints / 50);
}

}  // namespace
}  // namespace zl::demo
