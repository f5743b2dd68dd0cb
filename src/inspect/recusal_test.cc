// Tests for recusal: one inspector in one team replaced by the draw's rule.
#include "inspect/recusal.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "inspect/draw_test_util.h"

namespace zl::inspect {
namespace {

using testing::AddMembers;
using testing::TestSeed;
using testing::TestUscc;
using testing::UniformPolicy;

DrawInput RecusalInput() {
  DrawInput in;
  in.seed = TestSeed(42);
  in.policy = UniformPolicy(1);
  AddMembers(in.pool, "130102", RiskClass::kB, 6);
  for (int i = 1; i <= 5; ++i) in.inspectors.push_back({i, i <= 3 ? "130000" : "130100", 0});
  in.inspectors.push_back({9, "130200", 0});  // covers none of the targets
  return in;
}

int64_t LoadOf(const DrawResult& r, int64_t id) {
  for (const InspectorLoad& l : r.loads) {
    if (l.inspector_id == id) return l.load;
  }
  return -1;
}

TEST(RecusalTest, ReplacesOneInspectorByTheDocumentedRule) {
  const DrawInput in = RecusalInput();
  DrawResult r = RunDraw(in).value();
  const DrawResult before = r;
  const DrawnTarget& t = r.targets[2];
  const std::string uscc(View(t.uscc));
  const std::vector<int64_t> old_team = t.team;
  const int64_t recused = old_team[1];

  // The expected replacement, by hand: smallest (load, SipHash(K, "uscc|id|recusal|1"), id)
  // among covering inspectors not on the team.
  const DrawKey key = DeriveDrawKey(in.seed);
  std::vector<std::tuple<int64_t, uint64_t, int64_t>> ranked;
  for (const DrawInspector& x : in.inspectors) {
    if (x.id == 9 || std::count(old_team.begin(), old_team.end(), x.id)) continue;
    ranked.push_back(
        {LoadOf(r, x.id), KeyedHash(key, fmt::format("{}|{}|recusal|1", uscc, x.id)), x.id});
  }
  std::sort(ranked.begin(), ranked.end());

  Result<RecusalRecord> rec = ApplyRecusal(in, {uscc, recused, 1}, &r);
  ASSERT_TRUE(rec.ok()) << rec.status().ToString();
  EXPECT_EQ(rec->replacement_id, std::get<2>(ranked[0]));
  EXPECT_EQ(*rec, (RecusalRecord{uscc, recused, rec->replacement_id, 1}));
  const DrawnTarget& after = r.targets[2];
  EXPECT_EQ(std::count(after.team.begin(), after.team.end(), recused), 0);
  EXPECT_EQ(after.team[0], old_team[0]);  // the rest of the team stays, in place
  EXPECT_EQ(after.team[1], rec->replacement_id);
  EXPECT_EQ(LoadOf(r, recused), LoadOf(before, recused) - 1);
  EXPECT_EQ(LoadOf(r, rec->replacement_id), LoadOf(before, rec->replacement_id) + 1);
  EXPECT_EQ(r.recusals, (std::vector<RecusalRecord>{*rec}));
  for (size_t i = 0; i < r.targets.size(); ++i) {
    if (i != 2) {
      EXPECT_EQ(r.targets[i], before.targets[i]);
    }
  }

  // Deterministic: the same request on the same draw gives the same answer.
  DrawResult again = RunDraw(in).value();
  EXPECT_EQ(*ApplyRecusal(in, {uscc, recused, 1}, &again), *rec);
  EXPECT_EQ(again, r);
}

TEST(RecusalTest, NeverPicksAConflictedOrEarlierRecusedInspector) {
  DrawInput in = RecusalInput();
  const std::string uscc = TestUscc("130102", 3);
  DrawResult r = RunDraw(in).value();
  const DrawKey key = DeriveDrawKey(in.seed);
  const std::vector<int64_t> team = FindTarget(r, key, uscc)->team;
  std::vector<int64_t> others;
  for (int64_t id = 1; id <= 5; ++id) {
    if (std::count(team.begin(), team.end(), id) == 0) others.push_back(id);
  }
  ASSERT_EQ(others.size(), 3u);
  // Declare conflicts for two of the three possible replacements (after the draw: the
  // declaration reaches the recusal through its input).
  in.conflicts = {{others[0], uscc}, {others[1], uscc}};
  Result<RecusalRecord> first = ApplyRecusal(in, {uscc, team[0], 1}, &r);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->replacement_id, others[2]);

  // Now recuse the replacement: team[0] stood down earlier, others[0..1] are conflicted, and
  // team[1] is on the team, so nobody is left; nothing changes.
  const DrawResult before = r;
  Result<RecusalRecord> second = ApplyRecusal(in, {uscc, others[2], 2}, &r);
  EXPECT_EQ(second.status().code(), Status::Code::kFailedPrecondition);
  EXPECT_NE(second.status().message().find("no inspector can replace"), std::string::npos);
  EXPECT_EQ(r, before);
}

TEST(RecusalTest, Errors) {
  const DrawInput in = RecusalInput();
  DrawResult r = RunDraw(in).value();
  const DrawResult before = r;
  const DrawnTarget& t = r.targets[0];
  const std::string uscc(View(t.uscc));

  Result<RecusalRecord> unknown = ApplyRecusal(in, {TestUscc("130102", 99), 1, 1}, &r);
  EXPECT_EQ(unknown.status().code(), Status::Code::kNotFound);
  EXPECT_NE(unknown.status().message().find("not a target"), std::string::npos);

  int64_t outsider = 1;
  while (std::count(t.team.begin(), t.team.end(), outsider)) ++outsider;
  Result<RecusalRecord> not_on_team = ApplyRecusal(in, {uscc, outsider, 1}, &r);
  EXPECT_EQ(not_on_team.status().code(), Status::Code::kFailedPrecondition);
  EXPECT_NE(not_on_team.status().message().find("not on the team"), std::string::npos);

  Result<RecusalRecord> out_of_order = ApplyRecusal(in, {uscc, t.team[0], 2}, &r);
  EXPECT_EQ(out_of_order.status().code(), Status::Code::kFailedPrecondition);
  EXPECT_EQ(r, before);

  DrawInput two = RecusalInput();
  two.inspectors = {{1, "130000", 0}, {2, "130100", 0}};
  DrawResult small = RunDraw(two).value();
  const std::string first(View(small.targets[0].uscc));
  Result<RecusalRecord> none = ApplyRecusal(two, {first, 1, 1}, &small);
  EXPECT_EQ(none.status().code(), Status::Code::kFailedPrecondition);
}

}  // namespace
}  // namespace zl::inspect
