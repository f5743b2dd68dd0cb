// Reading and checking query parameters, with errors that name the parameter.
#pragma once

#include <cstdint>
#include <string>

#include "base/result.h"
#include "http/request.h"
#include "store/enterprise_repository.h"

namespace zl::api {

// The integer parameter `name`, or `fallback` when absent. InvalidArgument (field = name)
// when it is not a whole number in [min, max].
Result<int> IntParam(const http::Request& request, const char* name, int fallback, int min,
                     int max);

// page and per_page (1..200, default 20).
Result<store::PageRequest> PageParams(const http::Request& request);

// The path parameter `name` as a positive 64-bit number (a record or import id);
// InvalidArgument on field `name` otherwise.
Result<std::int64_t> PositiveIdPathParam(const http::Request& request, const char* name);

// A text parameter, trimmed and NFKC-normalised; empty when absent.
std::string TextParam(const http::Request& request, const char* name);

}  // namespace zl::api
