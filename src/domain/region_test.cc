// Tests for RegionRegistry: the shipped Hebei data, lookups with reasons, supervision units
// and containment, and errors in the TSV format.
#include "domain/region.h"

#include <gtest/gtest.h>

namespace zl::domain {
namespace {

const RegionRegistry& Hebei() { return RegionRegistry::Hebei(); }

TEST(Region, ShipsProvinceCitiesAndDirectCounties) {
  EXPECT_EQ(Hebei().all().size(), 14u);
  const Region* p = Hebei().Find("130000");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->name_zh, "河北省");
  EXPECT_EQ(p->kind, RegionKind::kProvince);
  EXPECT_EQ(p->parent_code, "");
  const Region* dz = Hebei().Find("130682");
  ASSERT_NE(dz, nullptr);
  EXPECT_EQ(dz->name_zh, "定州市");
  EXPECT_EQ(dz->name_en, "Dingzhou");
  EXPECT_EQ(dz->parent_code, "130600");
  EXPECT_EQ(dz->kind, RegionKind::kDirectCounty);
  EXPECT_EQ(Hebei().Find("130181")->name_zh, "辛集市");
  EXPECT_EQ(Hebei().Find("130181")->parent_code, "130100");
  EXPECT_EQ(Hebei().Find("131100")->name_zh, "衡水市");
  EXPECT_EQ(Hebei().Find("130102"), nullptr);
  EXPECT_EQ(RegionKindName(RegionKind::kDirectCounty), "direct_county");
}

TEST(Region, SupervisionUnitsInCodeOrder) {
  std::vector<std::string> codes;
  for (const Region* r : Hebei().SupervisionUnits()) codes.push_back(r->code);
  EXPECT_EQ(codes, (std::vector<std::string>{"130100", "130181", "130200", "130300", "130400",
                                             "130500", "130600", "130682", "130700", "130800",
                                             "130900", "131000", "131100"}));
}

TEST(Region, LookupNormalisesAndExplains) {
  Result<const Region*> r = Hebei().Lookup(" １３０６８２ ");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->code, "130682");
  Result<const Region*> unknown = Hebei().Lookup("130199");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().field(), "region_code");
  EXPECT_EQ(unknown.status().message(), "130199 is not a Hebei region code known to Zhiliang");
  EXPECT_EQ(Hebei().Lookup("13010").status().message(), "must be 6 digits, got '13010'");
  EXPECT_EQ(Hebei().Lookup("1301OO").status().message(), "must be 6 digits, got '1301OO'");
}

TEST(Region, SupervisionUnitFor) {
  auto unit = [](std::string_view code) {
    const Region* r = Hebei().SupervisionUnitFor(code);
    return r ? r->code : std::string("none");
  };
  EXPECT_EQ(unit("130682"), "130682");  // 定州 is its own unit, not 保定's
  EXPECT_EQ(unit("130181"), "130181");
  EXPECT_EQ(unit("130100"), "130100");
  EXPECT_EQ(unit("130102"), "130100");  // a district of 石家庄
  EXPECT_EQ(unit("130683"), "130600");  // another county of 保定
  EXPECT_EQ(unit("131182"), "131100");
  EXPECT_EQ(unit("130000"), "none");  // registered at the province: no unit from the code
  EXPECT_EQ(unit("131200"), "none");
  EXPECT_EQ(unit("110105"), "none");  // Beijing
  EXPECT_EQ(unit("1301"), "none");
}

TEST(Region, Contains) {
  EXPECT_TRUE(Hebei().Contains("130000", "130100"));
  EXPECT_TRUE(Hebei().Contains("130000", "130682"));
  EXPECT_TRUE(Hebei().Contains("130600", "130682"));  // GB/T 2260 parent kept
  EXPECT_TRUE(Hebei().Contains("130682", "130682"));
  EXPECT_TRUE(Hebei().Contains("130100", "130102"));  // unlisted county by prefix
  EXPECT_TRUE(Hebei().Contains("130000", "130102"));
  EXPECT_FALSE(Hebei().Contains("130100", "130682"));
  EXPECT_FALSE(Hebei().Contains("130682", "130600"));
  EXPECT_FALSE(Hebei().Contains("130200", "130102"));
  EXPECT_FALSE(Hebei().Contains("130000", "110105"));
  EXPECT_FALSE(Hebei().Contains("130199", "130199"));  // unknown parent
}

std::string ErrorOf(std::string_view body) {
  std::string text = "# test\ncode\tname_zh\tname_en\tparent_code\tkind\n";
  text += body;
  return RegionRegistry::FromText(text, "r.tsv").status().message();
}

TEST(Region, FromTextErrors) {
  EXPECT_EQ(ErrorOf("130000\t河北省\tHebei\t\tprovince\n"), "");
  EXPECT_EQ(ErrorOf("13000\t河北省\tHebei\t\tprovince\n"),
            "r.tsv:3: code '13000' must be 6 digits");
  EXPECT_EQ(ErrorOf("130000\t河北省\tHebei\t\tstate\n"),
            "r.tsv:3: unknown kind 'state' (expected province, city or direct_county)");
  EXPECT_EQ(ErrorOf("130000\t河北省\tHebei\tprovince\n"),
            "r.tsv:3: expected 5 tab-separated fields, got 4");
  EXPECT_EQ(ErrorOf("130100\t石家庄市\tShijiazhuang\t130000\tcity\n"),
            "r.tsv:3: parent 130000 of 130100 is not listed");
  EXPECT_EQ(ErrorOf("130000\t河北省\tHebei\t\tprovince\n130000\t河北\tHebei\t\tprovince\n"),
            "r.tsv:4: code 130000 is listed twice");
  EXPECT_EQ(ErrorOf("130000\t河北省\tHebei\t\tcity\n"),
            "r.tsv:3: parent_code must be empty for the province and only for it");
  EXPECT_EQ(
      RegionRegistry::FromText("130000\t河北省\tHebei\t\tprovince\n", "r.tsv").status().message(),
      "r.tsv:1: expected the header row 'code\tname_zh\tname_en\tparent_code\tkind'");
}

TEST(RegionRegistry, NameZhFallsBackToTheCode) {
  EXPECT_EQ(RegionRegistry::Hebei().NameZh("130200"), "唐山市");
  EXPECT_EQ(RegionRegistry::Hebei().NameZh("130682"), "定州市");
  EXPECT_EQ(RegionRegistry::Hebei().NameZh("999999"), "999999");
}

}  // namespace
}  // namespace zl::domain
