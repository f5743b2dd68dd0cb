// Tests of the credit-record enums, the publication window and the record-kind table.
#include "domain/credit_record.h"

#include <gtest/gtest.h>

#include "domain/record_kind.h"

namespace zl::domain {
namespace {

TEST(CreditRecordTest, ParsesPolarityCodesAndChinese) {
  EXPECT_EQ(*ParsePolarity("good"), Polarity::kGood);
  EXPECT_EQ(*ParsePolarity(" BAD "), Polarity::kBad);
  EXPECT_EQ(*ParsePolarity("不良"), Polarity::kBad);
  EXPECT_EQ(*ParsePolarity("中性"), Polarity::kNeutral);
  Result<Polarity> bad = ParsePolarity("great");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "polarity");
  EXPECT_NE(bad.status().message().find("great"), std::string::npos);
  EXPECT_FALSE(ParsePolarity("").ok());
}

TEST(CreditRecordTest, ParsesSeverityWithEmptyAsNone) {
  EXPECT_EQ(*ParseSeverity(""), Severity::kNone);
  EXPECT_EQ(*ParseSeverity("严重"), Severity::kSerious);
  EXPECT_EQ(*ParseSeverity("General"), Severity::kGeneral);
  EXPECT_EQ(SeverityName(Severity::kMinor), "minor");
  EXPECT_EQ(ParseSeverity("huge").status().field(), "severity");
}

TEST(CreditRecordTest, PublicationWindowIsInclusive) {
  CreditRecord r;
  EXPECT_FALSE(r.PublishedOn(Date::FromYmd(2024, 1, 1)));  // never published
  r.published_from = Date::FromYmd(2024, 1, 10);
  EXPECT_FALSE(r.PublishedOn(Date::FromYmd(2024, 1, 9)));
  EXPECT_TRUE(r.PublishedOn(Date::FromYmd(2024, 1, 10)));
  EXPECT_TRUE(r.PublishedOn(Date::FromYmd(2099, 1, 1)));  // open-ended
  r.published_until = Date::FromYmd(2025, 1, 10);
  EXPECT_TRUE(r.PublishedOn(Date::FromYmd(2025, 1, 10)));
  EXPECT_FALSE(r.PublishedOn(Date::FromYmd(2025, 1, 11)));
}

TEST(RecordKindTest, EmbeddedTableHasTheArchiveKinds) {
  const RecordKindRegistry& kinds = RecordKindRegistry::Default();
  for (const char* code : {"licence", "ccc", "certification", "inspection_pass", "inspection_fail",
                           "penalty", "award", "famous_brand", "chief_quality_officer",
                           "commitment", "complaint", "recall", "accident", "revocation"}) {
    EXPECT_NE(kinds.Find(code), nullptr) << code;
  }
  EXPECT_TRUE(kinds.Find("penalty")->Allows(Polarity::kBad));
  EXPECT_FALSE(kinds.Find("penalty")->Allows(Polarity::kGood));
  EXPECT_FALSE(kinds.Find("revocation")->importable);
}

TEST(RecordKindTest, LookupNamesTheKnownKinds) {
  EXPECT_EQ((*RecordKindRegistry::Default().Lookup(" Penalty "))->code, "penalty");
  Result<const RecordKind*> r = RecordKindRegistry::Default().Lookup("bribe");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "kind");
  EXPECT_NE(r.status().message().find("inspection_fail"), std::string::npos);
}

TEST(RecordKindTest, RejectsBadTables) {
  const std::string header = "code\tname_zh\tname_en\tpolarities\timportable\n";
  EXPECT_FALSE(RecordKindRegistry::FromText(header + "a\tA\tA\tgreat\tyes\n", "t").ok());
  EXPECT_FALSE(RecordKindRegistry::FromText(header + "a\tA\tA\tgood\tmaybe\n", "t").ok());
  EXPECT_FALSE(
      RecordKindRegistry::FromText(header + "a\tA\tA\tgood\tyes\na\tB\tB\tbad\tyes\n", "t").ok());
  EXPECT_TRUE(RecordKindRegistry::FromText(header + "a\tA\tA\tgood|bad\tyes\n", "t").ok());
}

}  // namespace
}  // namespace zl::domain
