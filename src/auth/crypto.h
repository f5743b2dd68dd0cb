// The few libsodium primitives the auth module shares: one-time library initialisation and
// hex SHA-256. Kept here so that password.cc, token.cc and audit_chain.cc do not each
// initialise libsodium or hex-encode on their own.
#pragma once

#include <string>
#include <string_view>

namespace zl::auth {

// Initialises libsodium once (thread-safe; later calls are cheap). libsodium only fails to
// initialise when the system has no usable random source, which leaves no safe way to run:
// the process is aborted with a message.
void EnsureSodium();

// Lower-case hex SHA-256 of `data` (64 characters).
std::string Sha256Hex(std::string_view data);

}  // namespace zl::auth
