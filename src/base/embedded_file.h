// A data file compiled into the binary by zl_embed_files (cmake/ZlHelpers.cmake).
#pragma once

#include <span>
#include <string_view>

namespace zl {

struct EmbeddedFile {
  std::string_view path;  // relative to the repository root, e.g. "data/regions/hebei.tsv"
  std::string_view bytes;
};

}  // namespace zl
