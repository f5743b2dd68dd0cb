// Tests for inspector region coverage.
#include "inspect/coverage.h"

#include <gtest/gtest.h>

namespace zl::inspect {
namespace {

using Codes = std::array<std::string, 3>;

TEST(CoverageTest, CoveringCodes) {
  EXPECT_EQ(CoveringCodes("130102"), (Codes{"130000", "130100", "130102"}));
  EXPECT_EQ(CoveringCodes("130100"), (Codes{"130000", "130100", ""}));
  EXPECT_EQ(CoveringCodes("130181"), (Codes{"130000", "130181", ""}));  // 辛集: its own unit
  EXPECT_EQ(CoveringCodes("130682"), (Codes{"130000", "130682", ""}));  // 定州
  EXPECT_EQ(CoveringCodes("130000"), (Codes{"130000", "", ""}));
  EXPECT_EQ(CoveringCodes("139905"), (Codes{"130000", "139900", "139905"}));  // unknown city
  EXPECT_EQ(CoveringCodes("13010"), (Codes{"", "", ""}));
}

TEST(CoverageTest, ProvinceCityAndCountyInspectors) {
  EXPECT_TRUE(InspectorCovers("130000", "131123"));
  EXPECT_TRUE(InspectorCovers("130000", "130682"));
  EXPECT_TRUE(InspectorCovers("130200", "130203"));
  EXPECT_TRUE(InspectorCovers("130200", "130200"));
  EXPECT_FALSE(InspectorCovers("130200", "130102"));
  EXPECT_FALSE(InspectorCovers("130100", "130181"));  // 石家庄 does not cover 辛集
  EXPECT_FALSE(InspectorCovers("130600", "130682"));  // nor 保定 定州
  EXPECT_TRUE(InspectorCovers("130181", "130181"));
  EXPECT_TRUE(InspectorCovers("130102", "130102"));
  EXPECT_FALSE(InspectorCovers("130102", "130104"));
  EXPECT_FALSE(InspectorCovers("130102", "130100"));  // a county inspector, a city-level firm
  EXPECT_FALSE(InspectorCovers("", "130102"));
}

}  // namespace
}  // namespace zl::inspect
