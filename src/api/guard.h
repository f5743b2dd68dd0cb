// The guard: the one place every API request passes through before its handler.
//
// It works out who is calling (an API token in "Authorization: Bearer", else the session
// cookie, else an anonymous member of the public), applies the per-address rate limit to
// anonymous callers, checks the route's permission against the role table (401 when not
// logged in, 403 when logged in but not allowed), and for browser sessions requires the
// CSRF token on every state-changing request. Handlers receive the Principal and use
// `RequireRegion` for objects that belong to a region.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "api/app.h"
#include "auth/principal.h"
#include "http/request.h"
#include "http/response.h"

namespace zl::api {

using ApiHandler = std::function<http::Response(http::Request&, const auth::Principal&)>;

// The permission a route needs; kNoPermission for the login endpoint (anyone may try).
inline constexpr std::string_view kNoPermission = "";

// Registers `handler` behind the guard.
void AddRoute(http::Router& router, AppContext& context, http::Method method, std::string pattern,
              std::string_view permission, ApiHandler handler);

// PermissionDenied when `code` is outside the principal's regional scope. Handlers call
// this for every object that belongs to a region, and answer the same for "not in your
// region" as for "does not exist" so that scope does not reveal existence.
Status RequireRegion(const auth::Principal& principal, std::string_view code);

// The caller's address (X-Forwarded-For's first entry when trusted).
std::string ClientAddress(const http::Request& request, const ApiOptions& options);

// The value of cookie `name`, or "".
std::string CookieValue(const http::Request& request, std::string_view name);

inline constexpr std::string_view kSessionCookie = "zl_session";

}  // namespace zl::api
