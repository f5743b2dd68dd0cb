// Tests of enterprise-name search keys and n-grams.
#include "domain/name_search.h"

#include <gtest/gtest.h>

namespace zl::domain {
namespace {

using Strings = std::vector<std::string>;

TEST(NameSearchTest, KeyKeepsLettersAndDigitsLowerCased) {
  EXPECT_EQ(NameSearchKey("唐山市（鑫达）钢铁有限公司"), "唐山市鑫达钢铁有限公司");
  EXPECT_EQ(NameSearchKey("ＡＢＣ 科技-2号"), "abc科技2号");
  EXPECT_EQ(NameSearchKey("（）・ -"), "");
}

TEST(NameSearchTest, BigramsAreConsecutivePairs) {
  EXPECT_EQ(KeyBigrams("唐山钢铁"), (Strings{"唐山", "山钢", "钢铁"}));
  EXPECT_EQ(KeyBigrams("钢"), Strings{});
  EXPECT_EQ(KeyBigrams("a1"), Strings{"a1"});
}

TEST(NameSearchTest, UnigramsAreDistinctInOrder) {
  EXPECT_EQ(KeyUnigrams("山东山西"), (Strings{"山", "东", "西"}));
}

}  // namespace
}  // namespace zl::domain
