// Argon2id password hashes and the password policy.
#include "auth/password.h"

#include <fmt/format.h>
#include <sodium.h>

#include <string>
#include <unordered_set>

#include "auth/crypto.h"
#include "auth/token.h"
#include "base/embedded_file.h"
#include "base/text.h"

namespace zl::auth {
namespace data {
std::span<const EmbeddedFile> CommonPasswordFiles();  // data/auth/common-passwords.txt
}  // namespace data

namespace {

constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

const std::unordered_set<std::string>& CommonPasswords() {
  static const auto* const kSet = [] {
    auto* set = new std::unordered_set<std::string>();
    std::string_view text = data::CommonPasswordFiles()[0].bytes;
    while (!text.empty()) {
      const size_t nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line.empty() || line[0] == '#') continue;
      set->insert(AsciiLower(line));
    }
    return set;
  }();
  return *kSet;
}

// Byte length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  return 1;
}

bool IsOneCharacterRepeated(std::string_view s) {
  if (s.empty()) return false;
  const size_t n = std::min(SequenceLength(static_cast<unsigned char>(s[0])), s.size());
  const std::string_view unit = s.substr(0, n);
  if (s.size() % n != 0) return false;
  for (size_t i = n; i < s.size(); i += n) {
    if (s.substr(i, n) != unit) return false;
  }
  return true;
}

Status PolicyError(std::string message) {
  return Status::InvalidArgument(std::move(message), "password");
}

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  EnsureSodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::ResourceExhausted("not enough memory to hash a password");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  EnsureSodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string h(hash);  // libsodium wants a NUL-terminated string
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

bool PasswordNeedsRehash(std::string_view hash) {
  EnsureSodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return true;
  const std::string h(hash);
  // The Argon2id-specific check also reports an Argon2i hash (-1: not Argon2id) as needing it.
  return crypto_pwhash_argon2id_str_needs_rehash(h.c_str(), kOpsLimit, kMemLimit) != 0;
}

const std::string& DummyPasswordHash() {
  static const std::string* const kHash = [] {
    Result<std::string> h = HashPassword(NewSecret(32));
    return new std::string(h.ok() ? std::move(h).value() : std::string());
  }();
  return *kHash;
}

Status CheckPasswordPolicy(std::string_view password, std::string_view user_name) {
  const size_t chars = CountCodePoints(password);
  if (chars < kMinPasswordChars) {
    return PolicyError(
        fmt::format("must be at least {} characters long (got {})", kMinPasswordChars, chars));
  }
  if (chars > kMaxPasswordChars) {
    return PolicyError(
        fmt::format("must be at most {} characters long (got {})", kMaxPasswordChars, chars));
  }
  if (IsOneCharacterRepeated(password)) {
    return PolicyError("must not be one character repeated");
  }
  const std::string lower = AsciiLower(password);
  if (!user_name.empty()) {
    const std::string name = AsciiLower(user_name);
    if (lower == name) return PolicyError("must not be the user name");
    if (CountCodePoints(name) >= 3 && lower.find(name) != std::string::npos) {
      return PolicyError("must not contain the user name");
    }
  }
  if (CommonPasswords().count(lower) != 0) {
    return PolicyError("is one of the most common passwords; choose another");
  }
  return Status::Ok();
}

}  // namespace zl::auth
