// /api/v1/auth/login, logout, me, password: browser sessions.
#include <nlohmann/json.hpp>

#include "api/guard.h"
#include "api/handlers.h"
#include "api/json_body.h"
#include "auth/accounts.h"
#include "auth/role.h"
#include "auth/sessions.h"
#include "domain/region.h"

namespace zl::api {

namespace {

using auth::Principal;

nlohmann::json Me(const Principal& p) {
  const domain::Region* region = domain::RegionRegistry::Hebei().Find(p.region_code);
  return {{"name", p.name},
          {"role", auth::RoleName(p.role)},
          {"region", p.region_code},
          {"region_name_zh", region ? region->name_zh : ""},
          {"region_name_en", region ? region->name_en : ""},
          {"uscc", p.uscc},
          {"permissions", auth::RolePermissions::Default().PermissionsOf(p.role)},
          {"csrf_token", p.csrf_token}};
}

std::string SessionCookie(const http::Request& request, const AppContext& context,
                          const std::string& value, bool expire) {
  std::string cookie =
      std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  if (context.options.trust_proxy && request.Header("x-forwarded-proto") == "https") {
    cookie += "; Secure";
  }
  if (expire) cookie += "; Max-Age=0";
  return cookie;
}

http::Response LoginHandler(AppContext& context, http::Request& request) {
  auto limit = context.login_limiter.Check(ClientAddress(request, context.options));
  if (!limit.allowed) {
    http::Response r = http::Response::FromStatus(
        Status::ResourceExhausted("too many login attempts from this address; retry later"));
    r.SetHeader("Retry-After", std::to_string(limit.retry_after_seconds));
    return r;
  }
  auto body = JsonBody(request);
  if (!body.ok()) return http::Response::FromStatus(body.status());
  auto name = RequiredString(*body, "name");
  if (!name.ok()) return http::Response::FromStatus(name.status());
  auto password = RequiredString(*body, "password");
  if (!password.ok()) return http::Response::FromStatus(password.status());
  auth::LoginOutcome outcome =
      auth::Login(context.db, *name, *password, request.request_id, context.options.session);
  if (!outcome.status.ok()) {
    http::Response r = http::Response::FromStatus(outcome.status);
    if (outcome.retry_after_seconds > 0) {
      r.SetHeader("Retry-After", std::to_string(outcome.retry_after_seconds));
    }
    return r;
  }
  nlohmann::json me = Me(outcome.principal);
  http::Response r = http::Response::Json(me);
  r.SetHeader("Set-Cookie", SessionCookie(request, context, outcome.cookie_secret, false));
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

http::Response LogoutHandler(AppContext& context, http::Request& request, const Principal& p) {
  Status s = auth::Logout(context.db, p, request.request_id);
  if (!s.ok()) return http::Response::FromStatus(s);
  http::Response r = http::Response::Text("", "text/plain", 204);
  r.SetHeader("Set-Cookie", SessionCookie(request, context, "", true));
  return r;
}

http::Response PasswordHandler(AppContext& context, http::Request& request, const Principal& p) {
  auto body = JsonBody(request);
  if (!body.ok()) return http::Response::FromStatus(body.status());
  auto current = RequiredString(*body, "current_password");
  if (!current.ok()) return http::Response::FromStatus(current.status());
  auto next = RequiredString(*body, "new_password");
  if (!next.ok()) return http::Response::FromStatus(next.status());
  Status s = auth::ChangeOwnPassword(context.db, p, *current, *next, request.request_id);
  if (!s.ok()) return http::Response::FromStatus(s);
  return http::Response::Text("", "text/plain", 204);
}

}  // namespace

void RegisterAuthRoutes(http::Router& router, AppContext& context) {
  AddRoute(router, context, http::Method::kPost, "/api/v1/auth/login", kNoPermission,
           [&context](http::Request& r, const Principal&) { return LoginHandler(context, r); });
  AddRoute(
      router, context, http::Method::kPost, "/api/v1/auth/logout", "self.read",
      [&context](http::Request& r, const Principal& p) { return LogoutHandler(context, r, p); });
  AddRoute(router, context, http::Method::kGet, "/api/v1/auth/me", "self.read",
           [](http::Request&, const Principal& p) {
             http::Response r = http::Response::Json(Me(p));
             r.SetHeader("Cache-Control", "no-store");
             return r;
           });
  AddRoute(
      router, context, http::Method::kPost, "/api/v1/auth/password", "self.read",
      [&context](http::Request& r, const Principal& p) { return PasswordHandler(context, r, p); });
}

}  // namespace zl::api
