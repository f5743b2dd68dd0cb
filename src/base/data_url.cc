// Data URLs (see data_url.h).
#include "base/data_url.h"

namespace zl {

namespace {

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;  // '-' and '_': the URL-safe alphabet
  if (c == '/' || c == '_') return 63;
  return -1;
}

Result<std::string> DecodeBase64(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return Status::InvalidArgument("base64 data has a stray character");
  std::string out;
  out.reserve(text.size() * 3 / 4);
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v = Base64Value(c);
    if (v < 0) return Status::InvalidArgument("base64 data has a character outside its alphabet");
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecoded(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
        HexValue(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace

Result<DataUrl> ParseDataUrl(std::string_view text) {
  constexpr std::string_view kScheme = "data:";
  const size_t comma = text.find(',');
  if (!text.starts_with(kScheme) || comma == std::string_view::npos) {
    return Status::InvalidArgument("is not a data URL (data:<type>;base64,<data>)");
  }
  std::string_view header = text.substr(kScheme.size(), comma - kScheme.size());
  std::string_view data = text.substr(comma + 1);
  DataUrl out;
  constexpr std::string_view kBase64 = ";base64";
  const bool base64 = header.ends_with(kBase64);
  if (base64) header.remove_suffix(kBase64.size());
  out.media_type = header.empty() ? "text/plain;charset=US-ASCII" : std::string(header);
  if (base64) {
    ZL_ASSIGN_OR_RETURN(out.bytes, DecodeBase64(data));
  } else {
    out.bytes = PercentDecoded(data);
  }
  return out;
}

}  // namespace zl
