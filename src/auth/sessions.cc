// Login, session authentication and logout.
#include "auth/sessions.h"

#include <nlohmann/json.hpp>

#include "auth/audit_log.h"
#include "auth/password.h"
#include "auth/token.h"
#include "store/account_tables.h"
#include "store/database.h"

namespace zl::auth {

namespace {

constexpr char kWrongCredentials[] = "wrong name or password";

int SecondsUntil(SystemTime from, SystemTime to) {
  auto d = std::chrono::ceil<std::chrono::seconds>(to - from).count();
  return d < 1 ? 1 : static_cast<int>(d);
}

}  // namespace

Principal PrincipalOfUser(const std::string& name, const std::string& role,
                          const std::string& region_code, const std::string& uscc) {
  Principal p;
  p.name = name;
  p.role = ParseRole(role).value_or(Role::kPublic);
  p.region_code = region_code;
  p.uscc = uscc;
  return p;
}

LoginOutcome Login(store::Database& db, const std::string& name, const std::string& password,
                   const std::string& request_id, const SessionPolicy& policy, SystemTime now) {
  LoginOutcome out;
  std::string now_text = IsoUtc(now);
  Status s = db.Write([&](soci::session& sql) {
    out = LoginOutcome{};
    std::optional<store::UserRecord> user = store::FindUser(sql, name);
    if (!user || user->disabled) {
      VerifyPassword(DummyPasswordHash(), password);  // same work as a real check
      out.status = Status::Unauthenticated(kWrongCredentials);
      return Status();
    }
    if (!user->locked_until.empty() && user->locked_until > now_text) {
      auto until = ParseIsoUtc(user->locked_until);
      out.retry_after_seconds = until.ok() ? SecondsUntil(now, *until) : 60;
      out.status = Status::ResourceExhausted("too many failed logins; try again in " +
                                             std::to_string(out.retry_after_seconds) + " s");
      return Status();
    }
    Principal actor = PrincipalOfUser(user->name, user->role, user->region_code, user->uscc);
    actor.kind = Principal::Kind::kSession;
    if (!VerifyPassword(user->password_hash, password)) {
      user->failed_logins += 1;
      auto delay = LockoutDelay(policy.lockout, user->failed_logins);
      if (delay.count() > 0) user->locked_until = IsoUtc(now + delay);
      store::UpdateUser(sql, *user);
      AppendAudit(sql, actor,
                  {"auth.login_failed", "user", user->name, user->region_code,
                   nlohmann::json{{"failed_logins", user->failed_logins},
                                  {"locked_until", user->locked_until}}
                       .dump()},
                  request_id);
      out.status = Status::Unauthenticated(kWrongCredentials);
      return Status();
    }
    user->failed_logins = 0;
    user->locked_until.clear();
    user->last_login_at = now_text;
    store::UpdateUser(sql, *user);
    store::SessionRecord session;
    out.cookie_secret = NewSecret(32);
    session.token_hash = HashSecret(out.cookie_secret);
    session.user_name = user->name;
    session.csrf_token = NewSecret(24);
    session.created_at = session.last_seen_at = now_text;
    session.expires_at = IsoUtc(now + policy.absolute_timeout);
    store::InsertSession(sql, session);
    actor.session_hash = session.token_hash;
    actor.csrf_token = session.csrf_token;
    AppendAudit(sql, actor, {"auth.login", "session", user->name, user->region_code, "{}"},
                request_id);
    out.principal = actor;
    return Status();
  });
  if (!s.ok()) out.status = s;
  return out;
}

Result<Principal> AuthenticateSession(store::Database& db, const std::string& cookie_secret,
                                      const SessionPolicy& policy, SystemTime now) {
  std::string hash = HashSecret(cookie_secret);
  std::string now_text = IsoUtc(now);
  std::optional<store::SessionRecord> session;
  std::optional<store::UserRecord> user;
  ZL_RETURN_IF_ERROR(db.Read([&](soci::session& sql) {
    session = store::FindSession(sql, hash);
    user.reset();
    if (session) user = store::FindUser(sql, session->user_name);
    return Status();
  }));
  if (!session || !session->revoked_at.empty() || !user || user->disabled) {
    return Status::Unauthenticated("not logged in");
  }
  if (session->expires_at <= now_text) return Status::Unauthenticated("the session has expired");
  auto seen = ParseIsoUtc(session->last_seen_at);
  if (!seen.ok() || *seen + policy.idle_timeout <= now) {
    return Status::Unauthenticated("the session expired after inactivity");
  }
  // Refresh the idle clock at most once a minute, so reads do not all become writes.
  if (now - *seen >= std::chrono::minutes(1)) {
    ZL_RETURN_IF_ERROR(db.Write([&](soci::session& sql) {
      store::TouchSession(sql, hash, now_text);
      return Status();
    }));
  }
  Principal p = PrincipalOfUser(user->name, user->role, user->region_code, user->uscc);
  p.kind = Principal::Kind::kSession;
  p.session_hash = hash;
  p.csrf_token = session->csrf_token;
  return p;
}

Status Logout(store::Database& db, const Principal& principal, const std::string& request_id) {
  if (principal.kind != Principal::Kind::kSession) {
    return Status::FailedPrecondition("not logged in with a browser session");
  }
  return db.Write([&](soci::session& sql) {
    store::RevokeSession(sql, principal.session_hash, NowIsoUtc());
    AppendAudit(sql, principal,
                {"auth.logout", "session", principal.name, principal.region_code, "{}"},
                request_id);
    return Status();
  });
}

}  // namespace zl::auth
