#include "store/enterprise_repository.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "domain/name_search.h"
#include "store/enterprise_search.h"
#include "store/test_database.h"

namespace zl::store {
namespace {

using domain::Enterprise;
using domain::EnterpriseSize;

Enterprise Make(std::string uscc, std::string name, std::string region, std::string industry,
                EnterpriseSize size) {
  Enterprise e;
  e.uscc = std::move(uscc);
  e.name = std::move(name);
  e.region_code = std::move(region);
  e.industry_code = std::move(industry);
  e.size = size;
  e.founded_on = Date::FromYmd(2005, 3, 14);
  e.address = "河北省";
  return e;
}

class EnterpriseRepositoryTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    repo_ = std::make_unique<EnterpriseRepository>(db());
    std::vector<Enterprise> rows = {
        Make("91130200MA0A000001", "唐山市鑫达钢铁有限公司", "130200", "C31",
             EnterpriseSize::kLarge),
        Make("91130200MA0A000002", "唐山市恒通机械有限公司", "130200", "C34",
             EnterpriseSize::kSmall),
        Make("91130100MA0A000003", "石家庄华北制药股份有限公司", "130100", "C27",
             EnterpriseSize::kLarge),
        Make("91130682MA0A000004", "定州市安泰钢铁有限公司", "130682", "C31",
             EnterpriseSize::kMedium),
        Make("91130100MA0A000005", "石家庄百分_百食品有限公司", "130100", "C14",
             EnterpriseSize::kMicro),
    };
    ASSERT_TRUE(repo_->InsertMany(rows).ok());
  }

  std::unique_ptr<EnterpriseRepository> repo_;
};

TEST_P(EnterpriseRepositoryTest, FindsByUsccAndReportsMissing) {
  auto e = repo_->FindByUscc("91130682MA0A000004");
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->name, "定州市安泰钢铁有限公司");
  EXPECT_EQ(e->size, EnterpriseSize::kMedium);
  EXPECT_EQ(e->founded_on.ToString(), "2005-03-14");
  auto missing = repo_->FindByUscc("91130682MA0A000009");
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
}

TEST_P(EnterpriseRepositoryTest, FiltersByRegionIndustryAndTwoCharacterChineseName) {
  EnterpriseFilter by_region{.region_code = "130200"};
  auto page = repo_->List(by_region, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 2);

  EnterpriseFilter steel{.name_contains = "钢铁"};
  page = repo_->List(steel, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 2);

  EnterpriseFilter both{.region_code = "130682", .industry_code = "C31"};
  page = repo_->List(both, {});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].uscc, "91130682MA0A000004");

  // Punctuation in the query is ignored, as in the index: "（钢铁）" finds what 钢铁 finds,
  // and a query of punctuation alone does not filter.
  page = repo_->List({.name_contains = "（钢铁）"}, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 2);
  page = repo_->List({.name_contains = "_"}, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 5);

  // A name query with filters: both narrow the same index lookup.
  page = repo_->List({.region_code = "130682", .name_contains = "钢铁"}, {});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->items[0].uscc, "91130682MA0A000004");
}

TEST_P(EnterpriseRepositoryTest, BestMatchesComeFirst) {
  std::vector<Enterprise> rows = {
      Make("91130900MA0A000011", "沧州钢铁集团有限责任公司", "130900", "C31",
           EnterpriseSize::kLarge),
      Make("91130900MA0A000012", "钢铁", "130900", "C31", EnterpriseSize::kSmall),
      Make("91130900MA0A000013", "钢铁贸易有限公司", "130900", "F51", EnterpriseSize::kSmall),
  };
  ASSERT_TRUE(repo_->InsertMany(rows).ok());
  auto page = repo_->List({.name_contains = "钢铁"}, {});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->total, 5);
  std::vector<std::string> names;
  for (const Enterprise& e : page->items) names.push_back(e.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"钢铁", "钢铁贸易有限公司", "唐山市鑫达钢铁有限公司",
                                      "定州市安泰钢铁有限公司", "沧州钢铁集团有限责任公司"}));
}

TEST_P(EnterpriseRepositoryTest, RenamedEnterpriseIsFoundByItsNewNameOnly) {
  Enterprise before = *repo_->FindByUscc("91130200MA0A000002");
  Enterprise after = before;
  after.name = "唐山市恒通重工有限公司";
  after.region_code = "130300";
  ASSERT_TRUE(db().Write([&](soci::session& sql) {
                    UpdateEnterprise(sql, before, after);
                    return Status();
                  })
                  .ok());
  EXPECT_EQ(repo_->List({.name_contains = "机械"}, {})->total, 0);
  EXPECT_EQ(repo_->List({.name_contains = "重工"}, {})->total, 1);
  EXPECT_EQ(repo_->List({.region_code = "130300", .name_contains = "重工"}, {})->total, 1);
  EXPECT_EQ(repo_->List({.region_code = "130200", .name_contains = "重工"}, {})->total, 0);
}

// Above kRankAllLimit matches the order is: names starting with the query, then the rest in
// register order. Paging through must give every match once.
TEST_P(EnterpriseRepositoryTest, ManyMatchesPageThroughEveryMatchOnce) {
  const int n = static_cast<int>(kRankAllLimit) + 150;
  int i = 0;
  ASSERT_TRUE(repo_
                  ->InsertAll([&]() -> std::optional<Enterprise> {
                    if (i == n) return std::nullopt;
                    char uscc[19];
                    std::snprintf(uscc, sizeof uscc, "91131000MA0D%06d", i);
                    // Every 7th name starts with the query.
                    std::string name = i % 7 == 0 ? "廊坊" + std::to_string(i) + "号公司"
                                                  : "新廊坊" + std::to_string(i) + "号公司";
                    ++i;
                    return Make(uscc, name, "131000", "C33", EnterpriseSize::kMicro);
                  })
                  .ok());
  std::set<std::string> seen;
  bool prefix_phase = true;
  int prefix_seen = 0;
  for (int p = 1;; ++p) {
    auto page = repo_->List({.name_contains = "廊坊"}, {.page = p, .per_page = 200});
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_EQ(page->total, n);
    if (page->items.empty()) break;
    for (const Enterprise& e : page->items) {
      EXPECT_TRUE(seen.insert(e.uscc).second) << e.uscc;
      bool prefix = e.name.starts_with("廊坊");
      if (!prefix) prefix_phase = false;
      EXPECT_FALSE(prefix && !prefix_phase) << "a prefix match after the others: " << e.name;
      prefix_seen += prefix;
    }
  }
  EXPECT_EQ(static_cast<int>(seen.size()), n);
  EXPECT_EQ(prefix_seen, (n + 6) / 7);
}

TEST_P(EnterpriseRepositoryTest, PagesAndRejectsBadPaging) {
  auto first = repo_->List({}, {.page = 1, .per_page = 2});
  auto third = repo_->List({}, {.page = 3, .per_page = 2});
  ASSERT_TRUE(first.ok() && third.ok());
  EXPECT_EQ(first->total, 5);
  EXPECT_EQ(first->items.size(), 2u);
  EXPECT_EQ(third->items.size(), 1u);
  EXPECT_EQ(repo_->List({}, {.page = 0}).status().field(), "page");
  EXPECT_EQ(repo_->List({}, {.page = 1, .per_page = 201}).status().field(), "per_page");
}

TEST_P(EnterpriseRepositoryTest, CountsByDimension) {
  auto by_region = repo_->CountBy(EnterpriseRepository::Dimension::kRegion);
  ASSERT_TRUE(by_region.ok());
  ASSERT_EQ(by_region->size(), 3u);
  EXPECT_EQ((*by_region)[0].count, 2);
  auto total = repo_->Count();
  ASSERT_TRUE(total.ok());
  EXPECT_EQ(*total, 5);
}

TEST_P(EnterpriseRepositoryTest, DuplicateInBatchWritesNothing) {
  std::vector<Enterprise> rows = {
      Make("91130900MA0A000006", "沧州市新建公司", "130900", "C33", EnterpriseSize::kSmall),
      Make("91130200MA0A000001", "重复", "130200", "C31", EnterpriseSize::kSmall),
  };
  Status s = repo_->InsertMany(rows);
  EXPECT_EQ(s.code(), Status::Code::kAlreadyExists) << s.ToString();
  EXPECT_EQ(*repo_->Count(), 5);
  EXPECT_EQ(repo_->FindByUscc("91130900MA0A000006").status().code(), Status::Code::kNotFound);
}

TEST_P(EnterpriseRepositoryTest, SearchesNamesOfEveryLengthThroughTheIndex) {
  auto count = [&](std::string q) {
    auto page = repo_->List({.name_contains = q}, {});
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    return page.ok() ? page->total : -1;
  };
  EXPECT_EQ(count("华北制药"), 1);  // 4 characters: a phrase of bigrams
  EXPECT_EQ(count("有限公司"), 5);
  EXPECT_EQ(count("钢铁有限"), 2);
  EXPECT_EQ(count("钢"), 2);        // 1 character: the character index
  EXPECT_EQ(count("钢铁"), 2);      // 2 characters: one bigram
  EXPECT_EQ(count("唐山钢铁"), 0);  // its bigrams all occur, but not as one phrase
  EXPECT_EQ(count("定州市安泰钢铁有限公司"), 1);
  EXPECT_EQ(count("不存在的公司"), 0);
  EXPECT_EQ(count("\"引号\""), 0);  // FTS syntax characters are taken literally
}

TEST_P(EnterpriseRepositoryTest, LatinSearchIgnoresCase) {
  std::vector<Enterprise> rows = {
      Make("91130900MA0A000007", "沧州ABC Tech有限公司", "130900", "C39", EnterpriseSize::kSmall)};
  ASSERT_TRUE(repo_->InsertMany(rows).ok());
  for (std::string q : {"abc", "ABC", "tech", "Ab"}) {
    auto page = repo_->List({.name_contains = q}, {});
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->total, 1) << q;
  }
}

TEST_P(EnterpriseRepositoryTest, BulkLoadsManyRowsAndDeletesThemAgain) {
  int n = 0;
  Status s = repo_->InsertAll([&]() -> std::optional<Enterprise> {
    if (n == 3000) return std::nullopt;
    char uscc[19];
    std::snprintf(uscc, sizeof uscc, "91131000MA0B%06d", n);
    // Tabs, newlines and backslashes survive the bulk path (COPY escapes them).
    Enterprise e = Make(uscc, "廊坊批量\t" + std::to_string(n) + "号\n公司", "131000", "C33",
                        EnterpriseSize::kMicro);
    ++n;
    return e;
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(*repo_->Count(), 3005);
  auto e = repo_->FindByUscc("91131000MA0B000042");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->name, "廊坊批量\t42号\n公司");
  auto page = repo_->List({.name_contains = "批量"}, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 3000);
  ASSERT_TRUE(repo_->DeleteAll().ok());
  EXPECT_EQ(*repo_->Count(), 0);
  page = repo_->List({.name_contains = "批量\t1"}, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 0);
}

TEST_P(EnterpriseRepositoryTest, BulkLoadWithADuplicateWritesNothing) {
  int n = 0;
  Status s = repo_->InsertAll([&]() -> std::optional<Enterprise> {
    if (n == 100) return std::nullopt;
    char uscc[19];
    std::snprintf(uscc, sizeof uscc, "91131000MA0C%06d", n % 60);  // repeats after 60
    ++n;
    return Make(uscc, "重复公司", "131000", "C33", EnterpriseSize::kMicro);
  });
  EXPECT_EQ(s.code(), Status::Code::kAlreadyExists) << s.ToString();
  EXPECT_EQ(*repo_->Count(), 5);
}

// Every match once, whatever the name repeats: the index has a row for each position of the
// name, and only the first occurrence of a query counts.
TEST_P(EnterpriseRepositoryTest, NameRepeatingTheQueryMatchesOnce) {
  std::vector<Enterprise> rows = {
      Make("91130200MA0A000021", "唐山唐山贸易有限公司", "130200", "F51", EnterpriseSize::kSmall),
      Make("91130200MA0A000022", "唐山市唐山钢材有限公司", "130200", "F51", EnterpriseSize::kSmall),
      Make("91130200MA0A000023", "山山山山", "130200", "F51", EnterpriseSize::kMicro),
  };
  ASSERT_TRUE(repo_->InsertMany(rows).ok());
  auto names = [&](const std::string& q) {
    std::vector<std::string> out;
    auto page = repo_->List({.name_contains = q}, {});
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (page.ok()) {
      EXPECT_EQ(page->total, static_cast<long long>(page->items.size())) << q;
      for (const Enterprise& e : page->items) out.push_back(e.name);
    }
    return out;
  };
  EXPECT_EQ(names("唐山唐"), (std::vector<std::string>{"唐山唐山贸易有限公司"}));
  // The first 唐山 of the second name is not followed by 钢: the match is the second one.
  EXPECT_EQ(names("唐山钢"), (std::vector<std::string>{"唐山市唐山钢材有限公司"}));
  EXPECT_EQ(names("山山山"), (std::vector<std::string>{"山山山山"}));
  EXPECT_EQ(names("山山山山山"), (std::vector<std::string>{}));
  EXPECT_EQ(names("唐山").size(), 4u);
  EXPECT_EQ(names("山").size(), 5u);
}

// A phrase with a region and both filters; the industry code is matched without regard to
// case on both backends.
TEST_P(EnterpriseRepositoryTest, PhraseWithRegionIndustryAndSize) {
  std::vector<Enterprise> rows = {
      Make("91130200MA0A000031", "唐山钢铁有限责任公司", "130200", "C31", EnterpriseSize::kLarge),
      Make("91130200MA0A000032", "唐山钢铁有限公司", "130200", "C31", EnterpriseSize::kSmall),
      Make("91130200MA0A000033", "唐山钢铁有限公司二厂", "130200", "C32", EnterpriseSize::kLarge),
      Make("91130300MA0A000034", "秦皇岛钢铁有限公司", "130300", "C31", EnterpriseSize::kLarge),
      Make("91130200MA0A000035", "唐山有限钢铁公司", "130200", "C31", EnterpriseSize::kLarge),
  };
  ASSERT_TRUE(repo_->InsertMany(rows).ok());
  auto usccs = [&](const EnterpriseFilter& f) {
    std::vector<std::string> out;
    auto page = repo_->List(f, {});
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (page.ok()) {
      EXPECT_EQ(page->total, static_cast<long long>(page->items.size()));
      for (const Enterprise& e : page->items) out.push_back(e.uscc);
    }
    return out;
  };
  EXPECT_EQ(usccs({.region_code = "130200",
                   .industry_code = "C31",
                   .size = "large",
                   .name_contains = "钢铁有限"}),
            (std::vector<std::string>{"91130200MA0A000031", "91130200MA0A000001"}));
  EXPECT_EQ(
      usccs({.region_code = "130200", .industry_code = "c31", .name_contains = "钢铁有限"}),
      (std::vector<std::string>{"91130200MA0A000032", "91130200MA0A000031", "91130200MA0A000001"}));
  EXPECT_EQ(
      usccs({.size = "large", .name_contains = "钢铁有限公"}),
      (std::vector<std::string>{"91130300MA0A000034", "91130200MA0A000033", "91130200MA0A000001"}));
  EXPECT_EQ(usccs({.region_code = "130300", .size = "small", .name_contains = "钢铁"}),
            (std::vector<std::string>{}));
}

TEST_P(EnterpriseRepositoryTest, ChangedIndustryAndSizeAreFoundByTheNewValuesOnly) {
  Enterprise before = *repo_->FindByUscc("91130200MA0A000001");
  Enterprise after = before;
  after.industry_code = "C33";
  after.size = EnterpriseSize::kMedium;
  ASSERT_TRUE(db().Write([&](soci::session& sql) {
                    UpdateEnterprise(sql, before, after);
                    return Status();
                  })
                  .ok());
  EXPECT_EQ(repo_->List({.industry_code = "C31", .name_contains = "鑫达"}, {})->total, 0);
  EXPECT_EQ(repo_->List({.size = "large", .name_contains = "鑫达"}, {})->total, 0);
  EXPECT_EQ(
      repo_->List({.industry_code = "C33", .size = "medium", .name_contains = "鑫达"}, {})->total,
      1);
  EXPECT_EQ(repo_->List({.region_code = "130200", .name_contains = "钢铁"}, {})->total, 1);
}

// Beyond kCountLimit matches the total is a lower bound, and the pages go on past it.
TEST_P(EnterpriseRepositoryTest, CountsUpToTheLimitAndPagesBeyondIt) {
  const int n = static_cast<int>(kCountLimit) + 50;
  int i = 0;
  ASSERT_TRUE(repo_
                  ->InsertAll([&]() -> std::optional<Enterprise> {
                    if (i == n) return std::nullopt;
                    char uscc[19];
                    std::snprintf(uscc, sizeof uscc, "91130600MA0E%06d", i);
                    std::string name = "保定" + std::to_string(i) + "号商贸有限公司";
                    ++i;
                    return Make(uscc, name, i % 2 ? "130600" : "130700", "F52",
                                EnterpriseSize::kMicro);
                  })
                  .ok());
  auto first = repo_->List({.name_contains = "商贸"}, {.page = 1, .per_page = 200});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->total, kCountLimit);
  EXPECT_TRUE(first->total_is_lower_bound);
  EXPECT_EQ(first->items.size(), 200u);
  const int last_page = (n + 199) / 200;
  auto last = repo_->List({.name_contains = "商贸"}, {.page = last_page, .per_page = 200});
  ASSERT_TRUE(last.ok()) << last.status().ToString();
  EXPECT_EQ(last->items.size(), static_cast<std::size_t>(n - (last_page - 1) * 200));
  EXPECT_TRUE(repo_->List({.name_contains = "商贸"}, {.page = last_page + 1, .per_page = 200})
                  ->items.empty());
  // Within one region: 5,025 matches, counted exactly.
  auto region = repo_->List({.region_code = "130600", .name_contains = "商贸"}, {});
  ASSERT_TRUE(region.ok());
  EXPECT_EQ(region->total, n / 2);
  EXPECT_FALSE(region->total_is_lower_bound);
}

// The index against a plain scan: names from a few characters (so that pieces repeat within
// a name), every filter combination, the full ranked order (fewer than kRankAllLimit
// matches): the enterprise named exactly the query, names starting with it, then the rest,
// shorter names first, then by name key and USCC.
TEST_P(EnterpriseRepositoryTest, SearchAgreesWithAPlainScan) {
  ASSERT_TRUE(repo_->DeleteAll().ok());
  const std::vector<std::string> alphabet = {"唐", "山", "钢", "铁", "a", "1"};
  const std::vector<std::string> regions = {"130200", "130300", "130400"};
  const std::vector<std::string> industries = {"C31", "F51"};
  std::vector<Enterprise> rows;
  unsigned seed = 7;
  auto next = [&](unsigned m) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % m;
  };
  for (int i = 0; i < 400; ++i) {
    std::string name;
    const unsigned length = 1 + next(7);
    for (unsigned c = 0; c < length; ++c) name += alphabet[next(alphabet.size())];
    char uscc[19];
    std::snprintf(uscc, sizeof uscc, "91130200MA0F%06d", 999 - i);
    rows.push_back(Make(uscc, name, regions[next(3)], industries[next(2)],
                        next(2) ? EnterpriseSize::kSmall : EnterpriseSize::kLarge));
  }
  ASSERT_TRUE(repo_->InsertMany(rows).ok());
  std::vector<std::string> queries = {"唐",       "a",          "唐山",   "山山",   "钢铁",
                                      "a1",       "唐山钢",     "山唐山", "钢钢钢", "1a1a",
                                      "唐山钢铁", "铁唐山钢铁", "aaaaaaa"};
  for (const std::string& q : queries) {
    for (int f = 0; f < 8; ++f) {
      EnterpriseFilter filter{.region_code = f & 1 ? "130300" : "",
                              .industry_code = f & 2 ? "F51" : "",
                              .size = f & 4 ? "small" : "",
                              .name_contains = q};
      struct Expected {
        int rank;
        std::size_t length;
        std::string key, uscc;
        bool operator<(const Expected& o) const {
          return std::tie(rank, length, key, uscc) < std::tie(o.rank, o.length, o.key, o.uscc);
        }
      };
      std::vector<Expected> expected;
      for (const Enterprise& e : rows) {
        std::string key = domain::NameSearchKey(e.name);
        if (key.find(q) == std::string::npos) continue;
        if (f & 1 && e.region_code != filter.region_code) continue;
        if (f & 2 && e.industry_code != filter.industry_code) continue;
        if (f & 4 && e.size != EnterpriseSize::kSmall) continue;
        int rank = key == q ? 0 : key.starts_with(q) ? 1 : 2;
        expected.push_back({rank, domain::KeyCharacters(key).size(), key, e.uscc});
      }
      std::sort(expected.begin(), expected.end());
      std::vector<std::string> want, got;
      for (const Expected& x : expected) want.push_back(x.uscc);
      long long total = -1;
      for (int p = 1;; ++p) {
        auto page = repo_->List(filter, {.page = p, .per_page = 7});
        ASSERT_TRUE(page.ok()) << page.status().ToString();
        total = page->total;
        if (page->items.empty()) break;
        for (const Enterprise& e : page->items) got.push_back(e.uscc);
      }
      EXPECT_EQ(total, static_cast<long long>(want.size())) << q << " filters " << f;
      EXPECT_EQ(got, want) << q << " filters " << f;
    }
  }
}

ZL_INSTANTIATE_BACKEND_TESTS(EnterpriseRepositoryTest);

}  // namespace
}  // namespace zl::store
