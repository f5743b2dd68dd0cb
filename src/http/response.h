// Response: what a handler returns; the server turns it into bytes on the wire.
//
// Errors are RFC 9457 problem documents (application/problem+json) with a stable "type"
// ("/problems/<slug>"), an English "title", a Chinese "title_zh", the HTTP "status", a
// human "detail" and, for input errors, the offending "field". The server adds "instance"
// (the request path) and "request_id" before sending.
#pragma once

#include <nlohmann/json.hpp>  // handlers build bodies with it; json_fwd would not do
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace zl::http {

inline constexpr std::string_view kJsonType = "application/json";
inline constexpr std::string_view kProblemType = "application/problem+json";

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  std::string body;

  static Response Json(const nlohmann::json& body, int status = 200);
  static Response Text(std::string body, std::string content_type = "text/plain; charset=utf-8",
                       int status = 200);
  // A problem+json response. `slug` names the kind ("not-found" -> "type":
  // "/problems/not-found"); "title_zh" comes from the slug table (problem.h), falling back
  // to `title` for slugs that are not in it.
  static Response Problem(int status, std::string_view slug, std::string title, std::string detail,
                          std::string field = {});
  // Maps a failed Status to a problem. Internal and I/O errors are logged and answered with a
  // detail that does not leak internals. An OK status is a bug and also becomes a 500.
  static Response FromStatus(const zl::Status& status);

  // Adds (or replaces) a header, comparing names case-insensitively.
  Response& SetHeader(std::string name, std::string value);
  // The value of an extra header (case-insensitive); "" when absent.
  std::string_view Header(std::string_view name) const;
  bool IsProblem() const { return content_type == kProblemType; }
};

}  // namespace zl::http
