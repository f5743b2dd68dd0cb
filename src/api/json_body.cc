// JSON body helpers.
#include "api/json_body.h"

namespace zl::api {

Result<nlohmann::json> JsonBody(const http::Request& request) {
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    return Status::InvalidArgument("the request body must be a JSON object", "body");
  }
  return body;
}

Result<std::optional<std::string>> OptionalString(const nlohmann::json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return Status::InvalidArgument("must be a string", field);
  return std::optional<std::string>(it->get<std::string>());
}

Result<std::string> RequiredString(const nlohmann::json& body, const char* field) {
  ZL_ASSIGN_OR_RETURN(std::optional<std::string> value, OptionalString(body, field));
  if (!value || value->empty()) return Status::InvalidArgument("is required", field);
  return *value;
}

}  // namespace zl::api
