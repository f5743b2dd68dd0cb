// Secrets for sessions and API tokens. A secret is random bytes in base64url (no padding),
// handed to the client once; the server keeps only HashSecret(secret), so a copy of the
// database does not let anyone log in. SHA-256 without a salt is enough here because the
// secrets are 256 random bits, not something a person chose.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace zl::auth {

// `bytes` random bytes (libsodium's CSPRNG) as base64url without padding: 43 characters
// from [A-Za-z0-9_-] for the default 32 bytes.
std::string NewSecret(std::size_t bytes = 32);

// Lower-case hex SHA-256 of the secret (64 characters): the form sessions and API tokens
// are stored and looked up in.
std::string HashSecret(std::string_view secret);

// Compares in time that depends only on the lengths, not on where the strings differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

inline constexpr std::string_view kApiTokenPrefix = "zl_";

// "zl_" + NewSecret(32): 46 characters. The prefix lets secret scanners and people
// recognise a Zhiliang token (and tell it from a session cookie).
std::string NewApiToken();

// Whether `s` has the shape NewApiToken produces ("zl_" + 43 base64url characters). Says
// nothing about whether the token exists; use it to reject junk before a database lookup.
bool LooksLikeApiToken(std::string_view s);

}  // namespace zl::auth
