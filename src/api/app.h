// The Zhiliang HTTP API: registers every /api/v1 route on a router.
//
// Handlers live one file per resource (enterprise_handlers.cc, user_handlers.cc, ...); they
// see http::Request/http::Response, the acting auth::Principal and the store, never a socket.
// Every route is registered through AddRoute (api/guard.h), which is the one place that
// decides who the caller is and whether they may call it.
#pragma once

#include "auth/rate_limiter.h"
#include "auth/sessions.h"
#include "http/router.h"
#include "http/server.h"

namespace zl::store {
class Database;
}

namespace zl::api {

struct ApiOptions {
  auth::SessionPolicy session{};
  // Per client address: login attempts, and requests by callers without an account.
  auth::RateLimit login_rate{0.2, 10};     // a burst of 10, then one every 5 s
  auth::RateLimit public_rate{50.0, 200};  // a burst of 200, then 50/s
  // Take the client address from X-Forwarded-For and "https" from X-Forwarded-Proto (only
  // behind a reverse proxy that sets them).
  bool trust_proxy = false;
};

struct AppContext {
  explicit AppContext(store::Database& database, ApiOptions api_options = {})
      : db(database),
        options(api_options),
        login_limiter(api_options.login_rate),
        public_limiter(api_options.public_rate) {}

  store::Database& db;
  ApiOptions options;
  auth::RateLimiter login_limiter;
  auth::RateLimiter public_limiter;
};

// Adds all API routes. `context` must outlive the router.
void RegisterRoutes(http::Router& router, AppContext& context);

// What the API needs from the HTTP server: the import routes take file uploads, so their
// bodies may be up to 256 MiB (other requests keep the 1 MiB limit).
void ConfigureServer(http::ServerOptions& options);

}  // namespace zl::api
