// Tests for IndustryRegistry and the GB/T 4754-2017 section table.
#include "domain/industry.h"

#include <gtest/gtest.h>

namespace zl::domain {
namespace {

const IndustryRegistry& Industries() { return IndustryRegistry::Default(); }

TEST(Industry, SectionsOfDivisions) {
  EXPECT_EQ(Gb4754Section(1), 'A');
  EXPECT_EQ(Gb4754Section(12), 'B');
  EXPECT_EQ(Gb4754Section(13), 'C');
  EXPECT_EQ(Gb4754Section(43), 'C');
  EXPECT_EQ(Gb4754Section(44), 'D');
  EXPECT_EQ(Gb4754Section(47), 'E');
  EXPECT_EQ(Gb4754Section(52), 'F');
  EXPECT_EQ(Gb4754Section(74), 'M');
  EXPECT_EQ(Gb4754Section(79), 'N');  // 土地管理业, added in 2017
  EXPECT_EQ(Gb4754Section(80), 'O');
  EXPECT_EQ(Gb4754Section(97), 'T');
  EXPECT_EQ(Gb4754Section(0), '\0');
  EXPECT_EQ(Gb4754Section(98), '\0');
}

TEST(Industry, ShipsTheList) {
  EXPECT_GE(Industries().all().size(), 20u);
  const Industry* steel = Industries().Find("C31");
  ASSERT_NE(steel, nullptr);
  EXPECT_EQ(steel->name_zh, "黑色金属冶炼和压延加工业");
  EXPECT_EQ(steel->section(), 'C');
  EXPECT_EQ(steel->division(), "31");
  EXPECT_EQ(Industries().Find("C15")->name_zh, "酒、饮料和精制茶制造业");
  EXPECT_EQ(Industries().Find("E47")->name_zh, "房屋建筑业");
  EXPECT_EQ(Industries().Find("F52")->name_zh, "零售业");
  for (const Industry& i : Industries().all()) {
    EXPECT_FALSE(i.name_en.empty()) << i.code;
    EXPECT_EQ(Gb4754Section((i.code[1] - '0') * 10 + (i.code[2] - '0')), i.section()) << i.code;
  }
  EXPECT_TRUE(std::is_sorted(Industries().all().begin(), Industries().all().end(),
                             [](const Industry& a, const Industry& b) { return a.code < b.code; }));
}

TEST(Industry, LookupAcceptsTypedForms) {
  for (const char* in : {"C31", "c31", "Ｃ３１", " 31 ", "31"}) {
    Result<const Industry*> r = Industries().Lookup(in);
    ASSERT_TRUE(r.ok()) << in << ": " << r.status().ToString();
    EXPECT_EQ((*r)->code, "C31");
  }
}

TEST(Industry, LookupExplains) {
  Result<const Industry*> r = Industries().Lookup("C16");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "industry_code");
  EXPECT_EQ(r.status().message(), "C16 is not one of the industries Zhiliang lists");
  EXPECT_EQ(Industries().Lookup("C47").status().message(),
            "C47: division 47 is in section E, not C");
  EXPECT_EQ(Industries().Lookup("C3").status().message(),
            "must be a GB/T 4754 division code such as C31, got 'C3'");
  EXPECT_FALSE(Industries().Lookup("C99").ok());
  EXPECT_FALSE(Industries().Lookup("").ok());
}

TEST(Industry, FromTextErrors) {
  auto error = [](std::string_view body) {
    std::string text = "code\tname_zh\tname_en\n";
    text += body;
    return IndustryRegistry::FromText(text, "i.tsv").status().message();
  };
  EXPECT_EQ(error("C13\t农副食品加工业\tFood\n"), "");
  EXPECT_EQ(error("D13\t农副食品加工业\tFood\n"),
            "i.tsv:2: code 'D13': division 13 belongs to section C");
  EXPECT_EQ(error("C1\tx\ty\n"),
            "i.tsv:2: code 'C1' must be a section letter and a division 01–97");
  EXPECT_EQ(error("C13\ta\tb\nC13\ta\tb\n"), "i.tsv:3: C13 is listed twice");
  EXPECT_EQ(error("C13\t\tb\n"), "i.tsv:2: name_zh is empty");
}

}  // namespace
}  // namespace zl::domain
