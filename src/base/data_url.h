// Files that browsers send inside JSON as data URLs ("data:image/png;base64,iVBOR…", what
// FileReader.readAsDataURL produces): splitting one into its media type and bytes, so a stored
// evidence file can be served back as the file it was.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace zl {

struct DataUrl {
  std::string media_type;  // "image/png"; "text/plain;charset=US-ASCII" when the URL names none
  std::string bytes;
};

// Parses "data:[<media type>][;base64],<data>". Base64 (RFC 4648, padding optional, no line
// breaks) is decoded; otherwise the data is percent-decoded. InvalidArgument when `text` is not
// a data URL or its data is not valid base64.
Result<DataUrl> ParseDataUrl(std::string_view text);

}  // namespace zl
