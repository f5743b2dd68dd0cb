#include "demo/demo_generator.h"

#include <gtest/gtest.h>

#include <set>

#include "domain/region.h"
#include "domain/uscc.h"

namespace zl::demo {
namespace {

std::vector<domain::Enterprise> Generate(int n, std::uint64_t seed) {
  EnterpriseGenerator gen({.enterprises = n, .seed = seed});
  std::vector<domain::Enterprise> out;
  while (auto e = gen.Next()) out.push_back(std::move(*e));
  return out;
}

TEST(EnterpriseGenerator, ProducesExactlyNValidUniqueHebeiEnterprises) {
  auto rows = Generate(5000, 7);
  ASSERT_EQ(rows.size(), 5000u);
  std::set<std::string> codes, names;
  std::set<std::string> units;
  for (const auto& e : rows) {
    auto verdict = domain::Uscc::Check(e.uscc);
    ASSERT_TRUE(verdict.valid) << e.uscc << ": " << verdict.reason;
    EXPECT_EQ(e.uscc.substr(2, 6), e.region_code);
    ASSERT_NE(domain::RegionRegistry::Hebei().Find(e.region_code), nullptr) << e.region_code;
    EXPECT_FALSE(e.name.empty());
    EXPECT_GE(e.founded_on, Date::FromYmd(1985, 1, 1));
    EXPECT_LE(e.founded_on, Date::FromYmd(2025, 12, 31));
    codes.insert(e.uscc);
    names.insert(e.name);
    units.insert(e.region_code);
  }
  EXPECT_EQ(codes.size(), rows.size());
  EXPECT_EQ(names.size(), rows.size());
  EXPECT_EQ(units.size(), 13u);  // 11 cities + 定州 + 辛集 all appear
}

TEST(EnterpriseGenerator, SameSeedSameDataOtherSeedOtherData) {
  auto a = Generate(200, 42), b = Generate(200, 42), c = Generate(200, 43);
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].uscc, b[i].uscc);
    EXPECT_EQ(a[i].name, b[i].name);
    EXPECT_EQ(a[i].founded_on, b[i].founded_on);
  }
  int same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) same += a[i].uscc == c[i].uscc;
  EXPECT_LT(same, 5);
}

TEST(EnterpriseGenerator, UsesBothCodeFormsAroundTheReform) {
  auto rows = Generate(2000, 1);
  int old_form = 0, new_form = 0;
  for (const auto& e : rows) {
    bool ma = e.uscc.substr(8, 2) == "MA";
    bool after = e.founded_on >= Date::FromYmd(2015, 10, 1);
    EXPECT_EQ(ma, after) << e.uscc << " founded " << e.founded_on.ToString();
    (ma ? new_form : old_form)++;
  }
  EXPECT_GT(old_form, 100);
  EXPECT_GT(new_form, 100);
}

}  // namespace
}  // namespace zl::demo
