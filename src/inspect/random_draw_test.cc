// Hand-checked cases for the random draw: counts, coverage, conflicts, balance, determinism,
// and a re-computation of the documented recipe straight from libsodium.
#include "inspect/random_draw.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "inspect/coverage.h"
#include "inspect/draw_test_util.h"
#include "inspect/pool_digest.h"

namespace zl::inspect {
namespace {

using testing::AddMembers;
using testing::Entry;
using testing::TestSeed;
using testing::TestUscc;
using testing::UniformPolicy;

DrawInput BaseInput() {
  DrawInput in;
  in.seed = TestSeed(1);
  for (int i = 0; i < 4; ++i) in.inspectors.push_back({100 + i, "130000", 0});
  return in;
}

std::map<RiskClass, int> CountByClass(const DrawResult& r) {
  std::map<RiskClass, int> out;
  for (const DrawnTarget& t : r.targets) ++out[t.risk_class];
  return out;
}

TEST(RandomDrawTest, DrawsCeilingOfRatioPerClass) {
  DrawInput in = BaseInput();  // default policy: A 0.03, B 0.1, C 0.3, D 0.8
  AddMembers(in.pool, "130102", RiskClass::kA, 10);
  AddMembers(in.pool, "130102", RiskClass::kB, 10, 100);
  AddMembers(in.pool, "130102", RiskClass::kC, 7, 200);
  AddMembers(in.pool, "130102", RiskClass::kD, 3, 300);
  Result<DrawResult> r = RunDraw(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->per_class[0], (ClassCount{10, 1}));  // 0.3 -> 1
  EXPECT_EQ(r->per_class[1], (ClassCount{10, 1}));  // 1.0 -> 1, not 2
  EXPECT_EQ(r->per_class[2], (ClassCount{7, 3}));   // 2.1 -> 3
  EXPECT_EQ(r->per_class[3], (ClassCount{3, 3}));   // 2.4 -> 3
  EXPECT_EQ(CountByClass(*r),
            (std::map<RiskClass, int>{
                {RiskClass::kA, 1}, {RiskClass::kB, 1}, {RiskClass::kC, 3}, {RiskClass::kD, 3}}));
  EXPECT_EQ(r->targets.size(), 8u);
  EXPECT_TRUE(std::is_sorted(r->targets.begin(), r->targets.end(),
                             [](const DrawnTarget& a, const DrawnTarget& b) { return a.h < b.h; }));
}

TEST(RandomDrawTest, RatioZeroAndOneAndEmptyClass) {
  DrawInput in = BaseInput();
  in.policy.of(RiskClass::kA) = {0, 0, 0.05, 1};
  in.policy.of(RiskClass::kD) = {1, 0.61, 1, 0};
  AddMembers(in.pool, "130102", RiskClass::kA, 50);
  AddMembers(in.pool, "130102", RiskClass::kD, 5, 100);
  AddMembers(in.pool, "130102", RiskClass::kB, 1, 200);  // 0.1 of 1 -> 1
  Result<DrawResult> r = RunDraw(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->per_class[0], (ClassCount{50, 0}));
  EXPECT_EQ(r->per_class[1], (ClassCount{1, 1}));
  EXPECT_EQ(r->per_class[2], (ClassCount{0, 0}));
  EXPECT_EQ(r->per_class[3], (ClassCount{5, 5}));
  EXPECT_EQ(CountByClass(*r).count(RiskClass::kA), 0u);
}

TEST(RandomDrawTest, EmptyPoolIsAnEmptyDraw) {
  Result<DrawResult> r = RunDraw(BaseInput());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->targets.empty());
  EXPECT_EQ(r->pool_digest.size(), 64u);
  EXPECT_EQ(r->loads.size(), 4u);
}

TEST(RandomDrawTest, RefusesBadInput) {
  DrawInput in = BaseInput();
  AddMembers(in.pool, "130102", RiskClass::kA, 3);

  DrawInput one = in;
  one.team_size = 1;
  EXPECT_EQ(RunDraw(one).status().field(), "team_size");

  DrawInput seed = in;
  seed.seed = "1234";
  EXPECT_EQ(RunDraw(seed).status().field(), "seed");
  seed.seed = std::string(64, 'A');  // upper case is not the canonical form
  EXPECT_EQ(RunDraw(seed).status().field(), "seed");

  DrawInput policy = in;
  policy.policy.of(RiskClass::kC).ratio = 0.9;
  EXPECT_EQ(RunDraw(policy).status().field(), "C.ratio");

  DrawInput twice = in;
  twice.pool.push_back(twice.pool[1]);
  twice.pool.back().risk_class = RiskClass::kD;
  Result<DrawResult> r = RunDraw(twice);
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find(TestUscc("130102", 1)), std::string::npos);

  DrawInput region = in;
  region.pool[2].region[5] = 'x';
  EXPECT_NE(RunDraw(region).status().message().find("pool[2]"), std::string::npos);

  DrawInput ids = in;
  ids.inspectors.push_back({101, "130100", 0});
  EXPECT_EQ(RunDraw(ids).status().field(), "inspectors");

  DrawInput bad_inspector = in;
  bad_inspector.inspectors[0].region_code = "13";
  EXPECT_EQ(RunDraw(bad_inspector).status().field(), "region_code");

  EXPECT_EQ(PoolEntry::Make("91130102MA0", "130102", RiskClass::kA).status().field(), "uscc");
  EXPECT_EQ(PoolEntry::Make(TestUscc("130102", 1), "1301", RiskClass::kA).status().field(),
            "region_code");
}

TEST(RandomDrawTest, ShortTeamIsReportedAsUnstaffed) {
  DrawInput in;
  in.seed = TestSeed(2);
  in.policy = UniformPolicy(1);
  in.pool.push_back(Entry("130203", 1, RiskClass::kB));  // 唐山: one inspector covers it
  in.pool.push_back(Entry("130102", 2, RiskClass::kB));  // 石家庄: two do
  in.inspectors = {{1, "130200", 0}, {2, "130100", 0}, {3, "130102", 0}, {4, "130300", 0}};
  Result<DrawResult> r = RunDraw(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->unstaffed.size(), 1u);
  EXPECT_EQ(r->unstaffed[0].uscc, TestUscc("130203", 1));
  EXPECT_EQ(r->unstaffed[0].eligible, 1);
  EXPECT_NE(r->unstaffed[0].reason.find("1 of the 2"), std::string::npos) << r->unstaffed[0].reason;
  const DrawnTarget* tangshan = FindTarget(*r, DeriveDrawKey(in.seed), TestUscc("130203", 1));
  ASSERT_NE(tangshan, nullptr);
  EXPECT_EQ(tangshan->team, (std::vector<int64_t>{1}));
  const DrawnTarget* shijiazhuang = FindTarget(*r, DeriveDrawKey(in.seed), TestUscc("130102", 2));
  ASSERT_NE(shijiazhuang, nullptr);
  EXPECT_EQ(std::set<int64_t>(shijiazhuang->team.begin(), shijiazhuang->team.end()),
            (std::set<int64_t>{2, 3}));
}

TEST(RandomDrawTest, ProvincialInspectorsCoverEveryUnitCityInspectorsOnlyTheirOwn) {
  DrawInput in;
  in.seed = TestSeed(3);
  in.policy = UniformPolicy(1);
  AddMembers(in.pool, "130102", RiskClass::kC, 20);
  AddMembers(in.pool, "130203", RiskClass::kC, 20);
  AddMembers(in.pool, "130181", RiskClass::kC, 20);  // 辛集
  in.inspectors = {{1, "130100", 0}, {2, "130100", 0}, {3, "130200", 0},
                   {4, "130200", 0}, {5, "130000", 0}, {6, "130000", 0}};
  Result<DrawResult> r = RunDraw(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->unstaffed.empty());
  std::set<int64_t> xinji_team;
  for (const DrawnTarget& t : r->targets) {
    for (int64_t id : t.team) {
      const std::string_view region = View(t.region);
      if (id == 1 || id == 2) {
        EXPECT_EQ(region, "130102");
      }
      if (id == 3 || id == 4) {
        EXPECT_EQ(region, "130203");
      }
      if (region == "130181") xinji_team.insert(id);
    }
  }
  EXPECT_EQ(xinji_team, (std::set<int64_t>{5, 6}));  // 石家庄's inspectors do not cover 辛集
}

TEST(RandomDrawTest, ConflictedInspectorsAreNeverAssigned) {
  DrawInput in;
  in.seed = TestSeed(4);
  in.policy = UniformPolicy(0.5);
  AddMembers(in.pool, "130102", RiskClass::kB, 200);
  AddMembers(in.pool, "130203", RiskClass::kB, 200, 1000);
  for (int i = 0; i < 6; ++i) in.inspectors.push_back({10 + i, "130100", 0});
  for (int i = 0; i < 6; ++i) in.inspectors.push_back({20 + i, "130200", 0});
  in.inspectors.push_back({30, "130000", 0});
  std::mt19937 rng(7);
  for (int i = 0; i < 1500; ++i) {
    const PoolEntry& e = in.pool[rng() % in.pool.size()];
    const int64_t id = rng() % 3 == 0 ? 30 : (View(e.region) == "130102" ? 10 : 20) + rng() % 6;
    in.conflicts.push_back({id, std::string(View(e.uscc))});
    in.conflicts.push_back({20 + static_cast<int64_t>(rng() % 6), TestUscc("130102", i % 200)});
  }
  in.conflicts.push_back({999, TestUscc("130102", 1)});  // unknown inspector: ignored
  std::set<std::pair<int64_t, std::string>> declared;
  for (const Conflict& c : in.conflicts) declared.insert({c.inspector_id, c.uscc});

  Result<DrawResult> r = RunDraw(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  int assigned = 0;
  std::set<std::pair<int64_t, std::string>> expected_exclusions;
  for (const DrawnTarget& t : r->targets) {
    const std::string uscc(View(t.uscc));
    for (int64_t id : t.team) {
      EXPECT_EQ(declared.count({id, uscc}), 0u) << id << " " << uscc;
      ++assigned;
    }
    for (const DrawInspector& x : in.inspectors) {
      const bool covers = x.region_code == "130000" ||
                          x.region_code.substr(0, 4) == std::string(View(t.region)).substr(0, 4);
      if (covers && declared.count({x.id, uscc})) expected_exclusions.insert({x.id, uscc});
    }
  }
  EXPECT_GT(assigned, 350);  // 200 targets, teams of 2, a few short
  std::set<std::pair<int64_t, std::string>> exclusions;
  for (const Exclusion& e : r->exclusions) exclusions.insert({e.inspector_id, e.uscc});
  EXPECT_EQ(exclusions.size(), r->exclusions.size());  // no duplicates
  EXPECT_EQ(exclusions, expected_exclusions);
  EXPECT_GT(exclusions.size(), 100u);
}

TEST(RandomDrawTest, WorkloadStaysWithinOneWhenAllAreEligible) {
  DrawInput in;
  in.seed = TestSeed(5);
  in.team_size = 3;
  in.policy = UniformPolicy(1);
  AddMembers(in.pool, "130102", RiskClass::kA, 31);
  for (int i = 0; i < 7; ++i) in.inspectors.push_back({i + 1, "130000", 0});
  Result<DrawResult> r = RunDraw(in);
  ASSERT_TRUE(r.ok());
  int64_t lo = INT64_MAX, hi = 0, total = 0;
  for (const InspectorLoad& l : r->loads) {
    lo = std::min(lo, l.load);
    hi = std::max(hi, l.load);
    total += l.load;
  }
  EXPECT_EQ(total, 93);
  EXPECT_LE(hi - lo, 1);
  for (const DrawnTarget& t : r->targets) {
    EXPECT_EQ(std::set<int64_t>(t.team.begin(), t.team.end()).size(), 3u);
  }

  // Earlier open assignments count: inspector 1 starts 20 ahead and is not needed.
  in.inspectors[0].initial_load = 20;
  r = RunDraw(in);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->loads[0], (InspectorLoad{1, 20}));
  for (size_t i = 1; i < r->loads.size(); ++i) {
    EXPECT_TRUE(r->loads[i].load == 15 || r->loads[i].load == 16) << r->loads[i].load;
  }
}

DrawInput MixedInput(uint64_t seed) {
  DrawInput in;
  in.seed = TestSeed(seed);
  const char* regions[] = {"130102", "130203", "130181", "130682", "131100"};
  int n = 0;
  for (const char* region : regions) {
    for (RiskClass c : kAllRiskClasses) AddMembers(in.pool, region, c, 40, n += 100);
  }
  for (int i = 0; i < 25; ++i) {
    in.inspectors.push_back({i + 1, i < 5 ? "130000" : regions[i % 5], i % 3});
  }
  for (int i = 0; i < 60; ++i) {
    in.conflicts.push_back({1 + i % 25, std::string(View(in.pool[i * 13].uscc))});
  }
  return in;
}

TEST(RandomDrawTest, SameInputsSameResult) {
  Result<DrawResult> a = RunDraw(MixedInput(6));
  Result<DrawResult> b = RunDraw(MixedInput(6));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

TEST(RandomDrawTest, OrderOfPoolInspectorsAndConflictsDoesNotMatter) {
  DrawInput in = MixedInput(7);
  DrawInput shuffled = in;
  std::mt19937 rng(11);
  std::shuffle(shuffled.pool.begin(), shuffled.pool.end(), rng);
  std::shuffle(shuffled.inspectors.begin(), shuffled.inspectors.end(), rng);
  std::shuffle(shuffled.conflicts.begin(), shuffled.conflicts.end(), rng);
  Result<DrawResult> a = RunDraw(in);
  Result<DrawResult> b = RunDraw(shuffled);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->pool_digest, b->pool_digest);
  EXPECT_EQ(*a, *b);
}

TEST(RandomDrawTest, DifferentSeedDifferentDraw) {
  Result<DrawResult> a = RunDraw(MixedInput(8));
  Result<DrawResult> b = RunDraw(MixedInput(9));
  ASSERT_TRUE(a.ok() && b.ok());
  std::set<std::string> sa, sb;
  for (const DrawnTarget& t : a->targets) sa.insert(std::string(View(t.uscc)));
  for (const DrawnTarget& t : b->targets) sb.insert(std::string(View(t.uscc)));
  EXPECT_EQ(sa.size(), sb.size());
  EXPECT_NE(sa, sb);
  EXPECT_EQ(a->pool_digest, b->pool_digest);  // the pool is the same
}

TEST(RandomDrawTest, PoolDigestChangesWithThePool) {
  DrawInput in = MixedInput(10);
  const std::string digest = RunDraw(in)->pool_digest;
  DrawInput reclassed = in;
  reclassed.pool[5].risk_class = RiskClass::kD;
  EXPECT_NE(RunDraw(reclassed)->pool_digest, digest);
  DrawInput moved = in;
  moved.pool[5].region = {'1', '3', '0', '1', '0', '4'};
  EXPECT_NE(RunDraw(moved)->pool_digest, digest);
  DrawInput smaller = in;
  smaller.pool.pop_back();
  EXPECT_NE(RunDraw(smaller)->pool_digest, digest);
}

// Pools of 100,000 or more have their digest computed on a second thread: same digest, and a
// repeated USCC is still refused.
TEST(RandomDrawTest, LargePoolDigestAndDuplicateCheck) {
  DrawInput in = BaseInput();
  for (int i = 0; i < 120'000; ++i) {
    in.pool.push_back(Entry(i % 2 ? "130102" : "130203", i, kAllRiskClasses[i % 4]));
  }
  Result<DrawResult> r = RunDraw(in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->pool_digest, PoolDigest(in.pool).value());
  EXPECT_EQ(r->per_class[3], (ClassCount{30'000, 24'000}));
  in.pool.push_back(in.pool[777]);
  Result<DrawResult> twice = RunDraw(in);
  EXPECT_EQ(twice.status().field(), "pool");
  EXPECT_NE(twice.status().message().find(View(in.pool[777].uscc)), std::string::npos);
}

// Re-computes steps 0, 1 and 3 of the recipe in random_draw.h with libsodium directly and a
// full sort, as someone checking a draw by hand would, and step 2 for the first target.
TEST(RandomDrawTest, MatchesTheDocumentedRecipe) {
  ASSERT_GE(sodium_init(), 0);
  DrawInput in = MixedInput(12);
  in.conflicts.clear();
  Result<DrawResult> r = RunDraw(in);
  ASSERT_TRUE(r.ok());

  const std::string key_input = "zhiliang-draw-v1|" + in.seed;
  unsigned char digest[32];
  crypto_generichash(digest, 32, reinterpret_cast<const unsigned char*>(key_input.data()),
                     key_input.size(), nullptr, 0);
  auto siphash = [&](const std::string& m) {
    unsigned char out[8];
    crypto_shorthash_siphash24(out, reinterpret_cast<const unsigned char*>(m.data()), m.size(),
                               digest);
    uint64_t h = 0;
    for (int i = 7; i >= 0; --i) h = (h << 8) | out[i];
    return h;
  };
  std::map<RiskClass, std::vector<std::pair<uint64_t, std::string>>> by_class;
  for (const PoolEntry& e : in.pool) {
    const std::string uscc(View(e.uscc));
    by_class[e.risk_class].push_back({siphash(uscc), uscc});
  }
  std::vector<std::pair<uint64_t, std::string>> expected;
  for (auto& [c, members] : by_class) {
    std::sort(members.begin(), members.end());
    const size_t n = DrawCount(in.policy.of(c).ratio, members.size());
    expected.insert(expected.end(), members.begin(), members.begin() + n);
  }
  std::sort(expected.begin(), expected.end());
  std::vector<std::pair<uint64_t, std::string>> actual;
  for (const DrawnTarget& t : r->targets) actual.push_back({t.h, std::string(View(t.uscc))});
  EXPECT_EQ(actual, expected);

  // Step 2 for the first target: the two eligible inspectors with the smallest
  // (initial load, SipHash(K, "id|load"), id).
  const DrawnTarget& first = r->targets[0];
  std::vector<std::tuple<int64_t, uint64_t, int64_t>> ranked;
  for (const DrawInspector& x : in.inspectors) {
    if (!InspectorCovers(x.region_code, View(first.region))) continue;
    ranked.push_back({x.initial_load, siphash(fmt::format("{}|{}", x.id, x.initial_load)), x.id});
  }
  std::sort(ranked.begin(), ranked.end());
  ASSERT_GE(ranked.size(), 2u);
  EXPECT_EQ(first.team, (std::vector<int64_t>{std::get<2>(ranked[0]), std::get<2>(ranked[1])}));

  // Step 3: BLAKE2b-256 over (v, region, class) sorted by v = SipHash-128 with a zero key.
  std::vector<std::string> records;
  for (const PoolEntry& e : in.pool) {
    unsigned char v[16];
    const unsigned char zero[16] = {};
    crypto_shorthash_siphashx24(v, reinterpret_cast<const unsigned char*>(e.uscc.data()), 18, zero);
    records.push_back(std::string(reinterpret_cast<char*>(v), 16) + std::string(View(e.region)) +
                      std::string(RiskClassName(e.risk_class)));
  }
  std::sort(records.begin(), records.end());
  std::string all;
  for (const std::string& rec : records) all += rec;
  unsigned char pool_digest[32];
  crypto_generichash(pool_digest, 32, reinterpret_cast<const unsigned char*>(all.data()),
                     all.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, pool_digest, 32);
  EXPECT_EQ(r->pool_digest, std::string(hex));
}

}  // namespace
}  // namespace zl::inspect
