// The guard: authentication, rate limits, permissions and CSRF for every API route.
#include "api/guard.h"

#include "auth/api_tokens.h"
#include "auth/sessions.h"
#include "auth/token.h"

namespace zl::api {

namespace {

bool IsStateChanging(http::Method m) {
  return m != http::Method::kGet && m != http::Method::kHead && m != http::Method::kOptions;
}

http::Response TooManyRequests(int retry_after) {
  http::Response r = http::Response::FromStatus(
      Status::ResourceExhausted("too many requests from this address; retry later"));
  r.SetHeader("Retry-After", std::to_string(retry_after));
  return r;
}

// Who is calling: a Result that is an error only for a presented but unusable token.
Result<auth::Principal> Identify(AppContext& context, const http::Request& request) {
  std::string_view authorization = request.Header("authorization");
  if (!authorization.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    if (authorization.substr(0, kBearer.size()) != kBearer) {
      return Status::Unauthenticated("the Authorization header must be 'Bearer <token>'");
    }
    return auth::AuthenticateToken(context.db, std::string(authorization.substr(kBearer.size())));
  }
  std::string cookie = CookieValue(request, kSessionCookie);
  if (!cookie.empty()) {
    auto session = auth::AuthenticateSession(context.db, cookie, context.options.session);
    if (session.ok()) return session;
    if (session.status().code() != Status::Code::kUnauthenticated) return session.status();
    // An expired or revoked cookie makes the caller anonymous; routes that need a login
    // answer 401 below.
  }
  return auth::Principal::Anonymous();
}

}  // namespace

std::string CookieValue(const http::Request& request, std::string_view name) {
  std::string_view header = request.Header("cookie");
  while (!header.empty()) {
    std::size_t end = header.find(';');
    std::string_view part = header.substr(0, end);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    std::size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) {
      return std::string(part.substr(eq + 1));
    }
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return {};
}

std::string ClientAddress(const http::Request& request, const ApiOptions& options) {
  if (options.trust_proxy) {
    std::string_view forwarded = request.Header("x-forwarded-for");
    if (!forwarded.empty()) {
      std::string_view first = forwarded.substr(0, forwarded.find(','));
      while (!first.empty() && first.back() == ' ') first.remove_suffix(1);
      return std::string(first);
    }
  }
  return request.remote_address;
}

Status RequireRegion(const auth::Principal& principal, std::string_view code) {
  if (principal.CoversRegion(code)) return Status();
  return Status::PermissionDenied("outside your region");
}

void AddRoute(http::Router& router, AppContext& context, http::Method method, std::string pattern,
              std::string_view permission, ApiHandler handler) {
  std::string needed(permission);
  router.Add(
      method, std::move(pattern),
      [&context, method, needed, handler = std::move(handler)](http::Request& request) {
        Result<auth::Principal> who = Identify(context, request);
        if (!who.ok()) {
          http::Response r = http::Response::FromStatus(who.status());
          if (who.status().code() == Status::Code::kUnauthenticated) {
            r.SetHeader("WWW-Authenticate", "Bearer");
          }
          return r;
        }
        const auth::Principal& principal = *who;
        // Routes open to everyone (login) carry limits of their own.
        if (!principal.authenticated() && !needed.empty()) {
          auto decision = context.public_limiter.Check(ClientAddress(request, context.options));
          if (!decision.allowed) return TooManyRequests(decision.retry_after_seconds);
        }
        if (!needed.empty() && !principal.Can(needed)) {
          return http::Response::FromStatus(
              principal.authenticated()
                  ? Status::PermissionDenied("your role may not do this (needs " + needed + ")")
                  : Status::Unauthenticated("log in first"));
        }
        if (principal.kind == auth::Principal::Kind::kSession && IsStateChanging(method) &&
            !auth::ConstantTimeEquals(request.Header("x-csrf-token"), principal.csrf_token)) {
          return http::Response::FromStatus(
              Status::PermissionDenied("missing or wrong X-CSRF-Token header"));
        }
        return handler(request, principal);
      });
}

}  // namespace zl::api
