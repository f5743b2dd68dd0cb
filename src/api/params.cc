// Query parameter parsing shared by the list endpoints.
#include "api/params.h"

#include <charconv>

#include "base/text.h"

namespace zl::api {

Result<int> IntParam(const http::Request& request, const char* name, int fallback, int min,
                     int max) {
  std::optional<std::string> raw = request.Query(name);
  if (!raw || raw->empty()) return fallback;
  int value = 0;
  auto [end, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), value);
  if (ec != std::errc() || end != raw->data() + raw->size()) {
    return Status::InvalidArgument("must be a whole number, got '" + *raw + "'", name);
  }
  if (value < min || value > max) {
    return Status::InvalidArgument(
        "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " + *raw,
        name);
  }
  return value;
}

Result<store::PageRequest> PageParams(const http::Request& request) {
  store::PageRequest page;
  ZL_ASSIGN_OR_RETURN(page.page, IntParam(request, "page", 1, 1, 1000000));
  ZL_ASSIGN_OR_RETURN(page.per_page,
                      IntParam(request, "per_page", 20, 1, store::PageRequest::kMaxPerPage));
  return page;
}

std::string TextParam(const http::Request& request, const char* name) {
  std::optional<std::string> raw = request.Query(name);
  if (!raw) return {};
  return TrimSpace(NormalizeNfkc(*raw));
}

Result<std::int64_t> PositiveIdPathParam(const http::Request& request, const char* name) {
  std::string_view text = request.PathParam(name);
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return Status::InvalidArgument("must be a positive whole number", name);
  }
  return id;
}

}  // namespace zl::api
