// The Zhiliang HTTP API: registers every /api/v1 route on a router.
//
// Handlers live one file per resource (enterprise_handlers.cc, stats_handlers.cc, ...); they
// see http::Request/http::Response and the store's repositories, never a socket.
#pragma once

#include "http/router.h"

namespace zl::store {
class Database;
}

namespace zl::api {

struct AppContext {
  store::Database& db;
};

// Adds all API routes. `context` must outlive the router.
void RegisterRoutes(http::Router& router, AppContext& context);

}  // namespace zl::api
