// Tests for secrets, their hashes, constant-time comparison and the API token format.
#include "auth/token.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "auth/crypto.h"

namespace zl::auth {
namespace {

bool AllBase64Url(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

TEST(Secret, LengthAndCharset) {
  const std::string s = NewSecret();
  EXPECT_EQ(s.size(), 43u);  // 32 bytes, base64 without padding
  EXPECT_TRUE(AllBase64Url(s)) << s;
  EXPECT_EQ(NewSecret(16).size(), 22u);
  EXPECT_EQ(NewSecret(3).size(), 4u);
  EXPECT_EQ(NewSecret(0), "");
}

TEST(Secret, ThousandAreAllDifferent) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(NewSecret());
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(Secret, HashIsHexSha256) {
  EXPECT_EQ(HashSecret("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(HashSecret(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), HashSecret("abc"));
  const std::string s = NewSecret();
  EXPECT_EQ(HashSecret(s), HashSecret(s));
  EXPECT_NE(HashSecret(s), HashSecret(s + "x"));
}

TEST(Secret, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
}

TEST(ApiToken, FormatIsRecognised) {
  const std::string t = NewApiToken();
  EXPECT_EQ(t.size(), 46u);
  EXPECT_EQ(t.substr(0, 3), "zl_");
  EXPECT_TRUE(AllBase64Url(t.substr(3))) << t;
  EXPECT_TRUE(LooksLikeApiToken(t));
  EXPECT_NE(NewApiToken(), t);
}

TEST(ApiToken, JunkIsNotAToken) {
  const std::string t = NewApiToken();
  EXPECT_FALSE(LooksLikeApiToken(""));
  EXPECT_FALSE(LooksLikeApiToken("zl_"));
  EXPECT_FALSE(LooksLikeApiToken(t.substr(0, 45)));
  EXPECT_FALSE(LooksLikeApiToken(t + "A"));
  EXPECT_FALSE(LooksLikeApiToken("zz_" + t.substr(3)));
  EXPECT_FALSE(LooksLikeApiToken("ZL_" + t.substr(3)));
  std::string bad = t;
  bad[10] = '+';
  EXPECT_FALSE(LooksLikeApiToken(bad));
  bad[10] = '=';
  EXPECT_FALSE(LooksLikeApiToken(bad));
}

}  // namespace
}  // namespace zl::auth
