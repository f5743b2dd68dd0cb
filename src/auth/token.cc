// Random secrets, their stored hashes, and the API token format.
#include "auth/token.h"

#include <sodium.h>

#include <string>
#include <vector>

#include "auth/crypto.h"

namespace zl::auth {
namespace {

constexpr size_t kApiTokenSecretBytes = 32;
constexpr size_t kApiTokenSecretChars = 43;  // base64url of 32 bytes, no padding

bool IsBase64UrlChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

std::string NewSecret(std::size_t bytes) {
  if (bytes == 0) return {};  // randombytes_buf must not see a null buffer
  EnsureSodium();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(bytes, kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), kVariant);
  sodium_memzero(raw.data(), raw.size());
  out.resize(out.size() - 1);  // ENCODED_LEN counts the terminating NUL
  return out;
}

std::string HashSecret(std::string_view secret) { return Sha256Hex(secret); }

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  EnsureSodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string NewApiToken() { return std::string(kApiTokenPrefix) + NewSecret(kApiTokenSecretBytes); }

bool LooksLikeApiToken(std::string_view s) {
  if (s.size() != kApiTokenPrefix.size() + kApiTokenSecretChars) return false;
  if (s.substr(0, kApiTokenPrefix.size()) != kApiTokenPrefix) return false;
  for (char c : s.substr(kApiTokenPrefix.size())) {
    if (!IsBase64UrlChar(c)) return false;
  }
  return true;
}

}  // namespace zl::auth
