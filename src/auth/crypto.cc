// One-time libsodium initialisation and hex SHA-256.
#include "auth/crypto.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace zl::auth {

void EnsureSodium() {
  static const bool kReady = [] {
    if (sodium_init() < 0) {
      std::fprintf(stderr, "libsodium could not be initialised (no random source?)\n");
      std::abort();
    }
    return true;
  }();
  (void)kReady;
}

std::string Sha256Hex(std::string_view data) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

}  // namespace zl::auth
