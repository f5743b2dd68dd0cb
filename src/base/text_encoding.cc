// UTF-8 validation and GB18030 decoding with an ICU converter for text_encoding.h.
#include "base/text_encoding.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <memory>
#include <vector>

namespace zl {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool HasBom(std::string_view bytes) { return bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom; }

// Offset of the first ill-formed UTF-8 sequence in `s`, or -1 when it is all well-formed.
int64_t FirstInvalidUtf8(std::string_view s) {
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return start;
  }
  return -1;
}

Status BadBytes(std::string_view encoding, size_t offset) {
  return Status::InvalidArgument(
      fmt::format("the text is not valid {}: bad byte sequence at byte offset {}", encoding,
                  offset),
      "encoding");
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

Result<std::string> DecodeGb18030(std::string_view bytes, size_t base_offset) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open("GB18030", &err));
  if (U_FAILURE(err)) {
    return Status::Internal(fmt::format("cannot open the GB18030 converter: {}", u_errorName(err)));
  }
  // Stop at the first bad sequence instead of substituting U+FFFD, so the caller learns where.
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return Status::Internal("cannot set the GB18030 error callback");

  // GB18030 never needs more UTF-16 units than bytes: 1 byte → 1, 2 → 1, 4 → at most 2.
  std::vector<UChar> utf16(bytes.size() + 1);
  const char* source = bytes.data();
  const char* const source_limit = bytes.data() + bytes.size();
  UChar* target = utf16.data();
  ucnv_toUnicode(cnv.get(), &target, utf16.data() + utf16.size(), &source, source_limit, nullptr,
                 /*flush=*/true, &err);
  if (U_FAILURE(err)) {
    if (err != U_ILLEGAL_CHAR_FOUND && err != U_INVALID_CHAR_FOUND &&
        err != U_TRUNCATED_CHAR_FOUND) {
      return Status::Internal(fmt::format("GB18030 decoding failed: {}", u_errorName(err)));
    }
    // `source` is past the offending bytes; ICU keeps them so we can step back over them.
    char invalid[32];
    int8_t invalid_len = sizeof(invalid);
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(cnv.get(), invalid, &invalid_len, &ignored);
    if (U_FAILURE(ignored)) invalid_len = 0;
    const size_t offset = static_cast<size_t>(source - bytes.data()) - invalid_len;
    return BadBytes("GBK", base_offset + offset);
  }

  const int32_t units = static_cast<int32_t>(target - utf16.data());
  int32_t utf8_len = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &utf8_len, utf16.data(), units, &err);  // preflight
  if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) {
    return Status::Internal(fmt::format("UTF-16 to UTF-8 failed: {}", u_errorName(err)));
  }
  std::string out(static_cast<size_t>(utf8_len), '\0');
  err = U_ZERO_ERROR;
  u_strToUTF8(out.data(), utf8_len, nullptr, utf16.data(), units, &err);
  if (U_FAILURE(err) && err != U_STRING_NOT_TERMINATED_WARNING) {
    return Status::Internal(fmt::format("UTF-16 to UTF-8 failed: {}", u_errorName(err)));
  }
  return out;
}

}  // namespace

Result<TextEncoding> ParseTextEncoding(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (lower == "utf-8" || lower == "utf8") return TextEncoding::kUtf8;
  if (lower == "gbk" || lower == "gb18030") return TextEncoding::kGbk;
  return Status::InvalidArgument(
      fmt::format("unknown encoding \"{}\"; expected utf-8 or gbk", name), "encoding");
}

TextEncoding DetectEncoding(std::string_view bytes) {
  if (HasBom(bytes)) return TextEncoding::kUtf8;
  return FirstInvalidUtf8(bytes) < 0 ? TextEncoding::kUtf8 : TextEncoding::kGbk;
}

Result<std::string> DecodeToUtf8(std::string_view bytes, TextEncoding encoding) {
  const size_t skipped = HasBom(bytes) ? kUtf8Bom.size() : 0;
  const std::string_view body = bytes.substr(skipped);
  switch (encoding) {
    case TextEncoding::kUtf8: {
      const int64_t bad = FirstInvalidUtf8(body);
      if (bad >= 0) return BadBytes("UTF-8", skipped + static_cast<size_t>(bad));
      return std::string(body);
    }
    case TextEncoding::kGbk:
      return DecodeGb18030(body, skipped);
  }
  return Status::Internal("unknown TextEncoding value");
}

}  // namespace zl
