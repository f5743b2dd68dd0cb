// API tokens: issue, list, revoke, authenticate.
#include "auth/api_tokens.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "auth/audit_log.h"
#include "auth/sessions.h"
#include "auth/token.h"
#include "store/database.h"

namespace zl::auth {

std::vector<std::string> SplitScopes(const std::string& scopes) {
  std::vector<std::string> out;
  std::istringstream in(scopes);
  for (std::string s; in >> s;) out.push_back(s);
  return out;
}

Result<IssuedToken> IssueToken(store::Database& db, const Principal& actor, const std::string& name,
                               const std::vector<std::string>& scopes, int expires_in_days,
                               const std::string& request_id) {
  if (name.empty() || name.size() > 100) {
    return Status::InvalidArgument("must be 1 to 100 characters", "name");
  }
  if (scopes.empty()) return Status::InvalidArgument("name at least one permission", "scopes");
  for (const std::string& scope : scopes) {
    if (!RolePermissions::Default().IsKnownPermission(scope)) {
      return Status::InvalidArgument("unknown permission '" + scope + "'", "scopes");
    }
    if (!actor.Can(scope)) {
      return Status::InvalidArgument("you cannot grant '" + scope + "', which you do not hold",
                                     "scopes");
    }
  }
  if (expires_in_days < 1 || expires_in_days > 730) {
    return Status::InvalidArgument("must be between 1 and 730 days", "expires_in_days");
  }
  IssuedToken out;
  out.secret = NewApiToken();
  store::TokenRecord& t = out.record;
  t.id = "tk_" + NewSecret(9);
  t.token_hash = HashSecret(out.secret);
  t.name = name;
  t.owner = actor.name;
  for (const std::string& s : scopes) t.scopes += (t.scopes.empty() ? "" : " ") + s;
  auto now = std::chrono::system_clock::now();
  t.created_at = IsoUtc(now);
  t.expires_at = IsoUtc(now + std::chrono::hours(24) * expires_in_days);
  ZL_RETURN_IF_ERROR(db.Write([&](soci::session& sql) {
    store::InsertToken(sql, t);
    AppendAudit(
        sql, actor,
        {"token.issue", "api_token", t.id, actor.region_code,
         nlohmann::json{{"name", t.name}, {"scopes", scopes}, {"expires_at", t.expires_at}}.dump()},
        request_id);
    return Status();
  }));
  return out;
}

Result<std::vector<store::TokenRecord>> VisibleTokens(store::Database& db, const Principal& actor) {
  std::vector<store::TokenRecord> out;
  std::string owner = RoleIsRegionScoped(actor.role) ? actor.name : "";
  ZL_RETURN_IF_ERROR(db.Read([&](soci::session& sql) {
    out = store::ListTokens(sql, owner);
    return Status();
  }));
  return out;
}

Status RevokeApiToken(store::Database& db, const Principal& actor, const std::string& id,
                      const std::string& request_id) {
  return db.Write([&](soci::session& sql) {
    std::optional<store::TokenRecord> t = store::FindToken(sql, id);
    if (!t || (RoleIsRegionScoped(actor.role) && t->owner != actor.name)) {
      return Status::NotFound("no API token " + id);
    }
    if (!t->revoked_at.empty()) return Status();  // revoking twice changes nothing
    store::RevokeToken(sql, id, NowIsoUtc());
    AppendAudit(sql, actor,
                {"token.revoke", "api_token", id, actor.region_code,
                 nlohmann::json{{"name", t->name}, {"owner", t->owner}}.dump()},
                request_id);
    return Status();
  });
}

Result<Principal> AuthenticateToken(store::Database& db, const std::string& secret,
                                    SystemTime now) {
  if (!LooksLikeApiToken(secret)) return Status::Unauthenticated("not a Zhiliang API token");
  std::optional<store::TokenRecord> token;
  std::optional<store::UserRecord> owner;
  std::string now_text = IsoUtc(now);
  ZL_RETURN_IF_ERROR(db.Read([&](soci::session& sql) {
    token = store::FindTokenByHash(sql, HashSecret(secret));
    owner.reset();
    if (token) owner = store::FindUser(sql, token->owner);
    return Status();
  }));
  if (!token || !token->revoked_at.empty() || token->expires_at <= now_text || !owner ||
      owner->disabled) {
    return Status::Unauthenticated("the API token is unknown, revoked or expired");
  }
  if (token->last_used_at.substr(0, 16) != now_text.substr(0, 16)) {  // once a minute
    ZL_RETURN_IF_ERROR(db.Write([&](soci::session& sql) {
      store::TouchToken(sql, token->id, now_text);
      return Status();
    }));
  }
  Principal p = PrincipalOfUser(owner->name, owner->role, owner->region_code, owner->uscc);
  p.kind = Principal::Kind::kToken;
  p.token_id = token->id;
  p.scopes = SplitScopes(token->scopes);
  return p;
}

}  // namespace zl::auth
