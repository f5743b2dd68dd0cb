// StaticFiles implementation: path checks, SPA fallback, content types, cache headers.
#include "http/static_files.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <utility>

#include "http/problem.h"
#include "http/request.h"

namespace zl::http {

namespace fs = std::filesystem;

namespace {

struct TypeEntry {
  std::string_view extension;
  std::string_view content_type;
};

constexpr std::array<TypeEntry, 17> kTypes = {{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".webp", "image/webp"},
    {".gif", "image/gif"},
    {".ico", "image/x-icon"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".txt", "text/plain; charset=utf-8"},
    {".wasm", "application/wasm"},
}};

constexpr std::string_view kIndex = "index.html";

// True when `path` (canonical) is `root` or below it, compared component by component so
// that "/srv/dist-old" is not inside "/srv/dist".
bool IsWithin(const fs::path& root, const fs::path& path) {
  auto r = root.begin();
  auto p = path.begin();
  for (; r != root.end(); ++r, ++p) {
    if (p == path.end() || *r != *p) return false;
  }
  return true;
}

Response NotFound() { return MakeProblem("not-found", "no such file"); }

}  // namespace

std::string_view ContentTypeForFile(std::string_view file_name) {
  auto dot = file_name.rfind('.');
  if (dot != std::string_view::npos) {
    std::string_view ext = file_name.substr(dot);
    for (const auto& entry : kTypes) {
      if (EqualsIgnoreCase(entry.extension, ext)) return entry.content_type;
    }
  }
  return "application/octet-stream";
}

zl::Result<StaticFiles> StaticFiles::Open(const std::string& root) {
  std::error_code ec;
  fs::path canonical = fs::canonical(root, ec);
  if (ec || !fs::is_directory(canonical, ec)) {
    return zl::Status::InvalidArgument("static root '" + root + "' is not a directory",
                                       "static_root");
  }
  return StaticFiles(std::move(canonical));
}

Response StaticFiles::Serve(std::string_view path) const {
  if (path.empty() || path.front() != '/') return NotFound();
  fs::path relative;
  std::string_view last;
  std::size_t i = 1;
  while (i <= path.size()) {
    std::size_t slash = std::min(path.find('/', i), path.size());
    std::string_view seg = path.substr(i, slash - i);
    i = slash + 1;
    if (seg.empty()) continue;
    // Refuses "..", "." and dotfiles; also NUL, which the decoder already rejects.
    if (seg.front() == '.' || seg.find('\0') != std::string_view::npos) return NotFound();
    relative /= fs::path(std::string(seg));
    last = seg;
  }
  const bool immutable = path.starts_with("/assets/");

  std::error_code ec;
  fs::path file = fs::weakly_canonical(root_ / relative, ec);
  if (ec || !IsWithin(root_, file)) return NotFound();
  fs::file_status st = fs::status(file, ec);
  if (fs::is_regular_file(st)) return ServeFile(file, immutable);
  if (fs::is_directory(st)) {
    fs::path index = fs::weakly_canonical(file / kIndex, ec);
    if (!ec && IsWithin(root_, index) && fs::is_regular_file(index, ec)) {
      return ServeFile(index, false);
    }
    return NotFound();
  }
  // A missing path without an extension is a client-side route: hand out the app shell.
  if (last.find('.') == std::string_view::npos) {
    fs::path index = root_ / kIndex;
    if (fs::is_regular_file(index, ec)) return ServeFile(index, false);
  }
  return NotFound();
}

Response StaticFiles::ServeFile(const fs::path& file, bool immutable) const {
  std::ifstream in(file, std::ios::binary);
  std::string content;
  if (in) content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in.is_open() || in.bad()) {
    return Response::FromStatus(zl::Status::IoError("cannot read " + file.string()));
  }
  std::string name = file.filename().string();
  Response r = Response::Text(std::move(content), std::string(ContentTypeForFile(name)));
  r.SetHeader("Cache-Control",
              immutable && name != kIndex ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace zl::http
