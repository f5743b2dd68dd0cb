// StaticFiles: serves the built web UI (web/dist) for GET/HEAD paths the router does not own.
//
// Safety first: the path is the percent-decoded request path; any segment that starts with a
// dot ("..", ".env") is refused, and the file is resolved with weakly_canonical (following
// symlinks) and served only if it is still inside the root. Paths without an extension that
// do not exist get index.html (single-page-app fallback for Vue router history mode).
// Fingerprinted files under /assets/ are cached for a year; everything else is revalidated.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "base/result.h"
#include "http/response.h"

namespace zl::http {

class StaticFiles {
 public:
  // Fails with InvalidArgument when `root` is not an existing directory.
  static zl::Result<StaticFiles> Open(const std::string& root);

  // The file for a decoded request path, or a 404 problem (also for refused paths, so a
  // probe learns nothing about the file system). Fails only as a 500 when a file that exists
  // cannot be read.
  Response Serve(std::string_view path) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}
  Response ServeFile(const std::filesystem::path& file, bool immutable) const;

  std::filesystem::path root_;  // canonical
};

// The Content-Type for a file name's extension ("app.js" -> "text/javascript; charset=utf-8");
// "application/octet-stream" when unknown.
std::string_view ContentTypeForFile(std::string_view file_name);

}  // namespace zl::http
