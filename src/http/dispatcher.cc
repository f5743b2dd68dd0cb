// Dispatcher implementation: target parsing, built-ins, routing, fallbacks, decoration.
#include "http/dispatcher.h"

#include <spdlog/spdlog.h>

#include <exception>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "http/problem.h"
#include "http/url.h"

namespace zl::http {

namespace {

constexpr std::string_view kStaticLabel = "static";
constexpr std::string_view kUnmatchedLabel = "unmatched";
constexpr std::string_view kHealthz = "/healthz";
constexpr std::string_view kMetrics = "/metrics";

// A client-supplied id is echoed only if it is short and harmless in logs and headers.
bool IsAcceptableRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.' || c == ':';
    if (!ok) return false;
  }
  return true;
}

std::string NewRequestId() {
  thread_local std::mt19937_64 rng(std::random_device{}() ^
                                   std::hash<std::thread::id>{}(std::this_thread::get_id()));
  return fmt::format("{:016x}", rng());
}

bool IsGetOrHead(Method m) { return m == Method::kGet || m == Method::kHead; }

Response MethodNotAllowed(const std::vector<Method>& allowed) {
  std::string allow = AllowHeaderValue(allowed);
  Response r = MakeProblem("method-not-allowed", "allowed methods: " + allow);
  r.SetHeader("Allow", std::move(allow));
  return r;
}

// Fills path and query from the target; a problem response on malformed input.
std::optional<Response> ParseTarget(Request& request) {
  TargetParts parts = SplitTarget(request.target);
  if (parts.path.empty() || parts.path.front() != '/') {
    return MakeProblem("bad-request", "request target must be an absolute path");
  }
  auto path = PercentDecode(parts.path);
  if (!path.ok()) return MakeProblem("bad-request", "path: " + path.status().message());
  request.path = std::move(*path);
  auto query = ParseQuery(parts.query);
  if (!query.ok()) return Response::FromStatus(query.status());
  request.query = std::move(*query);
  return std::nullopt;
}

}  // namespace

bool IsApiPath(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

Dispatcher::Dispatcher(Router router, std::optional<StaticFiles> static_files, bool access_log)
    : router_(std::move(router)), static_files_(std::move(static_files)), access_log_(access_log) {}

Response Dispatcher::Handle(Request& request) {
  Clock::time_point start = Clock::now();
  std::string_view incoming_id = request.Header("X-Request-Id");
  request.request_id =
      IsAcceptableRequestId(incoming_id) ? std::string(incoming_id) : NewRequestId();
  std::string_view label = kUnmatchedLabel;
  Response response;
  if (auto bad = ParseTarget(request)) {
    response = std::move(*bad);
  } else {
    response = Route(request, label);
  }
  return Finish(request, std::move(response), label, start);
}

Response Dispatcher::Reject(Request& request, Response problem) {
  Clock::time_point start = Clock::now();
  if (request.request_id.empty()) request.request_id = NewRequestId();
  std::string_view label = kUnmatchedLabel;
  if (request.path.empty()) {
    auto path = PercentDecode(SplitTarget(request.target).path);
    if (path.ok()) request.path = std::move(*path);
  }
  auto routed = router_.Route(request.method, request.path);
  if (!routed.route.empty()) label = routed.route;
  return Finish(request, std::move(problem), label, start);
}

Response Dispatcher::Route(Request& request, std::string_view& label) {
  if (request.path == kHealthz || request.path == kMetrics) {
    label = request.path == kHealthz ? kHealthz : kMetrics;
    if (!IsGetOrHead(request.method)) return MethodNotAllowed({Method::kGet, Method::kHead});
    if (request.path == kHealthz) return Response::Json({{"status", "ok"}});
    return Response::Text(metrics_.Render(), std::string(Metrics::kContentType));
  }

  Router::RouteResult routed = router_.Route(request.method, request.path);
  switch (routed.kind) {
    case Router::RouteResult::Kind::kFound:
      label = routed.route;
      request.path_params = std::move(routed.match.params);
      return CallHandler(*routed.match.handler, request);
    case Router::RouteResult::Kind::kMethodNotAllowed:
      label = routed.route;
      return MethodNotAllowed(routed.allowed);
    case Router::RouteResult::Kind::kNotFound:
      break;
  }

  if (IsApiPath(request.path) || !static_files_) {
    return MakeProblem("not-found", "no resource at " + request.path);
  }
  if (!IsGetOrHead(request.method)) {
    label = kStaticLabel;
    return MethodNotAllowed({Method::kGet, Method::kHead});
  }
  Response file = static_files_->Serve(request.path);
  if (file.status == 200) label = kStaticLabel;
  return file;
}

Response Dispatcher::CallHandler(const Handler& handler, Request& request) {
  try {
    Response response = handler(request);
    if (response.status < 100 || response.status > 599) {
      spdlog::error("http: handler for {} {} returned status {} (request {})",
                    MethodName(request.method), request.path, response.status, request.request_id);
      return MakeProblem("internal", "internal error, see server log");
    }
    return response;
  } catch (const std::exception& e) {
    spdlog::error("http: handler for {} {} threw: {} (request {})", MethodName(request.method),
                  request.path, e.what(), request.request_id);
  } catch (...) {
    spdlog::error("http: handler for {} {} threw a non-standard exception (request {})",
                  MethodName(request.method), request.path, request.request_id);
  }
  return MakeProblem("internal", "internal error, see server log");
}

Response Dispatcher::Finish(Request& request, Response response, std::string_view label,
                            Clock::time_point start) {
  if (response.IsProblem()) {
    nlohmann::json body = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_object()) {
      if (!body.contains("instance")) {
        body["instance"] = request.path.empty() ? request.target : request.path;
      }
      body["request_id"] = request.request_id;
      response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  response.SetHeader("X-Request-Id", request.request_id);
  response.SetHeader("X-Content-Type-Options", "nosniff");
  if (response.Header("X-Frame-Options").empty()) response.SetHeader("X-Frame-Options", "DENY");
  if (response.Header("Referrer-Policy").empty()) {
    response.SetHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  }

  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  metrics_.Observe(request.method, label, response.status, seconds);
  if (access_log_) {
    std::size_t bytes = request.method == Method::kHead ? 0 : response.body.size();
    spdlog::info("access {} \"{} {}\" {} {} {:.3f}ms id={}", request.remote_address,
                 MethodName(request.method), request.target, response.status, bytes, seconds * 1000,
                 request.request_id);
  }
  return response;
}

}  // namespace zl::http
