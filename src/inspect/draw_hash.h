// The hashes of the random inspection draw (random_draw.h), in one place so that a draw can
// be re-computed from its recorded seed by any program with libsodium (or any BLAKE2b and
// SipHash-2-4 implementation):
//
//   key K           = first 16 bytes of BLAKE2b-256("zhiliang-draw-v1|" + seed)
//   KeyedHash(K, m) = SipHash-2-4(K, m) read as a little-endian 64-bit integer
//                     (libsodium crypto_shorthash_siphash24)
//   PoolHash(m)     = SipHash-2-4-128 with 16 zero bytes as key (crypto_shorthash_siphashx24),
//                     the 16 output bytes; unkeyed in effect, so a pool digest does not depend
//                     on the seed
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace zl::inspect {

inline constexpr std::string_view kDrawAlgorithm = "zhiliang-draw-v1";

using DrawKey = std::array<unsigned char, 16>;

// A fresh seed: 32 bytes from libsodium's CSPRNG as 64 lower-case hex digits.
std::string NewDrawSeed();
// A seed must be 32 to 128 lower-case hex digits. Fails with InvalidArgument, field "seed".
Status ValidateDrawSeed(std::string_view seed);

DrawKey DeriveDrawKey(std::string_view seed);
uint64_t KeyedHash(const DrawKey& key, std::string_view message);
std::array<unsigned char, 16> PoolHash(std::string_view message);

// 16 lower-case hex digits, most significant first (the number, not its byte order).
std::string HashHex(uint64_t h);

}  // namespace zl::inspect
