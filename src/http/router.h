// Router: maps (method, path) to a handler, by patterns such as "/api/v1/enterprises/{uscc}".
//
// Segments in braces are parameters and match any one non-empty segment; other segments
// match exactly, and a literal segment wins over a parameter at the same place. Empty
// segments are ignored, so "/a//b/" matches "/a/b". Routing tells "no such path" (404) apart
// from "path exists, wrong method" (405, with the allowed methods), and HEAD falls back to
// GET. Build the router once at start-up, then share it read-only between threads.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "http/request.h"
#include "http/response.h"

namespace zl::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  struct Match {
    const Handler* handler = nullptr;
    std::string_view route;  // the pattern, used as the metrics label
    std::map<std::string, std::string> params;
  };
  struct RouteResult {
    enum class Kind { kFound, kMethodNotAllowed, kNotFound };
    Kind kind = Kind::kNotFound;
    Match match;                  // kFound only
    std::vector<Method> allowed;  // kMethodNotAllowed: what the path accepts (HEAD if GET)
    std::string_view route;       // a matching pattern for kFound and kMethodNotAllowed
  };
  struct RouteInfo {
    Method method;
    std::string pattern;
  };

  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  // Registers `handler`. A malformed pattern or a duplicate (method, pattern) is a
  // programming error: it is logged, the route is skipped and status() turns non-OK, which
  // makes Server::Start() fail.
  void Add(Method method, std::string pattern, Handler handler);
  void Get(std::string pattern, Handler h) { Add(Method::kGet, std::move(pattern), std::move(h)); }
  void Post(std::string pattern, Handler h) {
    Add(Method::kPost, std::move(pattern), std::move(h));
  }
  void Put(std::string pattern, Handler h) { Add(Method::kPut, std::move(pattern), std::move(h)); }
  void Patch(std::string pattern, Handler h) {
    Add(Method::kPatch, std::move(pattern), std::move(h));
  }
  void Delete(std::string pattern, Handler h) {
    Add(Method::kDelete, std::move(pattern), std::move(h));
  }

  // Routes an already percent-decoded path (Request::path).
  RouteResult Route(Method method, std::string_view path) const;

  // The first registration error, or OK.
  const zl::Status& status() const { return status_; }
  // Every registered route, in registration order (for listings and OpenAPI checks).
  const std::vector<RouteInfo>& routes() const { return routes_; }

 private:
  struct Node;
  std::unique_ptr<Node> root_;
  std::vector<RouteInfo> routes_;
  zl::Status status_;
};

// "GET, HEAD, POST": the value of an Allow header.
std::string AllowHeaderValue(const std::vector<Method>& methods);

}  // namespace zl::http
