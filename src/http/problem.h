// The table of problem kinds: each stable slug with its HTTP status and its titles.
//
// Clients (the web UI, scripts) switch on the slug, so a slug never changes meaning once
// published; add new ones rather than reusing old ones.
#pragma once

#include <string>
#include <string_view>

#include "http/response.h"

namespace zl::http {

struct ProblemKind {
  std::string_view slug;      // "not-found"; the problem "type" is "/problems/" + slug
  int status;                 // default HTTP status for this kind
  std::string_view title;     // English
  std::string_view title_zh;  // Chinese (zh-CN)
};

// The kind with this slug, or nullptr.
const ProblemKind* FindProblemKind(std::string_view slug);

// A problem response of a known kind, with its standard titles. `slug` must be in the table
// (otherwise it is answered as "internal").
Response MakeProblem(std::string_view slug, std::string detail, std::string field = {});

}  // namespace zl::http
