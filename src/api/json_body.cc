// JSON body helpers.
#include "api/json_body.h"

#include <cmath>

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

Result<std::vector<std::string>> StringArray(const nlohmann::json& body, const char* field) {
  std::vector<std::string> out;
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) return Status::InvalidArgument("must be a list of strings", field);
  for (const nlohmann::json& v : *it) {
    if (!v.is_string()) return Status::InvalidArgument("must be a list of strings", field);
    out.push_back(v.get<std::string>());
  }
  return out;
}

Result<std::optional<double>> OptionalNumber(const nlohmann::json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<double>();
  if (!it->is_number()) return Status::InvalidArgument("must be a number", field);
  double v = it->get<double>();
  if (!std::isfinite(v)) return Status::InvalidArgument("must be a finite number", field);
  return std::optional<double>(v);
}

Result<std::optional<std::int64_t>> OptionalInteger(const nlohmann::json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::optional<std::int64_t>();
  if (!it->is_number_integer()) return Status::InvalidArgument("must be a whole number", field);
  return std::optional<std::int64_t>(it->get<std::int64_t>());
}

}  // namespace zl::api
