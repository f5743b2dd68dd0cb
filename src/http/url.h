// Request-target helpers: split the target into path and query, percent-decode both.
//
// RFC 3986 percent-decoding, plus the HTML-form convention that '+' is a space in query
// strings (and only there). Malformed escapes are errors rather than being passed through,
// so that "%2e%2e" and ".." can never mean different things to different layers.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "base/result.h"

namespace zl::http {

// Decodes %XX escapes; with `plus_is_space`, '+' becomes ' '. Fails with InvalidArgument on a
// truncated or non-hex escape and on an encoded NUL byte.
zl::Result<std::string> PercentDecode(std::string_view text, bool plus_is_space = false);

// Encodes every byte outside RFC 3986 "unreserved" as %XX (for building links and queries).
std::string PercentEncode(std::string_view text);

// "/a/b?x=1#frag" -> path "/a/b", query "x=1" (the fragment is dropped).
struct TargetParts {
  std::string_view path;
  std::string_view query;
};
TargetParts SplitTarget(std::string_view target);

// "a=1&b=x+y&c" -> {a: "1", b: "x y", c: ""}; the last of repeated names wins. Fails with
// InvalidArgument (field = the parameter name where known) on a malformed escape.
zl::Result<std::map<std::string, std::string>> ParseQuery(std::string_view query);

}  // namespace zl::http
