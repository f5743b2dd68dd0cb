// Dispatcher: everything the server does with a request once it has been read, minus sockets.
//
// It parses the target (percent-decoded path and query), assigns the request id, answers the
// built-in /healthz and /metrics, routes to a handler (turning exceptions into 500s), falls
// back to static files or a 404/405 problem, adds the standard response headers, records
// metrics and writes the access log line. The Beast session only moves bytes, so all of this
// is testable without a network, and API tests can drive handlers through Handle().
// Thread-safe: Handle() may run on many server threads at once.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "http/metrics.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "http/static_files.h"

namespace zl::http {

class Dispatcher {
 public:
  using Clock = std::chrono::steady_clock;

  Dispatcher(Router router, std::optional<StaticFiles> static_files, bool access_log);

  // Serves a complete request. The caller fills method, target, headers, body and
  // remote_address; Handle() fills path, query, path_params and request_id.
  Response Handle(Request& request);

  // Finishes a request the session refused before it was complete (oversized body or
  // headers, malformed message): `problem` gets the standard headers, and the request is
  // counted and logged like any other. Fill in what was parsed (method, target, headers).
  Response Reject(Request& request, Response problem);

  Metrics& metrics() { return metrics_; }
  const Router& router() const { return router_; }

 private:
  Response Route(Request& request, std::string_view& label);
  Response CallHandler(const Handler& handler, Request& request);
  Response Finish(Request& request, Response response, std::string_view label,
                  Clock::time_point start);

  Router router_;
  std::optional<StaticFiles> static_files_;
  bool access_log_;
  Metrics metrics_;
};

// True for "/api" and anything under "/api/": those paths never fall back to static files.
bool IsApiPath(std::string_view path);

}  // namespace zl::http
