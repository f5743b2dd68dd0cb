// Response factories for JSON and text, and extra-header helpers.
#include "http/response.h"

#include <nlohmann/json.hpp>

#include "http/request.h"

namespace zl::http {

Response Response::Json(const nlohmann::json& body, int status) {
  Response r;
  r.status = status;
  r.content_type = std::string(kJsonType);
  // Replace invalid UTF-8 instead of throwing: a handler's bad string must not become a 500.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::Text(std::string body, std::string content_type, int status) {
  Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

Response& Response::SetHeader(std::string name, std::string value) {
  for (auto& [key, existing] : headers) {
    if (EqualsIgnoreCase(key, name)) {
      existing = std::move(value);
      return *this;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

std::string_view Response::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return {};
}

}  // namespace zl::http
