// Password hashing (Argon2id through libsodium) and the password policy.
//
// Hashes are libsodium's self-describing strings ("$argon2id$v=19$m=65536,t=2,p=1$…"), so the
// algorithm and cost travel with each hash and can be raised later: PasswordNeedsRehash tells
// the login code to re-hash a password it has just verified. Hashing costs about 64 MiB and
// tens of milliseconds on purpose.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace zl::auth {

// Argon2id with libsodium's INTERACTIVE limits and a random salt. Fails with
// ResourceExhausted when the memory for the hash cannot be allocated.
Result<std::string> HashPassword(std::string_view password);

// True when `password` matches `hash` (a string from HashPassword). False for a wrong
// password and for an empty or malformed hash.
bool VerifyPassword(std::string_view hash, std::string_view password);

// True when `hash` was made with another algorithm or other limits than HashPassword uses
// now (or is malformed), so the password should be hashed again after a successful login.
bool PasswordNeedsRehash(std::string_view hash);

// A valid hash of a random password nobody knows, made once. Verify a login for an unknown
// user name against it so that the answer takes as long as for a known one and response
// times do not reveal which user names exist.
const std::string& DummyPasswordHash();

inline constexpr std::size_t kMinPasswordChars = 10;
inline constexpr std::size_t kMaxPasswordChars = 128;

// Fails with InvalidArgument, field "password", saying which rule is broken:
//   at least 10 and at most 128 characters (Unicode code points, so 10 Chinese characters
//   are enough); not a single character repeated; not the user name, nor containing it
//   (ASCII case-insensitive; containment only for user names of 3 characters or more); not
//   in the deny-list of common passwords data/auth/common-passwords.txt (case-insensitive).
Status CheckPasswordPolicy(std::string_view password, std::string_view user_name);

}  // namespace zl::auth
