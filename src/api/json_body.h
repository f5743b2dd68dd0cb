// Reading JSON request bodies, with errors that name the field at fault.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "http/request.h"

namespace zl::api {

// The body as a JSON object; InvalidArgument when it is not one.
Result<nlohmann::json> JsonBody(const http::Request& request);

// A string member: absent -> nullopt; present but not a string -> InvalidArgument(field).
Result<std::optional<std::string>> OptionalString(const nlohmann::json& body, const char* field);
// A string member that must be present and non-empty.
Result<std::string> RequiredString(const nlohmann::json& body, const char* field);
// A list of strings: absent or null -> empty; anything else -> InvalidArgument(field).
Result<std::vector<std::string>> StringArray(const nlohmann::json& body, const char* field);
// A number: absent or null -> nullopt; not a finite number -> InvalidArgument(field).
Result<std::optional<double>> OptionalNumber(const nlohmann::json& body, const char* field);
// A whole number: absent or null -> nullopt; anything else -> InvalidArgument(field).
Result<std::optional<std::int64_t>> OptionalInteger(const nlohmann::json& body, const char* field);

}  // namespace zl::api
