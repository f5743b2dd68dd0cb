// Rows and SQL for accounts, browser sessions and API tokens (the auth module's tables).
//
// These functions take the session of a unit of work and must be called inside
// Database::Read or Database::Write; SOCI errors propagate as exceptions that Database turns
// into a Status. Taking the session lets a caller combine a change and its audit entry in
// one transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/enterprise_repository.h"  // PageRequest, PageOf

namespace soci {
class session;
}

namespace zl::store {

struct UserRecord {
  std::string name;
  std::string role;         // auth::RoleName
  std::string region_code;  // "" when the role has no region
  std::string uscc;         // "" unless role is enterprise
  std::string password_hash;
  bool disabled = false;
  int failed_logins = 0;     // consecutive, reset by a successful login
  std::string locked_until;  // ISO UTC; "" = not locked
  std::string created_at;
  std::string last_login_at;
  std::string password_changed_at;
};

struct SessionRecord {
  std::string token_hash;
  std::string user_name;
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  std::string expires_at;  // absolute expiry
  std::string revoked_at;
};

struct TokenRecord {
  std::string id;
  std::string token_hash;
  std::string name;
  std::string owner;
  std::string scopes;  // space-separated permissions
  std::string created_at;
  std::string expires_at;
  std::string revoked_at;
  std::string last_used_at;
};

void InsertUser(soci::session& sql, const UserRecord& user);
std::optional<UserRecord> FindUser(soci::session& sql, const std::string& name);
// Writes every column but name and created_at.
void UpdateUser(soci::session& sql, const UserRecord& user);
// Users of one region ("" = all), ordered by name.
PageOf<UserRecord> ListUsers(soci::session& sql, const std::string& region_code, PageRequest page);

void InsertSession(soci::session& sql, const SessionRecord& session);
std::optional<SessionRecord> FindSession(soci::session& sql, const std::string& token_hash);
void TouchSession(soci::session& sql, const std::string& token_hash, const std::string& at);
void RevokeSession(soci::session& sql, const std::string& token_hash, const std::string& at);
// Revokes every live session of a user (password changed, account disabled), except the
// one whose hash is `keep` (the session that changed the password).
void RevokeUserSessions(soci::session& sql, const std::string& user_name, const std::string& at,
                        const std::string& keep = {});

void InsertToken(soci::session& sql, const TokenRecord& token);
std::optional<TokenRecord> FindTokenByHash(soci::session& sql, const std::string& token_hash);
std::optional<TokenRecord> FindToken(soci::session& sql, const std::string& id);
// Tokens of one owner ("" = all), newest first.
std::vector<TokenRecord> ListTokens(soci::session& sql, const std::string& owner);
void RevokeToken(soci::session& sql, const std::string& id, const std::string& at);
void TouchToken(soci::session& sql, const std::string& id, const std::string& at);

}  // namespace zl::store
