// Entry rules: the shipped file parses, conditions count records of a kind (and severity)
// within the window, and bad rule files name the line and the reason.
#include "blacklist/entry_rules.h"

#include <gtest/gtest.h>

namespace zl::blacklist {
namespace {

const Date kToday = Date::FromYmd(2026, 11, 27);

RuleRecord R(const char* kind, const char* severity, int y, int m, int d) {
  return {kind, severity, Date::FromYmd(y, m, d)};
}

TEST(EntryRules, TheShippedRulesCiteOrder44Article7) {
  const EntryRule* spot = EntryRules::Default().Find("art7_spot_check");
  ASSERT_NE(spot, nullptr);
  EXPECT_EQ(spot->article, "第七条");
  ASSERT_EQ(spot->requires_all.size(), 2u);
  EXPECT_EQ(spot->requires_all[0].kind, "inspection_fail");
  EXPECT_EQ(spot->requires_all[0].severity, "serious");
  EXPECT_EQ(spot->requires_all[0].count, 2);
  EXPECT_EQ(spot->requires_all[1].count, 1);
  EXPECT_EQ(spot->window_months, 24);
}

TEST(EntryRules, AFailedSpotCheckAndItsFailedRecheckWithAHeavierPenalty) {
  const EntryRule& rule = *EntryRules::Default().Find("art7_spot_check");
  const std::vector<RuleRecord> both = {R("inspection_fail", "serious", 2026, 3, 1),
                                        R("inspection_fail", "serious", 2026, 5, 10),
                                        R("penalty", "serious", 2026, 6, 1)};
  EXPECT_TRUE(Meets(rule, both, kToday));
  // The re-check missing, a general (not heavier) penalty, or the first failure outside the
  // 24-month window: no proposal.
  EXPECT_FALSE(Meets(rule, {both[0], both[2]}, kToday));
  EXPECT_FALSE(Meets(rule, {both[0], both[1], R("penalty", "general", 2026, 6, 1)}, kToday));
  EXPECT_FALSE(
      Meets(rule, {R("inspection_fail", "serious", 2024, 11, 26), both[1], both[2]}, kToday));
  EXPECT_TRUE(
      Meets(rule, {R("inspection_fail", "serious", 2024, 11, 27), both[1], both[2]}, kToday));
  // Records dated after the day asked about do not count yet.
  EXPECT_FALSE(Meets(rule, both, Date::FromYmd(2026, 5, 31)));
}

TEST(EntryRules, BadFilesNameTheLine) {
  const std::string header = "code\tarticle\ttitle_zh\trequires\twindow_months\n";
  auto error = [&](const std::string& row) {
    Result<EntryRules> r = EntryRules::Parse(header + row, "rules.tsv");
    return r.ok() ? std::string("ok") : r.status().message();
  };
  EXPECT_EQ(error("a\t第七条\t标题\tpenalty:serious\t24\n"), "ok");
  EXPECT_NE(
      error("a\t第七条\t标题\tfine:serious\t24\n").find("rules.tsv:2: unknown record kind 'fine'"),
      std::string::npos);
  EXPECT_NE(error("a\t第七条\t标题\tpenalty:awful\t24\n").find("unknown severity 'awful'"),
            std::string::npos);
  EXPECT_NE(error("a\t第七条\t标题\tpenalty*0\t24\n").find("count after '*'"), std::string::npos);
  EXPECT_NE(error("a\t第七条\t标题\tpenalty\t0\n").find("window_months"), std::string::npos);
  EXPECT_NE(error("a\t第七条\t标题\tpenalty\t24\na\t第七条\t标题\tpenalty\t24\n")
                .find("rules.tsv:3: rule a is listed twice"),
            std::string::npos);
}

}  // namespace
}  // namespace zl::blacklist
