// Character encodings of uploaded files. Spreadsheets exported by Excel in a Chinese locale
// are GBK, everything else is UTF-8; this turns either into the UTF-8 the rest of the code
// expects, and says where the bytes are wrong when they cannot be decoded.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace zl {

enum class TextEncoding { kUtf8, kGbk };

// "utf-8", "utf8", "gbk" or "gb18030", ignoring ASCII case. Anything else fails with
// InvalidArgument on the field "encoding".
Result<TextEncoding> ParseTextEncoding(std::string_view name);

// kUtf8 when `bytes` are well-formed UTF-8 (after an optional UTF-8 byte-order mark),
// otherwise kGbk. Pure ASCII is kUtf8. A GBK text that happens to be well-formed UTF-8 is
// misdetected; that is rare for real Chinese text and the caller can name the encoding.
TextEncoding DetectEncoding(std::string_view bytes);

// Decodes `bytes` to UTF-8, dropping a leading UTF-8 byte-order mark. kGbk is decoded as
// GB18030, a superset of GBK and GB2312. Fails with InvalidArgument (field "encoding") naming
// the byte offset in `bytes` of the first ill-formed or unmappable sequence.
Result<std::string> DecodeToUtf8(std::string_view bytes, TextEncoding encoding);

}  // namespace zl
