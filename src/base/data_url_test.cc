// Data URLs as browsers send files.
#include "base/data_url.h"

#include <gtest/gtest.h>

namespace zl {
namespace {

TEST(DataUrl, DecodesBase64WithAndWithoutPadding) {
  Result<DataUrl> u = ParseDataUrl("data:text/plain;base64,5Lit5paH");  // "中文"
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->media_type, "text/plain");
  EXPECT_EQ(u->bytes, "中文");
  EXPECT_EQ(ParseDataUrl("data:application/octet-stream;base64,YWI=")->bytes, "ab");
  EXPECT_EQ(ParseDataUrl("data:application/octet-stream;base64,YWI")->bytes, "ab");
  EXPECT_EQ(ParseDataUrl("data:;base64,")->bytes, "");
}

TEST(DataUrl, PercentDecodesPlainData) {
  Result<DataUrl> u = ParseDataUrl("data:,a%20b%2");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->media_type, "text/plain;charset=US-ASCII");
  EXPECT_EQ(u->bytes, "a b%2");
}

TEST(DataUrl, RefusesWhatIsNotOne) {
  EXPECT_FALSE(ParseDataUrl("照片内容").ok());
  EXPECT_FALSE(ParseDataUrl("data:image/png;base64").ok());
  EXPECT_FALSE(ParseDataUrl("data:image/png;base64,a*bc").ok());
  EXPECT_FALSE(ParseDataUrl("data:image/png;base64,abcde").ok());
}

}  // namespace
}  // namespace zl
