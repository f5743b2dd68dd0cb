// Tests for EnterpriseSize names and parsing.
#include "domain/enterprise_size.h"

#include <gtest/gtest.h>

namespace zl::domain {
namespace {

TEST(EnterpriseSize, NamesRoundTrip) {
  EXPECT_EQ(AllEnterpriseSizes().size(), 4u);
  for (EnterpriseSize s : AllEnterpriseSizes()) {
    EXPECT_EQ(*ParseEnterpriseSize(EnterpriseSizeNameEn(s)), s);
    EXPECT_EQ(*ParseEnterpriseSize(EnterpriseSizeNameZh(s)), s);
  }
  EXPECT_EQ(EnterpriseSizeNameZh(EnterpriseSize::kMicro), "微型");
  EXPECT_EQ(EnterpriseSizeNameEn(EnterpriseSize::kMedium), "medium");
}

TEST(EnterpriseSize, ParsesTypedForms) {
  EXPECT_EQ(*ParseEnterpriseSize("Large"), EnterpriseSize::kLarge);
  EXPECT_EQ(*ParseEnterpriseSize(" SMALL "), EnterpriseSize::kSmall);
  EXPECT_EQ(*ParseEnterpriseSize("中型企业"), EnterpriseSize::kMedium);
  EXPECT_EQ(*ParseEnterpriseSize("　微型　"), EnterpriseSize::kMicro);
  EXPECT_EQ(*ParseEnterpriseSize("ｌａｒｇｅ"), EnterpriseSize::kLarge);
}

TEST(EnterpriseSize, RejectsOthers) {
  Result<EnterpriseSize> r = ParseEnterpriseSize("huge");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "enterprise_size");
  EXPECT_NE(r.status().message().find("'huge'"), std::string::npos);
  EXPECT_FALSE(ParseEnterpriseSize("").ok());
  EXPECT_FALSE(ParseEnterpriseSize("大").ok());
}

}  // namespace
}  // namespace zl::domain
