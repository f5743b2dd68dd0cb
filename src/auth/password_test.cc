// Tests for password hashing (Argon2id) and the password policy.
#include "auth/password.h"

#include <gtest/gtest.h>
#include <sodium.h>

namespace zl::auth {
namespace {

TEST(Password, HashVerifiesOnlyTheRightPassword) {
  Result<std::string> h = HashPassword("correct horse battery");
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u) << *h;
  EXPECT_TRUE(VerifyPassword(*h, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*h, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword(*h, ""));
  EXPECT_FALSE(PasswordNeedsRehash(*h));
}

TEST(Password, SaltMakesEachHashDifferent) {
  Result<std::string> a = HashPassword("质量兴省质量兴省质量");
  Result<std::string> b = HashPassword("质量兴省质量兴省质量");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(VerifyPassword(*b, "质量兴省质量兴省质量"));
}

TEST(Password, MalformedHashesNeverVerify) {
  EXPECT_FALSE(VerifyPassword("", "anything"));
  EXPECT_FALSE(VerifyPassword("not a hash", "not a hash"));
  EXPECT_FALSE(VerifyPassword(std::string(1000, '$'), "x"));
  EXPECT_TRUE(PasswordNeedsRehash(""));
  EXPECT_TRUE(PasswordNeedsRehash("garbage"));
}

TEST(Password, WeakerParametersNeedRehash) {
  // A valid Argon2id hash made with a lower memory limit than HashPassword uses.
  ASSERT_GE(sodium_init(), 0);
  char weak[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(weak, "pw", 2, crypto_pwhash_OPSLIMIT_MIN,
                                  crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13),
            0);
  EXPECT_TRUE(VerifyPassword(weak, "pw"));
  EXPECT_TRUE(PasswordNeedsRehash(weak));
}

TEST(Password, DummyHashIsValidAndStable) {
  const std::string& d = DummyPasswordHash();
  EXPECT_EQ(d.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(&d, &DummyPasswordHash());
  EXPECT_FALSE(VerifyPassword(d, ""));
}

std::string PolicyMessage(std::string_view password, std::string_view user = "zhangsan") {
  Status s = CheckPasswordPolicy(password, user);
  if (s.ok()) return "OK";
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(s.field(), "password");
  return s.message();
}

TEST(PasswordPolicy, AcceptsReasonablePasswords) {
  EXPECT_EQ(PolicyMessage("Tangshan-steel-2024"), "OK");
  EXPECT_EQ(PolicyMessage("correct horse battery"), "OK");
  EXPECT_EQ(PolicyMessage("b" + std::string(127, 'a')), "OK");
}

TEST(PasswordPolicy, LengthCountsCharactersNotBytes) {
  EXPECT_EQ(PolicyMessage("short"), "must be at least 10 characters long (got 5)");
  EXPECT_EQ(PolicyMessage("abcdefgh9"), "must be at least 10 characters long (got 9)");
  EXPECT_EQ(PolicyMessage("河北省质量强省行动计"), "OK");  // 10 characters, 30 bytes
  EXPECT_EQ(PolicyMessage("河北省质量强省行动"), "must be at least 10 characters long (got 9)");
  std::string long_one(129, 'x');
  long_one[0] = 'y';
  EXPECT_EQ(PolicyMessage(long_one), "must be at most 128 characters long (got 129)");
}

TEST(PasswordPolicy, RejectsOneRepeatedCharacter) {
  EXPECT_EQ(PolicyMessage("aaaaaaaaaaaa"), "must not be one character repeated");
  EXPECT_EQ(PolicyMessage("好好好好好好好好好好"), "must not be one character repeated");
  EXPECT_EQ(PolicyMessage("aaaaaaaaaab"), "OK");
}

TEST(PasswordPolicy, RejectsTheUserName) {
  EXPECT_EQ(PolicyMessage("ZhangSan2024", "zhangsan"), "must not contain the user name");
  EXPECT_EQ(PolicyMessage("my-zhangsan-pw", "ZHANGSAN"), "must not contain the user name");
  EXPECT_EQ(PolicyMessage("inspector01", "Inspector01"), "must not be the user name");
  EXPECT_EQ(PolicyMessage("abcdefghijkl", "ab"), "OK");  // too short a name to search for
  EXPECT_EQ(PolicyMessage("Tangshan-steel-2024", ""), "OK");
}

TEST(PasswordPolicy, RejectsCommonPasswordsCaseInsensitively) {
  const std::string common = "is one of the most common passwords; choose another";
  EXPECT_EQ(PolicyMessage("1234567890"), common);
  EXPECT_EQ(PolicyMessage("woaini1314"), common);
  EXPECT_EQ(PolicyMessage("QwertyUIOP"), common);
  EXPECT_EQ(PolicyMessage("Password123"), common);
  EXPECT_EQ(PolicyMessage("1qaz2wsx3edc"), common);
  EXPECT_EQ(PolicyMessage("1234567890x"), "OK");
}

}  // namespace
}  // namespace zl::auth
