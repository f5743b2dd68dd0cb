// Request: an HTTP request as handlers see it, with no socket or Beast type in sight.
//
// The server fills one of these per request (decoded path and query, headers as received,
// the body as a string) and the router adds the path parameters; handlers read it and
// return a Response. Thread-compatible: each request is owned by one server thread.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zl::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions };
inline constexpr int kMethodCount = 7;

// "GET", "HEAD", ...
std::string_view MethodName(Method method);
// The method for an upper-case name; nullopt for methods the server does not serve.
std::optional<Method> ParseMethod(std::string_view name);

struct Request {
  Method method = Method::kGet;
  std::string target;                              // raw request target
  std::string path;                                // percent-decoded path, without query
  std::map<std::string, std::string> query;        // decoded query parameters (last wins)
  std::map<std::string, std::string> path_params;  // filled by the router, e.g. {"uscc": ...}
  std::vector<std::pair<std::string, std::string>> headers;  // as received
  std::string body;
  std::string remote_address;
  std::string request_id;  // generated per request (or taken from X-Request-Id), echoed back

  // The first header with this name (case-insensitive); "" when absent.
  std::string_view Header(std::string_view name) const;
  // The decoded query parameter; nullopt when absent.
  std::optional<std::string> Query(std::string_view name) const;
  // The path parameter filled by the router; "" when absent.
  std::string_view PathParam(std::string_view name) const;
};

// ASCII case-insensitive equality, as header names compare.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace zl::http
