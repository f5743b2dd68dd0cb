// The draw's key derivation and hashes on libsodium.
#include "inspect/draw_hash.h"

#include <fmt/format.h>
#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace zl::inspect {
namespace {

void EnsureSodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) {  // no usable random source: nothing safe to do
      std::fprintf(stderr, "libsodium failed to initialise\n");
      std::abort();
    }
  });
}

}  // namespace

std::string NewDrawSeed() {
  EnsureSodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[2 * sizeof bytes + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return std::string(hex, 2 * sizeof bytes);
}

Status ValidateDrawSeed(std::string_view seed) {
  bool hex = seed.size() >= 32 && seed.size() <= 128;
  for (char c : seed) hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  if (!hex) {
    return Status::InvalidArgument(
        fmt::format("the seed must be 32 to 128 lower-case hex digits, got {} characters",
                    seed.size()),
        "seed");
  }
  return Status::Ok();
}

DrawKey DeriveDrawKey(std::string_view seed) {
  EnsureSodium();
  const std::string message = std::string(kDrawAlgorithm) + "|" + std::string(seed);
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), nullptr, 0);
  DrawKey key;
  std::copy(digest, digest + key.size(), key.begin());
  return key;
}

uint64_t KeyedHash(const DrawKey& key, std::string_view message) {
  static_assert(crypto_shorthash_siphash24_KEYBYTES == 16);
  unsigned char out[crypto_shorthash_siphash24_BYTES];
  crypto_shorthash_siphash24(out, reinterpret_cast<const unsigned char*>(message.data()),
                             message.size(), key.data());
  uint64_t h = 0;
  for (int i = 7; i >= 0; --i) h = (h << 8) | out[i];
  return h;
}

std::array<unsigned char, 16> PoolHash(std::string_view message) {
  static const unsigned char kZeroKey[crypto_shorthash_siphashx24_KEYBYTES] = {};
  std::array<unsigned char, 16> out;
  static_assert(crypto_shorthash_siphashx24_BYTES == 16);
  crypto_shorthash_siphashx24(out.data(), reinterpret_cast<const unsigned char*>(message.data()),
                              message.size(), kZeroKey);
  return out;
}

std::string HashHex(uint64_t h) { return fmt::format("{:016x}", h); }

}  // namespace zl::inspect
